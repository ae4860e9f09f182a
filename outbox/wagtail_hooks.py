"""The outbox in the admin: what was sent, what waits, what failed and why; resend."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet

from home.admin_views import BulkConfirmationMixin
from outbox import tasks
from outbox.models import OutboxMessage
from wsis_site.private_admin import ListingPermissionRequired, PrivateSnippetViewSet


class OutboxViewSet(PrivateSnippetViewSet):
    model = OutboxMessage
    icon = "mail"
    menu_label = _("E-mail outbox")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["subject", "recipients", "state", "attempts", "last_error", "created_at"]
    list_filter = ["state", "language"]
    search_fields = ["subject"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "state",
        "created_at",
        "sent_at",
        "from_email",
        "to",
        "cc",
        "language",
        "subject",
        "body",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]


register_snippet(OutboxViewSet)


@hooks.register("register_bulk_action")
class ResendBulkAction(ListingPermissionRequired, BulkConfirmationMixin, SnippetBulkAction):
    models = [OutboxMessage]
    listing_title = _("E-mail outbox")
    listing_icon = "mail"
    display_name = _("Resend")
    action_type = "resend"
    aria_label = _("Send the selected e-mails again")
    template_name = "outbox/confirm_resend.html"

    def check_perm(self, snippet):
        return self.request.user.has_perm("outbox.resend_outboxmessage")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        pks = [message.pk for message in objects]
        return tasks.resend(OutboxMessage.objects.filter(pk__in=pks)), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d e-mail queued to be sent again",
            "%(count)d e-mails queued to be sent again",
            num_parent_objects,
        ) % {"count": num_parent_objects}
