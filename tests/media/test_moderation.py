"""Moderating entries, publishing photos without their metadata, the gallery and winners."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.test.utils import WagtailPageTestCase

from media import entries
from media.models import PhotoEntry
from tests.factories import ImageFactory
from tests.media.conftest import photo_bytes

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def gps_photo():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # the camera was turned: the picture must be rotated to stand up
    exif[0x010F] = "ExampleCam"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (46.0, 12.0, 30.0), 3: "E", 4: (6.0, 8.0, 20.0)})
    return photo_bytes(size=(2000, 1200), exif=exif)


def make_entry(contest, content=None, **fields):
    values = {
        "contest": contest,
        "contest_key": contest.translation_key,
        "title": "Telemedicine",
        "caption": "A video consultation",
        "taken_where": "Kigali",
        "photographer": "Grace",
        "email": "grace@example.org",
        "country": "RW",
        "licence": "cc-by-4.0",
        "people_consented": True,
        "language": "fr",
        **fields,
    }
    entry = PhotoEntry(**values)
    entry.original.save("photo.jpg", ContentFile(content or photo_bytes()), save=False)
    entry.save()
    return entry


def test_approval_publishes_an_upright_copy_without_metadata(contest):
    entry = make_entry(contest, gps_photo())
    assert Image.open(entry.original.path).getexif().get_ifd(GPS_IFD)  # the original has GPS
    entries.approve(entry)
    with entry.public_image.file.open("rb") as public:
        published = Image.open(io.BytesIO(public.read()))
    assert published.size == (1200, 2000)  # rotated as the camera said
    assert dict(published.getexif()) == {}
    rendition = entry.public_image.get_rendition("fill-400x300")
    with rendition.file.open("rb") as thumbnail:
        assert dict(Image.open(io.BytesIO(thumbnail.read())).getexif()) == {}


def test_winner_ranks_are_bounded_and_unique(contest):
    first = make_entry(contest, status="approved")
    first.winner_rank = 4
    with pytest.raises(ValidationError, match="rank 1 to 3"):
        first.full_clean()
    first.winner_rank = 1
    first.full_clean()
    first.save()
    second = make_entry(contest, status="approved", email="b@example.org")
    second.winner_rank = 1
    with pytest.raises(ValidationError, match="already holds this rank"):
        second.full_clean()
    pending = make_entry(contest, email="c@example.org")
    pending.winner_rank = 2
    with pytest.raises(ValidationError, match="Only an approved photo can win"):
        pending.full_clean()


def moderator(client):
    user = get_user_model().objects.create_user("moderator", "m@itu.int", "pw")
    group = Group.objects.create(name="Photo moderators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_photoentry"),
    )
    user.groups.add(group)
    client.force_login(user)
    return user


def test_only_contest_moderators_see_the_queue(client, contest):
    make_entry(contest)
    editor = get_user_model().objects.create_user("editor", "e@itu.int", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/snippets/media/photoentry/")
    assert response.status_code == 302 and "Telemedicine" not in response.content.decode()
    moderator(client)
    listing = client.get("/admin/snippets/media/photoentry/", {"status": "pending"})
    assert listing.status_code == 200 and "Telemedicine" in listing.content.decode()


def test_bulk_approval_publishes_and_tells_the_entrants(client, contest):
    first, second = (
        make_entry(contest),
        make_entry(contest, email="b@example.org", title="Solar school"),
    )
    moderator(client)
    url = "/admin/bulk/media/photoentry/approve/"
    response = client.post(f"{url}?id={first.pk}&id={second.pk}", {})
    assert response.status_code == 302
    for entry in (first, second):
        entry.refresh_from_db()
        assert entry.status == "approved" and entry.public_image is not None
    assert sorted(m.to[0] for m in mail.outbox) == ["b@example.org", "grace@example.org"]
    assert "approuvée" in mail.outbox[0].body or "approved" in mail.outbox[0].body


def test_an_entry_stored_before_the_input_policy_with_a_line_break_is_still_decided(
    client, contest
):
    """Titles with CR/LF were accepted once (they are refused now): their entries still show
    in the queue, and approving or rejecting them tells their entrants, whose e-mail subject
    no longer carries the title."""
    broken = make_entry(contest, title="Hello\r\nBcc: victim@example.org")
    other = make_entry(contest, email="b@example.org", title="Solar school")
    moderator(client)
    assert client.get("/admin/snippets/media/photoentry/").status_code == 200
    assert client.get(f"/admin/snippets/media/photoentry/edit/{broken.pk}/").status_code == 200
    response = client.post(f"/admin/bulk/media/photoentry/reject/?id={broken.pk}&id={other.pk}")
    assert response.status_code == 302
    assert set(PhotoEntry.objects.values_list("status", flat=True)) == {"rejected"}
    assert sorted(m.to[0] for m in mail.outbox) == ["b@example.org", "grace@example.org"]
    assert all("\n" not in m.subject and "victim" not in m.body for m in mail.outbox)


def test_the_gallery_shows_approved_photos_winners_first_once_announced(client, contest):
    image = ImageFactory()
    make_entry(contest, title="Pending one")
    make_entry(
        contest, title="Approved one", status="approved", public_image=image, email="a@x.org"
    )
    make_entry(
        contest,
        title="Winner",
        status="approved",
        public_image=image,
        winner_rank=1,
        email="w@x.org",
    )
    html = client.get(contest.url).content.decode()
    assert "Pending one" not in html and "Approved one" in html
    assert "Prize 1" not in html  # while judging, no winner is shown
    contest.opens_on = datetime.date.today() - datetime.timedelta(days=40)
    contest.closes_on = datetime.date.today() - datetime.timedelta(days=10)
    contest.winners_announced_on = datetime.date.today() - datetime.timedelta(days=1)
    contest.save_revision().publish()
    html = client.get(contest.url).content.decode()
    assert html.index("Winner") < html.index("Approved one")
    assert "Prize 1" in html and 'alt="Winner: A video consultation"' in html


def test_each_photo_has_a_page_with_previous_and_next(client, contest):
    image = ImageFactory()
    entries_ = [
        make_entry(
            contest, title=f"P{i}", status="approved", public_image=image, email=f"{i}@x.org"
        )
        for i in range(3)
    ]
    middle = entries_[1]
    html = client.get(f"{contest.url}photos/{middle.pk}/").content.decode()
    assert "<h1>P1</h1>" in html
    assert (
        f'photos/{entries_[2].pk}/" rel="prev"' in html
        and f'photos/{entries_[0].pk}/" rel="next"' in html
    )
    assert "Grace" in html and "Rwanda" in html


def test_gallery_query_count_does_not_grow_and_renditions_are_made_once(client, contest):
    images = [ImageFactory() for _ in range(3)]
    template = make_entry(contest, status="approved", public_image=images[0])
    url = contest.url

    def queries_with(count, warm=False):
        # The template and the copies so far, and as many more copies as it takes.
        PhotoEntry.objects.bulk_create(
            [
                PhotoEntry(
                    contest=contest,
                    contest_key=contest.translation_key,
                    original=template.original.name,
                    public_image=images[n % 3],
                    title=f"Photo {n}",
                    caption="c",
                    taken_where="w",
                    photographer="p",
                    email=f"{n}@x.org",
                    country="RW",
                    licence="cc-by-4.0",
                    status="approved",
                )
                for n in range(PhotoEntry.objects.count() - 1, count - 1)
            ]
        )
        if warm:  # the first visit makes the three images' renditions, and warms the caches
            client.get(url)
        renditions = Rendition.objects.count()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert Rendition.objects.count() == renditions  # nothing made on a later visit
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(500) == queries_with(1000)
    assert get_image_model().objects.count() == 3


def test_a_gallery_page_shows_chosen_approved_photos_in_order(client, english_home, contest):
    from tests.factories import GalleryPageFactory

    image = ImageFactory()
    chosen = [
        make_entry(
            contest, title=f"G{i}", status="approved", public_image=image, email=f"g{i}@x.org"
        )
        for i in range(3)
    ]
    withdrawn = make_entry(contest, title="Withdrawn", status="rejected", email="r@x.org")
    gallery = GalleryPageFactory(
        parent=english_home,
        photos=[
            {"type": "photo", "value": entry.pk} for entry in [chosen[2], withdrawn, chosen[0]]
        ],
    )
    html = client.get(gallery.url).content.decode()
    assert html.index("G2") < html.index("G0")
    assert "Withdrawn" not in html and "G1" not in html
    assert 'alt="G2: A video consultation"' in html


class ContestPageTreeTest(WagtailPageTestCase):
    def test_where_contests_and_galleries_belong(self):
        from events.models import EventPage
        from home.models import HomePage, StandardPage
        from media.models import GalleryPage, PhotoContestPage

        self.assertAllowedParentPageTypes(PhotoContestPage, {HomePage, StandardPage, EventPage})
        self.assertAllowedParentPageTypes(GalleryPage, {HomePage, StandardPage, PhotoContestPage})
        self.assertAllowedSubpageTypes(PhotoContestPage, {GalleryPage})
        self.assertAllowedSubpageTypes(GalleryPage, set())


def test_moderators_see_pending_originals_and_nobody_else(client, contest):
    entry = make_entry(contest)
    url = f"/admin/media/entries/{entry.pk}/original/"
    assert client.get(url).status_code == 302  # to the admin login
    editor = get_user_model().objects.create_user("editor2", "e2@itu.int", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(url)["Location"] == "/admin/"
    moderator(client)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"  # a JPEG
    assert url in client.get("/admin/snippets/media/photoentry/").content.decode()


def test_a_decision_made_in_the_edit_form_publishes_and_is_told_once(client, contest):
    entry = make_entry(contest)
    moderator(client)
    url = f"/admin/snippets/media/photoentry/edit/{entry.pk}/"
    client.post(url, {"status": "approved", "winner_rank": "", "notes": "Sharp and clear."})
    entry.refresh_from_db()
    assert entry.status == "approved" and entry.public_image is not None
    client.post(url, {"status": "approved", "winner_rank": "2", "notes": "Second prize."})
    entry.refresh_from_db()
    assert entry.winner_rank == 2
    assert [m.to for m in mail.outbox] == [["grace@example.org"]]  # told once, on approval
