from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class ScoreForm(forms.Form):
    """A score (and an optional comment) for each of the round's criteria, all required."""

    comment = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Overall comment")
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                min_value=0,
                max_value=criterion.max_score,
                label=criterion.name,
                help_text=_("From 0 to %(max)s; weight %(weight)s.")
                % {"max": criterion.max_score, "weight": criterion.weight.normalize()},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                required=False,
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name},
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The overall comment last.
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])

    def values(self):
        return {c: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}

    def comments(self):
        return {c: self.cleaned_data[f"comment_{c.pk}"] for c in self.criteria}


class NewRoundForm(forms.Form):
    contest = forms.TypedChoiceField(label=_("Contest"), coerce=int)
    advance_count = forms.IntegerField(
        min_value=0,
        initial=0,
        label=_("Entries per category that go on"),
        help_text=_("When none is marked by hand, this many of each category's best go on."),
    )

    def __init__(self, *args, contests=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contest"].choices = [(p.pk, p.title) for p in contests]


class JurorsForm(forms.Form):
    jurors = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.none(), required=False, label=_("Jurors")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurors"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")
        )
        self.fields["jurors"].label_from_instance = lambda u: u.get_full_name() or u.get_username()
