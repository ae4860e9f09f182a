"""Staff views for submissions: download a submitted file, review a submission."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.utils import get_forms_for_user

from calls.models import CallSubmission, ReviewStatus, SubmissionFile


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
    notify_submitter = forms.BooleanField(
        required=False,
        label=_("Tell the submitter the decision by e-mail"),
        help_text=_("Only for “accepted” or “rejected”; in the language they wrote in."),
    )

    class Meta:
        model = CallSubmission
        fields = ["status", "reviewer_notes"]


def send_decision(submission):
    with translation.override(submission.language or "en"):
        page = submission.page.specific
        body = render_to_string(
            "calls/decision_email.txt", {"submission": submission, "page": page}
        )
        subject = _("Your submission to %(title)s") % {"title": page.title}
        EmailMessage(str(subject), body, to=[submission.email]).send()


def review_submission(request, submission_id):
    submission = _submission_for(request.user, submission_id)
    form = ReviewForm(request.POST or None, instance=submission)
    if request.method == "POST" and form.is_valid():
        form.save()
        decided = submission.status in (ReviewStatus.ACCEPTED, ReviewStatus.REJECTED)
        if form.cleaned_data["notify_submitter"] and decided and submission.email:
            send_decision(submission)
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
