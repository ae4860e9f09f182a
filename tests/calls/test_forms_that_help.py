"""A form that failed says so at the top, leads to each field at fault, and keeps what was typed:
after wrong answers, and after being sent back faster than the spam guard allows."""

import re
from collections import Counter

import pytest

from calls.models import CallSubmission
from tests.calls.conftest import valid_data
from tests.conftest import translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def summary_of(html):
    return html.split('class="error-summary"')[1].split("</div>")[0]


def test_a_failed_submission_leads_to_each_field_from_a_summary_at_the_top(client, open_call):
    response = client.post(open_call.url, valid_data(name="", e_mail="not an address"))
    assert response.status_code == 400
    html = response.content.decode()
    assert title_of(html).startswith("Error: ")
    # The summary comes before the fields, takes the focus (tabindex -1, data-focus-on-load) and
    # links to each field at fault with its message.
    assert html.index('class="error-summary"') < html.index('name="name"')
    summary_tag = re.search(r'<div class="error-summary"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in summary_tag and "data-error-summary" in summary_tag
    summary = summary_of(html)
    assert '<a href="#id_name">Name: This field is required.</a>' in summary
    assert '<a href="#id_e_mail">E-mail: Enter a valid email address.</a>' in summary
    assert "Country" not in summary
    # Each field at fault: invalid, described by its message, and what was typed kept.
    e_mail = re.search(r'<input[^>]*name="e_mail"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in e_mail
    assert 'aria-describedby="id_e_mail-error"' in e_mail
    assert 'value="not an address"' in e_mail
    assert 'id="id_e_mail-error"' in html
    country = re.search(r'<select[^>]*name="country"[^>]*>', html).group(0)
    assert "aria-invalid" not in country
    assert '<option value="CH" selected>' in html


def test_the_title_says_error_in_the_readers_language(client, english_home, calls_index, open_call):
    translate(english_home, "fr", slug="accueil")
    translate(calls_index, "fr", slug="appels")
    french = translate(open_call, "fr", slug="plan-strategique")
    html = client.post(french.url, valid_data(name="")).content.decode()
    assert title_of(html).startswith("Erreur\u00a0: ")
    assert "Il y a un problème" in summary_of(html)
    assert title_of(client.get(french.url).content.decode()).startswith(french.title)


def test_a_field_with_two_errors_has_each_id_once(client, open_call):
    # Too long and with a control character: two messages for one field.
    response = client.post(open_call.url, valid_data(name="\x07" + "a" * 300))
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count('class="field-error"') == 1  # one container for both messages
    assert "at most 255 characters" in html.split('id="id_name-error"')[1].split("</div>")[0]
    duplicates = [i for i, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]
    assert duplicates == []
    assert summary_of(html).count('href="#id_name"') == 2


def test_a_form_sent_back_too_fast_says_why_and_keeps_the_answers(client, open_call):
    html = client.get(open_call.url).content.decode()
    started = html.split('name="form_started" value="')[1].split('"')[0]
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    response = client.post(
        open_call.url,
        valid_data(form_started=started, submission_token=token, name="Grace Hopper"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert CallSubmission.objects.count() == 0
    assert "faster than a person" in summary_of(html)
    assert title_of(html).startswith("Error: ")
    assert 'value="Grace Hopper"' in html and 'value="ada@example.org"' in html
    # A fresh guard comes with it: sent again later, the same answers are stored.
    new_started = html.split('name="form_started" value="')[1].split('"')[0]
    new_token = html.split('name="submission_token" value="')[1].split('"')[0]
    assert (new_started, new_token) != (started, token)


def test_answers_kept_after_a_forged_guard_can_be_sent_again(client, open_call, monkeypatch):
    import public_forms.forms

    response = client.post(open_call.url, valid_data(form_started="forged", name="Grace"))
    html = response.content.decode()
    assert response.status_code == 400 and 'value="Grace"' in html
    assert "could not be accepted" in summary_of(html)
    started = html.split('name="form_started" value="')[1].split('"')[0]
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    monkeypatch.setattr(public_forms.forms, "MIN_FILL_SECONDS", 0)
    again = client.post(
        open_call.url, valid_data(form_started=started, submission_token=token, name="Grace")
    )
    assert again.status_code == 200
    assert CallSubmission.objects.get().form_data["name"] == "Grace"


def test_the_consent_box_links_to_the_sites_privacy_notice(client, english_home, open_call):
    # The call names no notice of its own: the site's, at /<language>/privacy/.
    privacy = StandardPageFactory(parent=english_home, title="Privacy notice", slug="privacy")
    translate(english_home, "fr", slug="accueil")
    translate(privacy, "fr", title="Avis de confidentialité", slug="confidentialite")
    html = client.get(open_call.url).content.decode()
    consent = html.split('name="consent"')[1].split("</div>")[0]
    assert 'href="/en/privacy/">Read the privacy notice</a>' in consent


def test_the_consent_box_links_to_the_readers_translation_of_the_notice(
    client, english_home, calls_index, open_call
):
    privacy = StandardPageFactory(parent=english_home, title="Privacy notice", slug="privacy")
    translate(english_home, "fr", slug="accueil")
    translate(privacy, "fr", title="Avis de confidentialité", slug="confidentialite")
    translate(calls_index, "fr", slug="appels")
    french = translate(open_call, "fr", slug="plan-strategique")
    html = client.get(french.url).content.decode()
    consent = html.split('name="consent"')[1].split("</div>")[0]
    assert 'href="/fr/confidentialite/"' in consent
