from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publications.choices import DOCUMENT_LANGUAGES, PUBLICATION_TYPES

MAX_QUERY_LENGTH = 200


class PublicationFilterForm(forms.Form):
    """The repository's filters and search. Years come from the publications themselves."""

    q = forms.CharField(
        required=False, max_length=MAX_QUERY_LENGTH, label=pgettext_lazy("site", "Search")
    )
    type = forms.ChoiceField(required=False, label=_("Type"))
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label=_("Year"))
    region = forms.ChoiceField(required=False, label=_("Region"))
    language = forms.ChoiceField(required=False, label=_("Available in"))

    def __init__(self, data, *, years):
        if data is not None and len(data.get("q", "")) > MAX_QUERY_LENGTH:
            # A long search is cut, as the site search does, rather than refused.
            data = data.copy()
            data["q"] = data["q"][:MAX_QUERY_LENGTH]
        super().__init__(data)
        region_model = apps.get_model("stocktaking", "Region")
        self.fields["type"].choices = [("", _("All types")), *PUBLICATION_TYPES]
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.code, region.name) for region in region_model.objects.all()
        ]
        self.fields["language"].choices = [("", _("Any language")), *DOCUMENT_LANGUAGES]

    def filter(self, publications):
        """The publications that match; invalid choices are reported by the form and ignored."""
        if not self.is_valid():
            return publications
        data = self.cleaned_data
        if data.get("type"):
            publications = publications.filter(publication_type=data["type"])
        if data.get("year"):
            publications = publications.filter(year=data["year"])
        if data.get("region"):
            publications = publications.filter(regions__code=data["region"])
        if data.get("language"):
            publications = publications.filter(documents__language=data["language"])
        if data.get("q", "").strip():
            matches = publications.model.objects.live().search(
                data["q"].strip(), fields=None, operator="and"
            )
            # The search backend gives ids; the listing keeps its own filters and order.
            publications = publications.filter(pk__in=[page.pk for page in matches[:1000]])
        return publications.distinct()
