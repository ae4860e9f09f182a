"""A photo contest's gallery and winners' structured data, kept as fragments (home.fragments)
between uncached renders: the same HTML as rendered afresh, per page of the gallery, and a
photo approved, withdrawn or ranked, or a scoring criterion edited, shows on the next request
(media.signals and juries.signals purge the contest's pages, in the page cache too)."""

import datetime

import pytest
from django.utils import timezone

from juries.models import Criterion
from media import entries
from tests.factories import ImageFactory
from tests.media.test_moderation import make_entry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


@pytest.fixture
def committed_now(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def announced(contest):
    today = timezone.localdate()
    contest.opens_on = today - datetime.timedelta(days=40)
    contest.closes_on = today - datetime.timedelta(days=10)
    contest.winners_announced_on = today - datetime.timedelta(days=1)
    contest.save_revision().publish()
    return contest


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_kept_sections_are_the_html_rendered_afresh(client, announced, settings):
    image = ImageFactory()
    for n in range(3):
        make_entry(
            announced,
            title=f"Photo {n}",
            status="approved",
            public_image=image,
            winner_rank=n + 1 if n < 2 else None,
            email=f"{n}@x.org",
        )
    urls = [announced.url, announced.url + "?page=2"]
    kept = [html_of(client, url) for url in urls]
    assert [html_of(client, url) for url in urls] == kept
    settings.PAGE_FRAGMENTS = False
    assert [html_of(client, url) for url in urls] == kept
    assert '"@type": "ImageObject"' in kept[0]


def test_a_photo_approved_ranked_or_withdrawn_shows_at_once(
    client, announced, committed_now, kept_as
):
    entry = make_entry(announced, title="Telemedicine in Rwanda")
    assert "Telemedicine in Rwanda" not in html_of(client, announced.url)  # pending
    with committed_now():
        entries.approve(entry, notify=False)
    assert "Telemedicine in Rwanda" in html_of(client, announced.url)
    entry.refresh_from_db()
    entry.winner_rank = 1
    with committed_now():
        entry.save(update_fields=["winner_rank"])
    assert "Prize 1" in html_of(client, announced.url)
    with committed_now():
        entries.reject(entry, notify=False)
    assert "Telemedicine in Rwanda" not in html_of(client, announced.url)


def test_a_photo_withdrawn_leaves_the_gallery_pages_that_chose_it(
    client, english_home, contest, committed_now, kept_as
):
    from tests.factories import GalleryPageFactory

    entry = make_entry(
        contest, title="Telemedicine", status="approved", public_image=ImageFactory()
    )
    with committed_now():
        gallery = GalleryPageFactory(
            parent=english_home, photos=[{"type": "photo", "value": entry.pk}]
        )
        gallery.save_revision().publish()
    assert "Telemedicine" in html_of(client, gallery.url)
    with committed_now():
        entries.reject(entry, notify=False)
    assert "Telemedicine" not in html_of(client, gallery.url)


def test_a_scoring_criterion_edited_shows_at_once(client, contest, committed_now, kept_as):
    with committed_now():
        criterion = Criterion.objects.create(contest=contest, name="Composition")
    assert "Composition" in html_of(client, contest.url)
    criterion.name = "Framing"
    with committed_now():
        criterion.save()
    html = html_of(client, contest.url)
    assert "Framing" in html and "Composition" not in html
