"""The "WSIS Prizes" admin menu: prize submissions (staff nominate, and mark winners and
champions) and the confirmed votes (personal data: read only, for staff with the permission)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from prizes.models import PrizeSubmission, Vote
from wsis_site.private_admin import PrivateSnippetViewSet


class PrizeSubmissionViewSet(PrivateSnippetViewSet):
    model = PrizeSubmission
    icon = "pick"
    menu_label = _("Prize submissions")
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
    list_display = ["nominee", "voter_email", "language", "confirmed_at"]
    list_per_page = 100
    ordering = ["-confirmed_at"]
    inspect_view_enabled = True
    form_fields = []

    def get_queryset(self, request):
        return Vote.objects.select_related("nominee__entry")


class PrizesGroup(SnippetViewSetGroup):
    menu_label = _("WSIS Prizes")
    menu_icon = "pick"
    menu_order = 320
    items = (PrizeSubmissionViewSet, VoteViewSet)


register_snippet(PrizesGroup)
