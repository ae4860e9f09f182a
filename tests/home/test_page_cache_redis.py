"""The page cache with Redis as the cache (production's setup): a page served from the cache costs
one round trip to Redis (the entry, the site's generation and the page's version in one MGET),
and stays as fresh as with two. Needs the real Redis on 127.0.0.1:6379 (db 13): skipped
without it, except under CI=true, where it fails."""

import pytest
import redis

from home import page_cache
from tests.conftest import make_english_home
from tests.factories import StandardPageFactory
from tests.redis_server import real_redis

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STALE_SECONDS = 60


@pytest.fixture
def redis_cache(monkeypatch):
    """The site's cache is the real Redis, with keys of this test's own (removed afterwards),
    and no page id remembered from another test."""
    monkeypatch.setattr(page_cache, "_page_ids", {})
    with real_redis(REDIS_URL) as (server, _prefix):
        yield server


@pytest.fixture
def redis_commands(monkeypatch):
    """The names of the commands sent to Redis, in order (a pipeline's as one)."""
    sent = []
    execute = redis.Redis.execute_command

    def counting(self, *args, **options):
        sent.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    return sent


@pytest.fixture
def about(db):
    return StandardPageFactory(parent=make_english_home(), title="About WSIS", slug="about-wsis")


def test_a_hit_is_one_round_trip_to_redis(client, redis_cache, redis_commands, about):
    first = client.get(about.url)
    assert first["X-Page-Cache"] == "miss"
    redis_commands.clear()

    second = client.get(about.url)

    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert redis_commands == ["MGET"]


def test_a_hit_in_a_process_that_never_saw_the_page_reads_twice_then_once(
    client, redis_cache, redis_commands, about
):
    client.get(about.url)
    page_cache._page_ids.clear()  # another worker stored it
    redis_commands.clear()
    assert client.get(about.url)["X-Page-Cache"] == "hit"
    assert redis_commands == ["MGET", "MGET"]
    redis_commands.clear()
    assert client.get(about.url)["X-Page-Cache"] == "hit"
    assert redis_commands == ["MGET"]


def test_a_purge_is_seen_by_the_one_round_trip(client, redis_cache, about):
    client.get(about.url)
    assert client.get(about.url)["X-Page-Cache"] == "hit"
    page_cache.new_versions([about.pk])
    assert client.get(about.url)["X-Page-Cache"] == "miss"
    client.get(about.url)
    page_cache.new_generation()
    assert client.get(about.url)["X-Page-Cache"] == "miss"


def test_a_wrong_guess_of_the_page_is_read_again_never_served_stale(client, redis_cache, about):
    client.get(about.url)
    key = next(iter(page_cache._page_ids))
    other = StandardPageFactory(parent=about.get_parent(), slug="other")
    page_cache._page_ids[key] = other.pk  # remembered for a page the entry is not of
    page_cache.new_versions([about.pk])

    assert client.get(about.url)["X-Page-Cache"] == "miss"  # about's own version was read
    assert page_cache._page_ids[key] == about.pk


def test_the_redis_client_is_made_once_not_for_each_cache_call(client, redis_cache, about):
    made = []
    init = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        init(self, *args, **kwargs)

    client.get(about.url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(redis.Redis, "__init__", counting)
        for _ in range(3):
            assert client.get(about.url)["X-Page-Cache"] == "hit"
    assert made == []


def test_a_hit_from_redis_sends_the_headers_a_fresh_render_sends(client, redis_cache, about):
    from tests.home.test_page_cache import comparable

    fresh = client.get(about.url)
    assert fresh["X-Page-Cache"] == "miss"
    hit = client.get(about.url)
    assert hit["X-Page-Cache"] == "hit" and hit.content == fresh.content
    assert comparable(hit) == comparable(fresh)
    assert hit["Content-Security-Policy"] == fresh["Content-Security-Policy"]


def test_redis_replies_are_parsed_by_hiredis(client, redis_cache, about):
    """redis-py's C parser (the `hiredis` dependency), not its Python one, reads the entries."""
    from django.core.cache import cache
    from redis._parsers import _HiredisParser

    client.get(about.url)
    connection = cache._cache.get_client().connection_pool.get_connection()
    try:
        assert isinstance(connection._parser, _HiredisParser)
    finally:
        cache._cache.get_client().connection_pool.release(connection)
