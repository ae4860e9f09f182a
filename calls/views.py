"""Staff views for submissions: download a submitted file, review a submission."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.utils import get_forms_for_user

from calls.models import CallSubmission, SubmissionFile


def _submission_for(user, submission_id):
    """The submission, if the user may see the submissions of its call (any language)."""
    submission = get_object_or_404(CallSubmission.objects.select_related("page"), pk=submission_id)
    allowed = get_forms_for_user(user).filter(translation_key=submission.page.translation_key)
    if not allowed.exists():
        raise PermissionDenied
    return submission


def download_file(request, submission_id, file_id):
    if not request.user.is_authenticated:
        raise Http404  # say nothing about what exists
    submission = _submission_for(request.user, submission_id)
    record = get_object_or_404(SubmissionFile, pk=file_id, submission=submission)
    response = FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        filename=record.original_name,
        content_type=record.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class ReviewForm(forms.ModelForm):
    class Meta:
        model = CallSubmission
        fields = ["status", "reviewer_notes"]


def review_submission(request, submission_id):
    submission = _submission_for(request.user, submission_id)
    form = ReviewForm(request.POST or None, instance=submission)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("Review saved: %(status)s.") % {"status": submission.get_status_display()}
        )
        return redirect("calls_review_submission", submission_id=submission.pk)
    return TemplateResponse(
        request,
        "calls/admin/review_submission.html",
        {
            "submission": submission,
            "form": form,
            "files": submission.files.all(),
            "data": submission.get_data(),
            "page": submission.page.specific,
        },
    )
