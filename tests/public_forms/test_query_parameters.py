"""Query parameters nobody sends by mistake (control characters, an id that cannot be one)
are answered with a 400 in the visitor's language, before any view reads them: never a server
error, on public pages or on the admin's screens."""

import pytest
from django.contrib.auth import get_user_model

from calls.models import CallSubmission
from tests.calls.conftest import make_open_call, valid_data
from tests.conftest import (
    CommittingClient,
    make_english_home,
    refetched,
    session_for,
    shared_data,
    signed_in,
    translate,
)
from tests.factories import CallIndexPageFactory, PhotoContestPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media():
    """Nothing here stores a file: no private root of its own for each of the module's few
    hundred cases (tests/public_forms/conftest.py makes one per test)."""


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


@pytest.fixture
def admin_client(admin_client):
    admin_client.raise_request_exception = False
    return admin_client


@pytest.mark.parametrize("value", ["\x00", "a\x1bb", "\x85"])
def test_search_refuses_control_characters_without_a_server_error(client, english_home, value):
    response = client.get("/en/search/", {"q": value})
    assert response.status_code == 400
    assert "cannot be read" in response.content.decode()


def test_the_refusal_is_in_the_visitors_language(client, english_home):
    translate(english_home, "fr", slug="accueil")
    response = client.get("/fr/search/", {"q": "\x00"})
    assert response.status_code == 400
    assert 'lang="fr"' in response.content.decode()
    assert "ne peut pas être lue" in response.content.decode()


def test_tabs_and_line_breaks_are_not_control_characters_here(client, english_home):
    assert client.get("/en/search/", {"q": "WSIS\tForum\r\n"}).status_code == 200


# Staff screens ---------------------------------------------------------------------------------

NOT_IDS = ["abc", "\x00", "1.5", "99999999999999999999999"]


def send_a_submission(call):
    assert CommittingClient().post(call.url, valid_data()).status_code == 200
    return CallSubmission.objects.get()


@pytest.fixture
def submission(open_call):
    return send_a_submission(open_call)


@pytest.fixture(scope="class")
def shared_submission(django_db_setup, django_db_blocker):
    """A call with one submission sent through its form, and an administrator signed in, made
    once for the class's cases (each runs in a savepoint, rolled back)."""
    with shared_data(django_db_blocker):
        call = make_open_call(CallIndexPageFactory(parent=make_english_home()))
        admin = get_user_model().objects.create_superuser("admin", "admin@itu.int", "pw")
        yield {"submission": send_a_submission(call), "session": session_for(admin)}


class TestSubmissionsGivenBadParameters:
    # Its fixture is the class's: the tests after it make their own home page.
    @pytest.fixture
    def submission(self, shared_submission):
        return refetched(shared_submission["submission"])

    @pytest.fixture
    def admin_client(self, client, shared_submission):
        return signed_in(client, shared_submission["session"])

    @pytest.mark.parametrize("value", NOT_IDS)
    def test_deleting_submissions_named_by_something_else_than_ids(
        self, admin_client, submission, value
    ):
        url = f"/admin/forms/submissions/{submission.page_id}/delete/"
        response = admin_client.get(url, {"selected-submissions": [str(submission.pk), value]})
        assert response.status_code == 400
        admin_client.post(
            f"{url}?selected-submissions={submission.pk}&selected-submissions={value}"
        )
        assert type(submission).objects.filter(pk=submission.pk).exists()

    @pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999", "2024-13-45"])
    @pytest.mark.parametrize("parameter", ["p", "order_by", "date_from", "date_to", "status"])
    def test_the_submissions_listing_given_bad_filters(
        self, admin_client, submission, parameter, value
    ):
        url = f"/admin/forms/submissions/{submission.page_id}/"
        for suffix in ("", "results/"):
            assert admin_client.get(f"{url}{suffix}", {parameter: value}).status_code < 500
        assert admin_client.get(url, {parameter: value, "export": "csv"}).status_code < 500

    def test_an_unknown_order_keeps_the_submissions_newest_first(self, admin_client, submission):
        import datetime

        older = CallSubmission.objects.create(page=submission.page, form_data=submission.form_data)
        CallSubmission.objects.filter(pk=older.pk).update(
            submit_time=submission.submit_time - datetime.timedelta(days=1)
        )
        response = admin_client.get(
            f"/admin/forms/submissions/{submission.page_id}/", {"order_by": "abc"}
        )
        rows = [row.pk for row in response.context["object_list"]]
        assert rows == [submission.pk, older.pk]
        assert response.context["object_list"].ordered


@pytest.mark.parametrize("value", NOT_IDS)
@pytest.mark.parametrize(
    "action",
    [
        "/admin/bulk/media/photoentry/approve/",
        "/admin/bulk/media/photoentry/reject/",
        "/admin/bulk/outbox/outboxmessage/resend/",
        "/admin/bulk/wagtailcore/page/delete/",
        "/admin/bulk/wagtailimages/image/delete/",
    ],
)
def test_bulk_actions_on_something_else_than_ids(admin_client, english_home, action, value):
    assert admin_client.get(action, {"id": value}).status_code == 400
    assert admin_client.post(f"{action}?id={value}", {}).status_code == 400


def test_bulk_actions_on_ids_and_on_all_still_work(admin_client, contest, submission):
    from outbox.models import OutboxMessage

    message = OutboxMessage.objects.first()
    resend = "/admin/bulk/outbox/outboxmessage/resend/"
    assert admin_client.get(resend, {"id": message.pk}).status_code == 200
    assert admin_client.get(resend, {"id": "all"}).status_code == 200
    # An id that names no row: Wagtail's own answer (not found), not a refusal of the id.
    assert admin_client.get(resend, {"id": 2**40}).status_code in (302, 404)


LISTINGS = [
    "/admin/snippets/media/photoentry/",
    "/admin/snippets/media/photoentry/results/",
    "/admin/snippets/outbox/outboxmessage/",
    "/admin/snippets/outbox/outboxmessage/results/",
    "/admin/forms/",
    "/admin/reports/site-history/",
]
FILTERS = ["p", "ordering", "contest", "status", "state", "language", "q", "date_from", "export"]


@pytest.fixture(scope="class")
def staff_with_a_contest(django_db_setup, django_db_blocker):
    """An administrator, signed in (the session's key), and a photo contest, made once for the
    270 cases below, which only read (each runs in a savepoint, rolled back)."""
    with shared_data(django_db_blocker):
        PhotoContestPageFactory(parent=make_english_home())
        admin = get_user_model().objects.create_superuser("admin", "admin@itu.int", "pw")
        yield session_for(admin)


class TestStaffListingsGivenBadFilters:
    # Its fixture is the class's: the tests after it make their own home page.
    @pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999", "2024-13-45", "%"])
    @pytest.mark.parametrize("parameter", FILTERS)
    @pytest.mark.parametrize("listing", LISTINGS)
    def test_staff_listings_given_bad_filters(
        self, client, staff_with_a_contest, listing, parameter, value
    ):
        signed_in(client, staff_with_a_contest)
        assert client.get(listing, {parameter: value}).status_code < 500


@pytest.mark.parametrize(
    "url",
    [
        "/admin/forms/submissions/999999/",
        "/admin/calls/submissions/999999/",
        "/admin/media/entries/999999/original/",
        "/admin/snippets/media/photoentry/edit/999999/",
        "/admin/snippets/outbox/outboxmessage/inspect/999999/",
    ],
)
def test_staff_screens_of_rows_that_do_not_exist(admin_client, english_home, url):
    assert admin_client.get(url).status_code < 500
