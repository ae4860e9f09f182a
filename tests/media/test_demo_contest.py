"""The WSIS Photo Contest 2017 in the demo content."""

from django.core.management import call_command
from django.test import TestCase

from media.models import PhotoContestPage


class DemoContestTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)

    def test_the_contest_from_the_march_2017_newsletter(self):
        contest = PhotoContestPage.objects.get(locale__language_code="en")
        self.assertEqual(
            contest.theme, "Information and Knowledge Societies for achieving the SDGs"
        )
        self.assertEqual(
            (contest.opens_on.isoformat(), contest.closes_on.isoformat()),
            ("2017-03-02", "2017-05-02"),
        )
        self.assertEqual(contest.number_of_winners, 3)
        self.assertEqual(contest.presented_at.title, "WSIS Forum 2017")
        statuses = sorted(contest.entries().values_list("status", flat=True).distinct())
        self.assertEqual(statuses, ["approved", "pending", "rejected"])
        winners = contest.entries().exclude(winner_rank=None).order_by("winner_rank")
        self.assertEqual([w.winner_rank for w in winners], [1, 2, 3])

    def test_winners_lead_the_gallery_in_every_language(self):
        for contest in PhotoContestPage.objects.all():
            response = self.client.get(contest.url)
            self.assertEqual(response.status_code, 200)
            html = response.content.decode()
            first = html.split('class="gallery__item')[1]
            self.assertIn("gallery__rank", first)
        self.assertEqual(PhotoContestPage.objects.count(), 6)
