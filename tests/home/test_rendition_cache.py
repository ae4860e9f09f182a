"""Renditions in a cache of their own (wsis_site.cache.RenditionCacheMixin): Wagtail writes
every rendition back to the cache at each {% image %}, even one it had already (prefetched with
the page's images, or read from this cache); those writes are dropped, new ones still made."""

import pytest
from django.core.cache import caches
from wagtail.images.models import Image

from tests.conftest import make_english_home
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db
IMAGES = 6


@pytest.fixture
def rendition_writes(monkeypatch):
    """Keys written to the renditions cache (set or set_many), as they reach the backend."""
    written = []
    backend = caches["renditions"]
    parent = type(backend).__mro__[2]  # the backend under the mixin (LocMemCache)
    set_one, set_many = parent.set, parent.set_many

    def counting_set(self, key, value, *args, **kwargs):
        written.append(key)
        return set_one(self, key, value, *args, **kwargs)

    def counting_set_many(self, data, *args, **kwargs):
        written.extend(data)
        return set_many(self, data, *args, **kwargs)

    monkeypatch.setattr(parent, "set", counting_set)
    monkeypatch.setattr(parent, "set_many", counting_set_many)
    return written


@pytest.fixture
def page_with_images(db):
    images = [ImageFactory() for _ in range(IMAGES)]
    body = [
        {"type": "image", "value": {"image": image.pk, "alt_text": f"Picture {i}"}}
        for i, image in enumerate(images)
    ]
    return StandardPageFactory(parent=make_english_home(), slug="pictures", body=body)


def test_the_renditions_cache_is_its_own(settings):
    assert caches["renditions"] is not caches["default"]
    assert type(caches["renditions"]).__name__ == "LocMemRenditionCache"


def test_a_page_whose_renditions_exist_writes_none_to_the_cache(
    client, page_with_images, rendition_writes
):
    first = client.get(page_with_images.url)
    assert first.status_code == 200
    assert first.content.decode().count("<img") >= IMAGES
    assert len(rendition_writes) >= IMAGES  # made on the first visit, and cached
    rendition_writes.clear()

    second = client.get(page_with_images.url)

    assert second.content == first.content
    assert rendition_writes == []


def test_a_rendition_read_from_the_cache_is_not_written_back(page_with_images, rendition_writes):
    image = Image.objects.filter(renditions__isnull=True).first() or ImageFactory()
    image.get_rendition("max-200x200")  # made: written
    assert len(rendition_writes) == 1
    again = Image.objects.get(pk=image.pk)  # no prefetched renditions: the cache is asked

    rendition = again.get_rendition("max-200x200")

    assert rendition.filter_spec == "max-200x200"
    assert len(rendition_writes) == 1


def test_a_rendition_found_in_the_database_is_cached(page_with_images, rendition_writes):
    image = ImageFactory()
    made = image.get_rendition("max-120x120")
    caches["renditions"].clear()
    rendition_writes.clear()

    found = Image.objects.get(pk=image.pk).get_rendition("max-120x120")

    assert found.pk == made.pk
    assert len(rendition_writes) == 1
