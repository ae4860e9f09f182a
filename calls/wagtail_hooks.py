from django.urls import include, path
from wagtail import hooks
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from calls import admin_views, views


# Ahead of wagtail.contrib.forms' own index, for the same paths.
@hooks.register("register_admin_urls", order=-1)
def register_forms_index_for_reviewers():
    index = admin_views.FormPagesForReviewersView
    urls = [
        path("", index.as_view(), name="index"),
        path("results/", index.as_view(results_only=True), name="index_results"),
    ]
    return [path("forms/", include((urls, "calls_forms"), namespace="calls_forms"))]


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path(
            "calls/submissions/<int:submission_id>/",
            views.ReviewSubmissionView.as_view(),
            name="calls_review_submission",
        ),
        # Files sent with submissions: only for staff allowed to see that call's submissions.
        path(
            "calls/submissions/<int:submission_id>/files/<int:file_id>/",
            views.DownloadSubmittedFileView.as_view(),
            name="calls_download_file",
        ),
    ]


@hooks.register("filter_form_submissions_for_user")
def submissions_for_reviewers(user, editable_forms):
    """Submissions hold personal data: only those who review them see them (moderators and
    submission reviewers, every call in every language), not everyone who may edit the page."""
    if user.is_superuser:
        return editable_forms
    if user.has_perm("calls.view_callsubmission"):
        return Page.objects.filter(content_type__in=get_form_types())
    return editable_forms.none()
