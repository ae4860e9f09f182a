"""The submissions listing of a call: Wagtail's, with the review status to filter on, a link
to review each submission (files included), and a CSV export no spreadsheet runs as formulas."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import (
    FormPagesListView,
    SubmissionsListFilterSet,
    SubmissionsListView,
)

from calls.choices import ReviewStatus
from public_forms.spreadsheets import CsvSafeExportMixin


class CallSubmissionsFilterSet(SubmissionsListFilterSet):
    status = ChoiceFilter(label=_("Review status"), choices=ReviewStatus.choices)


class CallSubmissionsListView(CsvSafeExportMixin, SubmissionsListView):
    filterset_class = CallSubmissionsFilterSet
    results_template_name = "calls/admin/list_submissions.html"

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("files")

    def get_ordering(self):
        # Wagtail drops an `order_by` it does not know and leaves the listing unordered (pages
        # could repeat or skip rows): fall back to its default order instead.
        return super().get_ordering() or list(self.default_ordering)


class FormPagesForReviewersView(FormPagesListView):
    """Wagtail's list of forms asks for a page permission: submission reviewers have none, only
    the right to read submissions, which get_forms_for_user already applies."""

    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not get_forms_for_user(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
