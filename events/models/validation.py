"""What an event page must satisfy before it is saved: times, dates, venue, programme, and its
main event (for a pre-event); each error on the field it is about."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class EventValidation:
    """Mixed into EventPage (events/models/event.py)."""

    def clean(self):
        super().clean()
        errors = {}
        if not self.all_day and (self.start_time is None or self.end_time is None):
            errors["start_time"] = _("Give start and end times, or mark the event as all-day.")
        if self._ends_before_it_starts():
            errors["end_date"] = _("The event must end after it starts.")
        if not self.online_only and not self.city:
            errors["city"] = _("Give the city of the venue, or mark the event as online only.")
        if self.remote_participation_url and not (self.remote_participation or self.online_only):
            errors["remote_participation"] = _(
                "Tick “remote participation offered” to publish the link."
            )
        errors.update(self._programme_errors())
        errors.update(self._main_event_errors())
        if errors:
            raise ValidationError(errors)
        self.starts_at, self.ends_at = self.bounds()

    def _ends_before_it_starts(self):
        if not (self.start_date and self.end_date):
            return False
        if self.end_date != self.start_date or self.all_day:
            return self.end_date < self.start_date
        return bool(self.start_time and self.end_time and self.end_time <= self.start_time)

    def _programme_errors(self):
        if not (self.start_date and self.end_date):
            return {}
        outside = [
            session
            for track in self.programme
            for session in track.value["sessions"]
            if not self.start_date <= session["day"] <= self.end_date
        ]
        if not outside:
            return {}
        first = outside[0]
        return {
            "programme": _(
                "The session “%(title)s” on %(day)s is outside the event's dates "
                "(%(start)s to %(end)s)."
            )
            % {
                "title": first["title"],
                "day": first["day"].isoformat(),
                "start": self.start_date.isoformat(),
                "end": self.end_date.isoformat(),
            }
        }

    def _main_event_errors(self):
        main = self.main_event
        if main is None:
            return {}
        if main.translation_key == self.translation_key:
            return {"main_event": _("An event cannot be a pre-event of itself.")}
        if self.start_date and self.bounds()[0] > main.starts_at:
            return {
                "main_event": _(
                    "A pre-event must start before its main event (%(title)s starts on %(date)s)."
                )
                % {"title": main.title, "date": main.start_date.isoformat()}
            }
        return {}
