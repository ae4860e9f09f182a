"""The Content-Security-Policy and Permissions-Policy headers (issue 20, item 5): strict and
enforced on public pages (JSON-LD is data, which script-src does not govern); report-only in the
Wagtail admin; framing refused everywhere except the Stocktaking embed (tests/stocktaking)."""

import re

import pytest

from tests.conftest import make_english_home

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def home(db):
    return make_english_home(title="WSIS")


def test_public_pages_enforce_a_strict_policy(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Content-Security-Policy-Report-Only" not in response
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # No script from anywhere but here, and no inline script at all: the only <script> is
    # the JSON-LD, a data block, which needs no nonce (and carries none: the page cache shares
    # the page between visitors).
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts, "the home page has its JSON-LD"
    for attributes in scripts:
        assert 'type="application/ld+json"' in attributes
        assert "nonce" not in attributes


def test_no_inline_style_attribute_on_public_templates():
    """style="…" needs 'unsafe-inline' in style-src: the public templates carry none (the
    admin's block previews and the e-mails are not public pages)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = []
    for template in root.glob("*/templates/**/*.html"):
        relative = template.relative_to(root).as_posix()
        if "/previews/" in relative or "email" in relative or "/admin/" in relative:
            continue
        if relative.startswith((".venv", "var")) or "/wagtailadmin/" in relative:
            continue
        if re.search(r"<[a-z][^<>]*\sstyle=\"", template.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []


def test_a_restrictive_permissions_policy_everywhere(client, home, admin_client):
    for response in (client.get("/en/"), client.get("/en/search/"), admin_client.get("/admin/")):
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy


def test_the_admin_reports_only(admin_client, home):
    response = admin_client.get("/admin/pages/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    policy = directives(response["Content-Security-Policy-Report-Only"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]  # Wagtail's previews frame the admin


def test_the_404_page_is_under_the_policy_too(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert directives(response["Content-Security-Policy"])["default-src"] == ["'self'"]
