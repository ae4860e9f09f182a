import re
from types import SimpleNamespace

import pytest

from public_forms import ratelimit
from tests.calls.conftest import calls_index, open_call  # noqa: F401 - fixtures
from tests.media.conftest import contest  # noqa: F401 - fixture

# The middle of a fixed rate-limit window of 600 s: 100 s into it, 500 s before it ends.
WINDOW_START = 1_800_000_000
NOW = WINDOW_START + 100


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def fixed_clock(monkeypatch):
    """Rate limits count in fixed windows: a test that ran across the end of one would see its
    count start again. The limiter's clock stands still, 500 s before the window's end."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: NOW))
    ratelimit._process_counts.clear()
    yield NOW
    ratelimit._process_counts.clear()


def shown_token(response):
    """The one-time token of the form a page shows."""
    html = response.content.decode()
    match = re.search(r'name="submission_token" value="([0-9a-f]{32})"', html)
    assert match, "the form carries no submission_token"
    return match.group(1)
