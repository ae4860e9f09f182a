"""The Global Repository: where publications are created, what readers see and download, in
which language, with which headers (the repository's listing: test_repository.py)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from publications.models import PublicationDocument, PublicationIndexPage, PublicationPage
from stocktaking.models import ActionLine, Region
from tests.conftest import make_english_home, translate
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.factories.publications import (
    SAMPLE_PDF,
    PdfDocumentFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    add_documents,
)

pytestmark = pytest.mark.django_db


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    return raised.value.message_dict


def download_url(page, language):
    return page.url + page.reverse_subpage("download", args=(language,))


# Page tree and admin ---------------------------------------------------------------------------


class PublicationTreeTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_english_home()
        cls.repository = PublicationIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_the_repository_lives_under_a_home_page_once_and_holds_publications(self):
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())
        self.assertCanCreateAt(HomePage, PublicationIndexPage)
        assert not PublicationIndexPage.can_create_at(self.home)  # one per language tree

    def test_an_editor_creates_a_publication_with_its_documents_in_the_admin(self):
        english = PdfDocumentFactory(stem="stocktaking-2014-en")
        french = PdfDocumentFactory(stem="stocktaking-2014-fr")
        data = nested_form_data(
            {
                "title": "WSIS Stocktaking Report 2014",
                "slug": "wsis-stocktaking-report-2014",
                "publication_type": "report",
                "year": 2014,
                "summary": "The projects of WSIS stakeholders, Action Line by Action Line.",
                "isbn": "978-92-61-14071-7",
                "documents": inline_formset(
                    [
                        {"language": "en", "document": english.pk},
                        {"language": "fr", "document": french.pk},
                    ]
                ),
            }
        )
        # Many-to-many fields post a list under one name (nested_form_data would number them).
        data["regions"] = [Region.objects.get(code="africa").pk]
        data["action_lines"] = [ActionLine.objects.get(code="C7").pk]
        self.assertCanCreate(self.repository, PublicationPage, data)
        page = PublicationPage.objects.get(slug="wsis-stocktaking-report-2014")
        assert sorted(page.documents.values_list("language", flat=True)) == ["en", "fr"]
        assert [r.code for r in page.regions.all()] == ["africa"]


# Validation -------------------------------------------------------------------------------------


def test_isbn_and_doi_are_checked(make_publication):
    publication = make_publication()
    publication.isbn = "978-92-61-14071-8"  # wrong check digit
    assert "isbn" in errors_of(publication)
    publication.isbn = "92-61-14071-X"
    assert "isbn" in errors_of(publication)
    publication.isbn = "978-92-61-14071-7"
    publication.doi = "doi.org/10.1787"
    assert "doi" in errors_of(publication)
    publication.doi = "10.1787/9789264202085-en"
    publication.full_clean()


def test_a_cover_needs_its_alternative_text(make_publication):
    from tests.factories import ImageFactory

    publication = make_publication()
    publication.cover_image = ImageFactory()
    assert errors_of(publication)["cover_image_alt_text"] == [
        "Describe the cover for people who cannot see it."
    ]


def test_one_document_per_language(make_publication):
    from django.db import IntegrityError, transaction

    publication = add_documents(make_publication(), "en")
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationDocument.objects.create(
            page=publication, language="en", document=PdfDocumentFactory()
        )


# The publication page ---------------------------------------------------------------------------


def test_the_page_lists_each_language_with_its_format_and_size(client, make_publication):
    publication = add_documents(
        make_publication(title="Measuring the Information Society Report 2013"), "en", "es", "ar"
    )
    publication.save_revision().publish()
    html = client.get(publication.url).content.decode()
    size = f"{len(SAMPLE_PDF)}\xa0bytes"
    assert html.count(f"(PDF, {size})") == 4  # the reader's own, then all three
    assert 'hreflang="ar"' in html and 'hreflang="es"' in html
    # Languages in the UN order, each link naming title and language for screen readers.
    all_languages = html.split("All languages")[1]
    assert (
        all_languages.index("Measuring the Information Society Report 2013 in Arabic")
        < all_languages.index("Report 2013 in English")
        < all_languages.index("Report 2013 in Spanish")
    )
    assert "Download in English" in html


def test_details_isbn_doi_event_action_lines(client, english_home, make_publication):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=english_home), title="WSIS+10 High-Level Event"
    )
    publication = make_publication(
        isbn="978-92-61-14071-7", doi="10.1787/9789264202085-en", related_event=event
    )
    publication.action_lines.set(ActionLine.objects.filter(code__in=["C7", "C4"]))
    publication.save_revision().publish()
    html = client.get(publication.url).content.decode()
    assert "978-92-61-14071-7" in html
    assert 'href="https://doi.org/10.1787/9789264202085-en"' in html
    assert f'<a href="{event.url}">WSIS+10 High-Level Event</a>' in html
    assert "C4 Capacity building" in html


def test_a_french_reader_gets_the_french_file(client, french_repository, repository):
    publication = add_documents(
        PublicationPageFactory(parent=repository, title="Report"), "en", "fr"
    )
    publication.save_revision().publish()
    french = translate(publication, "fr", title="Rapport", slug="rapport")
    assert sorted(french.documents.values_list("language", flat=True)) == ["en", "fr"]
    html = client.get(french.url).content.decode()
    assert "Télécharger en français" in html
    response = client.get(download_url(french, "fr"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SAMPLE_PDF
    assert 'filename="report-fr' in response["Content-Disposition"]


def test_without_a_french_file_the_reader_is_told_which_languages_exist(
    client, french_repository, repository
):
    publication = add_documents(
        PublicationPageFactory(parent=repository, title="Report"), "en", "es"
    )
    publication.save_revision().publish()
    french = translate(publication, "fr", title="Rapport", slug="rapport")
    html = client.get(french.url).content.decode()
    assert "Cette publication n’est pas disponible en français" in html
    assert "Rapport en anglais" in html and "Rapport en espagnol" in html

    response = client.get(download_url(french, "fr"))
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Cette publication n’existe pas en français." in html
    assert download_url(french, "en") in html and download_url(french, "es") in html
    assert download_url(french, "fr") not in html.split("<main")[1]


def test_an_unknown_language_is_a_404_naming_the_existing_ones(client, make_publication):
    publication = add_documents(make_publication(), "en")
    publication.save_revision().publish()
    response = client.get(download_url(publication, "xx"))
    assert response.status_code == 404
    assert "This publication does not exist in that language." in response.content.decode()


# Serving documents ------------------------------------------------------------------------------


def test_a_pdf_is_served_inline_with_its_type_length_and_caching(client, make_publication):
    publication = add_documents(make_publication(), "en")
    publication.save_revision().publish()
    document = publication.documents.get().document
    response = client.get(download_url(publication, "en"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{document.filename}"'
    assert response["Content-Length"] == str(len(SAMPLE_PDF))
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["X-Content-Type-Options"] == "nosniff"
    document.refresh_from_db()  # its hash, computed and kept on the first download
    assert response["ETag"] == f'"{document.file_hash}"'
    again = client.get(download_url(publication, "en"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == "public, max-age=86400"


def test_a_spreadsheet_is_offered_as_a_download_with_its_non_ascii_name(client, make_publication):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Indicateurs", file=ContentFile(b"a,b\n1,2\n", name="indicateurs-été.xlsx")
    )
    publication = make_publication()
    PublicationDocument.objects.create(page=publication, language="fr", document=document)
    publication.save_revision().publish()
    response = client.get(download_url(publication, "fr"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''indicateurs")


def test_a_document_of_a_private_collection_is_left_to_wagtails_checks(client, make_publication):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private reports")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = PdfDocumentFactory(collection=private)
    publication = make_publication()
    PublicationDocument.objects.create(page=publication, language="en", document=document)
    publication.save_revision().publish()
    response = client.get(download_url(publication, "en"))
    assert response.status_code == 302
    assert response["Location"] == document.url
    # Wagtail's own view then asks for a login.
    assert client.get(document.url).status_code == 302


def test_a_draft_publication_serves_nothing(client, make_publication):
    publication = add_documents(make_publication(), "en")
    publication.save_revision().publish()
    url = download_url(publication, "en")
    publication.unpublish()
    assert client.get(url).status_code == 404
