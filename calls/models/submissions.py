import os
import uuid

from django.db import models, transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from calls.choices import CALL_FIELD_CHOICES, UPLOAD_TYPES, WITHOUT_SEAT, ReviewStatus
from public_forms import quotas
from public_forms.storage import private_storage


class CallFormField(TranslatableMixin, AbstractFormField):
    """A field of a call's form, with the types calls need beyond Wagtail's own."""

    page = ParentalKey("calls.CallPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        max_length=16, choices=CALL_FIELD_CHOICES, verbose_name=_("field type")
    )
    allowed_file_types = models.CharField(
        max_length=64,
        blank=True,
        default="pdf,docx,odt",
        verbose_name=_("allowed file types"),
        help_text=_("For file uploads: comma-separated, among %(types)s.")
        % {"types": ", ".join(UPLOAD_TYPES)},
    )
    max_file_size_mb = models.PositiveSmallIntegerField(
        default=10, verbose_name=_("maximum file size (MB)")
    )

    panels = [
        *AbstractFormField.panels,
        FieldRowPanel([FieldPanel("allowed_file_types"), FieldPanel("max_file_size_mb")]),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("allowed_file_types"),
        SynchronizedField("max_file_size_mb"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")


class CallSubmission(AbstractFormSubmission):
    """What one person sent to a call, and where its review stands. Never public."""

    status = models.CharField(
        max_length=16,
        choices=ReviewStatus.choices,
        default=ReviewStatus.RECEIVED,
        db_index=True,
        verbose_name=_("review status"),
    )
    reviewer_notes = models.TextField(blank=True, verbose_name=_("reviewer notes"))
    email = models.EmailField(blank=True, db_index=True, verbose_name=_("submitter's e-mail"))
    language = models.CharField(max_length=10, blank=True, verbose_name=_("language"))
    # The call this answers, whatever the language version it was sent to.
    call_key = models.UUIDField(null=True, editable=False)
    # What may appear once per call (an e-mail, an organisation), enforced by the database.
    unique_key = models.CharField(max_length=255, null=True, editable=False)
    # Whether this submission counts towards the call's seats (SubmissionCounter): it stops
    # when it is rejected, cancelled or deleted, by one conditional UPDATE, so that its seat
    # is given back once however many people act on it at the same moment.
    holds_seat = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["call_key", "unique_key"], name="one_submission_per_key_and_call"
            )
        ]

    @property
    def reference(self):
        """What the submitter is given to quote: this record's number, as in the review
        screen's address (/admin/calls/submissions/<number>/)."""
        return f"C-{self.pk:06d}"

    def save(self, *args, **kwargs):
        # A new submission holds the seat its call's storing reserved: nothing to settle.
        settles_seat = not self._state.adding and self.call_key
        with transaction.atomic():
            super().save(*args, **kwargs)
            update_fields = kwargs.get("update_fields")
            if settles_seat and (update_fields is None or "status" in update_fields):
                if self.status in WITHOUT_SEAT:
                    self.release_seat()
                else:
                    self.retake_seat()

    def release_seat(self):
        """Gives this submission's seat back to the call, once."""
        released = CallSubmission.objects.filter(pk=self.pk, holds_seat=True).update(
            holds_seat=False
        )
        if released:
            quotas.give_back(SubmissionCounter, translation_key=self.call_key)
        self.holds_seat = False

    def retake_seat(self):
        """A reviewer takes a rejected submission back: it counts again, even past the
        capacity (a reviewer's decision, not a race)."""
        retaken = CallSubmission.objects.filter(pk=self.pk, holds_seat=False).update(
            holds_seat=True
        )
        if retaken:
            quotas.take_one(SubmissionCounter, None, translation_key=self.call_key)
        self.holds_seat = True

    def get_data(self):
        files = ", ".join(record.original_name for record in self.files.all())
        return {**super().get_data(), "files": files, "status": self.get_status_display()}


def submission_file_path(instance, filename):
    # A random name: the submitter's file name is kept in the record, never used as a path.
    extension = os.path.splitext(filename)[1].lower()
    return f"submissions/{instance.submission.page_id}/{uuid.uuid4().hex}{extension}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(CallSubmission, on_delete=models.CASCADE, related_name="files")
    field_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=submission_file_path, storage=private_storage, max_length=255)

    class Meta:
        verbose_name = _("submitted file")

    def __str__(self):
        return self.original_name


class SubmissionCounter(models.Model):
    """Seats taken on a call with a capacity, across all its language versions. Kept apart
    from the page so that publishing the page never resets it, and incremented by one
    conditional UPDATE so that racing submissions never exceed the capacity."""

    translation_key = models.UUIDField(unique=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.translation_key}: {self.count}"


@receiver(pre_delete, sender=CallSubmission, dispatch_uid="calls.submission_deleted")
def give_seat_back_on_delete(sender, instance, **kwargs):
    """Deleted (one by one or in bulk: Django sends this for each): its seat goes back."""
    if instance.call_key:
        instance.release_seat()
