"""Factories of the Global Repository."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from publications.models import PublicationDocument, PublicationIndexPage, PublicationPage

# The smallest PDF that readers open: one empty page.
SAMPLE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Global Repository"
    slug = "publications"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"WSIS Stocktaking Report {2000 + n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    publication_type = "report"
    year = 2014
    summary = "What WSIS stakeholders did to implement the Action Lines."

    class Meta:
        model = PublicationPage


class PdfDocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(SAMPLE_PDF, name=f"{document.stem}.pdf")
    )

    class Meta:
        model = get_document_model()

    class Params:
        stem = factory.Sequence(lambda n: f"report-{n}")


def add_documents(page, *languages):
    """One PDF per language on `page` (not yet saved as a revision: the caller publishes)."""
    for language in languages:
        PublicationDocument.objects.create(
            page=page, language=language, document=PdfDocumentFactory(stem=f"report-{language}")
        )
    return page
