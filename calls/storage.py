import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Where submitted files live: PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, with no URL, so that
    nothing serves them but the permission-checked download view."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Submitted files have no public URL; use the download view.")


def private_storage():
    return PrivateStorage()
