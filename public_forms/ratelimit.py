"""A per-client limit on accepted submissions, counted in the shared cache (Redis in
production). When Redis is down each process counts on its own: the limit still holds per
process, which is as safe as we can be without shared state."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from public_forms.clients import client_key
from wsis_site.cache import CacheUnavailable

logger = logging.getLogger(__name__)
_process_counts = LocMemCache("public-forms-ratelimit", {"OPTIONS": {"MAX_ENTRIES": 100000}})


def _count(store, key, window):
    store.add(key, 0, window)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, window)
        return 1


def hit(request, scope, limit=None):
    """Counts one accepted attempt by this client on `scope`; returns 0 when it is allowed,
    else the seconds until the client may try again (for Retry-After)."""
    count_allowed, window = limit or settings.CALLS_RATE_LIMIT
    now = time.time()
    bucket = int(now // window)
    key = f"wsis:ratelimit:{scope}:{client_key(request)}:{bucket}"
    try:
        count = _count(cache, key, window)
    except CacheUnavailable:
        count = _count(_process_counts, key, window)
    if count > count_allowed:
        return max(1, int(window - now % window))
    return 0
