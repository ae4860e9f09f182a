"""Factories of the Stocktaking database."""

import datetime

import factory
import wagtail_factories

from stocktaking.models import (
    ActionLine,
    EmbeddingSite,
    Entry,
    EntryCountry,
    Region,
    Sdg,
    StocktakingPage,
)
from stocktaking.models.storing import set_classification
from stocktaking.reference import REGION_OF_COUNTRY


class StocktakingPageFactory(wagtail_factories.PageFactory):
    title = "WSIS Stocktaking"
    slug = "stocktaking"

    class Meta:
        model = StocktakingPage


class EntryFactory(factory.django.DjangoModelFactory):
    """A published entry; `action_lines=["C7.4"]`, `sdgs=[3]`, `countries=["RW"]` classify it."""

    title = factory.Sequence(lambda n: f"Telemedicine network {n}")
    organisation = "Ministry of Health"
    stakeholder_type = "government"
    description = "Connects rural clinics to hospital doctors by video."
    contact_name = "Grace Uwase"
    contact_email = factory.Sequence(lambda n: f"owner{n}@example.org")
    language = "en"
    start_date = datetime.date(2016, 1, 1)
    status = Entry.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))

    class Meta:
        model = Entry
        skip_postgeneration_save = True

    @factory.post_generation
    def classify(obj, create, extracted, **kwargs):
        if not create:  # built, not saved: nothing to link the classification to yet
            return
        set_classification(
            obj,
            ActionLine.objects.filter(code__in=getattr(obj, "_action_lines", ["C7"])),
            Sdg.objects.filter(number__in=getattr(obj, "_sdgs", [3])),
            getattr(obj, "_countries", ["RW"]),
        )

    @classmethod
    def _create(cls, model_class, *args, action_lines=None, sdgs=None, countries=None, **kwargs):
        entry = super()._create(model_class, *args, **kwargs)
        entry._action_lines = action_lines or ["C7"]
        entry._sdgs = sdgs or [3]
        entry._countries = countries or ["RW"]
        return entry


class EmbeddingSiteFactory(factory.django.DjangoModelFactory):
    name = "Partner portal"
    origin = "https://partner.example.org"

    class Meta:
        model = EmbeddingSite


def add_entries(count, title="Project {}", **fields):
    """`count` entries as EntryFactory makes them (published, Action Line C7, SDG 3, Rwanda),
    in four inserts instead of seven queries each: for the tests that count a listing's queries
    with hundreds of entries. `title` is given each entry's index (0, 1…); `fields` go to every
    entry. Returns the entries, saved."""
    entries = [EntryFactory.build(title=title.format(index), **fields) for index in range(count)]
    for entry in entries:
        entry.derive_fields()  # bulk_create calls no save()
    entries = Entry.objects.bulk_create(entries)
    line = ActionLine.objects.get(code="C7")
    sdg = Sdg.objects.get(number=3)
    rwanda = Region.objects.get(code=REGION_OF_COUNTRY["RW"])
    Entry.action_lines.through.objects.bulk_create(
        Entry.action_lines.through(entry=entry, actionline=line) for entry in entries
    )
    Entry.sdgs.through.objects.bulk_create(
        Entry.sdgs.through(entry=entry, sdg=sdg) for entry in entries
    )
    EntryCountry.objects.bulk_create(
        EntryCountry(entry=entry, country="RW", region=rwanda) for entry in entries
    )
    return entries
