"""Moderation of contest entries: a queue with thumbnails, filters, bulk decisions, winners."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet

from home.admin_views import BulkConfirmationMixin
from media import entries, tasks
from media.models import PhotoEntry
from wsis_site.private_admin import ListingPermissionRequired, PrivateSnippetViewSet


class ThumbnailColumn(Column):
    cell_template_name = "media/admin/thumbnail_cell.html"


class ModerationForm(forms.ModelForm):
    class Meta:
        model = PhotoEntry
        fields = ["status", "winner_rank", "notes"]


class PhotoEntryViewSet(PrivateSnippetViewSet):
    """The moderation queue. Entries (names, e-mail addresses, private originals) are for
    contest moderators only, through the chooser and the bulk actions too."""

    model = PhotoEntry
    icon = "image"
    menu_label = _("Photo entries")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "title",
        ThumbnailColumn("thumbnail", label=_("Photo")),
        "photographer",
        "contest",
        "status",
        "winner_rank",
    ]
    list_filter = ["contest", "status"]
    list_per_page = 50
    ordering = ["-submitted_at"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return PhotoEntry.prefetch_queryset().select_related("contest")

    def get_form_class(self, for_update=False):
        return ModerationForm


register_snippet(PhotoEntryViewSet)


def original_photo(request, entry_id):
    """The original upload, for moderators only (it is never public)."""
    if not request.user.has_perm("media.moderate_photoentry"):
        raise PermissionDenied
    entry = get_object_or_404(PhotoEntry, pk=entry_id)
    response = FileResponse(entry.original.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@hooks.register("register_admin_urls")
def register_original_url():
    return [path("media/entries/<int:entry_id>/original/", original_photo, name="media_original")]


@hooks.register("after_edit_snippet")
def apply_decision(request, instance):
    """An approval made in the edit form publishes the photo, a rejection withdraws it: by
    the worker, like the bulk actions."""
    if isinstance(instance, PhotoEntry) and entries.undone().filter(pk=instance.pk).exists():
        tasks.decide([instance.pk], instance.status, request.user)


class DecisionBulkAction(ListingPermissionRequired, BulkConfirmationMixin, SnippetBulkAction):
    models = [PhotoEntry]
    template_name = "media/admin/confirm_bulk_decision.html"
    listing_title = _("Photo entries")
    listing_icon = "image"
    decision = None

    def check_perm(self, snippet):
        return self.request.user.has_perm("media.moderate_photoentry")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        status = (
            PhotoEntry.Status.APPROVED if cls.decision == "approve" else PhotoEntry.Status.REJECTED
        )
        return tasks.decide([entry.pk for entry in objects], status, user), 0


@hooks.register("register_bulk_action")
class ApproveBulkAction(DecisionBulkAction):
    display_name = pgettext_lazy("site", "Approve")
    action_type = "approve"
    aria_label = _("Approve the selected photos")
    decision = "approve"

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d photo approved: it is being published and its entrant told.",
            "%(count)d photos approved: they are being published and their entrants told.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class RejectBulkAction(DecisionBulkAction):
    display_name = pgettext_lazy("site", "Reject")
    action_type = "reject"
    aria_label = _("Reject the selected photos")
    decision = "reject"

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d photo rejected: its entrant is being told.",
            "%(count)d photos rejected: their entrants are being told.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
