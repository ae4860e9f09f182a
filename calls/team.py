"""A team as one form field: the hackathon's rules checked on the server."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_MEMBERS = 7
MIN_MEMBERS = 3
MIN_AGE, MAX_AGE = 18, 35
GENDERS = [
    ("", "—"),
    ("woman", _("Woman")),
    ("man", _("Man")),
    ("other", _("Another answer or prefers not to say")),
]
PARTS = 3  # name, age, gender


class TeamWidget(forms.MultiWidget):
    template_name = "calls/widgets/team.html"

    def __init__(self, attrs=None):
        widgets = []
        for _member in range(MAX_MEMBERS):
            widgets += [
                forms.TextInput(attrs={"autocomplete": "off"}),
                forms.NumberInput(attrs={"min": 0, "max": 120, "inputmode": "numeric"}),
                forms.Select(choices=GENDERS),
            ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        values = []
        for member in value or []:
            values += [member.get("name"), member.get("age"), member.get("gender")]
        return values + [None] * (MAX_MEMBERS * PARTS - len(values))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        context["widget"]["members"] = [
            subwidgets[index : index + PARTS] for index in range(0, len(subwidgets), PARTS)
        ]
        return context


class TeamField(forms.MultiValueField):
    """3 to 7 members, each aged 18 to 35, with at least one woman and one man."""

    def __init__(self, **kwargs):
        fields = []
        for _member in range(MAX_MEMBERS):
            fields += [
                forms.CharField(required=False, max_length=200),
                forms.IntegerField(required=False, min_value=0, max_value=120),
                forms.ChoiceField(required=False, choices=GENDERS),
            ]
        kwargs.setdefault(
            "help_text",
            _("%(min)s to %(max)s members aged %(young)s to %(old)s, women and men.")
            % {"min": MIN_MEMBERS, "max": MAX_MEMBERS, "young": MIN_AGE, "old": MAX_AGE},
        )
        kwargs.pop("initial", None)
        super().__init__(fields=fields, widget=TeamWidget(), require_all_fields=False, **kwargs)

    def compress(self, values):
        rows = [values[index : index + PARTS] for index in range(0, len(values or []), PARTS)]
        return [
            {"number": number, "name": name or "", "age": age, "gender": gender or ""}
            for number, (name, age, gender) in enumerate(rows, start=1)
            if name or age is not None or gender
        ]

    def validate(self, members):
        super().validate(members)
        errors = []
        for member in members:
            if not (member["name"] and member["age"] is not None and member["gender"]):
                errors.append(
                    _("Member %(number)s: give a name, an age and an answer on gender.") % member
                )
            elif not MIN_AGE <= member["age"] <= MAX_AGE:
                errors.append(
                    _("Member %(number)s is %(age)s: members must be %(young)s to %(old)s.")
                    % {**member, "young": MIN_AGE, "old": MAX_AGE}
                )
        if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
            errors.append(
                _("A team has %(min)s to %(max)s members; this one has %(count)s.")
                % {"min": MIN_MEMBERS, "max": MAX_MEMBERS, "count": len(members)}
            )
        genders = {member["gender"] for member in members}
        if not {"woman", "man"} <= genders:
            errors.append(_("A team needs at least one woman and one man."))
        if errors:
            raise ValidationError(errors)
