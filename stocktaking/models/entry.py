import os
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from partners.models import STAKEHOLDER_TYPES
from public_forms.storage import private_storage

ENTRY_STAKEHOLDER_TYPES = [*STAKEHOLDER_TYPES, ("other", _("Other"))]


def attachment_path(entry, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"stocktaking/{uuid.uuid4().hex}{extension}"


class EntryContent(models.Model):
    """What an owner writes about a project: the public version on Entry, a proposed change on
    EntryUpdate (as the same fields, until a moderator approves it)."""

    class ProjectStatus(models.TextChoices):
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(max_length=255, verbose_name=_("project title"))
    organisation = models.CharField(max_length=255, verbose_name=_("organisation"))
    stakeholder_type = models.CharField(
        max_length=32, choices=ENTRY_STAKEHOLDER_TYPES, verbose_name=_("stakeholder type")
    )
    description = models.TextField(verbose_name=pgettext_lazy("site", "description"))
    website = models.URLField(max_length=255, blank=True, verbose_name=_("website"))
    project_status = models.CharField(
        max_length=16,
        choices=ProjectStatus.choices,
        default=ProjectStatus.ONGOING,
        verbose_name=_("project status"),
    )
    start_date = models.DateField(null=True, blank=True, verbose_name=_("start date"))
    end_date = models.DateField(null=True, blank=True, verbose_name=_("end date"))
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", verbose_name=_("language")
    )
    contact_name = models.CharField(max_length=255, verbose_name=_("contact person"))
    image = models.FileField(
        upload_to=attachment_path,
        storage=private_storage,
        max_length=255,
        blank=True,
        verbose_name=pgettext_lazy("site", "image"),
    )
    document = models.FileField(
        upload_to=attachment_path,
        storage=private_storage,
        max_length=255,
        blank=True,
        verbose_name=pgettext_lazy("site", "document"),
    )

    class Meta:
        abstract = True


class Entry(EntryContent):
    """A project in the Stocktaking database. Public once a moderator approves it; an owner's
    later change waits as an EntryUpdate while this version stays public."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        CHANGES_REQUESTED = "changes_requested", pgettext_lazy("site", "Changes requested")
        PUBLISHED = "published", pgettext_lazy("site", "Published")
        REJECTED = "rejected", pgettext_lazy("site", "Rejected")

    # Derived from start_date: the year facet.
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True, editable=False)
    action_lines = models.ManyToManyField(
        "stocktaking.ActionLine", related_name="entries", verbose_name=_("WSIS Action Lines")
    )
    sdgs = models.ManyToManyField(
        "stocktaking.Sdg", related_name="entries", verbose_name=_("Sustainable Development Goals")
    )
    # The owner: whoever receives the e-mails at this address (confirmed by its signed link).
    contact_email = models.EmailField(verbose_name=_("contact e-mail"))
    owner_email = models.CharField(max_length=254, db_index=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        verbose_name=_("moderation status"),
    )
    moderator_message = models.TextField(blank=True, verbose_name=_("message to the owner"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("submitted"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published"))
    updated_at = models.DateTimeField(auto_now=True)
    submitted_via = models.ForeignKey(
        "stocktaking.EmbeddingSite",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("submitted through"),
    )
    is_sample = models.BooleanField(
        default=False, verbose_name=_("sample data"), help_text=_("Made by the demo generator.")
    )

    class Meta:
        verbose_name = _("stocktaking entry")
        verbose_name_plural = _("stocktaking entries")
        permissions = [("moderate_entry", "Can moderate stocktaking entries")]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)

    def derive_fields(self):
        """What is kept derived from other fields, for finding an owner's entries and filtering
        by year; `save` calls it, a bulk insert calls it itself."""
        self.owner_email = (self.contact_email or "").strip().casefold()
        self.year = self.start_date.year if self.start_date else None

    @property
    def reference(self):
        return f"S-{self.pk:06d}"

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    def country_codes(self):
        return [link.country.code for link in self.country_links.all()]


class EntryCountry(models.Model):
    """A country an entry works in, with its ITU region (derived, for the region facet)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="country_links")
    country = CountryField(db_index=True)
    region = models.ForeignKey(
        "stocktaking.Region", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "country"], name="one_link_per_country")
        ]

    def __str__(self):
        return f"{self.entry_id}: {self.country.code}"


class EntryUpdate(models.Model):
    """An owner's change to a published entry, waiting for a moderator. The fields are kept as
    the form cleaned them (JSON, with the Action Lines, SDGs and countries as codes), the new
    files under private storage; approving copies them onto the entry."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        CHANGES_REQUESTED = "changes_requested", pgettext_lazy("site", "Changes requested")
        APPROVED = "approved", pgettext_lazy("site", "Approved")
        REJECTED = "rejected", pgettext_lazy("site", "Rejected")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="updates")
    data = models.JSONField()
    image = models.FileField(
        upload_to=attachment_path, storage=private_storage, max_length=255, blank=True
    )
    document = models.FileField(
        upload_to=attachment_path, storage=private_storage, max_length=255, blank=True
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("proposed update")
        verbose_name_plural = _("proposed updates")

    def __str__(self):
        return f"{self.entry}: {self.get_status_display()}"
