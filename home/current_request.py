"""The request being served, for code that renders links but is not handed the request (a
StreamField value's `href`): Wagtail then finds the site's root paths once per request, on the
request, instead of asking the shared cache (Redis) again for every link."""

from contextvars import ContextVar

_request = ContextVar("wsis_current_request", default=None)


def current_request():
    return _request.get()


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
