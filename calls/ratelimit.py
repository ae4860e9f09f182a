"""A per-client limit on submissions, counted in the shared cache (Redis in production)."""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    # Behind the proxy, REMOTE_ADDR must be the client's (the proxy is configured to set it).
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(request, scope):
    """Counts one POST; returns 0 when allowed, else the seconds to wait."""
    limit, window = settings.CALLS_RATE_LIMIT
    bucket = int(time.time() // window)
    key = f"wsis:ratelimit:{scope}:{client_address(request)}:{bucket}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    if count > limit:
        return int(window - time.time() % window)
    return 0
