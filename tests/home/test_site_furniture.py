"""What a visitor notices around every page: the favicon, the emblem in the header, search
landmarks with names, and a Site record that names the address the server answers on."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_favicon_is_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    body = response.content
    assert body[:4] == b"\x00\x00\x01\x00" and int.from_bytes(body[4:6], "little") == 3
    assert "max-age=86400" in response["Cache-Control"]


def test_every_page_names_its_icon_and_shows_the_emblem(client, english_home):
    html = client.get(english_home.url).content.decode()
    assert re.search(
        r'<link rel="icon" href="/static/img/wsis-emblem\.svg[^"]*" type="image/svg\+xml">', html
    )
    brand = html.split('class="site-brand"')[1].split("</a>")[0]
    # Decorative beside the words that name the link.
    assert '<img class="site-brand__emblem" src="/static/img/wsis-emblem.svg' in brand
    assert 'alt=""' in brand and "WSIS" in brand
    svg = (ROOT / "wsis_site/static/img/wsis-emblem.svg").read_text()
    assert svg.startswith("<svg") and "<script" not in svg


def test_search_landmarks_have_names_each_its_own(client, english_home):
    for url in (english_home.url, "/en/search/?q=WSIS"):
        html = client.get(url).content.decode()
        forms = re.findall(r"<form[^>]*role=\"search\"[^>]*>", html)
        names = [re.search(r'aria-label="([^"]+)"', form) for form in forms]
        assert forms and all(names), url
        assert len({name.group(1) for name in names}) == len(forms), url
    french = client.get("/fr/search/").content.decode()
    assert 'aria-label="Rechercher sur le site"' in french


def test_set_site_address_names_the_host_and_port(client, english_home):
    call_command("set_site_address", "--host", "127.0.0.1", "--port", "8123", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert "<loc>http://127.0.0.1:8123/en/</loc>" in sitemap
    with pytest.raises(CommandError):
        call_command("set_site_address", "--port", "70000", verbosity=0)


def test_make_run_gives_its_port_to_the_site_and_prints_it():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "manage.py set_site_address --host 127.0.0.1 --port 8123" in dry_run
    assert "http://127.0.0.1:8123/" in dry_run
    assert "WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8123" in dry_run
    assert "runserver 127.0.0.1:8123" in dry_run


def test_the_footer_contact_block_is_in_the_readers_language(client, english_home):
    english_home.contact_organisation = "International Telecommunication Union (ITU)"
    english_home.contact_address = "Place des Nations\n1211 Geneva 20\nSwitzerland"
    english_home.save_revision().publish()
    from tests.conftest import translate

    french = translate(
        english_home,
        "fr",
        slug="accueil",
        contact_organisation="Union internationale des télécommunications (UIT)",
        contact_address="Place des Nations\n1211 Genève 20\nSuisse",
    )
    translate(english_home, "es", slug="inicio", contact_organisation="", contact_address="")
    footer = client.get(french.url).content.decode().split('id="footer-contact"')[1]
    footer = footer.split("</address>")[0]
    assert "Union internationale des télécommunications (UIT)<br>" in footer
    assert "1211 Genève 20<br>Suisse" in footer and "Geneva" not in footer
    # A language whose home page leaves it empty shows the site settings' words.
    footer = client.get("/es/").content.decode().split('id="footer-contact"')[1]
    assert "International Telecommunication Union (ITU)" in footer.split("</address>")[0]
