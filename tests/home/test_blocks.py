"""Validation of the shared blocks: what an editor is told when a block is incomplete."""

import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from home import blocks, section_blocks
from tests.conftest import translate
from tests.factories import DocumentFactory, ImageFactory, StandardPageFactory
from tests.factories.stocktaking import StocktakingPageFactory

pytestmark = pytest.mark.django_db


def clean(block, raw):
    return block.clean(block.to_python(raw))


def test_link_needs_a_page_or_a_url_but_not_both(english_home):
    block = blocks.LinkBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        clean(block, {"page": None, "url": "", "label": "Register"})
    assert "Choose a page of this site or give an external URL" in str(raised.value.block_errors)
    with pytest.raises(StructBlockValidationError):
        clean(block, {"page": english_home.pk, "url": "https://www.itu.int/", "label": "x"})
    assert (
        clean(block, {"page": english_home.pk, "url": "", "label": ""})["page"].pk
        == english_home.pk
    )


def test_a_link_may_lead_to_a_part_of_a_page_in_the_readers_language(english_home):
    """The Stocktaking database's submission form is a route of the database page: the link
    names the page and the part, and leads to the form of the reader's language."""
    database = StocktakingPageFactory(parent=english_home)
    translate(english_home, "fr", slug="accueil")
    french_database = translate(database, "fr", slug="inventaire")
    block = blocks.LinkBlock()
    raw = {"page": database.pk, "url": "", "label": "", "route": "submit"}
    assert clean(block, raw)["route"] == "submit"
    assert ("submit", "Stocktaking database: submission form") in [
        (value, str(label)) for value, label in block.child_blocks["route"].field.choices
    ]
    # In bulk, as a page's StreamField loads its links (each localized to the reader).
    with translation.override("fr"):
        assert block.bulk_to_python([raw])[0].href() == "/fr/inventaire/submit/"
    assert french_database.url == "/fr/inventaire/"
    assert block.bulk_to_python([raw])[0].href() == "/en/stocktaking/submit/"


def test_a_part_must_belong_to_the_chosen_page(english_home):
    page = StandardPageFactory(parent=english_home)
    with pytest.raises(StructBlockValidationError) as raised:
        clean(blocks.LinkBlock(), {"page": page.pk, "url": "", "label": "", "route": "submit"})
    assert "route" in raised.value.block_errors
    with pytest.raises(StructBlockValidationError) as raised:
        clean(
            blocks.LinkBlock(),
            {"page": None, "url": "https://www.itu.int/", "label": "ITU", "route": "submit"},
        )
    assert "route" in raised.value.block_errors


def test_external_link_needs_words():
    with pytest.raises(StructBlockValidationError) as raised:
        clean(blocks.LinkBlock(), {"page": None, "url": "https://www.itu.int/", "label": ""})
    assert "label" in raised.value.block_errors


def test_an_optional_link_may_be_left_empty():
    value = clean(blocks.LinkBlock(required=False), {"page": None, "url": "", "label": ""})
    assert value.href() == ""


def test_image_alt_text_is_required():
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError) as raised:
        clean(blocks.ImageBlock(), {"image": image.pk, "alt_text": "", "caption": ""})
    assert "alt_text" in raised.value.block_errors
    with pytest.raises(StructBlockValidationError) as raised:
        clean(blocks.OptionalImageBlock(), {"image": image.pk, "alt_text": ""})
    assert "alt_text" in raised.value.block_errors
    assert clean(blocks.OptionalImageBlock(), {"image": None, "alt_text": ""})["image"] is None


def test_multilingual_document_needs_one_language_at_least():
    block = blocks.MultilingualDocumentBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        clean(block, {"title": "Invitation letter"})
    assert "Add the document in one language at least." in str(raised.value.non_block_errors)
    document = DocumentFactory()
    value = clean(block, {"title": "Invitation letter", "ru": document.pk})
    assert [version["label"] for version in value.versions()] == ["RU"]


def test_headings_are_limited_to_levels_two_to_four():
    choices = [value for value, _label in blocks.HeadingBlock().child_blocks["level"].field.choices]
    assert [c for c in choices if c] == ["h2", "h3", "h4"]
    html = blocks.HeadingBlock().render(
        blocks.HeadingBlock().to_python({"text": "Reports", "level": "h3"})
    )
    assert html.strip() == '<h3 class="block-heading">Reports</h3>'


def test_rich_text_offers_no_h1_and_no_raw_html():
    assert "h1" not in blocks.RICH_TEXT_FEATURES
    stream_types = set(blocks.BodyBlock().child_blocks) | set(
        section_blocks.HomeSectionsBlock().child_blocks
    )
    assert "html" not in stream_types and "raw_html" not in stream_types


def test_every_block_describes_itself_for_editors():
    for stream in (blocks.BodyBlock(), section_blocks.HomeSectionsBlock()):
        for name, child in stream.child_blocks.items():
            assert child.meta.description, name


def test_chooser_blocks_fetch_all_values_in_one_query(django_assert_num_queries, english_home):
    pages = [StandardPageFactory(parent=english_home) for _ in range(5)]
    block = blocks.LocalizedPageChooserBlock()
    with django_assert_num_queries(1):
        values = block.bulk_to_python([page.pk for page in pages] + [None])
    assert values[-1] is None
    assert [value.localized_for_reader.pk for value in values[:-1]] == [p.pk for p in pages]
