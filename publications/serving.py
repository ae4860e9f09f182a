"""Serving a publication's document: the file with its type, name and caching, or a page that
says which languages the publication exists in."""

from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header

from home.localized import in_language_label
from publications.choices import DOCUMENT_LANGUAGE_CODES

# A document may be replaced under the same URL: a day, not a year.
DOCUMENT_MAX_AGE = 86400


def document_response(request, document):
    """The document's file, streamed from the media storage (the filesystem or the public
    bucket, where documents are never public themselves)."""
    if document.collection.get_view_restrictions().exists():
        # A private collection: Wagtail's own view asks for the password or the login.
        return redirect(document.url)
    # Computed and kept the first time when the document came from elsewhere than the admin's
    # upload form (which sets both).
    file_hash, file_size = document.get_file_hash(), document.get_file_size()
    etag = f'"{file_hash}"' if file_hash else None
    # No Last-Modified: a document's file can be replaced while its creation date stays.
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        patch_cache_control(not_modified, public=True, max_age=DOCUMENT_MAX_AGE)
        return not_modified
    # Types a browser shows itself (Wagtail's WAGTAILDOCS_INLINE_CONTENT_TYPES: PDF, text) are
    # shown inline, anything else offered as a download.
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        document.content_disposition != "inline", document.filename
    )
    if file_size:
        response["Content-Length"] = str(file_size)
    if etag:
        response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=DOCUMENT_MAX_AGE)
    return response


def unavailable_response(request, page, language):
    """404: no document in this language; the page names those that exist, with links."""
    return render(
        request,
        "publications/language_unavailable.html",
        {
            "page": page,
            "self": page,
            "in_requested_language": (
                in_language_label(language) if language in DOCUMENT_LANGUAGE_CODES else ""
            ),
            "documents": list(page.language_documents.values()),
        },
        status=404,
    )
