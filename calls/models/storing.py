"""Storing what the public sends to a call: a seat, the submission, its files, its receipt and
its e-mails, all in one transaction or nothing (a mixin of DeadlineFormPage)."""

from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from calls.answers import readable_answers
from calls.models.submissions import CallSubmission, SubmissionCounter, SubmissionFile
from public_forms import quotas, receipts

# The registrant's cancellation link (calls.cancellation) is signed with this.
CANCELLATION_SALT = "calls.cancel-registration"


def cancellation_url(submission):
    """The link's absolute address, in the language the registrant used."""
    token = signing.dumps(submission.pk, salt=CANCELLATION_SALT)
    with translation.override(submission.language or "en"):
        path = reverse("calls_cancel_registration", args=[token])
    return submission.page.get_site().root_url + path


class CallFull(Exception):
    pass


class DuplicateSubmission(Exception):
    pass


class SubmissionStoring:
    def reserve_seat(self):
        """One seat, or CallFull, counted across every language version of the call (counted
        without a capacity too, so that a capacity set later counts what is stored)."""
        if not quotas.take_one(
            SubmissionCounter, self.capacity, translation_key=self.translation_key
        ):
            raise CallFull

    def submitter_email(self, form):
        for field in self.get_form_fields():
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name):
                return form.cleaned_data[field.clean_name]
        return ""

    def send_mail(self, form):
        """The staff notification: a subject even when the editor left it empty (the form's
        title), and Reply-To the submitter, so that staff answer them, not the site."""
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        subject = self.subject.strip() or _("New submission: %(title)s") % {"title": self.title}
        submitter = self.submitter_email(form)
        EmailMessage(
            str(subject),
            self.render_email(form),
            from_email=self.from_address or None,
            to=addresses,
            reply_to=[submitter] if submitter else [],
        ).send()

    def unique_key(self, form):
        """The value that may appear once per call, normalised, or None."""
        value = ""
        if self.unique_per == "email":
            value = self.submitter_email(form)
        elif self.unique_per == "organisation":
            value = str(form.cleaned_data.get("organisation", ""))
        value = " ".join(value.casefold().split())
        return f"{self.unique_per}:{value}"[:255] if value else None

    def process_form_submission(self, form):
        """Stores the submission, its files and its e-mails (in the outbox), all or nothing.
        The e-mails leave once it is committed, from a task: never within the request."""
        stored = []
        try:
            with transaction.atomic():
                receipt = receipts.claim(self.receipt_scope, form.submission_token)
                self.reserve_seat()
                submission = CallSubmission.objects.create(
                    page=self,
                    form_data=form.submitted_data(),
                    email=self.submitter_email(form),
                    language=self.locale.language_code,
                    call_key=self.translation_key,
                    unique_key=self.unique_key(form),
                )
                for name, uploaded in form.submitted_files().items():
                    stored.append(
                        SubmissionFile.objects.create(
                            submission=submission,
                            field_name=name,
                            original_name=uploaded.name[:255],
                            content_type=uploaded.content_type,
                            size=uploaded.size,
                            file=uploaded,
                        )
                    )
                self.check_submission(submission, form)
                receipts.attach(receipt, submission)
                if self.to_address:
                    self.send_mail(form)
                if self.send_confirmation and submission.email:
                    self.send_confirmation_email(submission, form)
        except Exception as error:
            for record in stored:
                record.file.storage.delete(record.file.name)
            if isinstance(error, IntegrityError) and self.unique_per:
                raise DuplicateSubmission from error
            raise
        return submission

    def check_submission(self, submission, form):
        """Rules of a call type, checked inside the transaction (raise to store nothing)."""

    def render_email(self, form):
        """The answers for the call's staff address, labelled and readable (calls.answers), in
        the language of the page they were sent to."""
        data = {**form.submitted_data(), **{k: v.name for k, v in form.submitted_files().items()}}
        with translation.override(self.locale.language_code):
            rows = readable_answers(self, data)
        return "\n".join(f"{label}: {value}" for label, value in rows)

    def send_confirmation_email(self, submission, form):
        """A receipt to the address typed in, which nobody has confirmed: the call, the time
        and a reference, never the answers (anyone could have their words sent to anyone)."""
        with translation.override(self.locale.language_code):
            event = self.get_parent().specific
            if not hasattr(event, "calendar_file"):
                event = None
            context = {"page": self, "submission": submission, "event": event}
            if getattr(self, "kind", "") == "registration":
                context["cancel_url"] = cancellation_url(submission)
            body = render_to_string("calls/confirmation_email.txt", context)
            subject = _("We received your submission: %(title)s") % {"title": self.title}
            message = EmailMessage(str(subject), body, to=[submission.email])
            if event is not None:
                # A registration: the event goes straight into the registrant's calendar.
                from events.calendar import event_file

                message.attach(f"{event.slug}.ics", event_file(event), "text/calendar")
            message.send()
