"""Subscribers in the admin: export and deletion for data-protection requests, a person's
data as JSON, and nobody else's eyes: an editor without the permission sees no address by
any path (listing, chooser, inspect, data, bulk delete)."""

import json

import pytest
from django.contrib.auth.models import Group, Permission

from newsletter.models import ConsentRecord, Delivery, Dispatch, Subscriber
from tests.factories.newsletter import subscriber
from translations.roles import MODERATORS

pytestmark = pytest.mark.django_db
SECRET = "secret.reader@example.org"


def staff(django_user_model, client, *codenames, group=None):
    user = django_user_model.objects.create_user("staff", password="x", email="staff@itu.int")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    return user


def paths(reader):
    return [
        "/admin/snippets/newsletter/subscriber/",
        "/admin/snippets/newsletter/subscriber/results/",
        f"/admin/snippets/newsletter/subscriber/inspect/{reader.pk}/",
        "/admin/snippets/choose/newsletter/subscriber/",
        f"/admin/snippets/choose/newsletter/subscriber/chosen/{reader.pk}/",
        f"/admin/newsletter/subscribers/{reader.pk}/data/",
        f"/admin/bulk/newsletter/subscriber/delete/?id={reader.pk}",
        "/admin/snippets/newsletter/subscriber/?export=csv",
    ]


def test_an_editor_without_the_permission_sees_no_subscriber(client, django_user_model):
    reader = subscriber(SECRET, "fr")
    staff(django_user_model, client)
    for path in paths(reader):
        response = client.get(path)
        assert response.status_code in (302, 403, 404), path
        assert SECRET not in response.content.decode(errors="replace"), path


def test_moderators_export_download_and_delete_a_subscriber(flash, client, django_user_model):
    reader = subscriber(SECRET, "fr", "es")
    reader.record_consent(ConsentRecord.Action.SIGNED_UP, "Je souhaite recevoir WSIS Flash", "fr")
    dispatch = Dispatch.objects.create(issue=flash["issue"], languages=["fr"])
    Delivery.objects.create(dispatch=dispatch, subscriber=reader, language="fr", state="sent")
    user = staff(django_user_model, client)
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    user.groups.add(Group.objects.get(name=MODERATORS))

    listing = client.get("/admin/snippets/newsletter/subscriber/")
    assert listing.status_code == 200 and SECRET in listing.content.decode()
    assert "/admin/snippets/newsletter/subscriber/add/" not in listing.content.decode()
    assert client.get("/admin/snippets/newsletter/subscriber/add/").status_code in (302, 403)
    export = client.get("/admin/snippets/newsletter/subscriber/?export=csv")
    assert export.status_code == 200 and SECRET in b"".join(export.streaming_content).decode()

    data = client.get(f"/admin/newsletter/subscribers/{reader.pk}/data/")
    assert data["Content-Disposition"].startswith("attachment")
    held = json.loads(data.content)
    assert held["email"] == SECRET and held["languages"] == ["fr", "es"]
    assert held["consents"][0]["wording"] == "Je souhaite recevoir WSIS Flash"
    assert held["issues_sent"][0]["language"] == "fr"

    response = client.post(f"/admin/snippets/newsletter/subscriber/delete/{reader.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not ConsentRecord.objects.exists() and not Delivery.objects.exists()
