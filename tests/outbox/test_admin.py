"""The outbox in the admin: administrators see what failed and why, and send it again; other
staff never see it (it holds what the public sent us)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command

from outbox.models import OutboxMessage
from tests.calls.conftest import valid_data
from tests.factories import member_of

pytestmark = pytest.mark.django_db
LISTING = "/admin/snippets/outbox/outboxmessage/"
RESEND = "/admin/bulk/outbox/outboxmessage/resend/"
State = OutboxMessage.State


@pytest.fixture
def refused_confirmation(client, open_call, smtp):
    """A submission whose confirmation the mail server refused (550)."""
    smtp.refused = {"ada@example.org"}
    assert client.post(open_call.url, valid_data()).status_code == 200
    (message,) = OutboxMessage.objects.filter(state=State.FAILED)
    assert message.to == ["ada@example.org"]
    smtp.refused = set()
    return message


def test_an_administrator_sees_failed_messages_and_sends_them_again(
    admin_client, refused_confirmation, smtp
):
    assert "E-mail outbox" in admin_client.get("/admin/").content.decode()  # in the menu
    listing = admin_client.get(LISTING, {"state": "failed"})

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "We received your submission" in html and "ada@example.org" in html
    assert "550" in html  # why it failed
    assert "wsis-staff@itu.int" not in html  # the staff notice was sent: not in this filter
    inspect = admin_client.get(f"{LISTING}inspect/{refused_confirmation.pk}/")
    assert inspect.status_code == 200 and "Your reference: C-" in inspect.content.decode()
    # Nobody rewrites a recorded message.
    assert admin_client.get(f"{LISTING}edit/{refused_confirmation.pk}/").status_code != 200

    confirm = admin_client.get(RESEND, {"id": refused_confirmation.pk})
    assert confirm.status_code == 200 and "will be sent again" in confirm.content.decode()
    response = admin_client.post(f"{RESEND}?id={refused_confirmation.pk}", {})

    assert response.status_code == 302
    refused_confirmation.refresh_from_db()
    assert refused_confirmation.state == State.SENT
    (confirmation,) = smtp.received_by("ada@example.org")
    assert confirmation["Subject"].startswith("We received your submission")


@pytest.mark.parametrize("role", ["Moderators", "Submission reviewers", "Communications editors"])
def test_other_staff_cannot_see_or_resend_the_outbox(client, refused_confirmation, smtp, role):
    call_command("setup_roles", verbosity=0)
    staff = member_of(role, "staff_member")
    assert staff.has_perm("wagtailadmin.access_admin")
    client.force_login(staff)

    listing = client.get(LISTING)
    inspect = client.get(f"{LISTING}inspect/{refused_confirmation.pk}/")
    resend = client.post(f"{RESEND}?id={refused_confirmation.pk}", {})

    for response in (listing, inspect):
        assert response.status_code in (302, 403)
        assert "ada@example.org" not in response.content.decode()
    assert "E-mail outbox" not in client.get("/admin/").content.decode()
    assert resend.status_code in (302, 403)
    refused_confirmation.refresh_from_db()
    assert refused_confirmation.state == State.FAILED
    assert smtp.received_by("ada@example.org") == []


def test_only_the_resend_permission_opens_the_outbox_to_someone_not_a_superuser(
    client, refused_confirmation
):
    operator = get_user_model().objects.create_user("operator", "op@itu.int", "pw")
    operator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="resend_outboxmessage"),
    )
    client.force_login(operator)

    listing = client.get(LISTING)

    assert listing.status_code == 200 and "ada@example.org" in listing.content.decode()
