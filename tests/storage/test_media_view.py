"""/media/ without S3: the app serves public images itself (DEBUG is off in the tests), with long
cache headers for renditions, and nothing outside them."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 40, 40)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title="Geneva", file=SimpleUploadedFile("geneva.jpg", buffer.getvalue(), "image/jpeg")
    )


def test_debug_is_off():
    assert settings.DEBUG is False


def test_a_rendition_is_served_with_a_year_of_caching(client, image):
    rendition = image.get_rendition("fill-200x100")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == Path(rendition.file.path).read_bytes()
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"

    head = client.head(rendition.url)
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Length"] == str(rendition.file.size)
    assert head["Cache-Control"] == "public, max-age=31536000, immutable"

    again = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304
    assert client.post(rendition.url).status_code == 405


def test_media_responses_are_the_same_in_every_language(client, image):
    """Not varied by language (one copy in a CDN) and never redirected to /en/media/…"""
    rendition = image.get_rendition("fill-200x100")
    response = client.get(rendition.url, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Accept-Language" not in response.get("Vary", "")
    assert "Set-Cookie" not in response
    assert client.get("/media/images/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 404


def test_an_original_is_served_with_a_shorter_cache(client, image):
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize(
    "path",
    [
        "/media/../../etc/passwd",
        "/media/images/../../../etc/passwd",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media//etc/passwd",
        "/media/images/missing.jpg",
    ],
)
def test_nothing_outside_the_public_media_nor_anything_missing(client, image, path):
    assert client.get(path).status_code == 404


def test_private_files_are_never_served(client, settings, image):
    private = storages["private"]
    name = private.save("calls/1/secret.jpg", ContentFile(b"\xff\xd8 personal data"))
    relative = Path(private.path(name)).relative_to(Path(settings.MEDIA_ROOT).parent)
    assert client.get(f"/media/../{relative}").status_code == 404
    # Even if PRIVATE_MEDIA_ROOT were put inside MEDIA_ROOT, among the images.
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "images" / "private"
    name = storages["private"].save("calls/1/secret.jpg", ContentFile(b"\xff\xd8 personal"))
    assert (Path(settings.MEDIA_ROOT) / "images" / "private" / name).exists()
    assert client.get(f"/media/images/private/{name}").status_code == 404


def test_documents_are_left_to_wagtails_checked_view(client):
    document = get_document_model().objects.create(
        title="Outcome", file=SimpleUploadedFile("outcome.txt", b"WSIS+20", "text/plain")
    )
    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"WSIS+20"
