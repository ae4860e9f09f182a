"""The kept process behind the browser tests' `run_on_site` (tests/browser/site_shell.py): it
answers with what the code printed, raises the code's error and keeps going, and nothing else
written to its stdout gets into the conversation. It runs here, without a browser, so that a
broken shell fails as itself and not as fifteen browser tests."""

import os

import pytest

from tests.browser import conftest as browser


@pytest.fixture
def shell(monkeypatch):
    monkeypatch.setattr(browser, "SERVER_ENV", {**os.environ})
    monkeypatch.setattr(browser, "SITE", {})
    yield browser.run_on_site
    process = browser.SITE.get("shell")
    if process is not None:
        process.terminate()
        process.wait(timeout=10)


def test_it_answers_raises_and_keeps_going_in_one_process(shell):
    assert shell("print(6 * 7)") == "42\n"
    process = browser.SITE["shell"]
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        shell("print('before')\n1 / 0")
    # Written to the process's stdout behind Python's back: not taken for an answer.
    assert shell("import os\nos.write(1, b'noise\\n')\nprint('after')") == "after\n"
    assert shell("from django.conf import settings\nprint(settings.configured)") == "True\n"
    assert browser.SITE["shell"] is process
