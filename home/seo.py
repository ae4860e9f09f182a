"""What search engines and link previews (social networks, messaging apps) read in a page's
head: its canonical URL, a description, and Open Graph / Twitter card tags with a rendition of
its listing image, in the page's language. Every page type gets them from `BasePage` and
`base.html`; a page type adds nothing unless it wants another description source."""

import json
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
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


def share_rendition(image):
    """The image's rendition for link previews and JSON-LD, or None (no image, or its file
    is missing: a page never fails for want of its preview image, as {% image %} does not)."""
    if image is None:
        return None
    try:
        return image.get_rendition(OG_IMAGE_SPEC)
    except OSError:  # wagtail.images.models.SourceImageIOError is one
        return None


def _absolute(request, url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def page_meta(request, page, *, canonical_path=None):
    """The head tags of `page` as served at this request (a routable view of the page, such as
    an event calendar's archive, is canonical at its own path)."""
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
    rendition = share_rendition(image)
    if rendition is not None:
        meta.image_url = _absolute(request, rendition.url)
        meta.image_width, meta.image_height = rendition.width, rendition.height
        meta.image_alt = getattr(image, "description", "") or image.title
    return meta


# Structured data (schema.org JSON-LD) -----------------------------------------------------------


def prune(data):
    """Without empty properties ("", None, [], {}): a search engine reads an empty postalCode
    as a wrong one."""
    if isinstance(data, dict):
        pruned = {key: prune(value) for key, value in data.items()}
        return {key: value for key, value in pruned.items() if value not in ("", None, [], {})}
    if isinstance(data, list):
        return [item for item in (prune(item) for item in data) if item not in ("", None, [], {})]
    return data


def json_ld(data):
    """`data` as the text of a <script type="application/ld+json">, empty properties left out;
    <, > and & written as JSON escapes, so that nothing in it can end the element."""
    text = json.dumps(prune(data), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def site_json_ld(request, settings, home):
    """The site as an Organization and a WebSite whose search engines can query it."""
    root = request.build_absolute_uri(home.get_url(request)) if home else ""
    search = request.build_absolute_uri(reverse("search"))
    organisation = {
        "@type": "Organization",
        "@id": request.build_absolute_uri("/") + "#organization",
        "name": settings.organisation,
        "url": request.build_absolute_uri("/"),
        "email": settings.contact_email,
        "telephone": settings.contact_phone,
        "address": " ".join(settings.postal_address.split()),
        "sameAs": [block.value.get("url") for block in settings.social_links],
    }
    website = {
        "@type": "WebSite",
        "@id": root + "#website",
        "url": root,
        "name": home.title if home else "",
        "inLanguage": translation.get_language(),
        "publisher": {"@id": organisation["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }
    return json_ld({"@context": "https://schema.org", "@graph": [organisation, website]})
