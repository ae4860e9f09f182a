"""Where uploads live: the local filesystem, or S3-compatible object storage (django-storages).

Two storage aliases (settings.STORAGES): "default" holds the public media (Wagtail images,
their renditions, documents); "private" holds what the public sent us (call submission files,
contest originals). Private storage never gives out a URL: those files are streamed only by the
permission-checked views.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

# Wagtail names a rendition by its image, filter and focal point, so the bytes under one name
# never change: browsers and CDNs may keep it for a year without asking again.
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"
# An original may be deleted and its name reused by a later upload: cached for a day only.
ORIGINAL_CACHE_CONTROL = "public, max-age=86400"
RENDITIONS_PREFIX = "images/"


def cache_control(name):
    """The Cache-Control header a public file is served with (from S3 or from /media/)."""
    return RENDITION_CACHE_CONTROL if name.startswith(RENDITIONS_PREFIX) else ORIGINAL_CACHE_CONTROL


def _refuse_url(name):
    raise ValueError("Private files have no URL; they are served only by the checked views.")


class PrivateFileSystemStorage(FileSystemStorage):
    """PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, which nothing serves."""

    # Read on every use, not cached: tests point PRIVATE_MEDIA_ROOT at a new directory per test.
    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        _refuse_url(name)


class PublicS3Storage(S3Storage):
    """The public bucket: plain URLs (no signature), so that they are stable and cacheable."""

    querystring_auth = False
    file_overwrite = False

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        params["CacheControl"] = cache_control(name)
        return params


class PrivateS3Storage(S3Storage):
    """The private bucket: objects private, and no URL at all, even a signed one."""

    querystring_auth = True
    default_acl = "private"
    file_overwrite = False
    custom_domain = None  # a CDN must never front this bucket

    def url(self, name, parameters=None, expire=None, http_method=None):
        _refuse_url(name)


class PrivateStorage(LazyObject):
    """storages["private"], looked up on first use and again after STORAGES changes.

    A model field keeps the storage object it was given at import time; this stand-in lets the
    fields follow the configured backend (and a test's override_settings(STORAGES=...))."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    # Django resets its own storages cache on this signal; forget the backend it handed us.
    if setting == "STORAGES":
        private_storage._wrapped = empty
