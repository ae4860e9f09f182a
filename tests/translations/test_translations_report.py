"""Reports > Translations (wagtail-localize's report, answered by translations.translations_report):
every translation once across its pages, in the order of the source's title, then language, in
a fixed number of queries however many rows a page shows."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from tests.conftest import localize, make_english_home, shared_data
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
URL = "/admin/localize/reports/translations/"
PAGES = 30


@pytest.fixture(scope="module")
def sixty_translations(django_db_setup, django_db_blocker):
    """Thirty English pages, made in the reverse order of their titles, each translated into
    French and Arabic (with the home page's two: 62 translations, two pages of 50)."""
    with shared_data(django_db_blocker):
        home = make_english_home()
        for code in ("fr", "ar"):
            localize(home, code)
        pages = []
        for number in reversed(range(PAGES)):
            page = StandardPageFactory(parent=home, title=f"Page {number:02}", slug=f"p{number}")
            for code in ("fr", "ar"):
                localize(page, code)
            pages.append(page.pk)
        yield pages


def listed(response):
    return [
        (t.source.object_repr, t.target_locale.language_code)
        for t in response.context["object_list"]
    ]


def test_every_translation_is_listed_once_in_the_order_of_its_source(
    sixty_translations, admin_client
):
    first, second = admin_client.get(URL), admin_client.get(URL, {"p": 2})
    rows = listed(first) + listed(second)
    assert len(listed(first)) == 50 and len(rows) == 2 * PAGES + 2
    assert len(set(rows)) == len(rows)  # none twice, so none left out
    assert rows == sorted(rows)
    assert rows[:3] == [("Page 00", "ar"), ("Page 00", "fr"), ("Page 01", "ar")]


def test_a_page_of_fifty_rows_costs_the_queries_of_a_page_of_ten(sixty_translations, admin_client):
    def queries(params):
        admin_client.get(URL, params)  # sessions, permissions and the like: warm
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(URL, params)
        return len(listed(response)), len(captured)

    ten_rows, ten_queries = queries({"source_title": "Page 0", "target_locale": "fr"})
    fifty_rows, fifty_queries = queries({})
    assert (ten_rows, fifty_rows) == (10, 50)
    assert fifty_queries == ten_queries
    # The second page mixes two kinds of page (the home page's translations come last): pages
    # are read as pages, whatever their kind.
    mixed_rows, mixed_queries = queries({"p": 2})
    assert (mixed_rows, mixed_queries) == (12, ten_queries)


def test_rows_link_to_the_source_and_the_translation_even_one_never_saved(
    sixty_translations, admin_client
):
    english = Page.objects.get(pk=sixty_translations[-1]).specific  # "Page 00"
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    # Its Spanish translation is begun but has no page yet (its first save failed validation).
    source = TranslationSource.objects.get(object_id=english.translation_key)
    source.translations.create(target_locale=Locale.objects.get(language_code="es"))

    response = admin_client.get(URL, {"source_title": "Page 00"})
    html = response.content.decode()
    assert listed(response) == [("Page 00", "ar"), ("Page 00", "es"), ("Page 00", "fr")]
    assert html.count(f'href="{reverse("wagtailadmin_pages:edit", args=[english.pk])}"') == 3
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[french.pk])}"' in html
    waiting = [t.waiting_for_translation for t in response.context["object_list"]]
    assert waiting == [False, True, False]  # Spanish: nothing translated yet
    assert html.count("Up to date") == 2
    assert "<td> (Español) </td>" in " ".join(html.split())  # named, with nothing to open


def test_a_source_whose_model_was_removed_is_listed_without_links(sixty_translations, admin_client):
    english = Page.objects.get(pk=sixty_translations[-1]).specific  # "Page 00"
    removed = ContentType.objects.create(app_label="retired", model="oldpage")
    TranslationSource.objects.filter(object_id=english.translation_key).update(
        specific_content_type=removed
    )
    response = admin_client.get(URL, {"source_title": "Page 00"})
    assert response.status_code == 200
    assert listed(response) == [("Page 00", "ar"), ("Page 00", "fr")]
    html = response.content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[english.pk])}"' not in html
