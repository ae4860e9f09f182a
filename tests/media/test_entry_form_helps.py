"""The photo entry form in six languages: its size rule with the contest's number, and a form
the spam guard refused keeps what was typed and says why."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from media.models import PhotoEntry
from tests.conftest import translate
from tests.media.conftest import entry_data, photo_bytes

pytestmark = pytest.mark.django_db

SIZE_RULES = {
    "en": "at least 1600 pixels",
    "ar": "لا يقل عن 1600 بكسل",
    "es": "al menos 1600 píxeles",
    "fr": "au moins 1600 pixels",
    "ru": "не менее 1600 пикселей",
    "zh-hans": "长边至少 1600 像素",
}


def test_the_photo_rule_gives_the_contests_size_in_six_languages(client, english_home, contest):
    for language, rule in SIZE_RULES.items():
        page = contest
        if language != "en":
            translate(english_home, language, slug=f"home-{language}")
            page = translate(contest, language, slug=f"contest-{language}")
        html = client.get(f"{page.url}enter/").content.decode()
        assert rule in html, language
        assert "%(" not in html and "%s" not in html, language


def test_a_photo_sent_back_too_fast_says_why_and_keeps_the_answers(client, contest):
    html = client.get(f"{contest.url}enter/").content.decode()
    started = html.split('name="form_started" value="')[1].split('"')[0]
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
    data = {**entry_data(), "form_started": started, "submission_token": token, "original": upload}
    response = client.post(f"{contest.url}enter/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert PhotoEntry.objects.count() == 0
    assert "faster than a person" in html.split('class="error-summary"')[1]
    assert 'value="Telemedicine in Rwanda"' in html and 'value="Grace Uwase"' in html
    assert html.split("<title>")[1].startswith("Error: ")
