"""Every block an editor can pick from a StreamField's block picker has a preview there (Wagtail
block previews): a sample value, a description, and a rendering through the admin's block
preview view that shows the sample. Blocks that choose images, documents, partners or photos
preview with an empty library and with a full one."""

import html
import re

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import BodyBlock, ImageBlock, MultilingualDocumentBlock
from home.section_blocks import HomeSectionsBlock, PartnerStripBlock
from media.blocks import PhotoChooserBlock
from partners.blocks import PartnershipTierBlock
from tests.factories import PartnerFactory, PhotoContestPageFactory


def picker_blocks(block, path):
    """(path, block) for every block offered in a block picker under `block`: the children of
    each StreamBlock, at any depth (inside structs and lists too)."""
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield f"{path}.{name}", child
    if isinstance(block, blocks.ListBlock):
        children = [block.child_block]
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        children = block.child_blocks.values()
    else:
        children = []
    for child in children:
        yield from picker_blocks(child, f"{path}.{child.name or 'item'}")


def stream_field_picker_blocks():
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                label = f"{model._meta.label}.{field.name}"
                found.extend(picker_blocks(field.stream_block, label))
    return found


PICKER_BLOCKS = stream_field_picker_blocks()


def sample_texts(block, value):
    """The words of a preview value that its rendering must show: text, rich text and chosen
    objects' names; not URLs, choices, dates or numbers (shown formatted, or not at all)."""
    if value is None:
        return []
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in sample_texts(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in sample_texts(block.child_block, item)]
    if isinstance(block, blocks.RichTextBlock):
        return [strip_tags(value.source)]
    if isinstance(block, blocks.ChooserBlock):
        return [value.logo_alt_text] if hasattr(value, "logo_alt_text") else []
    if isinstance(block, blocks.CharBlock | blocks.TextBlock) and value:
        return [value]
    return []


def preview_problems(block):
    """What keeps `block` from showing a preview in the block picker; empty when all is well."""
    problems = []
    if not block.is_previewable:
        problems.append("not previewable: give it a preview_value (and a preview_template)")
    if not block.get_description():
        problems.append("no description")
    # A sample of its own, not the empty default Wagtail falls back on.
    has_sample = hasattr(block.meta, "preview_value") or (
        type(block).get_preview_value is not blocks.Block.get_preview_value
    )
    if not has_sample or (
        block.get_preview_value() is None and not isinstance(block, blocks.ChooserBlock)
    ):
        problems.append("no preview value")
    return problems


def normalized(text):
    return " ".join(html.unescape(text).split())


def preview(client, block):
    url = reverse("wagtailadmin_block_preview")
    return client.get(url, {"id": block.definition_prefix})


def assert_shows_sample(response, block):
    assert response.status_code == 200
    body = response.content.decode()
    shown = normalized(body) + " " + normalized(strip_tags(body))
    expected = [normalized(text) for text in sample_texts(block, block.get_preview_value())]
    missing = [text for text in expected if text not in shown]
    assert not missing, f"not in the preview: {missing}"
    main = re.search(r"<main>(.*)</main>", body, re.S).group(1)
    assert strip_tags(main).strip(), "the preview shows nothing"
    return body


def test_the_stream_fields_offer_the_blocks_the_site_defines():
    # The walk finds every block: the body blocks, the newsletter's sections, an event's
    # programme and key dates, a call's phases, a gallery's photos, a partnership's tiers, the
    # site's links and social networks.
    names = {type(block).__name__ for _path, block in PICKER_BLOCKS}
    assert names >= {
        "HeadingBlock",
        "ParagraphBlock",
        "ImageBlock",
        "QuoteBlock",
        "CallToActionListBlock",
        "MultilingualDocumentBlock",
        "EmbedMediaBlock",
        "FeaturedItemsBlock",
        "NewsItemsBlock",
        "PartnerStripBlock",
        "PartnershipTierBlock",
        "TrackBlock",
        "KeyDateBlock",
        "ConsultationPhaseBlock",
        "PhotoChooserBlock",
        "LinkBlock",
        "SocialLinkBlock",
    }


def test_a_block_without_a_preview_is_found_out():
    class Bare(blocks.StructBlock):
        title = blocks.CharBlock()

    assert preview_problems(Bare()) == [
        "not previewable: give it a preview_value (and a preview_template)",
        "no description",
        "no preview value",
    ]
    assert preview_problems(BodyBlock().child_blocks["heading"]) == []


@pytest.mark.parametrize(
    "block", [block for _path, block in PICKER_BLOCKS], ids=[path for path, _ in PICKER_BLOCKS]
)
@pytest.mark.django_db
def test_every_block_of_a_picker_has_a_preview(admin_client, block):
    assert preview_problems(block) == []
    assert_shows_sample(preview(admin_client, block), block)


def test_the_preview_looks_like_the_site(admin_client):
    body = assert_shows_sample(preview(admin_client, ImageBlock()), ImageBlock())
    assert "css/site.css" in body
    assert 'class="page-body"' in body


@pytest.fixture
def library(english_home, settings, tmp_path):
    """An image, a document, a live partner and an approved contest photo."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    partner = PartnerFactory(name="UNESCO", logo_alt_text="UNESCO logo", live=True)
    document = get_document_model().objects.create(
        title="Outcome Document", file=ContentFile(b"%PDF-1.4", name="outcome.pdf")
    )
    contest = PhotoContestPageFactory(parent=english_home)
    entry = apps.get_model("media", "PhotoEntry")(
        contest=contest,
        contest_key=contest.translation_key,
        title="Telemedicine in Rwanda",
        caption="A nurse consults a doctor by video from a rural clinic.",
        taken_where="Kigali, Rwanda",
        photographer="Grace Uwase",
        email="grace@example.org",
        country="RW",
        licence="cc-by-4.0",
        people_consented=True,
        status="approved",
        public_image=partner.logo._meta.model.objects.create(
            title="Telemedicine", file=get_test_image_file()
        ),
    )
    entry.original.save("photo.jpg", ContentFile(b"not read"), save=False)
    entry.save()
    return {"partner": partner, "document": document, "entry": entry}


def test_choosers_preview_with_what_the_library_holds(admin_client, library):
    strip = HomeSectionsBlock().child_blocks["partners"]
    assert [p.pk for p in strip.get_preview_value()["partners"]] == [library["partner"].pk]
    assert 'alt="UNESCO logo"' in assert_shows_sample(preview(admin_client, strip), strip)

    tier = PartnershipTierBlock()
    body = assert_shows_sample(preview(admin_client, tier), tier)
    assert 'alt="UNESCO logo"' in body and "tier--available" in body

    image = ImageBlock()
    assert "<img" in assert_shows_sample(preview(admin_client, image), image)

    document = MultilingualDocumentBlock()
    body = assert_shows_sample(preview(admin_client, document), document)
    assert body.count(library["document"].url) == 6

    photo = PhotoChooserBlock()
    assert photo.get_preview_value() == library["entry"]
    body = assert_shows_sample(preview(admin_client, photo), photo)
    assert "Telemedicine in Rwanda · Grace Uwase" in html.unescape(body)


@pytest.mark.django_db
def test_choosers_preview_with_an_empty_library(admin_client):
    for block in [PartnerStripBlock(), PartnershipTierBlock(), ImageBlock(), PhotoChooserBlock()]:
        assert_shows_sample(preview(admin_client, block), block)
