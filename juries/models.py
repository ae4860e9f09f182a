"""A contest's jury: rounds, published criteria, jurors per category, their scores.

A round belongs to a contest page (any registered kind, juries.contests) and has a number; its
candidates are entries known by their number and category key, so that the same machinery
serves the WSIS Prizes (entries are prize submissions, categories the contest's) and the photo
contest (entries are photos, one category). Scores are never changed once a juror has sent
them: a juror sees the others' scores only after that."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from juries import contests


class JuryRound(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        SCORING = "scoring", _("Scoring")
        CLOSED = "closed", _("Closed")

    contest = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("contest"),
    )
    kind = models.CharField(max_length=32, editable=False)
    number = models.PositiveSmallIntegerField(default=1, verbose_name=_("round"))
    advance_count = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("entries per category that go on"),
        help_text=_(
            "When no entry of a category is marked to go on to the next round, this many of "
            "its best ranked do."
        ),
    )
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.PREPARING,
        verbose_name=_("status"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jury round")
        verbose_name_plural = _("jury rounds")
        ordering = ["contest_id", "number"]
        permissions = [("manage_juries", "Can manage juries and see every score")]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="one_round_per_number")
        ]

    def __str__(self):
        return _("%(contest)s, round %(number)s") % {
            "contest": self.contest.title,
            "number": self.number,
        }

    @property
    def contest_kind(self):
        return contests.get(self.kind)

    def criteria(self):
        """The criteria jurors score against: each in the language it was written in (that of
        the contest version it was added to), whichever version the round was created on."""
        return Criterion.objects.filter(
            contest__translation_key=self.contest.translation_key,
            locale_id=models.F("contest__locale_id"),
        ).order_by("sort_order", "pk")

    def categories(self):
        return self.contest_kind.categories(self.contest.specific)


class Criterion(TranslatableMixin, Orderable):
    """A published scoring criterion of a contest. Its name and description are translated
    (visitors read them on the contest page); its weight and highest score are the same in
    every language."""

    contest = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("contest"),
    )
    name = models.CharField(max_length=255, verbose_name=pgettext_lazy("site", "name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    weight = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01)],
        verbose_name=_("weight"),
    )
    max_score = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1)], verbose_name=_("highest score")
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("contest"),
        SynchronizedField("weight"),
        SynchronizedField("max_score"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.contest_id and contests.kind_for_page(self.contest) is None:
            raise ValidationError({"contest": _("Choose a WSIS Prizes or photo contest page.")})

    @classmethod
    def published_for(cls, page):
        """The criteria of a contest page in its language (else in the contest's language)."""
        criteria = list(
            cls.objects.filter(contest__translation_key=page.translation_key)
            .select_related("contest")
            .order_by("sort_order", "pk")
        )
        translated = {c.translation_key: c for c in criteria if c.locale_id == page.locale_id}
        return [
            translated.get(c.translation_key, c)
            for c in criteria
            if c.locale_id == c.contest.locale_id
        ]


class JurorAssignment(models.Model):
    """A juror scores the candidates of one category in one round."""

    round = models.ForeignKey(JuryRound, on_delete=models.CASCADE, related_name="assignments")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jury_assignments"
    )
    category_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "juror", "category_key"], name="one_assignment_per_category"
            )
        ]

    def __str__(self):
        return f"{self.juror} ({self.round})"


class Candidate(models.Model):
    """An entry in a round; staff mark those that go on to the next round."""

    round = models.ForeignKey(JuryRound, on_delete=models.CASCADE, related_name="candidates")
    entry_id = models.PositiveBigIntegerField()
    category_key = models.UUIDField(db_index=True)
    advances = models.BooleanField(default=False, verbose_name=_("goes on to the next round"))

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(fields=["round", "entry_id"], name="one_candidate_per_entry")
        ]

    def __str__(self):
        return f"#{self.entry_id} ({self.round})"


class Review(models.Model):
    """One juror's scores for one candidate, sent once (all criteria together)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="reviews")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jury_reviews"
    )
    comment = models.TextField(blank=True, verbose_name=_("comment"))
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "juror"], name="one_review_per_juror_and_candidate"
            )
        ]

    def __str__(self):
        return f"{self.juror} → {self.candidate}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(verbose_name=_("score"))
    comment = models.TextField(blank=True, verbose_name=_("comment"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"
