"""A submission's answers as people read them: each field's label, and each value as the form
offered it, in the active language: a country's name, a stakeholder type's label, Yes or No, a
date in the language's format, a team member by member. The e-mail to a call's staff address
and the staff review screen show these, never the stored codes (`CH`, `government`, `True`)."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from calls.team import GENDERS
from partners.models import STAKEHOLDER_TYPES

EMPTY = "—"


def readable_value(field_type, value):
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool) or field_type in ("checkbox", "consent"):
        return _("Yes") if value else _("No")
    if field_type == "country":
        return str(countries.name(value)) or str(value)
    if field_type == "stakeholder_type":
        return str(dict(STAKEHOLDER_TYPES).get(value, value))
    if field_type == "team":
        return "; ".join(_member(member) for member in value)
    if isinstance(value, datetime.datetime) or field_type == "datetime":
        moment = value if isinstance(value, datetime.datetime) else parse_datetime(str(value))
        if moment is None:
            return str(value)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, datetime.date) or field_type == "date":
        day = value if isinstance(value, datetime.date) else parse_date(str(value))
        return date_format(day, "DATE_FORMAT") if day else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def _member(member):
    gender = dict(GENDERS).get(member.get("gender", ""), member.get("gender", ""))
    return _("%(number)s. %(name)s, aged %(age)s, %(gender)s") % {
        "number": member.get("number", ""),
        "name": member.get("name", ""),
        "age": member.get("age", ""),
        "gender": gender,
    }


def readable_answers(page, data):
    """[(label, value)] for `data` (values by field name, as stored or as cleaned), in the
    order of `data`; names that are no form field (the submission time, files, the review
    status) get the labels the call's data fields give them."""
    fields = {field.clean_name: field for field in page.get_form_fields()}
    labels = dict(page.get_data_fields())
    rows = []
    for name, value in data.items():
        field = fields.get(name)
        label = field.label if field else labels.get(name, name)
        rows.append((str(label), readable_value(field.field_type if field else None, value)))
    return rows
