"""The long <select> (countries): the markup of Django's Select, without a template per option."""

import re

from django import forms
from django.utils import translation

from public_forms.widgets import LongSelect, country_choices


def country_form(widget, **kwargs):
    class CountryForm(forms.Form):
        country = forms.ChoiceField(choices=country_choices(), widget=widget)

    return CountryForm(**kwargs)


def options(html):
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html)


def select_tag(html):
    return re.search(r"<select[^>]*>", html).group(0)


def test_the_same_markup_as_djangos_select_unbound_bound_and_invalid():
    for kwargs in ({}, {"data": {"country": "CH"}}, {"data": {"country": "XX"}}):
        ours = str(country_form(LongSelect, **kwargs)["country"])
        django = str(country_form(forms.Select, **kwargs)["country"])
        assert options(ours) == options(django), kwargs
        assert sorted(select_tag(ours)[1:-1].split()) == sorted(select_tag(django)[1:-1].split())
    selected = options(str(country_form(LongSelect, data={"country": "CH"})["country"]))
    assert [value for value, chosen, _label in selected if chosen] == ["CH"]


def test_names_are_in_the_readers_language_and_escaped():
    with translation.override("fr"):
        french = options(str(country_form(LongSelect)["country"]))
    assert ("CH", "", "Suisse") in french
    assert ("DE", "", "Allemagne") in french
    choices = [("a", "<b>"), ("b", "R&D")]

    class Form(forms.Form):
        pick = forms.ChoiceField(choices=choices, widget=LongSelect)

    html = str(Form()["pick"])
    assert "&lt;b&gt;" in html and "R&amp;D" in html and "<b>" not in html


def test_no_option_goes_through_a_template(monkeypatch):
    made = []
    original = forms.Select.create_option

    def counting(self, *args, **kwargs):
        made.append(args[1])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(forms.Select, "create_option", counting)
    str(country_form(forms.Select)["country"])
    assert len(made) > 240  # Django's Select: an option dict and a template each
    made.clear()
    str(country_form(LongSelect)["country"])
    assert made == []
