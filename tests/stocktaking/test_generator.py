import pytest
from django.core.management import call_command

from stocktaking.models import Entry, StocktakingPage

pytestmark = pytest.mark.django_db


def test_generator_is_seeded_labelled_and_safe_to_rerun(english_home):
    call_command("generate_stocktaking", count=60, seed=3, pages=True)
    first = list(
        Entry.objects.filter(is_sample=True).order_by("pk").values_list("title", flat=True)
    )
    call_command("generate_stocktaking", count=60, seed=3)
    again = list(
        Entry.objects.filter(is_sample=True).order_by("pk").values_list("title", flat=True)
    )
    assert first == again and len(first) == 60
    samples = Entry.objects.filter(is_sample=True)
    assert all(t.split(":")[0].split("：")[0] for t in first)
    assert samples.values("language").distinct().count() >= 4
    assert samples.values("stakeholder_type").distinct().count() == 6
    assert Entry.objects.filter(title="WSIS Hack for Health", is_sample=False).count() == 1
    assert Entry.objects.filter(title="WHO-ITU eHealth projects repository").count() == 1
    assert StocktakingPage.objects.count() == 1
