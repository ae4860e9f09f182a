"""A juror reaches only the entries of their own categories and no staff screen; jury staff
(the manage_juries permission) reach everything; other admin users nothing."""

import pytest

from juries.models import Review
from tests.factories.juries import staff_user
from tests.juries.conftest import candidate_of, login, refused, score, shared_jury_fixtures

pytestmark = pytest.mark.django_db
# Built once for the module: each test reads them, or changes them and is rolled back.
contest, categories, criteria, submissions, jurors, chair, jury_round = shared_jury_fixtures()


def test_an_unassigned_juror_is_refused_the_entry_and_its_scoring(
    client, jury_round, submissions, jurors, criteria
):
    candidate = candidate_of(jury_round, submissions[0])  # first category: not Dmitri's
    impact, sustainability = criteria
    login(client, jurors["dmitri"])
    assert refused(client.get(f"/admin/juries/candidates/{candidate.pk}/"))
    response = client.post(
        f"/admin/juries/candidates/{candidate.pk}/",
        {f"score_{impact.pk}": 10, f"score_{sustainability.pk}": 5},
    )
    assert refused(response)
    assert not Review.objects.exists()
    # His own category's entry is his to score.
    own = candidate_of(jury_round, submissions[3])
    assert "Send my scores" in client.get(f"/admin/juries/candidates/{own.pk}/").content.decode()


def test_a_juror_lists_only_the_entries_of_their_categories(client, jury_round, jurors):
    html = login(client, jurors["dmitri"]).get("/admin/juries/").content.decode()
    assert "Village libraries" in html
    assert "Telemedicine" not in html
    assert "Jury rounds" not in html  # the staff part


def test_a_jurors_scores_are_hidden_from_a_juror_of_another_category(
    client, jury_round, submissions, jurors
):
    review = score(candidate_of(jury_round, submissions[0]), jurors["amina"], 8, 4)
    assert refused(login(client, jurors["dmitri"]).get(f"/admin/juries/reviews/{review.pk}/"))


def test_jurors_are_refused_the_staff_screens(client, jury_round, categories, jurors):
    key = categories[0].translation_key
    login(client, jurors["amina"])
    assert refused(client.get(f"/admin/juries/rounds/{jury_round.pk}/"))
    assert refused(client.get(f"/admin/juries/rounds/{jury_round.pk}/ranking/{key}/"))
    assert refused(client.post(f"/admin/juries/rounds/{jury_round.pk}/", {"action": "close"}))
    jury_round.refresh_from_db()
    assert jury_round.status == "scoring"


def test_an_admin_user_without_jury_rights_sees_no_jury(client, jury_round, submissions):
    editor = staff_user("editor")
    login(client, editor)
    assert 'data-w-tooltip-content-value="Jury"' not in client.get("/admin/").content.decode()
    assert "juries/" not in client.get("/admin/").content.decode()
    candidate = candidate_of(jury_round, submissions[0])
    assert refused(client.get(f"/admin/juries/candidates/{candidate.pk}/"))
    assert refused(client.get(f"/admin/juries/rounds/{jury_round.pk}/"))
    assert "Jury rounds" not in client.get("/admin/juries/").content.decode()


def test_jury_staff_see_every_score_without_scoring(client, jury_round, submissions, jurors, chair):
    candidate = candidate_of(jury_round, submissions[0])
    review = score(candidate, jurors["amina"], 8, 4, comment="Convincing")
    login(client, chair)
    html = client.get(f"/admin/juries/candidates/{candidate.pk}/").content.decode()
    assert "Convincing" in html and "Send my scores" not in html
    assert client.get(f"/admin/juries/reviews/{review.pk}/").status_code == 200
    assert "Jury rounds" in client.get("/admin/juries/").content.decode()


def test_the_menu_shows_the_jury_to_jurors_and_staff(client, jury_round, jurors, chair):
    for user in (jurors["amina"], chair):
        assert "/admin/juries/" in login(client, user).get("/admin/").content.decode()
