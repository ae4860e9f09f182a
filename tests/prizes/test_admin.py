"""Staff nominate projects under the admin's "WSIS Prizes" menu; votes are private."""

from django.urls import reverse

from prizes.models import PrizeSubmission
from prizes.phases import ContestPhase
from tests.factories import member_of
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter
from tests.factories.stocktaking import EntryFactory


def test_staff_nominate_a_submission(admin_client, english_home):
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.EXPERT_REVIEW)
    (category,) = add_categories(contest, "C7. E-health")
    submission = enter(contest, EntryFactory(title="Telemedicine in Rwanda"), category)
    listing = admin_client.get(reverse("wagtailsnippets_prizes_prizesubmission:list"))
    assert listing.status_code == 200
    assert "Telemedicine in Rwanda" in listing.content.decode()
    assert "C7. E-health" in listing.content.decode()
    edit = reverse("wagtailsnippets_prizes_prizesubmission:edit", args=[submission.pk])
    response = admin_client.post(edit, {"nominated": "on", "result": ""})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.nominated


def test_votes_are_not_for_editors(client, english_home):
    user = member_of("Communications editors", "editor")
    client.force_login(user)
    response = client.get(reverse("wagtailsnippets_prizes_vote:list"))
    assert response.status_code in (302, 403)
    assert not PrizeSubmission.objects.exists()
