"""WSIS Flash in a real browser: a visitor subscribes in Spanish on the archive page,
confirms by the link e-mailed to them, receives the next issue (sent by staff from the
admin, delivered by the task worker) in Spanish, and unsubscribes with the one-click POST
their mail program makes from the List-Unsubscribe header (RFC 8058)."""

import email
import email.policy
import json
import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD, SITE, run_on_site, serious_violations

ADDRESS = "ana.browser@example.org"


def site_json(code):
    return json.loads(run_on_site(code).strip().splitlines()[-1])


def path_of(url):
    parts = urlsplit(url)
    return parts.path


def sent_issue(address, timeout=120):
    """The issue as the worker handed it to the (console) mail backend: parsed from its log."""
    deadline = time.monotonic() + timeout
    log = SITE["workdir"] / "server.log"
    while time.monotonic() < deadline:
        for chunk in log.read_text(errors="replace").split("-" * 79):
            if f"To: {address}" in chunk and "List-Unsubscribe-Post" in chunk:
                # The server's own log lines may precede the message: it starts at its headers.
                start = re.search(r"^Content-Type: multipart/", chunk, re.M).start()
                return email.message_from_string(chunk[start:], policy=email.policy.default)
        time.sleep(0.5)
    raise AssertionError("the issue was not sent")


def test_a_visitor_subscribes_in_spanish_confirms_receives_and_unsubscribes(
    page, site_url, axe_script
):
    page.goto(f"{site_url}/es/wsis-flash/")
    expect(page.get_by_role("heading", level=1)).to_have_text("WSIS Flash")
    expect(page.get_by_role("link", name="WSIS Flash, marzo de 2017")).to_be_visible()
    assert serious_violations(page, axe_script) == []
    page.get_by_label("Dirección de correo electrónico").fill(ADDRESS)
    expect(page.get_by_label("Español")).to_be_checked()  # the page's language, ticked
    page.get_by_label(re.compile("^Quiero recibir WSIS Flash")).check()
    page.wait_for_timeout(3200)  # the spam guard refuses forms sent back in under 3 s
    page.get_by_role("button", name="Suscribirse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revise su bandeja de entrada")

    confirmation = site_json(
        "import json; from outbox.models import OutboxMessage as M; "
        f"m = M.objects.filter(to=['{ADDRESS}']).latest('pk'); "
        "print(json.dumps({'subject': m.subject, 'body': m.body}))"
    )
    assert confirmation["subject"] == "Confirme su suscripción a WSIS Flash"
    (link,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", confirmation["body"])
    page.goto(site_url + path_of(link))
    page.get_by_role("button", name="Confirmar mi suscripción").click()
    expect(page.get_by_role("status")).to_contain_text(f"Está suscrito a WSIS Flash en {ADDRESS}")

    # Staff send the next issue from the admin; the task worker delivers it.
    issue_id = site_json(
        "import json; from newsletter.models import FlashIssuePage as P; "
        "print(json.dumps(P.objects.get(slug='march-2017', locale__language_code='en').pk))"
    )
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.goto(f"{site_url}/admin/newsletter/issues/{issue_id}/send/")
    page.get_by_role("button", name="Send to the subscribers").click()
    expect(page.get_by_text("The issue is on its way to its subscribers.")).to_be_visible()

    message = sent_issue(ADDRESS)
    assert message["Subject"] == "WSIS Flash, marzo de 2017"
    assert message["Content-Language"] == "es"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.get_body(("html",)).get_content()
    assert 'lang="es"' in html and "Darse de baja" in html and "Foro de la CMSI 2017" in html
    page.set_content(html)  # the e-mail as a mail program shows it
    expect(page.get_by_role("heading", name="WSIS Flash, marzo de 2017")).to_be_visible()

    # The mail program's one click: a POST to the header's URL, no cookie, no CSRF token.
    unsubscribe = re.search(r"<([^>]+)>", "".join(str(message["List-Unsubscribe"]).split()))[1]
    response = page.request.post(
        site_url + path_of(unsubscribe),
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 200
    status = site_json(
        "import json; from newsletter.models import Subscriber as S; "
        f"print(json.dumps(S.objects.get(email='{ADDRESS}').status))"
    )
    assert status == "unsubscribed"
    page.goto(site_url + path_of(unsubscribe))
    expect(page.get_by_role("status")).to_contain_text("No recibirá más números")
