"""The HTTP caching headers of every response (README, "Page cache"): `public, s-maxage,
stale-while-revalidate` with ETag and Last-Modified on a page anonymous visitors may share,
bounded by its next change by itself; `private, no-store` on anything personal. Outermost of
the page cache's middlewares (home.page_cache)."""

import math
import time

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from home import page_cache


class CacheHeadersMiddleware:
    """What browsers and a CDN may keep: `public, s-maxage` for a page any anonymous visitor may
    be served (bounded by its next change), with an ETag and Last-Modified for conditional GETs
    (answered 304 by ConditionalGetMiddleware, outside this one); `private, no-store` for a
    page with per-visitor parts or anything personal. Placed before the session middleware, so
    that it sees (and drops, for shared pages) the `Vary: Cookie` that sessions add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "_page_cache", None)
        if state is None:
            if getattr(request, "_page_cache_page", None) is not None and (
                page_cache.personal(request, response)
            ):
                self.private(response)
            return response
        outcome, detail = state
        if outcome == "skip":
            if detail:  # personal
                self.private(response)
            response[page_cache.STATUS_HEADER] = "skip"
            return response
        response[page_cache.STATUS_HEADER] = outcome
        if detail["holes"]:
            self.private(response)
            return response
        remaining = max(0, math.floor(detail["expires"] - time.time()))
        stale = int(getattr(settings, "PAGE_CACHE_STALE_SECONDS", 0) or 0)
        bounded = detail["expires"] < detail["stored"] + page_cache.page_cache_seconds()
        response["Cache-Control"] = f"public, max-age=0, s-maxage={remaining}" + (
            f", stale-while-revalidate={stale}" if stale and not bounded else ""
        )
        response["ETag"] = detail["etag"]
        response["Last-Modified"] = http_date(detail["stored"])
        _drop_vary_cookie(response)
        return response

    @staticmethod
    def private(response):
        patch_cache_control(response, private=True, no_store=True)
        response.headers.pop("Expires", None)


def _drop_vary_cookie(response):
    """A shared page is the same whatever cookies come with the request."""
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
