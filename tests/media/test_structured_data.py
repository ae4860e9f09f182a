"""Photo contest winners as schema.org ImageObjects with their licence and creator (issue 20,
item 3), once the winners are announced, never before."""

import datetime
import json
import re

import pytest

from tests.factories import ImageFactory
from tests.media.test_moderation import make_entry

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [
        json.loads(script)
        for script in re.findall(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
        )
    ]


def test_winners_are_image_objects_with_licence_and_creator(client, contest):
    image = ImageFactory()
    make_entry(contest, title="Runner-up", status="approved", public_image=image, email="a@x.org")
    winner = make_entry(
        contest,
        title="Winner",
        status="approved",
        public_image=image,
        winner_rank=1,
        email="w@x.org",
        licence="cc-by-nc-4.0",
        taken_on=datetime.date(2016, 9, 1),
    )
    second = make_entry(
        contest,
        title="Second",
        status="approved",
        public_image=image,
        winner_rank=2,
        email="s@x.org",
        licence="itu-use",
        photographer="Amina",
    )
    assert json_ld(client.get(contest.url).content.decode()) == []  # judging: no winner yet
    contest.opens_on = datetime.date.today() - datetime.timedelta(days=40)
    contest.closes_on = datetime.date.today() - datetime.timedelta(days=10)
    contest.winners_announced_on = datetime.date.today() - datetime.timedelta(days=1)
    contest.save_revision().publish()
    (data,) = json_ld(client.get(contest.url).content.decode())
    first, runner = data["@graph"]
    assert first["@type"] == "ImageObject"
    assert first["name"] == "Winner"
    assert first["creator"] == {"@type": "Person", "name": "Grace"}
    assert first["creditText"] == "Grace"
    assert first["license"] == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert first["acquireLicensePage"] == contest.full_url
    assert first["url"] == f"{contest.full_url}photos/{winner.pk}/"
    assert first["dateCreated"] == "2016-09-01"
    assert first["contentUrl"].startswith("http://testserver/")
    assert client.get(first["contentUrl"].removeprefix("http://testserver")).status_code == 200
    # The ITU licence has no deed of its own: the contest's rules are the licence.
    assert runner["name"] == "Second" and runner["creator"]["name"] == "Amina"
    assert runner["license"] == contest.full_url
    assert second.pk


def test_the_winners_come_from_the_gallery_page_that_shows_them(client, contest):
    """The first page of the gallery shows the winners first: their JSON-LD costs no query of
    its own there; a later page reads them (and says the same)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from media.models.contest import PHOTOS_PER_PAGE

    image = ImageFactory()
    for n in range(PHOTOS_PER_PAGE + 5):
        make_entry(contest, title=f"Photo {n}", status="approved", public_image=image)
    client.get(contest.url)
    with CaptureQueriesContext(connection) as judging:
        client.get(contest.url)
    make_entry(contest, title="Winner", status="approved", public_image=image, winner_rank=1)
    make_entry(contest, title="Second", status="approved", public_image=image, winner_rank=2)
    contest.opens_on = datetime.date.today() - datetime.timedelta(days=40)
    contest.closes_on = datetime.date.today() - datetime.timedelta(days=10)
    contest.winners_announced_on = datetime.date.today() - datetime.timedelta(days=1)
    contest.save_revision().publish()
    client.get(contest.url)
    with CaptureQueriesContext(connection) as announced:
        first_page = client.get(contest.url).content.decode()
    assert len(announced) == len(judging)
    (data,) = json_ld(first_page)
    assert [image["name"] for image in data["@graph"]] == ["Winner", "Second"]
    assert json_ld(client.get(f"{contest.url}?page=2").content.decode()) == [data]
