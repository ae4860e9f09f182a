"""The real Redis at 127.0.0.1:6379 as the site's cache, for the tests that need it: skipped
locally with a message when it does not answer, a failure under CI=true (where .ci/run starts
it)."""

import contextlib
import os
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from wsis_site.cache import ResilientRedisCache


def redis_cache(url, prefix="wsis"):
    """CACHES with the site's Redis backend at `url`, short timeouts."""
    return {
        "default": {
            "BACKEND": "wsis_site.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@contextlib.contextmanager
def real_redis(url):
    """The site's cache is the Redis at `url`, with keys of this test's own (removed
    afterwards). Yields the server's client and the keys' prefix."""
    server = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        server.ping()
    except redis.exceptions.RedisError as error:
        message = f"Redis is not answering at 127.0.0.1:6379 ({error})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    prefix = f"wsis-test-{uuid.uuid4().hex}"
    try:
        with override_settings(CACHES=redis_cache(url, prefix)):
            assert isinstance(caches["default"], ResilientRedisCache)
            yield server, prefix
    finally:
        keys = list(server.scan_iter(match=f"{prefix}:*"))
        if keys:
            server.delete(*keys)
        server.close()
