from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.choices import EVENT_TYPES
from public_forms.widgets import LongSelect

ONLINE = "online"


class EventFilterForm(forms.Form):
    """The calendar's filters. Choices for year and place come from the events themselves."""

    # Rendered without a template per option (public_forms.widgets): a tenth of the calendar's
    # rendering otherwise.
    type = forms.ChoiceField(required=False, label=_("Type"), widget=LongSelect)
    year = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, label=_("Year"), widget=LongSelect
    )
    place = forms.ChoiceField(required=False, label=_("Place"), widget=LongSelect)

    def __init__(self, data, *, years, cities):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *EVENT_TYPES]
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["place"].choices = [
            ("", _("All places")),
            (ONLINE, _("Online")),
            *[(city, city) for city in cities],
        ]

    def filter(self, events):
        """The events that match; invalid choices are reported by the form and ignored."""
        if not self.is_valid():
            return events
        if self.cleaned_data.get("type"):
            events = events.filter(event_type=self.cleaned_data["type"])
        if self.cleaned_data.get("year"):
            events = events.filter(start_date__year=self.cleaned_data["year"])
        place = self.cleaned_data.get("place")
        if place == ONLINE:
            events = events.filter(Q(online_only=True) | Q(remote_participation=True))
        elif place:
            events = events.filter(city=place)
        return events
