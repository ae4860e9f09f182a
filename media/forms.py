from django import forms
from django.utils.translation import gettext_lazy as _

from media.photos import check_photo
from public_forms.forms import PublicFormMixin
from public_forms.widgets import LongSelect

# The fields the public fills in; the contest page makes the form for its entry model from this
# base (media.models.storing), so that this module needs no model and models can import it.
ENTRY_FIELDS = [
    "original",
    "title",
    "caption",
    "taken_where",
    "taken_on",
    "photographer",
    "email",
    "country",
    "licence",
    "people_consented",
]
ENTRY_WIDGETS = {"taken_on": forms.DateInput(attrs={"type": "date"}), "country": LongSelect}


class PhotoEntryForm(PublicFormMixin, forms.ModelForm):
    original = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG or PNG, at most 20 MB, at least %(size)s pixels on the long side."),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png"}),
    )
    people_consented = forms.BooleanField(
        required=True, label=_("The people pictured agreed to appear in this photo")
    )

    def __init__(self, *args, contest, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.fields["original"].help_text = self.fields["original"].help_text % {
            "size": contest.min_long_side
        }

    def clean_original(self):
        photo = self.cleaned_data["original"]
        check_photo(photo, min_long_side=self.contest.min_long_side)
        return photo
