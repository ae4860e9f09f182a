"""The jury's screens in the juror's own admin language, Arabic right to left."""

import pytest
from wagtail.users.models import UserProfile

from tests.juries.conftest import candidate_of, login, shared_jury_fixtures

pytestmark = pytest.mark.django_db
# Built once for the module: each test reads them, or changes them and is rolled back.
contest, categories, criteria, submissions, jurors, chair, jury_round = shared_jury_fixtures()


@pytest.mark.parametrize(
    "language, words",
    [
        ("fr", "Envoyer mes notes"),
        ("es", "Enviar mis puntuaciones"),
        ("ru", "Отправить мои оценки"),
        ("ar", "إرسال درجاتي"),
        ("zh-hans", "提交我的评分"),
    ],
)
def test_the_scoring_screen_in_the_jurors_language(
    client, jury_round, submissions, jurors, language, words
):
    juror = jurors["amina"]
    profile = UserProfile.get_for_user(juror)
    profile.preferred_language = language
    profile.save()
    candidate = candidate_of(jury_round, submissions[0])
    html = login(client, juror).get(f"/admin/juries/candidates/{candidate.pk}/").content.decode()
    assert words in html
    if language == "ar":
        assert 'dir="rtl"' in html
