"""Sending an issue: the cards of the chosen pages with their current titles, HTML and text
parts, images and links by absolute URL; the admin's test copy and Send; the row states."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from wagtail.models import Page

from newsletter import delivery, tasks
from newsletter.models import Delivery, Dispatch
from outbox.models import OutboxMessage
from tests.factories import ImageFactory
from tests.factories.newsletter import subscriber

pytestmark = pytest.mark.django_db


def send(issue, committed, languages=("en", "es", "fr")):
    with committed():
        dispatch = Dispatch.objects.create(issue=issue, languages=list(languages))
        tasks.schedule(dispatch)
    dispatch.refresh_from_db()
    return dispatch


def html_of(message):
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def test_the_email_shows_the_chosen_pages_with_their_current_titles(flash, committed):
    event = flash["events"][0]
    event.listing_image = ImageFactory()
    event.save()
    # Renamed after the issue was composed: the e-mail shows today's title.
    event.title = "WSIS Forum 2017: Information and Knowledge Societies for SDGs"
    event.save_revision().publish()
    subscriber("ana@example.org", "en")

    dispatch = send(flash["issue"], committed)

    assert dispatch.state == "done" and dispatch.counts()["sent"] == 1
    (message,) = mail.outbox
    html = html_of(message)
    for part in (html, message.body):
        assert "WSIS Forum 2017: Information and Knowledge Societies for SDGs" in part
        assert "Hack for Health" in part
        assert "http://localhost/en/events/" in part  # links by absolute URL
    assert ">WSIS Forum 2017<" not in html
    assert 'src="http://localhost/' in html and "fill-560x280" in html  # the image, absolute
    assert "The forum." in html  # the card's summary is the page's listing summary
    assert "12 June 2017" in html or "12 Jun 2017" in html or "June 12, 2017" in html
    assert message.extra_headers["Message-ID"].startswith(f"<flash-{dispatch.pk}-")


def test_each_language_gets_its_version_and_the_cards_in_its_language(flash, committed):
    from tests.conftest import translate

    calendar = flash["events"][0].get_parent()
    translate(calendar, "es")
    translate(flash["events"][0], "es", title="Foro de la CMSI 2017")
    subscriber("ana@example.org", "es")
    subscriber("jean@example.org", "fr")
    subscriber("both@example.org", "en", "fr")

    send(flash["issue"], committed)

    by_address = {}
    for message in mail.outbox:
        by_address.setdefault(message.to[0], []).append(message)
    (ana,) = by_address["ana@example.org"]
    assert ana.subject == "WSIS Flash marzo 2017 [es]"
    assert ana.extra_headers["Content-Language"] == "es"
    assert "Foro de la CMSI 2017" in html_of(ana) and 'lang="es"' in html_of(ana)
    (jean,) = by_address["jean@example.org"]
    assert jean.subject == "WSIS Flash marzo 2017 [fr]" and "WSIS Forum 2017" in html_of(jean)
    assert sorted(m.extra_headers["Content-Language"] for m in by_address["both@example.org"]) == [
        "en",
        "fr",
    ]


def test_a_page_unpublished_since_leaves_no_card(flash, committed):
    flash["events"][1].unpublish()
    subscriber("ana@example.org", "en")
    send(flash["issue"], committed)
    (message,) = mail.outbox
    assert "Hack for Health" not in message.body and "WSIS Forum 2017" in message.body


def test_an_issue_goes_out_once_a_second_send_is_refused(flash):
    Dispatch.objects.create(issue=flash["issue"], languages=["en"])
    with pytest.raises(IntegrityError):
        Dispatch.objects.create(issue=flash["issue"], languages=["en"])


def test_an_address_unsubscribed_after_preparing_is_skipped(flash):
    ana = subscriber("ana@example.org", "en")
    dispatch = Dispatch.objects.create(issue=flash["issue"], languages=["en"])
    delivery.prepare(dispatch.pk)
    ana.unsubscribed_at = ana.confirmed_at
    ana.save()
    assert delivery.send_batch(dispatch.pk) == "done"
    assert dispatch.deliveries.get().state == Delivery.State.SKIPPED and mail.outbox == []


def test_a_worker_dead_before_the_final_dot_is_resumed_one_dead_after_is_not(flash, settings):
    """recover(): a row claimed long ago (its worker died during the SMTP conversation, before
    the "." that completes the message) goes back to waiting; a row handed over long ago
    becomes uncertain and is never sent again by itself."""
    settings.NEWSLETTER_STALE_SECONDS = 0
    a, b, c = (subscriber(f"{n}@example.org", "en") for n in "abc")
    dispatch = Dispatch.objects.create(issue=flash["issue"], languages=["en"])
    delivery.prepare(dispatch.pk)
    rows = {row.subscriber_id: row for row in dispatch.deliveries.all()}
    Delivery.objects.filter(pk=rows[a.pk].pk).update(
        state="claimed", claimed_at="2020-01-01T00:00Z"
    )
    Delivery.objects.filter(pk=rows[b.pk].pk).update(
        state="handing_over", claimed_at="2020-01-01T00:00Z"
    )

    assert delivery.recover(dispatch.pk) is True  # waiting rows, nobody at work: resume
    assert delivery.send_batch(dispatch.pk) == "done"

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "c@example.org"]
    states = dict(dispatch.deliveries.values_list("subscriber_id", "state"))
    assert states == {a.pk: "sent", b.pk: "uncertain", c.pk: "sent"}
    dispatch.refresh_from_db()
    assert dispatch.state == "done"
    # Staff may choose to send the uncertain one again.
    assert delivery.resend_uncertain(dispatch) == 1
    delivery.send_batch(dispatch.pk)
    assert [m.to[0] for m in mail.outbox].count("b@example.org") == 1


# The admin ------------------------------------------------------------------------------------


def test_staff_test_send_then_send_and_follow_progress(admin_client, admin_user, flash):
    admin_user.email = "editor@itu.int"
    admin_user.save()
    subscriber("ana@example.org", "es")
    subscriber("pending@example.org", "es", confirmed=False)
    issue = flash["issue"]
    url = f"/admin/newsletter/issues/{issue.pk}/send/"

    screen = admin_client.get(url)
    assert screen.status_code == 200
    assert "Send a test copy" in screen.content.decode()

    admin_client.post(url, {"test": "1", "language": "es"})
    (test_copy,) = OutboxMessage.objects.all()
    assert test_copy.to == ["editor@itu.int"] and test_copy.subject.startswith("[Prueba]")
    assert not Dispatch.objects.exists()

    response = admin_client.post(url, {"send": "1", "send_at": ""})
    dispatch = Dispatch.objects.get()
    assert (
        response.status_code == 302 and response.url == f"/admin/newsletter/sendings/{dispatch.pk}/"
    )
    progress = admin_client.get(response.url)
    assert progress.status_code == 200
    html = progress.content.decode()
    assert "ana@example.org" in html and "pending@example.org" not in html
    assert OutboxMessage.objects.count() == 1  # the newsletter itself bypasses the outbox table
    assert [m.to for m in mail.outbox][-1] == ["ana@example.org"]

    again = admin_client.post(url, {"send": "1", "send_at": ""})
    assert again.status_code == 302 and Dispatch.objects.count() == 1


def test_the_send_screen_is_for_who_may_send(client, flash, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/newsletter/issues/{flash['issue'].pk}/send/").status_code in (
        302,
        403,
    )
    assert client.get("/admin/newsletter/sendings/").status_code in (302, 403)


def test_the_web_version_and_the_archive(client, flash):
    issue = flash["versions"]["es"]
    page = client.get(issue.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "WSIS Forum 2017" in html and "Hack for Health" in html
    archive = client.get(Page.objects.get(pk=issue.get_parent().pk).url)
    assert archive.status_code == 200 and issue.title in archive.content.decode()


def test_publications_and_news_are_cards_with_their_cover_type_year_and_date(flash, committed):
    from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
    from tests.factories.newsletter import cards_body
    from tests.factories.publications import PublicationIndexPageFactory, PublicationPageFactory

    home = flash["home"]
    report = PublicationPageFactory(
        parent=PublicationIndexPageFactory(parent=home),
        title="WSIS Stocktaking Report 2014",
        cover_image=ImageFactory(),
        cover_image_alt_text="Cover",
    )
    story = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home),
        title="A record 476 projects",
        date=datetime.date(2017, 3, 2),
    )
    issue = flash["issue"]
    issue.body = cards_body(report, story, heading="Global Repository")
    issue.save_revision().publish()
    subscriber("ana@example.org", "en")

    send(issue, committed, languages=["en"])

    (message,) = mail.outbox
    html = html_of(message)
    assert "WSIS Stocktaking Report 2014" in html and "Report" in html and "2014" in html
    assert "A record 476 projects" in html and "2 March 2017" in html
    assert 'src="http://localhost/' in html  # the cover, as the card's image
    assert "What WSIS stakeholders did" in message.body  # the publication's own summary
