"""WSIS Flash in the admin: subscribers (listing, export, deletion, a person's data), the
sendings and their progress, and "Send" on every issue's page header."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from newsletter import admin_views
from newsletter.models import FlashIssuePage, Subscriber
from wsis_site.private_admin import PrivateSnippetViewSet


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Subscribers come in only by their own double opt-in: nobody adds or edits one here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class DataColumn(Column):
    cell_template_name = "newsletter/admin/data_cell.html"


class SubscriberViewSet(PrivateSnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("WSIS Flash subscribers")
    menu_order = 285
    add_to_admin_menu = True
    list_display = [
        "email",
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("languages", label=_("Languages"), accessor="language_codes"),
        "created_at",
        "confirmed_at",
        DataColumn("data", label=_("Data-protection export")),
    ]
    list_filter = ["language"]
    search_fields = ["email"]
    search_backend_name = None
    list_per_page = 50
    list_export = [
        "email",
        "status",
        "language",
        "language_codes",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_filename = "wsis-flash-subscribers"
    inspect_view_enabled = True
    inspect_view_fields = ["email", "language", "created_at", "confirmed_at", "unsubscribed_at"]

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("languages")


register_snippet(SubscriberViewSet)


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path(
            "newsletter/issues/<int:page_id>/send/",
            admin_views.SendIssueView.as_view(),
            name="newsletter_send_issue",
        ),
        path(
            "newsletter/sendings/",
            admin_views.DispatchListView.as_view(),
            name="newsletter_dispatches",
        ),
        path(
            "newsletter/sendings/<int:pk>/",
            admin_views.DispatchView.as_view(),
            name="newsletter_dispatch",
        ),
        path(
            "newsletter/subscribers/<int:pk>/data/",
            admin_views.SubscriberDataView.as_view(),
            name="newsletter_subscriber_data",
        ),
    ]


class SendingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.SEND_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_sendings_menu_item():
    return SendingsMenuItem(
        _("WSIS Flash sendings"), reverse("newsletter_dispatches"), icon_name="mail", order=286
    )


@hooks.register("register_page_header_buttons")
def send_issue_button(page, user, view_name=None, next_url=None):
    if issubclass(page.specific_class or object, FlashIssuePage) and user.has_perm(
        admin_views.SEND_PERMISSION
    ):
        yield HeaderButton(
            _("Send or test"),
            reverse("newsletter_send_issue", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )
