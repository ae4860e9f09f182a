"""Search as a reader of each of the six languages expects it: another form of a word finds the
page (plural, without the Arabic article, a word inside Chinese text), and the results mark what
was found. Run on SQLite by default and on PostgreSQL (DATABASE_URL) in CI: each query found
nothing before pages were indexed in their own language."""

import pytest
from django.db import connection

from home.search_text import analyse, highlight, words_of
from tests.conftest import as_committed, make_english_home, shared_data, translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# (language, title of the page in that language, a query in another form of one of its words,
#  the word of the title the query must mark)
CASES = [
    ("en", "Registration for the Summit", "summits", "Summit"),
    ("fr", "Forum régional sur la société de l'information", "régionaux", "régional"),
    ("es", "Información para los participantes", "informaciones", "Información"),
    ("ru", "Информационное общество и устойчивое развитие", "общества", "общество"),
    ("ar", "القمة العالمية لمجتمع المعلومات", "قمة", "القمة"),
    ("zh-hans", "信息社会世界峰会论坛", "峰会", "峰会"),
]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Built once for the module's searches, which only read."""
    with shared_data(django_db_blocker):
        with as_committed():
            english = make_pages(make_english_home())
        yield english


def make_pages(english_home):
    english = StandardPageFactory(
        parent=english_home, title=CASES[0][1], slug="summit", introduction="Geneva."
    )
    for language, title, _query, _word in CASES[1:]:
        translate(english_home, language, slug=f"home-{language}")
        translate(english, language, title=title, slug=f"page-{language}")
    return english


def results(html):
    return html.split('role="search" action')[-1].split("</main>")[0]


@pytest.mark.parametrize(("language", "title", "query", "word"), CASES, ids=[c[0] for c in CASES])
def test_another_form_of_a_word_finds_the_page_and_marks_it(
    client, pages, language, title, query, word
):
    html = results(client.get(f"/{language}/search/", {"q": query}).content.decode())
    assert f'href="/{language}/' in html, (connection.vendor, html)
    assert f"<mark>{word}</mark>" in html, html
    # Pages of the other languages are not this reader's results.
    for other_language, other_title, _q, _w in CASES:
        if other_language != language:
            assert other_title not in html


def test_a_word_that_is_nowhere_finds_nothing(client, pages):
    for language, _title, _query, _word in CASES:
        html = results(client.get(f"/{language}/search/", {"q": "zzyzx"}).content.decode())
        assert "<ol" not in html and "<mark>" not in html


def test_a_chinese_query_must_find_its_characters_side_by_side(client, pages):
    # 峰 and 会 both occur in the title, but not as the word 会峰.
    html = results(client.get("/zh-hans/search/", {"q": "会峰"}).content.decode())
    assert "<ol" not in html


def test_several_words_must_all_be_found(client, pages):
    found = results(client.get("/fr/search/", {"q": "régionaux forum"}).content.decode())
    assert 'href="/fr/page-fr/"' in found
    missing = results(client.get("/fr/search/", {"q": "régionaux zzyzx"}).content.decode())
    assert "<ol" not in missing


def test_highlighting_escapes_the_text_it_marks():
    marked = highlight("<b>Sommet</b> & sommets", "sommet", "fr")
    assert marked == "&lt;b&gt;<mark>Sommet</mark>&lt;/b&gt; &amp; <mark>sommets</mark>"
    assert highlight("Le forum", "", "fr") == "Le forum"


def test_arabic_letters_are_normalised_before_stemming():
    # Vowel marks, the article with a conjunction and the forms of alef do not change the word.
    assert analyse("وَالأحداث", "ar", stem=False) == analyse("احداث", "ar", stem=False)
    assert words_of("القمة", "ar") == words_of("قمة", "ar")


def test_chinese_text_is_cut_into_characters_and_pairs():
    assert analyse("峰会 WSIS", "zh-hans", stem=False).split() == ["峰", "峰会", "会", "wsis"]


def test_a_change_upstream_to_the_copied_indexing_fails_the_checks(monkeypatch):
    from home import search_backend

    assert search_backend.check_indexers_unchanged(None) == []
    vendor = "postgres" if connection.vendor == "postgresql" else connection.vendor
    monkeypatch.setitem(search_backend.UPSTREAM_ADD_ITEMS, vendor, "0" * 64)
    assert [error.id for error in search_backend.check_indexers_unchanged(None)] == ["home.E001"]
