"""What calls are made of, apart from the models: field types, accepted uploads, review states.
The form builder and the staff screens import these without importing the models."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

CALL_FIELD_CHOICES = [
    *FORM_FIELD_CHOICES,
    ("file", _("File upload")),
    ("country", _("Country")),
    ("stakeholder_type", _("Stakeholder type")),
    ("consent", _("Consent to the privacy notice")),
    ("team", _("Team of 3 to 7 people (hackathon rules)")),
]

UPLOAD_TYPES = {
    # extension: what the file's content must be
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}


class ReviewStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", pgettext_lazy("site", "Rejected")
    CANCELLED = "cancelled", _("Cancelled by the submitter")


# A submission in these states holds no seat: its seat went back to the call.
WITHOUT_SEAT = (ReviewStatus.REJECTED, ReviewStatus.CANCELLED)
