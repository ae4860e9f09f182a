"""The Stocktaking database embedded in a partner's page, in a real browser.

Staff register the partner's origin and copy the <iframe> code; on the partner's page (a static
file served from another site: http://localhost:<port>, while ours is http://127.0.0.1:<port>)
a visitor filters by Action Line C7 and SDG 3, reads an entry and submits a project in French;
a moderator approves it and it appears in the partner's embed. The same code copied onto a page
of an origin nobody registered shows nothing."""

import functools
import re
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD

TITLE = "Télémédecine pour les dispensaires ruraux de Casamance"  # + the partner's key
PARTNER = "Réseau santé numérique"
MIN_FILL_SECONDS = 3.2  # the spam guard refuses forms sent back faster than a person can


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def partner_server(tmp_path_factory):
    """A plain static web server for the partners' pages, on a port of its own. Reached as
    http://localhost:<port> it is the registered partner; as http://127.0.0.1:<port>, another
    origin nobody registered (ours is 127.0.0.1 on another port)."""
    root = tmp_path_factory.mktemp("partner")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, server.server_address[1]
    server.shutdown()
    server.server_close()


def log_in(page, site_url):
    page.context.clear_cookies()
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile("/admin/$"))


def host_page(snippet):
    # The partner's own styles, which must not reach into the embed.
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>'
        "<style>* { color: rgb(255, 0, 0) !important; font-size: 40px !important; }</style>"
        f"</head><body><h1>Digital health projects</h1>{snippet}</body></html>"
    )


@pytest.fixture(scope="module")
def partner(browser, site_url, partner_server):
    """Staff register the partner's site in the admin and make its code on the embed code page
    (in French); the partner puts it on its page."""
    root, port = partner_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        snippet, key = register_and_copy_the_code(context.new_page(), site_url, port)
    finally:
        context.close()
    (root / "health.html").write_text(host_page(snippet), encoding="utf-8")
    return {
        "url": f"http://localhost:{port}/health.html",
        "origin": f"http://localhost:{port}",
        "key": key,
        "snippet": snippet,
        "root": root,
        "port": port,
    }


def register_and_copy_the_code(page, site_url, port):
    log_in(page, site_url)
    page.goto(f"{site_url}/admin/snippets/stocktaking/embeddingsite/add/")
    page.locator("input[name=name]").fill(PARTNER)
    # Staff paste the partner's page address; the origin is what is kept.
    page.locator("input[name=origin]").fill(f"http://localhost:{port}/projects/health.html")
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    row = (
        page.get_by_role("row").filter(has_text=PARTNER).filter(has_text=f"http://localhost:{port}")
    )
    expect(row).to_be_visible()
    key = row.locator("td").filter(has_text=re.compile(r"^\s*[A-Za-z0-9]{20}\s*$")).inner_text()
    key = key.strip()

    page.goto(f"{site_url}/en/stocktaking/database/embed-code/")
    page.get_by_label("Your key", exact=True).fill(key)
    page.get_by_label("Language", exact=True).select_option("fr")
    page.get_by_role("button", name="Make the code").click()
    snippet = page.locator("#embed-snippet").input_value()
    assert f'src="{site_url}/fr/stocktaking/embed/{key}/?' in snippet
    return snippet, key


def embed(page):
    return page.frame_locator("iframe").first


def filter_by_c7_and_sdg_3(frame):
    frame.locator('[data-facet=action_line] input[value="C7"]').check()
    frame.locator('[data-facet=sdg] input[value="3"]').check()
    frame.locator(".stocktaking__filters button[type=submit]").click()
    # The filtered page has come when it offers to clear the filters.
    expect(frame.locator(".stocktaking__filters > a")).to_be_visible()
    expect(frame.locator('[data-facet=action_line] input[value="C7"]')).to_be_checked()
    expect(frame.locator('[data-facet=sdg] input[value="3"]')).to_be_checked()


def test_a_visitor_of_a_partner_site_submits_a_project_in_french_and_sees_it_approved(
    page, site_url, partner
):
    title = f"{TITLE} ({partner['key'][:6]})"  # another run on the same database adds another
    page.goto(partner["url"])
    expect(page.get_by_role("heading", name="Digital health projects")).to_be_visible()
    frame = embed(page)
    expect(frame.locator("html")).to_have_attribute("lang", "fr")
    # The partner's styles stay outside.
    heading = frame.locator("#stocktaking-results-heading")
    expect(heading).to_be_visible()
    assert heading.evaluate("h => getComputedStyle(h).color") != "rgb(255, 0, 0)"
    everything = int(re.search(r"\d+", heading.inner_text())[0])

    filter_by_c7_and_sdg_3(frame)
    items = frame.locator(".stocktaking__item")
    expect(items.first).to_be_visible()
    found = int(re.search(r"\d+", heading.inner_text())[0])
    assert 0 < found < everything
    # Every entry listed is about C7 (or one of its applications, which count for it) and SDG 3.
    for tags in [item.locator(".tag").all_inner_texts() for item in items.all()]:
        assert "C7" in tags, tags
        assert any(re.search(r"(?<!\d)3$", tag) for tag in tags), tags
    # A shareable address: the filters are in the frame's URL.
    frame_url = page.locator("iframe").element_handle().content_frame().url
    assert re.search(r"[?&]action_line=C7&sdg=3(&|$)", frame_url), frame_url

    opened = items.first.locator("h3 a").inner_text()
    items.first.locator("h3 a").click()
    expect(frame.get_by_role("heading", level=1)).to_have_text(opened)
    expect(frame.locator('.stocktaking-entry a[href$="action_line=C7"]')).to_be_visible()
    expect(frame.locator('.stocktaking-entry a[href$="sdg=3"]')).to_be_visible()

    # Back to the list, then to the form.
    embed_base = f"/fr/stocktaking/embed/{partner['key']}/"
    frame.locator(f'a[href="{embed_base}?"]').click()
    frame.locator(f'a[href="{embed_base}submit/"]').click()
    form = frame.locator("form.call-form")
    expect(form.locator("select[name=language]")).to_have_value("fr")
    shown = time.monotonic()
    form.locator("input[name=title]").fill(title)
    form.locator("input[name=organisation]").fill("Association Santé Connectée")
    form.locator("select[name=stakeholder_type]").select_option("civil_society")
    form.locator("select[name=countries]").select_option(["SN"])
    form.locator('input[name=action_lines][value="C7.4"]').check()  # e-santé: counts for C7
    form.locator('input[name=sdgs][value="3"]').check()
    form.locator("select[name=project_status]").select_option("ongoing")
    form.locator("input[name=start_date]").fill("2024-03-01")
    form.locator("textarea[name=description]").fill(
        "Des infirmières consultent des médecins de Ziguinchor par vidéo depuis douze "
        "dispensaires ; les dossiers des patients suivent sur tablette."
    )
    form.locator("input[name=contact_name]").fill("Awa Diop")
    form.locator("input[name=contact_email]").fill("awa.diop@example.org")
    page.wait_for_timeout(max(0, MIN_FILL_SECONDS - (time.monotonic() - shown)) * 1000)
    form.locator("button[type=submit]").click()
    expect(frame.get_by_role("heading", level=1)).to_have_text("Merci")

    # Not public until a moderator approves it.
    page.reload()
    expect(frame.locator(".stocktaking__item").first).to_be_visible()
    expect(frame.locator(".stocktaking__list")).not_to_contain_text(title)

    log_in(page, site_url)
    page.goto(f"{site_url}/admin/snippets/stocktaking/entry/?status=pending")
    page.get_by_role("row").filter(has_text=title).get_by_role("link", name="Review").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    expect(page.get_by_text(f"submitted through {PARTNER} ({partner['origin']})")).to_be_visible()
    page.get_by_label("Approve and publish").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded")).to_be_visible()

    page.context.clear_cookies()
    page.goto(partner["url"])
    newest = embed(page).locator(".stocktaking__item").first
    expect(newest.locator("h3")).to_have_text(title)
    expect(newest.locator("h3")).to_have_attribute("lang", "fr")
    filter_by_c7_and_sdg_3(embed(page))
    expect(embed(page).locator(".stocktaking__item").first.locator("h3")).to_have_text(title)


def test_the_code_copied_onto_an_unregistered_origin_shows_nothing(page, partner):
    """The partner's page as served from http://127.0.0.1:<port>, another origin: the embed
    answers 403 to its Referer; an iframe that sends no Referer gets the page, but the browser
    will not show it in a frame its frame-ancestors does not name."""
    copied = partner["snippet"] + partner["snippet"].replace(
        "<iframe ", '<iframe referrerpolicy="no-referrer" ', 1
    )
    (partner["root"] / "copy.html").write_text(host_page(copied), encoding="utf-8")
    answers = []
    page.on(
        "response",
        lambda response: "/stocktaking/embed/" in response.url and answers.append(response),
    )
    with (
        page.expect_console_message(lambda m: "frame-ancestors 'none'" in m.text),
        page.expect_console_message(lambda m: f"frame-ancestors {partner['origin']}" in m.text),
    ):
        page.goto(f"http://127.0.0.1:{partner['port']}/copy.html")
    policies = sorted(
        (
            a.status,
            next(
                d
                for d in a.headers["content-security-policy"].split("; ")
                if d.startswith("frame-ancestors")
            ),
        )
        for a in answers
    )
    assert policies == [
        (200, f"frame-ancestors {partner['origin']}"),
        (403, "frame-ancestors 'none'"),
    ]
    # Each frame shows the browser's error page instead.
    frames = [element.content_frame() for element in page.locator("iframe").element_handles()]
    assert len(frames) == 2
    for frame in frames:
        frame.wait_for_url("chrome-error://chromewebdata/")
