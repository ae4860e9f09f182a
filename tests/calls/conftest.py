import datetime
import io
import time

import pytest
from PIL import Image

from public_forms import receipts
from public_forms.forms import signed_start
from tests.factories import CallIndexPageFactory, CallPageFactory, add_form_fields


@pytest.fixture
def calls_index(english_home):
    return CallIndexPageFactory(parent=english_home)


@pytest.fixture
def open_call(calls_index):
    return make_open_call(calls_index)


def make_open_call(calls_index):
    """A call open until 23:00 Geneva time ten days from now, with a file field."""
    closes = datetime.date.today() + datetime.timedelta(days=10)
    page = CallPageFactory(
        parent=calls_index,
        title="Public consultation on the draft ITU Strategic Plan",
        slug="strategic-plan",
        closes_on=closes,
        closes_time=datetime.time(23),
    )
    add_form_fields(
        page,
        ("Name", "singleline", True),
        ("E-mail", "email", True),
        ("Country", "country", True),
        ("Stakeholder type", "stakeholder_type", True),
        ("Contribution", "file", False, {"allowed_file_types": "pdf,docx", "max_file_size_mb": 1}),
        ("Consent", "consent", True),
    )
    return page


def started_long_ago(token):
    """The start time of a form shown a minute ago with this one-time token, signed."""
    return signed_start(token, time.time() - 60)


def guards(token=None):
    """The hidden fields of a form shown a minute ago: its one-time token (a new one unless
    given) and its start time signed with it."""
    token = token or receipts.new_token()
    return {"submission_token": token, "form_started": started_long_ago(token)}


def valid_data(**overrides):
    data = {
        "name": "Ada Lovelace",
        "e_mail": "ada@example.org",
        "country": "CH",
        "stakeholder_type": "academia",
        "consent": "on",
        "website_url": "",
        **guards(overrides.get("submission_token")),
    }
    data.update(overrides)
    return data


def pdf_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(buffer, "PDF")
    return buffer.getvalue()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
