"""The Global Repository's listing in each language, and its query count with 10 and 500
publications (its filters, search and cards: test_repository_filters.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.models import PublicationDocument, PublicationPage
from stocktaking.models import Region
from tests.conftest import as_committed, translate
from tests.factories.many import add_pages, index_now
from tests.factories.publications import (
    PdfDocumentFactory,
    PublicationPageFactory,
    add_documents,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [p.title for p in response.context["publications"]]


@pytest.mark.parametrize("language", ["ar", "es", "fr", "ru", "zh-hans"])
def test_the_repository_in_each_language(client, english_home, repository, language):
    translate(english_home, language, slug=f"home-{language}")
    translated = translate(repository, language, slug="publications")
    page = add_documents(PublicationPageFactory(parent=repository, title="Report"), "en")
    page.save_revision().publish()
    response = client.get(translated.url)
    assert response.status_code == 200
    assert response.context["publications"].paginator.count == 1
    html = response.content.decode()
    assert f'<html lang="{"zh-Hans" if language == "zh-hans" else language}"' in html
    if language == "ar":
        assert 'dir="rtl"' in html


def test_query_count_does_not_grow_with_the_number_of_publications(client, repository):
    from tests.factories import ImageFactory

    cover = ImageFactory()
    documents = [PdfDocumentFactory() for _ in range(2)]
    africa = Region.objects.get(code="africa")

    def queries_for(count, warm=False):
        # Committed as a publication would be, so that the search index has them.
        with as_committed():
            made = make(count)
        index_now(PublicationPage, made)
        if warm:  # the site's caches and the cover's renditions, once: adding pages keeps them
            client.get(f"{repository.url}?language=en")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{repository.url}?language=en&region=africa&q=report")
        assert response.context["publications"].paginator.count == count
        return len(queries)

    def make(count):
        pages = add_pages(
            repository,
            [
                PublicationPageFactory.build(
                    year=2000 + index % 15, cover_image=cover, cover_image_alt_text="Cover"
                )
                for index in range(PublicationPage.objects.count(), count)
            ],
        )
        # Each page's documents and regions, as saving them with it (a cluster's children)
        # would store them, in two inserts rather than four queries per page.
        PublicationDocument.objects.bulk_create(
            PublicationDocument(page=page, language=language, document=document)
            for page in pages
            for language, document in zip(("en", "fr"), documents, strict=True)
        )
        PublicationPage.regions.through.objects.bulk_create(
            PublicationPage.regions.through(publicationpage=page, region=africa) for page in pages
        )
        return pages

    assert queries_for(10, warm=True) == queries_for(500)
