"""Nominees published on the day voting opens, each with a shareable page and a campaign kit
in six languages; the results page, with the ceremony, in six languages."""

import datetime
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.models import Locale

from prizes.models import PrizesContestPage, PrizeSubmission
from prizes.phases import ContestPhase
from tests.conftest import localize, make_english_home, shared_data
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter, enter_many
from tests.factories.stocktaking import EntryFactory, add_entries

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# "Campaign kit" and "Winners and champions" as each language's visitors read them.
KIT = {
    "en": "Campaign kit",
    "ar": "حقيبة الحملة",
    "es": "Kit de campaña",
    "fr": "Kit de campagne",
    "ru": "Материалы для кампании",
    "zh-hans": "宣传资料包",
}
WINNERS = {
    "en": "Winners and champions",
    "ar": "الفائزون والأبطال",
    "es": "Ganadores y campeones",
    "fr": "Lauréats et champions",
    "ru": "Победители и чемпионы",
    "zh-hans": "获奖者和冠军",
}


def category_in(code, text):
    return text if code == "en" else f"[{code}] {text}"


@pytest.fixture(scope="module")
def contests(django_db_setup, django_db_blocker):
    """A contest in its voting phase and one whose results are announced, each translated
    into the five other languages (categories included), with nominees. Built once."""
    with shared_data(django_db_blocker):
        home = make_english_home()
        built = {}
        for phase, slug in (
            (ContestPhase.VOTING, "prizes-voting"),
            (ContestPhase.RESULTS_ANNOUNCED, "prizes-results"),
        ):
            contest = PrizesContestPageFactory(parent=home, phase=phase, slug=slug)
            (health,) = add_categories(contest, "C7.4 E-health")
            contest.save_revision().publish()
            first = enter(contest, EntryFactory(title="Telemedicine Rwanda"), health, True)
            second = enter(contest, EntryFactory(title="Clinic by SMS"), health, True)
            built[phase] = {"page": contest, "category": health, "nominees": [first, second]}
        for code in (c for c in LANGUAGES if c != "en"):
            localize(home, code)
            for item in built.values():
                localize(item["page"], code, texts=lambda text, code=code: category_in(code, text))
        for item in built.values():
            item["versions"] = {
                page.locale.language_code: page
                for page in PrizesContestPage.objects.filter(
                    translation_key=item["page"].translation_key
                ).select_related("locale")
            }
        yield built


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_nominee_has_a_shareable_page_with_its_kit_in_each_language(client, contests, code):
    voting = contests[ContestPhase.VOTING]
    page = voting["versions"][code]
    nominee = voting["nominees"][0]
    response = client.get(f"{page.url}nominees/{nominee.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{"zh-Hans" if code == "zh-hans" else code}"' in html
    assert ('dir="rtl"' in html) == (code == "ar")
    assert category_in(code, "C7.4 E-health") in html
    assert "Telemedicine Rwanda" in html
    assert KIT[code] in html
    link = f"http://localhost{page.url}nominees/{nominee.pk}/"
    assert f'value="{link}"' in html  # the link to copy
    assert f'<meta property="og:image" content="{link}share-image/">' in html
    # The vote button leads to the category's form with this nominee chosen.
    assert f"vote/{voting['category'].translation_key}/?nominee={nominee.pk}" in html


@pytest.mark.parametrize("code", ["en", "ar", "zh-hans"])
def test_the_kits_image_is_a_png_for_link_previews(client, contests, code):
    voting = contests[ContestPhase.VOTING]
    page = voting["versions"][code]
    response = client.get(f"{page.url}nominees/{voting['nominees'][0].pk}/share-image/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1200, 630)
    assert len(image.getcolors(maxcolors=100000) or []) > 2  # text drawn on the background


def test_the_contest_page_links_each_nominee(client, contests):
    voting = contests[ContestPhase.VOTING]
    html = client.get(voting["versions"]["fr"].url).content.decode()
    for nominee in voting["nominees"]:
        assert f'href="{voting["versions"]["fr"].url}nominees/{nominee.pk}/"' in html


def test_no_nominee_page_before_the_nominees_are_published(client, english_home):
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.EXPERT_REVIEW)
    (category,) = add_categories(contest, "C1")
    nominee = enter(contest, EntryFactory(), category, nominated=True)
    assert client.get(f"{contest.url}nominees/{nominee.pk}/").status_code == 404
    assert client.get(f"{contest.url}nominees/{nominee.pk}/share-image/").status_code == 404


def test_a_project_not_nominated_has_no_page(client, contests):
    voting = contests[ContestPhase.VOTING]
    other = enter(voting["page"], EntryFactory(), voting["category"], nominated=False)
    assert client.get(f"{voting['page'].url}nominees/{other.pk}/").status_code == 404


def test_nominees_are_published_on_the_day_voting_opens(english_home):
    # WSIS Prizes 2017: "listed on the WSIS Prizes 2017 website on 16 March", voting from then.
    contest = PrizesContestPageFactory(
        parent=english_home,
        nominees_published_on=datetime.date(2017, 3, 16),
        voting_opens_on=datetime.date(2017, 3, 16),
    )
    opens = datetime.datetime(2017, 3, 15, 23, 0, tzinfo=datetime.UTC)  # 00:00 CET
    second = datetime.timedelta(seconds=1)
    assert not contest.nominees_visible(opens - second)
    assert contest.nominees_visible(opens)
    assert contest.phase(opens) == ContestPhase.VOTING


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_results_page_names_winners_and_champions_in_each_language(client, contests, code):
    announced = contests[ContestPhase.RESULTS_ANNOUNCED]
    winner, champion = announced["nominees"]
    PrizeSubmission.objects.filter(pk=winner.pk).update(result="winner")
    PrizeSubmission.objects.filter(pk=champion.pk).update(result="champion")
    page = announced["versions"][code]
    assert WINNERS[code] in client.get(page.url).content.decode()  # the link to the results
    response = client.get(f"{page.url}results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert WINNERS[code] in html and category_in(code, "C7.4 E-health") in html
    winner_line = html.split('class="prizes__winner"')[1].split("</p>")[0]
    assert "Telemedicine Rwanda" in winner_line or "Clinic by SMS" in winner_line
    assert ('dir="rtl"' in html) == (code == "ar")


def test_the_results_page_links_the_ceremony(client, english_home):
    from tests.factories import EventPageFactory

    event = EventPageFactory(parent=english_home, title="WSIS Forum 2017", slug="forum-2017")
    contest = PrizesContestPageFactory(
        parent=english_home, phase=ContestPhase.RESULTS_ANNOUNCED, ceremony=event
    )
    html = client.get(f"{contest.url}results/").content.decode()
    assert f'href="{event.url}"' in html and "WSIS Forum 2017" in html


def test_the_contest_links_the_ceremony_in_the_readers_language(client, english_home):
    from tests.conftest import translate
    from tests.factories import EventPageFactory

    event = EventPageFactory(parent=english_home, title="WSIS Forum 2017", slug="forum-2017")
    contest = PrizesContestPageFactory(
        parent=english_home, phase=ContestPhase.RESULTS_ANNOUNCED, ceremony=event
    )
    translate(english_home, "fr", slug="accueil")
    french_event = translate(event, "fr", title="Forum du SMSI 2017", slug="forum-2017-fr")
    french = translate(contest, "fr", slug="prix")
    for url in (french.url, f"{french.url}results/"):
        html = client.get(url).content.decode()
        assert f'href="{french_event.url}">Forum du SMSI 2017</a>' in html, url


def test_winners_stay_secret_until_the_results_are_announced(client, english_home):
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.VOTING_CLOSED)
    (category,) = add_categories(contest, "C1")
    enter(contest, EntryFactory(title="Secret winner"), category, nominated=True)
    PrizeSubmission.objects.update(result="winner")
    response = client.get(f"{contest.url}results/")
    assert response.status_code == 200
    assert 'class="prizes__winner"' not in response.content.decode()


def results_queries(client, english_home, nominees_per_category, slug):
    contest = PrizesContestPageFactory(
        parent=english_home, phase=ContestPhase.RESULTS_ANNOUNCED, slug=slug
    )
    categories = add_categories(contest, "C1", "C2")
    for category in categories:
        winner, *champions = add_entries(nominees_per_category)
        enter_many(contest, [winner], category, nominated=True, result="winner")
        enter_many(contest, champions, category, nominated=True, result="champion")
    client.get(f"{contest.url}results/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{contest.url}results/").status_code == 200
    return len(queries)


def test_the_results_page_takes_the_same_queries_with_10_and_200_nominees(client, english_home):
    assert results_queries(client, english_home, 5, "small") == results_queries(
        client, english_home, 100, "large"
    )


def test_past_locales_are_not_mixed(contests):
    # Every language version is one contest: same key, each its own locale.
    versions = contests[ContestPhase.VOTING]["versions"]
    assert set(versions) == set(LANGUAGES)
    assert {v.locale_id for v in versions.values()} == set(
        Locale.objects.values_list("pk", flat=True)
    )
