"""Public media from MEDIA_ROOT, when uploads are on the local filesystem (no S3).

WhiteNoise serves only what existed at start, so the app serves uploads itself: with long cache
headers, so that a browser or a CDN in front asks once."""

import os

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404, HttpResponse, HttpResponseNotFound
from django.utils._os import safe_join
from django.views.decorators.http import require_safe
from django.views.static import serve

from wsis_site.storage import cache_control

# Wagtail's image originals and renditions. Documents (documents/) are not here: they go through
# Wagtail's /documents/ view, which checks the privacy of their collection.
PUBLIC_PREFIXES = ("images/", "original_images/")


def _inside(path, directory):
    return os.path.commonpath([path, directory]) == directory


def _public_file(path):
    """The real path of a public file under MEDIA_ROOT, or Http404."""
    root = os.path.realpath(settings.MEDIA_ROOT)
    try:
        # realpath: a symbolic link may not lead out of MEDIA_ROOT either.
        full = os.path.realpath(safe_join(root, path))
    except (SuspiciousFileOperation, ValueError) as error:
        raise Http404 from error
    private = os.path.realpath(settings.PRIVATE_MEDIA_ROOT)
    if not _inside(full, root) or _inside(full, private):
        raise Http404
    name = os.path.relpath(full, root).replace(os.sep, "/")
    if not name.startswith(PUBLIC_PREFIXES) or not os.path.isfile(full):
        raise Http404
    return name


@require_safe
def media(request, path):
    if not isinstance(storages["default"], FileSystemStorage):
        raise Http404  # uploads are in object storage, which serves them itself
    name = _public_file(path)
    # Django's static view answers conditional requests (If-Modified-Since) and sets the type.
    response = serve(request, name, document_root=os.path.realpath(settings.MEDIA_ROOT))
    if request.method == "HEAD" and response.streaming:
        head = HttpResponse(status=response.status_code)
        for header, value in response.items():
            head[header] = value
        response.close()
        response = head
    response["Cache-Control"] = cache_control(name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PublicMediaMiddleware:
    """Serves /media/ ahead of the session, language and CSRF middleware. An image needs none
    of them, and the language middleware would add `Vary: Accept-Language` (splitting a CDN's
    cache by language) and redirect a missing file to /en/media/…"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(settings.MEDIA_URL):
            return self.get_response(request)
        try:
            return media(request, request.path_info.removeprefix(settings.MEDIA_URL))
        except Http404:
            return HttpResponseNotFound("Not found", content_type="text/plain")
