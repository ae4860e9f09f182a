"""Uploads and downloads through a real S3 API (moto's server): public images in the public
bucket with plain, cacheable URLs; what the public sent us only in the private bucket, only
through the checked views."""

import io
import re

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from calls.models import CallSubmission
from media import entries
from media.models import PhotoEntry
from tests.calls.conftest import pdf_bytes, valid_data
from tests.media.conftest import entry_data, photo_bytes
from tests.storage.conftest import BUCKET, PRIVATE_BUCKET, keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_s3")]


def png(size=(640, 480)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def reviewer():
    user = get_user_model().objects.create_user("reviewer", "reviewer@itu.int", "pw")
    group = Group.objects.create(name="Reviewers (storage tests)")
    for codename in ("access_admin", "view_callsubmission"):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def test_an_uploaded_image_and_its_renditions_are_public_in_the_public_bucket(
    admin_client, s3_server, s3_client
):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "WSIS Forum plenary",
            "file": SimpleUploadedFile("plenary.png", png(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="WSIS Forum plenary")
    assert image.file.name in keys(s3_client, BUCKET)
    assert image.file.name not in keys(s3_client, PRIVATE_BUCKET)

    html = Template("{% load wagtailimages_tags %}{% image img fill-320x200 %}").render(
        Context({"img": image})
    )
    url = re.search(r'src="([^"]+)"', html).group(1)
    rendition = image.get_rendition("fill-320x200")
    assert url == rendition.url
    # A plain URL on the bucket: no signature that expires, so browsers and CDNs may keep it.
    assert url.startswith(f"{s3_server}/{BUCKET}/images/") and "?" not in url
    served = requests.get(url, timeout=10)
    assert served.status_code == 200
    stored = s3_client.get_object(Bucket=BUCKET, Key=rendition.file.name)
    assert served.content == stored["Body"].read()
    assert Image.open(io.BytesIO(served.content)).size == (320, 200)
    assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    original = s3_client.head_object(Bucket=BUCKET, Key=image.file.name)
    assert original["CacheControl"] == "public, max-age=86400"
    # Only the filesystem needs the app to serve /media/.
    assert admin_client.get(f"/media/{rendition.file.name}").status_code == 404


def test_a_submitted_file_is_only_in_the_private_bucket_and_only_through_the_checked_view(
    client, open_call, s3_server, s3_client
):
    content = pdf_bytes()
    upload = SimpleUploadedFile("contribution.pdf", content, "application/pdf")
    response = client.post(open_call.url, {**valid_data(), "contribution": upload})
    assert response.status_code == 200, response.content.decode()[:2000]
    submission = CallSubmission.objects.get()
    record = submission.files.get()
    assert record.file.name in keys(s3_client, PRIVATE_BUCKET)
    assert record.file.name not in keys(s3_client, BUCKET)
    acl = s3_client.get_object_acl(Bucket=PRIVATE_BUCKET, Key=record.file.name)
    assert [grant["Grantee"].get("URI") for grant in acl["Grants"]] == [None]  # the owner only
    with pytest.raises(ValueError, match="no URL"):
        _ = record.file.url

    # Not readable from the bucket without credentials, whatever its address.
    assert (
        requests.get(f"{s3_server}/{PRIVATE_BUCKET}/{record.file.name}", timeout=10).status_code
        == 403
    )

    url = f"/admin/calls/submissions/{submission.pk}/files/{record.pk}/"
    refused = client.get(url, follow=True)  # to the admin's login
    assert refused.redirect_chain[-1][0].startswith("/admin/login/")
    assert content not in refused.content
    client.force_login(reviewer())
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert int(download["Content-Length"]) == len(content)
    assert 'filename="contribution.pdf"' in download["Content-Disposition"]
    assert {"private", "no-store"} <= set(download["Cache-Control"].replace(" ", "").split(","))


def test_a_contest_original_is_private_and_its_approved_copy_public(
    client, admin_client, contest, s3_client
):
    content = photo_bytes()
    upload = SimpleUploadedFile("photo.jpg", content, "image/jpeg")
    response = client.post(f"{contest.url}enter/", {**entry_data(), "original": upload})
    assert response.status_code == 200, response.content.decode()[:2000]
    entry = PhotoEntry.objects.get()
    assert entry.original.name in keys(s3_client, PRIVATE_BUCKET)
    assert entry.original.name not in keys(s3_client, BUCKET)
    with pytest.raises(ValueError, match="no URL"):
        _ = entry.original.url

    url = f"/admin/media/entries/{entry.pk}/original/"
    assert client.get(url).status_code == 302  # to the admin login
    original = admin_client.get(url)
    assert original.status_code == 200
    assert b"".join(original.streaming_content) == content

    entries.approve(entry)  # read back from the private bucket, published to the public one
    public = entry.public_image.file.name
    assert public in keys(s3_client, BUCKET) and public not in keys(s3_client, PRIVATE_BUCKET)


def test_documents_are_streamed_after_the_privacy_check_never_redirected(
    client, s3_server, s3_client
):
    root = Collection.get_first_root_node()
    restricted = root.add_child(name="Internal")
    document = get_document_model().objects.create(
        title="Outcome document",
        file=SimpleUploadedFile("outcome.txt", b"WSIS+20 outcome", "text/plain"),
        collection=restricted,
    )
    assert document.file.name in keys(s3_client, BUCKET)
    # The bucket does not give documents out: only the app does, after its checks.
    bucket_url = f"{s3_server}/{BUCKET}/{document.file.name}"
    assert requests.get(bucket_url, timeout=10).status_code == 403
    response = client.get(document.url)
    assert response.status_code == 200  # streamed by the app, not a redirect to the bucket
    assert b"".join(response.streaming_content) == b"WSIS+20 outcome"

    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
    )
    refused = client.get(document.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    assert BUCKET not in refused["Location"]


def test_both_aliases_are_s3_and_the_private_one_signs_and_refuses_urls():
    public, private = storages["default"], storages["private"]
    assert (public.bucket_name, private.bucket_name) == (BUCKET, PRIVATE_BUCKET)
    assert public.querystring_auth is False and public.file_overwrite is False
    assert private.querystring_auth is True and private.default_acl == "private"
    assert PhotoEntry._meta.get_field("original").storage.bucket_name == PRIVATE_BUCKET
