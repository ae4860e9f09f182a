"""The published criteria on the contest pages, in the page's language where translated."""

import pytest

from juries.models import Criterion
from tests.conftest import translate
from tests.factories import PhotoContestPageFactory
from tests.factories.juries import add_criteria

pytestmark = pytest.mark.django_db


def test_the_prizes_page_publishes_its_criteria_in_each_language(client, contest, criteria):
    impact, sustainability = criteria
    html = client.get(contest.url).content.decode()
    assert "How the jury scores the entries" in html
    assert html.index("Impact") < html.index("Sustainability")
    assert "Weight 2; scored out of 10." in html

    french_home = translate(contest.get_parent().specific, "fr", slug="fr-home")
    french = translate(contest, "fr", title="Prix SMSI 2017", slug="prix-smsi-2017")
    translated = impact.copy_for_translation(french.locale)
    translated.name = "Impact"
    translated.save()
    # Sustainability is not translated yet: shown in English, in its place.
    html = client.get(french.url).content.decode()
    assert french_home.locale.language_code == "fr"
    assert "Comment le jury note les candidatures" in html
    assert "Pondération 2 ; note sur 10." in html
    assert [c.pk for c in Criterion.published_for(french)] == [translated.pk, sustainability.pk]


def test_the_photo_contest_page_publishes_its_criteria(client, english_home):
    contest = PhotoContestPageFactory(parent=english_home)
    assert "How the jury scores" not in client.get(contest.url).content.decode()
    add_criteria(contest, ("Composition", 1, 10))
    html = client.get(contest.url).content.decode()
    assert "Composition" in html and "Weight 1; scored out of 10." in html
