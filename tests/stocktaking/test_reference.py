"""Reference data: the Action Lines, SDGs and regions exist with names in six languages."""

import pytest
from django.utils import translation

from stocktaking.models import ActionLine, Region, Sdg
from stocktaking.reference import LANGUAGE_CODES, REGION_OF_COUNTRY

pytestmark = pytest.mark.django_db


def test_eleven_action_lines_and_c7s_applications():
    main = ActionLine.objects.filter(parent=None)
    assert [a.code for a in main] == [f"C{n}" for n in range(1, 12)]
    assert ActionLine.objects.get(code="C7.4").parent.code == "C7"
    assert ActionLine.objects.filter(parent__code="C7").count() == 8


def test_seventeen_sdgs_and_six_regions():
    assert list(Sdg.objects.values_list("number", flat=True)) == list(range(1, 18))
    assert Region.objects.count() == 6


@pytest.mark.parametrize("model", [ActionLine, Sdg, Region])
def test_every_name_in_six_languages_and_translated(model):
    for row in model.objects.all():
        assert set(row.names) == set(LANGUAGE_CODES)
        assert all(row.names.values())
        # Translated, not copied: no other language repeats the English name (Europe apart).
        copies = [
            code for code in LANGUAGE_CODES if code != "en" and row.names[code] == row.names["en"]
        ]
        assert copies in ([], ["fr"]) and (not copies or row.names["en"] == "Europe")


def test_name_follows_the_active_language():
    line = ActionLine.objects.get(code="C4")
    with translation.override("fr"):
        assert line.name == "Renforcement des capacités"
    with translation.override("zh-hans"):
        assert line.name == "能力建设"
    assert str(Sdg.objects.get(number=3)) == "SDG 3: Good health and well-being"


def test_country_regions():
    assert REGION_OF_COUNTRY["RW"] == "africa"
    assert REGION_OF_COUNTRY["EG"] == "arab-states"
    assert REGION_OF_COUNTRY["KZ"] == "cis"
    assert REGION_OF_COUNTRY["BR"] == "americas"
    assert REGION_OF_COUNTRY["CH"] == "europe"
    assert REGION_OF_COUNTRY["CN"] == "asia-pacific"
