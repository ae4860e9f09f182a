"""Working out what a publication makes stale (home.cache_purge) costs queries: the page's
translations, its ancestors, every page that references it. Where nothing keeps rendered pages
(no page cache, no fragments, no CDN: a development server, the test settings) it is not done;
where anything does, it is."""

import pytest

from home import cache_purge
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(monkeypatch):
    """The pages whose dependants were worked out."""
    pages = []
    original = cache_purge.pages_showing

    def spying(page, *args, **kwargs):
        pages.append(page.pk)
        return original(page, *args, **kwargs)

    monkeypatch.setattr(cache_purge, "pages_showing", spying)
    return pages


def publish_and_delete(home):
    page = StandardPageFactory(parent=home, title="Action lines", slug="action-lines")
    page.save_revision().publish()
    page.unpublish()
    page.delete()
    return page


def test_nothing_is_worked_out_when_nothing_keeps_pages(asked, english_home):
    publish_and_delete(english_home)
    assert asked == []


@pytest.mark.parametrize(
    "keeper",
    [
        {"PAGE_CACHE_SECONDS": 600},
        {"PAGE_FRAGMENTS": True},
        {
            "WAGTAILFRONTENDCACHE": {
                "cdn": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": "http://127.0.0.1:9/",
                }
            }
        },
    ],
    ids=["page cache", "fragments", "cdn"],
)
def test_publishing_unpublishing_and_deleting_are_worked_out_when_pages_are_kept(
    asked, english_home, settings, keeper
):
    for name, value in keeper.items():
        setattr(settings, name, value)
    page = publish_and_delete(english_home)
    # The publication, the unpublication and the deletion each (Wagtail's deletion handler
    # sends its own unpublication signal too).
    assert len(asked) >= 3 and set(asked) == {page.pk}
