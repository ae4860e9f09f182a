"""The resilient Redis cache's "down, leave it alone for 5 s" mark is shared by the whole
process: each test starts with Redis believed up (tests/conftest._clear_cache), or a test on a
real Redis run just after one with Redis down finds its cache empty. The two tests run in this
order, in one worker (a module is one xdist scope)."""

from django.core.cache import caches
from django.test import override_settings

from tests.conftest import free_port
from tests.redis_server import redis_cache
from wsis_site.cache import ResilientRedisCache


def test_a_test_with_redis_down_leaves_it_marked_down():
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        cache = caches["default"]
        assert cache.get("anything") is None
        assert not cache.available


def test_the_next_test_starts_with_redis_believed_up():
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        assert isinstance(caches["default"], ResilientRedisCache)
        assert caches["default"].available
