"""Who is asking: the real client behind the trusted proxies, never an address a client wrote
itself; rate limits count accepted submissions per real client and answer 429 with
Retry-After."""

from ipaddress import ip_network

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from calls.models import CallSubmission
from media.models import PhotoEntry
from public_forms.clients import client_address, client_key
from tests.calls.conftest import valid_data
from tests.media.conftest import entry_data, photo_bytes
from tests.public_forms.conftest import shown_token

PROXIES = (ip_network("10.0.0.0/8"), ip_network("fd00::/8"))
PROXY, OTHER_PROXY = "10.0.0.5", "10.0.0.7"
ALICE, BOB = "203.0.113.10", "198.51.100.23"


@pytest.mark.parametrize(
    ("trusted", "remote_addr", "forwarded_for", "client"),
    [
        # No proxy in front: the header is the client's own word, ignored.
        ((), ALICE, "1.2.3.4", ALICE),
        ((), PROXY, ALICE, PROXY),
        # One trusted proxy: what it appended.
        (PROXIES, PROXY, ALICE, ALICE),
        (PROXIES, PROXY, f" {ALICE} ", ALICE),
        # A chain of trusted proxies, read from the right.
        (PROXIES, PROXY, f"{ALICE}, {OTHER_PROXY}, 10.1.2.3", ALICE),
        # What the client put at the left of the header is not believed.
        (PROXIES, PROXY, f"1.2.3.4, {ALICE}", ALICE),
        (PROXIES, PROXY, f"1.2.3.4, {ALICE}, {OTHER_PROXY}", ALICE),
        (PROXIES, PROXY, f"<script>, {ALICE}, {OTHER_PROXY}", ALICE),
        (PROXIES, PROXY, f"unknown, , {ALICE}", ALICE),
        # Garbage right of every client address: the last trusted hop is all that is known.
        (PROXIES, PROXY, f"{ALICE}, nonsense, {OTHER_PROXY}", OTHER_PROXY),
        # Nothing but proxies, or no header: the outermost proxy.
        (PROXIES, PROXY, OTHER_PROXY, OTHER_PROXY),
        (PROXIES, PROXY, "", PROXY),
        # An untrusted peer's header is ignored altogether.
        (PROXIES, ALICE, BOB, ALICE),
        (PROXIES, ALICE, f"{BOB}, {OTHER_PROXY}", ALICE),
        # IPv6.
        (PROXIES, "fd00::1", "2001:db8::1", "2001:db8::1"),
        (PROXIES, "fd00::1", "2001:db8::1, fd00::2", "2001:db8::1"),
        (PROXIES, PROXY, "2001:db8::5", "2001:db8::5"),
        (PROXIES, "2001:db8::9", ALICE, "2001:db8::9"),
        (PROXIES, "fe80::1%eth0", "", "fe80::1"),
        # No peer address at all.
        (PROXIES, "", ALICE, "unknown"),
    ],
)
def test_client_address(settings, trusted, remote_addr, forwarded_for, client):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == client


@pytest.mark.parametrize(
    ("remote_addr", "key"),
    [
        (ALICE, ALICE),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),  # one household's /64
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.10", ALICE),  # IPv4 written as IPv6
    ],
)
def test_rate_limits_count_an_ipv6_client_by_its_64(settings, remote_addr, key):
    settings.TRUSTED_PROXIES = ()
    assert client_key(RequestFactory().get("/", REMOTE_ADDR=remote_addr)) == key


# Rate limits behind the proxy ---------------------------------------------------------------


@pytest.fixture
def behind_proxy(settings, fixed_clock):
    settings.TRUSTED_PROXIES = PROXIES
    settings.CALLS_RATE_LIMIT = (2, 600)


def via_proxy(client_ip):
    """What the proxies pass on for a visitor at `client_ip`."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{client_ip}, {OTHER_PROXY}"}


def assert_limited(response, message="Too many submissions from your connection"):
    assert response.status_code == 429
    assert response["Retry-After"] == "500"  # the end of the window, 500 s away
    assert message in response.content.decode()


@pytest.mark.django_db
def test_the_limit_counts_each_real_client_behind_the_proxy(client, open_call, behind_proxy):
    for _ in range(2):
        assert client.post(open_call.url, valid_data(), **via_proxy(ALICE)).status_code == 200

    response = client.post(open_call.url, valid_data(), **via_proxy(ALICE))

    assert_limited(response)
    assert "Try again in 9 minute(s)" in response.content.decode()
    assert client.post(open_call.url, valid_data(), **via_proxy(BOB)).status_code == 200
    assert CallSubmission.objects.count() == 3


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_from_an_untrusted_address_is_ignored(
    client, open_call, behind_proxy
):
    spoofer = "192.0.2.66"
    for fake in ("1.2.3.4", "5.6.7.8"):
        response = client.post(
            open_call.url, valid_data(), REMOTE_ADDR=spoofer, HTTP_X_FORWARDED_FOR=fake
        )
        assert response.status_code == 200

    response = client.post(
        open_call.url, valid_data(), REMOTE_ADDR=spoofer, HTTP_X_FORWARDED_FOR="9.9.9.9"
    )

    assert_limited(response)
    # The addresses it claimed were not charged: a visitor really at one still gets in.
    assert client.post(open_call.url, valid_data(), **via_proxy("1.2.3.4")).status_code == 200
    assert CallSubmission.objects.count() == 3


@pytest.mark.django_db
def test_refused_posts_do_not_count_towards_the_limit(client, open_call, behind_proxy):
    invalid = valid_data(name="")
    robot = valid_data(website_url="http://spam.example")
    for data in (invalid, invalid, robot, invalid):
        assert client.post(open_call.url, data, **via_proxy(ALICE)).status_code == 400

    for _ in range(2):
        assert client.post(open_call.url, valid_data(), **via_proxy(ALICE)).status_code == 200
    assert_limited(client.post(open_call.url, valid_data(), **via_proxy(ALICE)))
    assert CallSubmission.objects.count() == 2


@pytest.mark.django_db
def test_a_limited_client_retrying_an_accepted_form_gets_its_first_result(
    client, open_call, behind_proxy
):
    token = shown_token(client.get(open_call.url))
    sent = valid_data(submission_token=token)
    assert client.post(open_call.url, sent, **via_proxy(ALICE)).status_code == 200
    assert client.post(open_call.url, valid_data(), **via_proxy(ALICE)).status_code == 200
    assert_limited(client.post(open_call.url, valid_data(), **via_proxy(ALICE)))

    again = client.post(open_call.url, sent, **via_proxy(ALICE))

    assert again.status_code == 200 and "Thank you" in again.content.decode()
    assert CallSubmission.objects.count() == 2


@pytest.mark.django_db
def test_the_photo_contest_limits_each_real_client_behind_the_proxy(client, contest, behind_proxy):
    def enter(client_ip):
        upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
        return client.post(
            f"{contest.url}enter/", {**entry_data(), "original": upload}, **via_proxy(client_ip)
        )

    assert enter(ALICE).status_code == 200
    assert enter(ALICE).status_code == 200
    assert_limited(enter(ALICE), "Too many entries from your connection")
    assert enter(BOB).status_code == 200
    assert PhotoEntry.objects.count() == 3
