"""Staff screens for submissions (Wagtail admin views, under /admin/ by register_admin_urls):
download a submitted file, review a submission."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user

from calls.answers import readable_answers
from calls.models import CallSubmission, ReviewStatus, SubmissionFile


def _submission_for(user, submission_id):
    """The submission, if the user may see the submissions of its call (any language)."""
    submission = get_object_or_404(CallSubmission.objects.select_related("page"), pk=submission_id)
    allowed = get_forms_for_user(user).filter(translation_key=submission.page.translation_key)
    if not allowed.exists():
        raise PermissionDenied
    return submission


class SubmissionView(View):
    """A staff screen about one submission: only for who may see that call's submissions."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404  # say nothing about what exists
        self.submission = _submission_for(request.user, kwargs["submission_id"])
        return super().dispatch(request, *args, **kwargs)


class DownloadSubmittedFileView(SubmissionView):
    def get(self, request, submission_id, file_id):
        record = get_object_or_404(SubmissionFile, pk=file_id, submission=self.submission)
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


class ReviewSubmissionView(WagtailAdminTemplateMixin, SubmissionView, FormView):
    """The review screen: the answers, the files, and the reviewer's decision."""

    template_name = "calls/admin/review_submission.html"
    form_class = ReviewForm
    page_title = _("Review a submission")
    header_icon = "form"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.submission}

    def form_valid(self, form):
        submission = form.save()
        decided = submission.status in (ReviewStatus.ACCEPTED, ReviewStatus.REJECTED)
        if form.cleaned_data["notify_submitter"] and decided and submission.email:
            send_decision(submission)
        messages.success(
            self.request,
            _("Review saved: %(status)s.") % {"status": submission.get_status_display()},
        )
        return redirect("calls_review_submission", submission_id=submission.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.submission.page.specific
        context.update(
            submission=self.submission,
            files=self.submission.files.all(),
            answers=readable_answers(page, self.submission.get_data()),
            page=page,
        )
        return context
