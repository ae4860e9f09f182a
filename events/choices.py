from django.db import models
from django.utils.translation import gettext_lazy as _

EVENT_TYPES = [
    ("forum", _("Forum")),
    ("high_level_event", _("High-level event")),
    ("briefing", _("Briefing")),
    ("consultation_meeting", _("Open consultation meeting")),
    ("hackathon", _("Hackathon")),
    ("exhibition", _("Exhibition")),
    ("ceremony", _("Ceremony")),
    ("other", _("Other")),
]


class EventStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    HAPPENING_NOW = "happening_now", _("Happening now")
    PAST = "past", _("Past")
