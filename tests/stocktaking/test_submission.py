"""Submitting a project, confirming the owner, owners' updates through moderation."""

import re

import pytest
from django.core import mail

from stocktaking.models import Entry, EntryUpdate, storing
from tests.factories.stocktaking import EntryFactory
from tests.stocktaking.conftest import entry_data

pytestmark = pytest.mark.django_db


def submit_url(page):
    return page.url + page.reverse_subpage("submit")


def owner_link(message):
    return re.search(r"https?://\S+\?token=\S+", message.body).group(0)


def test_submission_is_stored_once_and_not_public(client, database):
    data = entry_data()
    response = client.post(submit_url(database), data)
    assert response.status_code == 200
    assert "S-" in response.content.decode()
    assert client.post(submit_url(database), data).status_code == 200  # sent twice
    entry = Entry.objects.get()
    assert entry.status == Entry.Status.PENDING
    assert [a.code for a in entry.action_lines.order_by("code")] == ["C7", "C7.4"]
    assert entry.country_codes() == ["CH"]
    assert entry.country_links.get().region.code == "europe"
    listing = client.get(database.url)
    assert "Hack for Health" not in listing.content.decode()
    assert client.get(database.url + f"entries/{entry.pk}/").status_code == 404
    # One e-mail with the signed link, and nothing of what was typed in it.
    assert len(mail.outbox) == 1
    assert "Hack for Health" not in mail.outbox[0].body
    assert owner_link(mail.outbox[0])


def test_bad_input_is_refused_next_to_the_field(client, database):
    response = client.post(
        submit_url(database),
        entry_data(action_lines=[], end_date="2010-01-01", title="a\x00b"),
    )
    assert response.status_code == 400
    assert Entry.objects.count() == 0
    form = response.context["form"]
    assert {"action_lines", "end_date", "title"} <= set(form.errors)


def test_spam_and_rate_limit(client, database, settings):
    data = entry_data(website_url="http://spam.example")
    response = client.post(submit_url(database), data)
    assert response.status_code == 400 and Entry.objects.count() == 0
    settings.CALLS_RATE_LIMIT = (1, 600)
    assert client.post(submit_url(database), entry_data()).status_code == 200
    assert client.post(submit_url(database), entry_data(title="Second")).status_code == 429
    assert Entry.objects.count() == 1


def test_the_link_signs_the_owner_in_and_confirms(client, database):
    client.post(submit_url(database), entry_data())
    entry = Entry.objects.get()
    assert entry.confirmed_at is None
    response = client.get(owner_link(mail.outbox[0]))
    assert response.status_code == 302
    mine = client.get(response["Location"])
    assert "Hack for Health" in mine.content.decode()
    entry.refresh_from_db()
    assert entry.confirmed_at is not None


def test_a_forged_link_signs_nobody_in(client, database):
    response = client.get(database.url + "mine/?token=ada@example.org:forged:sig")
    assert response.status_code == 403


def sign_in(client, database, email):
    client.get(database.url + "mine/?token=" + storing.owner_token(email))


def test_update_waits_for_moderation_while_the_public_version_stays(client, database):
    entry = EntryFactory(title="eHealth in Rwanda", contact_email="grace@example.org")
    sign_in(client, database, "Grace@Example.org")
    data = entry_data(title="eHealth in Rwanda and Burundi", countries=["RW", "BI"])
    data.pop("contact_email")
    response = client.post(database.url + f"mine/{entry.pk}/", data)
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.title == "eHealth in Rwanda"
    assert entry.country_codes() == ["RW"]
    page = client.get(database.url + f"entries/{entry.pk}/").content.decode()
    assert "eHealth in Rwanda</h1>" in page
    update = EntryUpdate.objects.get()
    assert update.status == EntryUpdate.Status.PENDING

    storing.decide(entry, "approve")
    entry.refresh_from_db()
    assert entry.title == "eHealth in Rwanda and Burundi"
    assert sorted(entry.country_codes()) == ["BI", "RW"]
    assert entry.status == Entry.Status.PUBLISHED
    assert "and Burundi" in client.get(database.url + f"entries/{entry.pk}/").content.decode()


def test_another_person_cannot_edit_an_entry(client, database):
    entry = EntryFactory(contact_email="grace@example.org")
    # Not signed in: sent to the sign-in page.
    assert client.get(database.url + f"mine/{entry.pk}/").status_code == 302
    sign_in(client, database, "mallory@example.org")
    assert client.get(database.url + f"mine/{entry.pk}/").status_code == 403
    data = entry_data(title="Defaced")
    assert client.post(database.url + f"mine/{entry.pk}/", data).status_code == 403
    entry.refresh_from_db()
    assert entry.title != "Defaced"
    assert EntryUpdate.objects.count() == 0


def test_unpublished_entry_updated_in_place_goes_back_to_moderation(client, database):
    entry = EntryFactory(status=Entry.Status.CHANGES_REQUESTED, contact_email="ada@example.org")
    sign_in(client, database, "ada@example.org")
    data = entry_data(title="Better title")
    data.pop("contact_email")
    client.post(database.url + f"mine/{entry.pk}/", data)
    entry.refresh_from_db()
    assert entry.title == "Better title"
    assert entry.status == Entry.Status.PENDING


def test_asking_for_a_link_tells_nobody_who_submitted(client, database):
    EntryFactory(contact_email="grace@example.org")
    from tests.calls.conftest import guards

    known = client.post(database.url + "mine/", {"email": "grace@example.org", **guards()})
    unknown = client.post(database.url + "mine/", {"email": "nobody@example.org", **guards()})
    assert known.status_code == unknown.status_code == 200
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["grace@example.org"]


def test_decisions_are_emailed(database, django_capture_on_commit_callbacks):
    entry = EntryFactory(status=Entry.Status.PENDING, contact_email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        storing.decide(entry, "changes", message="Please name the countries.")
    entry.refresh_from_db()
    assert entry.status == Entry.Status.CHANGES_REQUESTED
    assert "Please name the countries." in mail.outbox[-1].body
    storing.decide(entry, "approve")
    entry.refresh_from_db()
    assert entry.status == Entry.Status.PUBLISHED and entry.published_at
    storing.decide(entry, "reject", message="Not an ICT project.")
    entry.refresh_from_db()
    assert entry.status == Entry.Status.REJECTED


def test_a_project_sent_back_too_fast_says_why_and_keeps_the_answers(client, database):
    html = client.get(submit_url(database)).content.decode()
    started = html.split('name="form_started" value="')[1].split('"')[0]
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    data = entry_data(form_started=started, submission_token=token)
    response = client.post(submit_url(database), data)
    html = response.content.decode()
    assert response.status_code == 400 and Entry.objects.count() == 0
    assert "faster than a person" in html.split('class="error-summary"')[1]
    assert 'value="Hack for Health' in html
