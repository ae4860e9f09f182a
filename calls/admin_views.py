"""The submissions listing of a call: Wagtail's, with the review status to filter on and a
link to review each submission (files included)."""

from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from calls.models.submissions import ReviewStatus


class CallSubmissionsFilterSet(SubmissionsListFilterSet):
    status = ChoiceFilter(label=_("Review status"), choices=ReviewStatus.choices)


class CallSubmissionsListView(SubmissionsListView):
    filterset_class = CallSubmissionsFilterSet
    results_template_name = "calls/admin/list_submissions.html"

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("files")
