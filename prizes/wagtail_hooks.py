"""The "WSIS Prizes" admin menu: prize submissions (staff nominate, and mark winners and
champions), the confirmed votes (personal data: read only, for staff with the permission),
each contest's dashboard, the flagged votes to review and one voter's data. Every status
change of a submission or a vote is written to Wagtail's audit log under its own action."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSetGroup

from prizes import admin_views
from prizes.models import PrizeSubmission, Vote
from prizes.stocktaking_entry import prize_entry_extension
from stocktaking.extensions import SUBMISSION_EXTENSIONS_HOOK
from wsis_site.private_admin import PrivateSnippetViewSet


class AuditedSubmissionEditView(EditView):
    """Saving a submission logs its nomination and its result as actions of their own (the
    generic "edited" entry says nothing of what changed)."""

    def save_instance(self):
        before = PrizeSubmission.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        if before.nominated != instance.nominated:
            action = "prizes.nominated" if instance.nominated else "prizes.nomination_withdrawn"
            log(instance, action, user=self.request.user)
        if before.result != instance.result:
            log(
                instance,
                "prizes.result_set",
                user=self.request.user,
                data={"before": before.result, "after": instance.result},
            )
        return instance


class PrizeSubmissionViewSet(PrivateSnippetViewSet):
    model = PrizeSubmission
    icon = "pick"
    menu_label = _("Prize submissions")
    edit_view_class = AuditedSubmissionEditView
    list_display = [
        "entry",
        "contest",
        Column("category_name", label=_("Category")),
        "nominated",
        "result",
        "submitted_at",
    ]
    list_filter = ["nominated", "result"]
    list_per_page = 50
    ordering = ["-submitted_at"]
    search_fields = ["entry__title", "entry__organisation"]
    panels = [FieldPanel("nominated"), FieldPanel("result")]

    def get_queryset(self, request):
        return PrizeSubmission.objects.select_related("entry", "contest")


class VoteViewSet(PrivateSnippetViewSet):
    model = Vote
    icon = "tick"
    menu_label = _("Votes")
    list_display = ["nominee", "voter_email", "status", "flag", "language", "confirmed_at"]
    list_filter = ["status", "flag"]
    list_per_page = 100
    ordering = ["-confirmed_at"]
    inspect_view_enabled = True
    form_fields = []

    def get_queryset(self, request):
        return Vote.objects.select_related("nominee__entry")


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PrizesGroup(SnippetViewSetGroup):
    menu_label = _("WSIS Prizes")
    menu_icon = "pick"
    menu_order = 320
    items = (PrizeSubmissionViewSet, VoteViewSet)

    def get_submenu_items(self):
        return [
            PermissionMenuItem(
                _("Dashboards"),
                reverse_lazy("prizes_contests"),
                icon_name="view",
                order=0,
                permission=admin_views.VIEW_SUBMISSIONS,
            ),
            *super().get_submenu_items(),
            PermissionMenuItem(
                _("Flagged votes"),
                reverse_lazy("prizes_flagged_votes"),
                icon_name="warning",
                order=900,
                permission=admin_views.REVIEW_VOTES,
            ),
            PermissionMenuItem(
                _("Voters' data"),
                reverse_lazy("prizes_voter_data"),
                icon_name="user",
                order=910,
                permission=admin_views.REVIEW_VOTES,
            ),
        ]


register_snippet(PrizesGroup)


@hooks.register("register_admin_urls")
def register_prizes_urls():
    return [
        path("prizes/contests/", admin_views.contests, name="prizes_contests"),
        path(
            "prizes/contests/<int:page_id>/dashboard/",
            admin_views.dashboard,
            name="prizes_dashboard",
        ),
        path(
            "prizes/contests/<int:page_id>/export/<str:export_format>/",
            admin_views.export,
            name="prizes_export",
        ),
        path("prizes/flagged-votes/", admin_views.flagged_votes, name="prizes_flagged_votes"),
        path("prizes/voters/", admin_views.voter_data, name="prizes_voter_data"),
    ]


@hooks.register("register_log_actions")
def register_prizes_log_actions(actions):
    actions.register_action("prizes.nominated", _("Nominate"), _("Nominated"))
    actions.register_action(
        "prizes.nomination_withdrawn", _("Withdraw nomination"), _("Nomination withdrawn")
    )

    @actions.register_action("prizes.result_set")
    class ResultSet(LogFormatter):
        label = _("Set result")

        def format_message(self, log_entry):
            labels = dict(PrizeSubmission.Result.choices)
            data = log_entry.data or {}
            return _("Result changed from “%(before)s” to “%(after)s”") % {
                "before": labels.get(data.get("before", ""), "—"),
                "after": labels.get(data.get("after", ""), "—"),
            }

    actions.register_action("prizes.vote_accepted", _("Accept vote"), _("Flagged vote accepted"))
    actions.register_action("prizes.vote_rejected", _("Reject vote"), _("Flagged vote rejected"))
    actions.register_action("prizes.voter_erased", _("Erase voter"), _("Voter's address erased"))
    actions.register_action(
        "prizes.voters_erased",
        _("Erase voters"),
        _("Voters' addresses erased (retention period over)"),
    )


@hooks.register(SUBMISSION_EXTENSIONS_HOOK)
def enter_the_prizes_from_stocktaking(page, data=None, entry=None):
    return prize_entry_extension(page, data, entry=entry)
