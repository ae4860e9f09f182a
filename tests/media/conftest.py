import io

import pytest
from PIL import Image

from tests.calls.conftest import guards
from tests.factories import PhotoContestPageFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def contest(english_home):
    return PhotoContestPageFactory(parent=english_home)


def photo_bytes(size=(2000, 1200), image_format="JPEG", exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (30, 90, 160))
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def entry_data(**overrides):
    data = {
        "title": "Telemedicine in Rwanda",
        "caption": "A nurse consults a doctor by video from a rural clinic.",
        "taken_where": "Kigali, Rwanda",
        "taken_on": "2017-03-12",
        "photographer": "Grace Uwase",
        "email": "grace@example.org",
        "country": "RW",
        "licence": "cc-by-4.0",
        "people_consented": "on",
        "website_url": "",
        **guards(overrides.get("submission_token")),
    }
    data.update(overrides)
    return data
