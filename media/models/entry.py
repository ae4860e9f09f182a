import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from public_forms.storage import private_storage

LICENCES = [
    ("cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")),
    ("cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)")),
    ("itu-use", _("Use by ITU and the WSIS partners, with credit")),
]


def original_path(entry, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"contests/{entry.contest_key}/{uuid.uuid4().hex}{extension}"


class PhotoEntry(models.Model):
    """One photo sent to a contest. The original stays private; visitors see a copy without
    metadata, made when a moderator approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", pgettext_lazy("site", "Approved")
        REJECTED = "rejected", pgettext_lazy("site", "Rejected")

    contest = models.ForeignKey(
        "media.PhotoContestPage",
        on_delete=models.CASCADE,
        related_name="photo_entries",
        verbose_name=_("contest"),
    )
    contest_key = models.UUIDField(editable=False, db_index=True)
    original = models.FileField(upload_to=original_path, storage=private_storage, max_length=255)
    public_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=255, verbose_name=pgettext_lazy("site", "title"))
    caption = models.TextField(verbose_name=_("caption"))
    taken_where = models.CharField(max_length=255, verbose_name=_("where it was taken"))
    taken_on = models.DateField(null=True, blank=True, verbose_name=_("when it was taken"))
    photographer = models.CharField(max_length=255, verbose_name=_("photographer's name"))
    email = models.EmailField(verbose_name=_("e-mail"))
    country = CountryField(verbose_name=_("country"))
    licence = models.CharField(max_length=32, choices=LICENCES, verbose_name=_("licence granted"))
    people_consented = models.BooleanField(
        default=False, verbose_name=_("the people pictured agreed to appear")
    )
    language = models.CharField(max_length=10, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("submitted"))
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        verbose_name=_("status"),
    )
    # When the moderator decided; the worker carries the decision out (tasks).
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(blank=True, verbose_name=_("moderator notes"))
    # The decision the entrant was last told, so that each decision is sent once.
    notified_status = models.CharField(max_length=16, blank=True, editable=False)
    winner_rank = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("winner rank"), help_text=_("1 for the first prize…")
    )

    # Fetched with the page's other images when a page (a gallery) shows entries.
    prefetched_image_fields = ("public_image",)

    class Meta:
        verbose_name = _("photo entry")
        verbose_name_plural = _("photo entries")
        permissions = [("moderate_photoentry", "Can moderate photo contest entries")]
        constraints = [
            models.UniqueConstraint(
                fields=["contest_key", "winner_rank"], name="one_winner_per_rank_and_contest"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.photographer})"

    @classmethod
    def prefetch_queryset(cls):
        """What showing entries needs, in fixed queries whatever their number."""
        return cls.objects.select_related("public_image").prefetch_related(
            "public_image__renditions"
        )

    def clean(self):
        super().clean()
        if self.winner_rank is not None:
            if self.status != self.Status.APPROVED:
                raise ValidationError({"winner_rank": _("Only an approved photo can win.")})
            limit = self.contest.number_of_winners
            if not 1 <= self.winner_rank <= limit:
                raise ValidationError(
                    {
                        "winner_rank": _(
                            "This contest has %(count)s prize(s): rank 1 to %(count)s."
                        )
                        % {"count": limit}
                    }
                )
            taken = PhotoEntry.objects.filter(
                contest_key=self.contest_key, winner_rank=self.winner_rank
            )
            if taken.exclude(pk=self.pk).exists():
                raise ValidationError({"winner_rank": _("Another photo already holds this rank.")})

    @property
    def reference(self):
        """What the entrant is given to quote: this record's number, as in the moderation
        screen's address (/admin/snippets/media/photoentry/edit/<number>/)."""
        return f"P-{self.pk:06d}"

    @property
    def alt_text(self):
        return f"{self.title}: {self.caption}"


class EntrantQuota(models.Model):
    """Entries one e-mail address has sent to one contest, reserved by one conditional update
    so that concurrent entries never exceed the contest's limit."""

    contest_key = models.UUIDField()
    email = models.EmailField()
    count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contest_key", "email"], name="one_quota_per_entrant")
        ]

    def __str__(self):
        return f"{self.email}: {self.count}"
