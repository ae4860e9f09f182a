"""The phases of a WSIS Prizes contest, in their order (computed from the clock, never stored)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContestPhase(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Not yet open")
    SUBMISSION = "submission", _("Submission")
    EXPERT_REVIEW = "expert_review", _("Expert review")
    NOMINEES_PUBLISHED = "nominees_published", _("Nominees published")
    VOTING = "voting", _("Public online voting")
    VOTING_CLOSED = "voting_closed", _("Voting closed")
    RESULTS_ANNOUNCED = "results_announced", _("Results announced")
