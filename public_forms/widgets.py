"""A <select> for long lists (countries: 250 options) written in Python, its options rendered
once per language and list: Django's Select renders one template per option, which made the
country list half of a form page's CPU time."""

from django import forms
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe

_rendered = {}  # (language, choices) -> [(value, option, selected option)]
_MAX_LISTS = 64


def _options(choices):
    key = (translation.get_language(), choices)
    found = _rendered.get(key)
    if found is None:
        found = [
            (
                str(value),
                format_html('<option value="{}">{}</option>', value, label),
                format_html('<option value="{}" selected>{}</option>', value, label),
            )
            for value, label in choices
        ]
        if len(_rendered) >= _MAX_LISTS:
            _rendered.clear()
        _rendered[key] = found
    return found


class LongSelect(forms.Select):
    """Same markup as forms.Select for flat choices (no groups), without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["name"] = name
        chosen = {str(v) for v in self.format_value(value)}
        choices = tuple((str(v), str(label)) for v, label in self.choices)
        options = [
            selected if option_value in chosen else option
            for option_value, option, selected in _options(choices)
        ]
        return mark_safe(f"<select{flatatt(attrs)}>\n" + "\n".join(options) + "\n</select>")  # noqa: S308 - escaped above


class FixedChoices(BaseChoiceIterator):
    """Choices that no form changes (countries, stakeholder types), shared by every form built
    with them: Django normalizes a list of choices into a new one for each field made, and
    deep-copies it again for each form, 250 countries each time."""

    def __init__(self, choices):
        self.choices = tuple(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_country_choices = {}


def country_choices():
    """[("", "—"), (code, name)…] in the active language, sorted once per language."""
    from django_countries import countries

    language = translation.get_language()
    if language not in _country_choices:
        _country_choices[language] = FixedChoices([("", "—"), *countries])
    return _country_choices[language]
