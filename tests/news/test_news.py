"""News and press releases: the tree, the index and its pages, the Atom feed per language as
feed readers parse it, the latest news on the home page, query counts."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Locale, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, SiteSettings
from news.models import NewsIndexPage, NewsPage, NewsPageTag
from tests.conftest import make_english_home, translate
from tests.factories import ImageFactory
from tests.factories.many import add_pages
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(english_home):
    return NewsIndexPageFactory(parent=english_home)


@pytest.fixture
def make_story(news_index):
    def make(**fields):
        return NewsPageFactory(parent=news_index, **fields)

    return make


@pytest.fixture
def french_news(english_home, news_index):
    translate(english_home, "fr", slug="accueil")
    return translate(news_index, "fr", title="Actualités", slug="actualites")


def add_stories(news_index, count, tag=None, **fields):
    """Stories under `news_index` until it has `count` (tagged `tag`), made in bulk."""
    stories = [NewsPageFactory.build(**fields) for _ in range(NewsPage.objects.count(), count)]
    add_pages(news_index, stories)
    if tag:  # the rows saving each page with its tag would make, in one insert
        tag, _created = Tag.objects.get_or_create(name=tag, defaults={"slug": tag})
        NewsPageTag.objects.bulk_create(NewsPageTag(content_object=s, tag=tag) for s in stories)


def feed_url(index):
    return index.url + index.reverse_subpage("atom_feed")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


class NewsTreeTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_english_home()
        cls.index = NewsIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_news_live_under_one_index_per_language(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        assert not NewsIndexPage.can_create_at(self.home)  # one per language tree

    def test_an_editor_writes_a_press_release_with_tags(self):
        self.assertCanCreate(
            self.index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Trend Micro e-guides for ITU Member States",
                    "slug": "trend-micro-e-guides",
                    "kind": "press_release",
                    "date": "2014-03-20",
                    "summary": "Two guides on privacy and data protection on mobile devices.",
                    "body": streamfield([("paragraph", rich_text("<p>Two e-guides.</p>"))]),
                    "tags": "cybersecurity, mobile",
                }
            ),
        )
        story = NewsPage.objects.get(slug="trend-micro-e-guides")
        assert sorted(story.tags.names()) == ["cybersecurity", "mobile"]


def test_an_image_needs_its_alternative_text(make_story):
    from django.core.exceptions import ValidationError

    story = make_story()
    story.image = ImageFactory()
    with pytest.raises(ValidationError) as raised:
        story.full_clean()
    assert "image_alt_text" in raised.value.message_dict


# Index and pages --------------------------------------------------------------------------------


def test_the_index_lists_newest_first_ten_to_a_page(client, news_index, make_story):
    for day in range(12):
        make_story(title=f"Story {day:02}", date=datetime.date(2017, 3, 1 + day))
    response = client.get(news_index.url)
    titles = [story.title for story in response.context["news"]]
    assert titles == [f"Story {day:02}" for day in range(11, 1, -1)]
    html = response.content.decode()
    assert 'rel="next"' in html and '<time datetime="2017-03-12">12 March 2017</time>' in html
    second = client.get(f"{news_index.url}?page=2")
    assert [s.title for s in second.context["news"]] == ["Story 01", "Story 00"]
    assert client.get(f"{news_index.url}?page=99").context["news"].number == 2


def test_a_tag_filters_the_index_and_the_story_links_to_it(client, news_index, make_story):
    tagged = make_story(title="Hack for Health")
    tagged.tags.add("health")
    tagged.save_revision().publish()
    make_story(title="Other")
    response = client.get(f"{news_index.url}?tag=health")
    assert [s.title for s in response.context["news"]] == ["Hack for Health"]
    html = client.get(tagged.url).content.decode()
    assert f'href="{news_index.url}?tag=health" rel="tag">health</a>' in html


def test_a_story_shows_its_date_kind_image_and_body(client, make_story):
    story = make_story(
        kind="press_release",
        date=datetime.date(2014, 3, 20),
        image=ImageFactory(),
        image_alt_text="Two guides on a tablet",
        body=[{"type": "paragraph", "value": "<p>Protect the data on your phone.</p>"}],
    )
    html = client.get(story.url).content.decode()
    assert "Press release" in html and "20 March 2014" in html
    assert 'alt="Two guides on a tablet"' in html
    assert "Protect the data on your phone." in html


def test_the_french_index_lists_untranslated_stories_in_english(
    client, french_news, news_index, make_story
):
    translated = make_story(title="Forum 2017", date=datetime.date(2017, 3, 2))
    make_story(title="Hackathon", date=datetime.date(2017, 3, 1))
    translate(translated, "fr", title="Forum 2017 (fr)", slug="forum-2017")
    response = client.get(french_news.url)
    assert [s.title for s in response.context["news"]] == ["Forum 2017 (fr)", "Hackathon"]
    html = response.content.decode()
    assert html.count('class="card news-card" lang="en"') == 1
    assert "en anglais" in html
    assert '<time datetime="2017-03-01">1 mars 2017</time>' in html


def test_index_query_count_does_not_grow_with_the_stories(client, news_index, make_story):
    image = ImageFactory()

    def queries_for(count, warm=False):
        add_stories(news_index, count, tag="wsis", image=image, image_alt_text="A picture")
        if warm:  # the site's caches and the image's renditions, once: adding stories keeps them
            client.get(news_index.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{news_index.url}?tag=wsis&page=2")
        assert response.context["news"].paginator.count == count
        return len(queries)

    # 10 stories are one page; page 2 is then page 1 (Paginator.get_page), 11 make two.
    assert queries_for(10, warm=True) == queries_for(11) == queries_for(500)


# The feed ---------------------------------------------------------------------------------------


def test_the_feed_validates_with_author_dates_and_language(client, news_index, make_story):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation = "International Telecommunication Union (ITU)"
    site_settings.save()
    story = make_story(title="WSIS Forum 2017", date=datetime.date(2017, 3, 15))
    story.tags.add("forum")
    story.save_revision().publish()
    make_story(title="Older", date=datetime.date(2017, 1, 1))
    response = client.get(feed_url(news_index))
    feed = parse(response)
    assert feed.version == "atom10"
    assert feed.feed.title == "News"
    assert feed.feed.author == "International Telecommunication Union (ITU)"
    assert feed.feed.language == "en"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"http://testserver{feed_url(news_index)}"
    assert links["alternate"] == f"http://testserver{news_index.url}"
    assert [e.title for e in feed.entries] == ["WSIS Forum 2017", "Older"]
    first = feed.entries[0]
    assert first.published_parsed[:3] == (2017, 3, 15)
    assert first.updated_parsed >= first.published_parsed
    assert first.author == "International Telecommunication Union (ITU)"
    assert first.summary == "What happened, in two sentences."
    assert first.link == f"http://testserver{story.url}"
    assert [t.term for t in first.tags] == ["forum"]


def test_a_feed_per_language(client, french_news, news_index, make_story):
    story = make_story(title="Forum")
    make_story(title="Only in English")
    translate(story, "fr", title="Le Forum", slug="le-forum")
    feed = parse(client.get(feed_url(french_news)))
    assert feed.feed.title == "Actualités"
    assert feed.feed.language == "fr"
    assert sorted(e.title for e in feed.entries) == ["Le Forum", "Only in English"]
    english = parse(client.get(feed_url(news_index)))
    assert sorted(e.title for e in english.entries) == ["Forum", "Only in English"]


def test_the_index_announces_its_feed(client, news_index):
    html = client.get(news_index.url).content.decode()
    link = f'type="application/atom+xml" title="News" href="{feed_url(news_index)}"'
    assert f'<link rel="alternate" {link}>' in html


def test_feed_query_count_does_not_grow_with_the_stories(client, news_index, make_story):
    def queries_for(count, warm=False):
        add_stories(news_index, count, tag="wsis")
        if warm:  # the site's caches, once: adding stories keeps them
            client.get(feed_url(news_index))
        with CaptureQueriesContext(connection) as queries:
            feed = parse(client.get(feed_url(news_index)))
        assert len(feed.entries) == min(count, 50)
        return len(queries)

    assert queries_for(10, warm=True) == queries_for(200)


# The home page ----------------------------------------------------------------------------------


def test_the_home_page_shows_the_three_latest_stories(client, english_home, news_index, make_story):
    for day in range(1, 6):
        make_story(title=f"Story {day}", date=datetime.date(2017, 3, day))
    html = client.get(english_home.url).content.decode()
    assert 'aria-labelledby="latest-news-heading"' in html
    assert "Story 5" in html and "Story 3" in html and "Story 2" not in html
    assert html.index("Story 5") < html.index("Story 4") < html.index("Story 3")
    assert f'<a href="{news_index.url}">All news</a>' in html


def test_the_french_home_page_shows_french_and_untranslated_stories(
    client, english_home, french_news, make_story
):
    french_home = english_home.get_translation(Locale.objects.get(language_code="fr"))
    story = make_story(title="Forum", date=datetime.date(2017, 3, 2))
    make_story(title="Hackathon", date=datetime.date(2017, 3, 1))
    translate(story, "fr", title="Le Forum", slug="le-forum")
    html = client.get(french_home.url).content.decode()
    assert "Dernières actualités" in html
    assert html.index("Le Forum") < html.index("Hackathon")
    assert ">Forum<" not in html


def test_a_home_page_without_news_index_or_stories_shows_no_section(client, english_home):
    html = client.get(english_home.url).content.decode()
    assert "latest-news-heading" not in html
    NewsIndexPageFactory(parent=english_home)
    assert "latest-news-heading" not in client.get(english_home.url).content.decode()


def test_home_page_query_count_does_not_grow_with_the_stories(
    client, english_home, news_index, make_story
):
    image = ImageFactory()

    def queries_for(count, warm=False):
        add_stories(news_index, count, image=image, image_alt_text="A picture")
        if warm:  # the site's caches and the image's renditions, once: adding stories keeps them
            client.get(english_home.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(english_home.url)
        return len(queries)

    assert queries_for(10, warm=True) == queries_for(200)
