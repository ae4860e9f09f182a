"""What the Prizes store about projects and voters. Both are keyed by the contest's and the
category's translation keys, so that every language version of a contest counts together."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PrizeSubmission(models.Model):
    """A Stocktaking entry entered for one contest, in one category; staff nominate it."""

    class Result(models.TextChoices):
        NONE = "", _("—")
        WINNER = "winner", _("Winner")
        CHAMPION = "champion", _("Champion")

    entry = models.ForeignKey(
        "stocktaking.Entry",
        on_delete=models.CASCADE,
        related_name="prize_submissions",
        verbose_name=_("Stocktaking entry"),
    )
    contest = models.ForeignKey(
        "prizes.PrizesContestPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("contest"),
        help_text=_("The language version it was entered through."),
    )
    contest_key = models.UUIDField(db_index=True, editable=False)
    category_key = models.UUIDField(db_index=True, editable=False)
    nominated = models.BooleanField(default=False, verbose_name=_("nominated"))
    result = models.CharField(
        max_length=16, blank=True, choices=Result.choices, default="", verbose_name=_("result")
    )
    submitted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("submitted"))

    class Meta:
        verbose_name = _("prize submission")
        verbose_name_plural = _("prize submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "contest_key"], name="one_prize_submission_per_entry"
            )
        ]

    def __str__(self):
        return f"{self.entry} ({self.category_name})"

    @classmethod
    def entering(cls, contest, category_key, **fields):
        """An unsaved submission to `contest` (the language version entered through) in the
        category `category_key`, keyed as every language version counts it."""
        return cls(
            contest=contest,
            contest_key=contest.translation_key,
            category_key=category_key,
            **fields,
        )

    @property
    def category(self):
        return self.contest.categories.filter(translation_key=self.category_key).first()

    @property
    def category_name(self):
        category = self.category
        return category.name if category else ""


class Vote(models.Model):
    """A confirmed vote: one per category per voter for the whole contest, which the database
    enforces (so a hundred racing confirmations count once). A vote that looks like part of a
    campaign of fake votes (a burst from one network, many votes within seconds) is stored
    flagged: it holds the voter's place but counts only once staff accept it."""

    class Status(models.TextChoices):
        COUNTED = "counted", _("Counted")
        FLAGGED = "flagged", _("Flagged for review")
        REJECTED = "rejected", _("Rejected")

    class Flag(models.TextChoices):
        NONE = "", _("—")
        NETWORK_BURST = "network_burst", _("Burst of votes from one network")
        RAPID = "rapid", _("Many votes for one nominee within seconds")

    contest_key = models.UUIDField(editable=False)
    category_key = models.UUIDField(editable=False)
    nominee = models.ForeignKey(
        PrizeSubmission, on_delete=models.CASCADE, related_name="votes", verbose_name=_("nominee")
    )
    voter_email = models.CharField(
        max_length=254, editable=False, verbose_name=_("voter (normalised address)")
    )
    language = models.CharField(max_length=10, blank=True, editable=False)
    # The client's network (IPv4 /24, IPv6 /48), never the full address: enough to see a burst.
    network = models.CharField(max_length=64, blank=True, editable=False, verbose_name=_("network"))
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.COUNTED,
        db_index=True,
        verbose_name=_("status"),
    )
    flag = models.CharField(
        max_length=16, choices=Flag.choices, blank=True, default="", verbose_name=_("flagged as")
    )
    confirmed_at = models.DateTimeField(default=timezone.now, verbose_name=_("confirmed"))
    # The voter's address and network erased (retention period over, or at their request).
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        permissions = [("review_vote", "Can review flagged votes and voters' personal data")]
        constraints = [
            models.UniqueConstraint(
                fields=["contest_key", "category_key", "voter_email"],
                name="one_vote_per_category_per_voter",
            )
        ]
        indexes = [
            models.Index(fields=["contest_key", "network", "confirmed_at"]),
            models.Index(fields=["nominee", "confirmed_at"]),
        ]

    def __str__(self):
        # Never the voter's address: this is the label the audit log keeps (and shows to
        # Prizes editors on the dashboard), after the address itself is erased.
        return f"#{self.pk} → {self.nominee_id}"
