"""The calendar's filters are rendered by public_forms.widgets.LongSelect (no template per
option): the options and attributes of Django's Select, the chosen one selected."""

import re

from django import forms

from events.forms import EventFilterForm
from public_forms.widgets import LongSelect


def options(html):
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html)


def as_djangos_select(form):
    for field in form.fields.values():
        field.widget = forms.Select(choices=field.choices)
    return form


def test_the_filters_markup_is_djangos():
    for data in (None, {"type": "forum", "year": "2017", "place": "Geneva"}, {"year": "1900"}):
        ours = EventFilterForm(data, years=[2017, 2016], cities=["Geneva", "New York"])
        django = as_djangos_select(
            EventFilterForm(data, years=[2017, 2016], cities=["Geneva", "New York"])
        )
        for name in ("type", "year", "place"):
            assert isinstance(ours.fields[name].widget, LongSelect)
            assert options(str(ours[name])) == options(str(django[name])), (data, name)
            tag = sorted(str(ours[name]).split(">")[0].split())
            assert tag == sorted(str(django[name]).split(">")[0].split())
    chosen = EventFilterForm({"place": "Geneva"}, years=[], cities=["Geneva"])
    assert '<option value="Geneva" selected>' in str(chosen["place"])
