"""What link previews and search engines read in a page's head (issue 20, item 1): a canonical
URL, a description (the editor's, or derived from the content), Open Graph and Twitter card
tags with a rendition of the listing image, in the page's language; a 404 lists no language
versions."""

import re
from html.parser import HTMLParser

import pytest
import wagtail_factories
from django.core.files.base import ContentFile

from tests.conftest import make_english_home, refetched, shared_data, translate
from tests.factories import StandardPageFactory


class HeadTags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.meta, self.links = {}, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]

    def canonical(self):
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) <= 1, found
        return found[0] if found else None

    def hreflangs(self):
        return [link["hreflang"] for link in self.links if link.get("hreflang")]


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    # Built once: the tests only read it, or change it and are rolled back.
    with shared_data(django_db_blocker):
        home = make_english_home(title="WSIS", search_description="The WSIS process.")
        image = wagtail_factories.ImageFactory(title="Delegates at the Forum")
        about = StandardPageFactory(
            parent=home,
            title="About WSIS",
            slug="about",
            introduction="<p>The World Summit on the <b>Information</b> Society.</p>",
            listing_image=image,
        )
        home_ar = translate(home, "ar", title="القمة")
        about_ar = translate(
            about, "ar", title="عن القمة", introduction="القمة العالمية لمجتمع المعلومات"
        )
        with image.file.open("rb") as file:
            image_bytes = file.read()
        made = {"home": home, "about": about, "about_ar": about_ar, "home_ar": home_ar}
        made["image"] = image
        yield made, image_bytes


@pytest.fixture
def site(db, shared_site):
    made, image_bytes = shared_site
    yield refetched(made)
    # The image's file is not in the rolled-back transaction: put it back if a test deleted it.
    file = made["image"].file
    if not file.storage.exists(file.name):
        file.storage.save(file.name, ContentFile(image_bytes))


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return HeadTags(response.content.decode())


def test_a_page_has_a_canonical_url_and_open_graph_tags_in_its_language(client, site):
    tags = head(client, "/en/about/")
    assert tags.canonical() == "http://testserver/en/about/"
    assert tags.one("og:url") == "http://testserver/en/about/"
    assert tags.one("og:title") == "About WSIS"
    assert tags.one("og:type") == "article"
    assert tags.one("og:locale") == "en_GB"
    assert tags.meta["og:locale:alternate"] == ["ar_AR"]
    assert tags.one("twitter:card") == "summary_large_image"
    assert tags.one("twitter:title") == "About WSIS"


def test_the_description_is_derived_from_the_content_when_the_editor_wrote_none(client, site):
    tags = head(client, "/en/about/")
    # The introduction, without its markup.
    assert tags.one("description") == "The World Summit on the Information Society."
    assert tags.one("og:description") == "The World Summit on the Information Society."
    # The editor's search description wins.
    assert head(client, "/en/").one("description") == "The WSIS process."


def test_the_body_gives_a_description_when_there_is_no_summary(client, site):
    page = StandardPageFactory(
        parent=site["home"],
        title="Fund",
        slug="fund",
        introduction="",
        body=[("paragraph", "<p>The WSIS Fund in Trust finances the Forum.</p>")],
    )
    assert page.introduction == ""
    assert head(client, "/en/fund/").one("description") == (
        "The WSIS Fund in Trust finances the Forum."
    )


def test_the_open_graph_image_is_a_rendition_of_the_listing_image(client, site):
    tags = head(client, "/en/about/")
    url = tags.one("og:image")
    rendition = site["image"].get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    assert url == "http://testserver" + rendition.url
    # fill-1200x630 never enlarges: the factory's small image keeps the 1.91:1 crop.
    assert (tags.one("og:image:width"), tags.one("og:image:height")) == (
        str(rendition.width),
        str(rendition.height),
    )
    assert rendition.width / rendition.height == pytest.approx(1200 / 630, rel=0.05)
    assert tags.one("og:image:alt") == "Delegates at the Forum"
    assert tags.one("twitter:image") == url


def test_the_arabic_page_says_arabic_and_points_at_itself(client, site):
    tags = head(client, "/ar/about/")
    assert tags.canonical() == "http://testserver" + site["about_ar"].url
    assert tags.one("og:title") == "عن القمة"
    assert tags.one("og:locale") == "ar_AR"
    assert tags.meta["og:locale:alternate"] == ["en_GB"]
    assert tags.one("description") == "القمة العالمية لمجتمع المعلومات"
    assert tags.one("og:image")  # the same image: it is synchronised, not translated


def test_a_page_without_image_gets_a_summary_card(client, site):
    tags = head(client, "/en/")
    assert "og:image" not in tags.meta
    assert tags.one("twitter:card") == "summary"
    assert tags.one("og:type") == "website"


def test_a_view_that_is_not_a_page_is_canonical_at_its_own_address(client, site):
    tags = head(client, "/en/search/?q=forum")
    assert tags.canonical() == "http://testserver/en/search/"
    assert "og:title" not in tags.meta


def test_the_query_string_is_not_part_of_the_canonical_url(client, site):
    assert head(client, "/en/about/?utm_source=x").canonical() == "http://testserver/en/about/"


def test_the_404_page_lists_no_language_versions_and_no_canonical(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    tags = HeadTags(response.content.decode())
    assert tags.hreflangs() == []
    assert tags.canonical() is None
    assert tags.one("robots") == "noindex"
    # The language bar is still there for the visitor.
    assert re.search(r'<nav class="language-bar"', response.content.decode())


def test_the_home_page_describes_the_site_as_organization_and_searchable_website(client, site):
    import json

    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "wsis-info@itu.int"
    settings.contact_phone = ""
    settings.save()
    html = client.get("/ar/").content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    organisation, website = json.loads(script)["@graph"]
    assert organisation["@type"] == "Organization"
    assert organisation["name"] == "International Telecommunication Union (ITU)"
    assert organisation["email"] == "wsis-info@itu.int"
    assert "telephone" not in organisation  # empty: left out
    assert website["@type"] == "WebSite"
    assert website["url"] == "http://testserver/ar/"
    assert website["inLanguage"] == "ar"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/ar/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    # The search it names answers.
    assert client.get("/ar/search/?q=WSIS").status_code == 200


def test_a_listing_image_whose_file_is_gone_leaves_the_page_served(client, site):
    site["image"].file.storage.delete(site["image"].file.name)
    site["image"].renditions.all().delete()
    tags = head(client, "/en/about/")
    assert "og:image" not in tags.meta
    assert tags.one("twitter:card") == "summary"
