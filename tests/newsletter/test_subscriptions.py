"""Subscribing: double opt-in (an unconfirmed address receives nothing), consent recorded
word for word, the preferences page from every e-mail, one-click unsubscribe (RFC 8058)."""

import re
import time

import pytest
from django.core import mail
from django.test import Client

from newsletter import tasks, tokens
from newsletter.models import ConsentRecord, Dispatch, Subscriber
from public_forms.forms import signed_start
from tests.factories.newsletter import subscriber

pytestmark = pytest.mark.django_db


def signup_data(email="ana@example.org", languages=("es",), **overrides):
    token = "0" * 31 + "1"
    data = {
        "email": email,
        "languages": list(languages),
        "consent": "on",
        "submission_token": token,
        "form_started": signed_start(token, time.time() - 60),
    }
    data.update(overrides)
    return data


def send(issue, committed):
    """Staff send `issue` now (what the admin's Send does)."""
    with committed():
        dispatch = Dispatch.objects.create(issue=issue, languages=["en", "es", "fr"])
        tasks.schedule(dispatch)
    dispatch.refresh_from_db()
    return dispatch


def received(address):
    return [message for message in mail.outbox if message.to == [address]]


def link_in(message, name):
    (url,) = re.findall(rf"https?://\S+/newsletter/{name}/\S+/", message.body)
    return url[url.index("/", 8) :]  # the path: the test client serves any host


def test_double_opt_in_nothing_before_confirmation_then_the_next_issue(client, flash, committed):
    response = client.post("/es/newsletter/subscribe/", signup_data())

    assert response.status_code == 200
    assert "Revise su bandeja de entrada" in response.content.decode()
    ana = Subscriber.objects.get()
    assert ana.status == "pending" and ana.language == "es" and ana.language_codes() == ["es"]
    (consent,) = ana.consents.all()
    assert consent.action == ConsentRecord.Action.SIGNED_UP and consent.language == "es"
    assert consent.wording.startswith("Quiero recibir WSIS Flash")
    assert consent.languages == ["es"]
    (confirmation,) = received("ana@example.org")
    assert confirmation.subject == "Confirme su suscripción a WSIS Flash"

    # Unconfirmed: the issue goes to nobody.
    mail.outbox.clear()
    first = send(flash["issue"], committed)
    assert received("ana@example.org") == []
    assert first.deliveries.count() == 0 and first.state == "done"

    # Opening the link only asks; the button confirms.
    confirm_path = link_in(confirmation, "confirm")
    page = client.get(confirm_path)
    assert page.status_code == 200 and "Confirmar mi suscripción" in page.content.decode()
    ana.refresh_from_db()
    assert ana.status == "pending"
    client.post(confirm_path)
    ana.refresh_from_db()
    assert ana.status == "subscribed"
    assert [c.action for c in ana.consents.all()] == ["signed_up", "confirmed"]

    Dispatch.objects.update(state="cancelled")  # a new sending of the same issue
    send(flash["issue"], committed)
    (issue,) = received("ana@example.org")
    assert issue.subject == "WSIS Flash marzo 2017 [es]"


def test_a_confirmation_link_tampered_with_or_too_old_leads_nowhere(client, flash, monkeypatch):
    ana = subscriber("ana@example.org", "es", confirmed=False)
    token = tokens.confirmation_token(ana)
    assert client.get(f"/es/newsletter/confirm/{token}x/").status_code == 404
    monkeypatch.setattr(tokens, "CONFIRM_MAX_AGE", -1)
    assert client.post(f"/es/newsletter/confirm/{token}/").status_code == 404
    ana.refresh_from_db()
    assert ana.status == "pending"


def test_unsubscribe_by_the_headers_one_click_post_without_csrf(flash, committed):
    ana = subscriber("ana@example.org", "es")
    send(flash["issue"], committed)
    (message,) = received("ana@example.org")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    path = url[url.index("/", 8) :]

    # What a mail program does (RFC 8058): a POST with this body, no cookie, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.status == "unsubscribed"
    assert ana.consents.last().action == "unsubscribed"
    # Again: still fine, nothing more recorded.
    assert (
        mail_program.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert ana.consents.filter(action="unsubscribed").count() == 1
    mail.outbox.clear()
    Dispatch.objects.update(state="cancelled")
    send(flash["issue"], committed)
    assert received("ana@example.org") == []


def test_opening_the_unsubscribe_link_only_asks(client, flash):
    ana = subscriber("ana@example.org", "es")
    page = client.get(f"/es/newsletter/unsubscribe/{tokens.subscriber_token(ana)}/")
    assert page.status_code == 200 and "Cancelar la suscripción" in page.content.decode()
    ana.refresh_from_db()
    assert ana.status == "subscribed"


def test_preferences_from_the_email_change_languages_and_need_one(client, flash, committed):
    ana = subscriber("ana@example.org", "es")
    send(flash["issue"], committed)
    (message,) = received("ana@example.org")
    path = link_in(message, "preferences")
    assert client.get(path).status_code == 200

    refused = client.post(path, {"languages": []})
    assert refused.status_code == 400 and "Elija al menos un idioma." in refused.content.decode()
    assert ana.language_codes() == ["es"]

    client.post(path, {"languages": ["es", "fr"]})
    assert ana.language_codes() == ["fr", "es"]
    assert ana.consents.last().action == "changed"


def test_signing_up_an_address_already_subscribed_changes_nothing_and_says_nothing(client, flash):
    ana = subscriber("ana@example.org", "es")
    response = client.post(
        "/fr/newsletter/subscribe/", signup_data(email="Ana@Example.org", languages=["fr"])
    )
    assert response.status_code == 200  # the same answer as for a new address
    assert ana.language_codes() == ["es"] and not ana.consents.exists()
    assert Subscriber.objects.count() == 1  # one row per mailbox, whatever the letter case
    (message,) = received("ana@example.org")
    assert "/newsletter/preferences/" in message.body


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"consent": ""}, "Tick this box to subscribe."),
        ({"languages": []}, "Choose at least one language."),
        ({"email": "not an address"}, "Enter a valid email address."),
    ],
)
def test_an_invalid_signup_stores_nothing(client, flash, overrides, message):
    response = client.post("/en/newsletter/subscribe/", signup_data(**overrides))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_spam_and_floods_are_refused(client, flash, settings):
    trap = client.post("/en/newsletter/subscribe/", signup_data(website_url="http://spam"))
    assert trap.status_code == 400 and not Subscriber.objects.exists()
    settings.CALLS_RATE_LIMIT = (2, 600)
    statuses = [
        client.post("/en/newsletter/subscribe/", signup_data(email=f"p{i}@example.org")).status_code
        for i in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert Subscriber.objects.count() == 2
