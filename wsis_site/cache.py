"""The site's cache backends.

A Redis cache that the site survives losing: while Redis is unreachable, reads miss,
writes are dropped, the outage is logged (once per minute, not once per call), and Redis is
left alone for a few seconds at a time so that pages do not each pay a connection timeout.

The cache of image renditions (Wagtail's `renditions` alias) skips Wagtail's redundant writes."""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER_SECONDS = 5
LOG_EVERY_SECONDS = 60


class CacheUnavailable(Exception):
    """Redis cannot be reached: for callers (rate limits) that must not treat it as a miss."""


class ReusedRedisCacheClient(RedisCacheClient):
    """Django's client makes a redis.Redis object for each cache call, and redis-py builds
    its table of ~170 response callbacks for each one: 40% of a page served from the cache.
    One object per connection pool does (it takes a pooled connection for each command)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    _lock = threading.Lock()
    _down_until = 0.0
    _logged_at = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient

    @property
    def available(self):
        return time.monotonic() >= ResilientRedisCache._down_until

    def _failed(self, error):
        cls = ResilientRedisCache
        with cls._lock:
            now = time.monotonic()
            cls._down_until = now + RETRY_AFTER_SECONDS
            if now - cls._logged_at >= LOG_EVERY_SECONDS:
                cls._logged_at = now
                logger.error("Redis unreachable, serving without the cache: %s", error)

    def _call(self, name, fallback, *args, **kwargs):
        """RedisCache's method `name`, or `fallback()` while Redis is down (raises
        CacheUnavailable when fallback is None)."""
        if self.available:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except REDIS_DOWN as error:
                self._failed(error)
        if fallback is None:
            raise CacheUnavailable
        return fallback()

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)

    # Counting (rate limits) must know that nothing was counted.
    def incr(self, key, delta=1, version=None):
        return self._call("incr", None, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", None, key, delta, version)

    def ping(self):
        """True when Redis answers now (for the health check), whatever the back-off says."""
        try:
            return bool(self._cache.get_client().ping())
        except REDIS_DOWN as error:
            self._failed(error)
            return False


class RenditionCacheMixin:
    """The cache Wagtail keeps image renditions in (the `renditions` alias). Image.get_rendition
    writes the rendition it found back to the cache at every {% image %}, even when it came from
    the image's prefetched renditions or from this very cache: dozens of pickled writes (round
    trips, with Redis) per page. Those writes are dropped; a rendition read from the database or
    just made is still written."""

    def get_many(self, keys, version=None):
        found = super().get_many(keys, version)
        for rendition in found.values():
            # What Wagtail marks its prefetched renditions with, so as not to write them back.
            rendition._from_cache = True
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if getattr(value, "_from_cache", False):
            return None
        return super().set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        data = {key: value for key, value in data.items() if not getattr(value, "_from_cache", 0)}
        return super().set_many(data, timeout, version) if data else []


class LocMemRenditionCache(RenditionCacheMixin, LocMemCache):
    pass


class RedisRenditionCache(RenditionCacheMixin, ResilientRedisCache):
    pass
