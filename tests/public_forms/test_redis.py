"""Redis stopped: pages, submissions and the health check keep answering, the cache is
reported degraded and rate limits fall back to each process's own count. With Redis
running, the limit is counted in Redis, shared by every app server."""

import logging

import pytest
from django.core.cache import caches
from django.test import override_settings

from calls.models import CallSubmission
from public_forms import ratelimit
from tests.calls.conftest import valid_data
from tests.conftest import free_port
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.redis_server import real_redis, redis_cache
from wsis_site.cache import ResilientRedisCache

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_stopped():
    """The site's cache is Redis at a port nothing listens on."""
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        assert isinstance(caches["default"], ResilientRedisCache)
        yield


@pytest.fixture
def redis_running():
    """The real Redis on 127.0.0.1:6379, with keys of this test's own (removed afterwards)."""
    with real_redis(REDIS_URL) as (server, prefix):
        yield server, prefix


def test_with_redis_stopped_the_public_pages_and_a_submission_answer(
    client, english_home, open_call, redis_stopped, caplog
):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=english_home), slug="forum")
    caplog.set_level(logging.ERROR, logger="wsis_site.cache")

    home = client.get("/")
    assert home.status_code == 302 and home["Location"] == "/en/"  # the visitor's language
    for url in ("/en/", event.url, open_call.url):
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.post(open_call.url, valid_data())

    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert CallSubmission.objects.count() == 1
    # The outage is logged once, not once per cache call.
    outage = [r for r in caplog.records if "Redis unreachable" in r.getMessage()]
    assert len(outage) == 1


def test_with_redis_stopped_healthz_names_the_cache_as_degraded(client, redis_stopped):
    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["checks"]["cache"]["status"] == "degraded"
    assert report["checks"]["database"]["status"] == "ok"


def test_with_redis_stopped_each_process_still_limits_submissions(
    client, open_call, redis_stopped, fixed_clock, settings
):
    settings.CALLS_RATE_LIMIT = (2, 600)
    for _ in range(2):
        assert client.post(open_call.url, valid_data()).status_code == 200

    response = client.post(open_call.url, valid_data())

    assert response.status_code == 429 and response["Retry-After"] == "500"
    assert CallSubmission.objects.count() == 2


def test_with_redis_running_the_limit_is_counted_in_redis_and_healthz_says_ok(
    client, open_call, redis_running, fixed_clock, settings
):
    server, prefix = redis_running
    settings.CALLS_RATE_LIMIT = (2, 600)
    settings.TRUSTED_PROXIES = ()
    visitor = {"REMOTE_ADDR": "203.0.113.10"}
    for _ in range(2):
        assert client.post(open_call.url, valid_data(), **visitor).status_code == 200

    # Another app server would read the same count, from Redis.
    (key,) = [k.decode() for k in server.scan_iter(match=f"{prefix}:*ratelimit*203.0.113.10*")]
    assert int(server.get(key)) == 2
    assert 0 < server.ttl(key) <= 600
    ratelimit._process_counts.clear()  # nothing kept in the process: Redis alone decides
    response = client.post(open_call.url, valid_data(), **visitor)
    assert response.status_code == 429 and response["Retry-After"] == "500"
    assert CallSubmission.objects.count() == 2

    health = client.get("/healthz").json()
    assert health["checks"]["cache"] == {"status": "ok", "backend": "ResilientRedisCache"}
