"""The admin's dashboard per contest: counts per phase and category, votes per day as an SVG
chart, CSV and XLSX exports (formulas neutralised), the audit trail of status changes; and
the Prizes groups of setup_roles."""

import csv
import datetime
import io
import re

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from prizes.models import PrizeSubmission, Vote
from prizes.phases import ContestPhase
from tests.factories import member_of
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter, enter_many
from tests.factories.stocktaking import EntryFactory, add_entries
from translations import roles


def contest_with_votes(parent, slug="wsis-prizes-2017", per_category=2):
    contest = PrizesContestPageFactory(parent=parent, phase=ContestPhase.VOTING, slug=slug)
    health, capacity = add_categories(contest, "C7. E-health", "C4. Capacity building")
    nominees = enter_many(contest, add_entries(per_category, "Health {}"), health, nominated=True)
    enter(contest, EntryFactory(title='=HYPERLINK("http://evil.example")'), health)
    enter(contest, EntryFactory(title="Capacity"), capacity, nominated=True)
    day = contest.voting_opens_at + datetime.timedelta(hours=12)
    for i in range(3):
        contest.record_vote(health.translation_key, nominees[0].pk, f"v{i}@example.org", now=day)
    contest.record_vote(
        health.translation_key,
        nominees[-1].pk,
        "later@example.org",
        now=day + datetime.timedelta(days=2),
    )
    Vote.objects.filter(voter_email="v2@example.org").update(status=Vote.Status.FLAGGED)
    return contest, health, capacity, nominees


def test_the_dashboard_counts_per_category_and_draws_votes_per_day(admin_client, english_home):
    contest, _health, _capacity, _nominees = contest_with_votes(english_home)
    response = admin_client.get(reverse("prizes_dashboard", args=[contest.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>", html, re.S)
    cells = {name: re.findall(r"<td>(\d+)</td>", rest) for name, rest in rows}
    # submissions, nominees, counted, flagged, rejected, winners, champions
    assert cells["C7. E-health"] == ["3", "2", "3", "1", "0", "0", "0"]
    assert cells["C4. Capacity building"] == ["1", "1", "0", "0", "0", "0", "0"]
    assert cells["Total"] == ["4", "3", "3", "1", "0", "0", "0"]
    # One bar per day of the voting phase (16 days in the factory's dates), no script.
    svg = html.split('<svg class="prizes-chart"', 1)[1].split("</svg>", 1)[0]
    bars = re.findall(r"<rect [^>]*height=\"([\d.]+)\"", svg)
    assert len(bars) == 10 and sum(float(h) > 0 for h in bars) == 2
    assert "<script" not in svg


def dashboard_queries(admin_client, english_home, per_category, slug):
    contest, *_rest = contest_with_votes(english_home, slug, per_category)
    url = reverse("prizes_dashboard", args=[contest.pk])
    admin_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(url).status_code == 200
    return len(queries)


def test_the_dashboard_takes_the_same_queries_with_10_and_200_submissions(
    admin_client, english_home
):
    assert dashboard_queries(admin_client, english_home, 10, "small") == dashboard_queries(
        admin_client, english_home, 200, "large"
    )


def test_csv_export_neutralises_formulas(admin_client, english_home):
    contest, *_rest = contest_with_votes(english_home)
    response = admin_client.get(reverse("prizes_export", args=[contest.pk, "csv"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 4
    titles = {row["project"] for row in rows}
    assert '\'=HYPERLINK("http://evil.example")' in titles
    health0 = next(row for row in rows if row["project"] == "Health 0")
    assert (health0["votes_counted"], health0["votes_flagged"], health0["nominated"]) == (
        "2",
        "1",
        "yes",
    )
    assert "@" not in response.content.decode()  # no voter's address in an export


def test_xlsx_export_writes_text_never_formulas(admin_client, english_home):
    contest, *_rest = contest_with_votes(english_home)
    response = admin_client.get(reverse("prizes_export", args=[contest.pk, "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["category", "project", "organisation"]
    formula = next(
        cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")
    )
    assert formula.data_type == "s"


def test_every_status_change_is_in_the_audit_trail(admin_client, english_home, admin_user):
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.VOTING_CLOSED)
    (category,) = add_categories(contest, "C7. E-health")
    submission = enter(contest, EntryFactory(title="Telemedicine"), category)
    edit = reverse("wagtailsnippets_prizes_prizesubmission:edit", args=[submission.pk])
    admin_client.post(edit, {"nominated": "on", "result": ""})
    admin_client.post(edit, {"nominated": "on", "result": "winner"})
    admin_client.post(edit, {"nominated": "", "result": "winner"})
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="prizes.")
        .order_by("pk")
        .values_list("action", "user_id")
    )
    assert actions == [
        ("prizes.nominated", admin_user.pk),
        ("prizes.result_set", admin_user.pk),
        ("prizes.nomination_withdrawn", admin_user.pk),
    ]
    html = admin_client.get(reverse("prizes_dashboard", args=[contest.pk])).content.decode()
    assert "Nominated" in html and "Result changed from “—” to “Winner”" in html
    assert "Nomination withdrawn" in html
    history = admin_client.get(
        reverse("wagtailsnippets_prizes_prizesubmission:history", args=[submission.pk])
    )
    assert "Result changed" in history.content.decode()


def test_the_prizes_groups(client, english_home):
    call_command("setup_roles", verbosity=0)
    assert Group.objects.filter(name__in=[roles.PRIZES_EDITORS, roles.PRIZES_VOTE_REVIEWERS])
    contest, *_rest = contest_with_votes(english_home)
    editor = member_of(roles.PRIZES_EDITORS, "prizes-editor")
    reviewer = member_of(roles.PRIZES_VOTE_REVIEWERS, "vote-reviewer")
    outsider = member_of(roles.EDITORS, "editor")
    dashboard = reverse("prizes_dashboard", args=[contest.pk])
    submission = PrizeSubmission.objects.first()
    edit = reverse("wagtailsnippets_prizes_prizesubmission:edit", args=[submission.pk])
    expectations = [
        (editor, dashboard, 200),
        (editor, edit, 200),
        (editor, reverse("prizes_flagged_votes"), 403),
        (editor, reverse("wagtailsnippets_prizes_vote:list"), 403),
        (reviewer, reverse("prizes_flagged_votes"), 200),
        (reviewer, reverse("prizes_voter_data"), 200),
        (reviewer, reverse("wagtailsnippets_prizes_vote:list"), 200),
        (outsider, dashboard, 403),
        (outsider, reverse("prizes_export", args=[contest.pk, "csv"]), 403),
    ]
    for user, url, status in expectations:
        client.force_login(user)
        got = client.get(url).status_code
        assert got == status or (status == 403 and got == 302), (user, url, got)
