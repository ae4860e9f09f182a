"""What search engines and link previews (social networks, messaging apps) read in a page's
head: its canonical URL, a description, and Open Graph / Twitter card tags with a rendition of
its listing image, in the page's language. Every page type gets them from `BasePage` and
`base.html`; a page type adds nothing unless it wants another description source."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator

from home.languages import language_versions

# Open Graph wants language_TERRITORY (ogp.me, "og:locale").
OG_LOCALES = {
    "ar": "ar_AR",
    "en": "en_GB",
    "es": "es_ES",
    "fr": "fr_FR",
    "ru": "ru_RU",
    "zh-hans": "zh_CN",
}
# 1.91:1, the size Facebook, LinkedIn and X crop previews to.
OG_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
DESCRIPTION_LENGTH = 200


@dataclass
class PageMeta:
    canonical: str = ""
    description: str = ""
    title: str = ""
    og_type: str = "website"
    og_locale: str = ""
    og_locale_alternates: list[str] = field(default_factory=list)
    image_url: str = ""
    image_width: int = 0
    image_height: int = 0
    image_alt: str = ""


def _plain(text, length=DESCRIPTION_LENGTH):
    words = " ".join(strip_tags(str(text or "")).split())
    return Truncator(words).chars(length) if words else ""


def description_of(page):
    """The editor's search description; else the page's summary or introduction; else the
    first words of its body."""
    if getattr(page, "search_description", ""):
        return _plain(page.search_description, 300)
    for name in getattr(page, "description_fields", ("listing_summary",)):
        text = _plain(getattr(page, name, ""))
        if text:
            return text
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        try:
            content = body.stream_block.get_searchable_content(body)
        except (AttributeError, TypeError):  # a block that cannot say its text
            content = []
        return _plain(" ".join(str(part) for part in content))
    return ""


def _absolute(request, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def page_meta(request, page, *, canonical_path=None):
    """The head tags of `page` as served at this request (a routable view of the page, such as
    an event calendar's archive, is canonical at its own path)."""
    from django.utils import translation

    code = translation.get_language() or "en"
    meta = PageMeta(og_locale=OG_LOCALES.get(code, ""))
    if page is None or not getattr(page, "pk", None):
        meta.canonical = _absolute(request, canonical_path or request.path)
        return meta
    page_url = page.get_url(request)
    path = canonical_path or request.path
    meta.canonical = _absolute(request, page_url if path == page_url else path)
    meta.title = page.seo_title or page.title
    meta.description = description_of(page)
    meta.og_type = "website" if page.depth <= 2 else "article"
    meta.og_locale_alternates = [
        OG_LOCALES[version.code]
        for version in language_versions(request, page)
        if version.is_translation and not version.is_current and version.code in OG_LOCALES
    ]
    image = getattr(page, "listing_image", None)
    if image is not None:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
        meta.image_url = _absolute(request, rendition.url)
        meta.image_width, meta.image_height = rendition.width, rendition.height
        meta.image_alt = getattr(image, "description", "") or image.title
    return meta
