"""What the public sent (photo entries, e-mails in the outbox, call submissions, receipts, quotas)
through every admin path that lists or reads a model: Wagtail's listings, inspect, usage and
history views, its snippet chooser and bulk-action confirmations, wagtail-localize's snippets
API, the permission-checked downloads, and the listings every admin user may open (dashboard,
reports, searches, the admin API). Each cell is one model × one path × one user: refused
(403, 404, or a redirect to the login or the dashboard) for a user without the model's
permission, 200 for those with it (issue 14, item 6; to be merged into the permission matrix)."""

import uuid
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from calls.models import CallSubmission, SubmissionFile
from media.models import EntrantQuota, PhotoEntry
from outbox.models import OutboxMessage
from public_forms.models import SubmissionReceipt
from tests.conftest import make_english_home, session_for, signed_in
from tests.factories import CallIndexPageFactory, CallPageFactory, PhotoContestPageFactory
from tests.factories.stocktaking import EntryFactory
from tests.media.conftest import photo_bytes

pytestmark = pytest.mark.django_db

# Words that appear only in the private records: a body holding one has shown the record.
SECRETS = {
    "photo_entry": ["Harbour at first light", "Amina Quietly", "amina.entrant@example.org"],
    "outbox_message": ["Your confidential receipt", "bob.submitter@example.org"],
    "call_submission": ["carol.private@example.org", "Carol Private"],
    "submission_receipt": ["receipt-scope-secret"],
    "entrant_quota": ["dave.quota@example.org"],
    "stocktaking_entry": ["erin.owner@example.org", "Erin Private-Owner"],
}

# Who may see each model: the permission its own staff screen (moderation, outbox, review)
# asks for. Receipts and quotas have no admin screen: nobody reads them there.
PERMITTED = {
    "photo_entry": {"contest_moderator", "superuser"},
    "outbox_message": {"outbox_staff", "superuser"},
    "call_submission": {"submission_reviewer", "superuser"},
    "submission_receipt": set(),
    "entrant_quota": set(),
    "stocktaking_entry": {"stocktaking_moderator", "superuser"},
}

USERS = [
    "anonymous",
    "admin_only",  # may enter the admin, nothing more
    "editor",  # pages, images, partners, translation: everything but the private models
    "contest_moderator",
    "outbox_staff",
    "submission_reviewer",
    "stocktaking_moderator",
    "superuser",
]

SNIPPET_PATHS = {
    "listing": "/admin/snippets/{app}/{model}/",
    "listing_results": "/admin/snippets/{app}/{model}/results/?q={search}",
    "inspect": "/admin/snippets/{app}/{model}/inspect/{pk}/",
    "usage": "/admin/snippets/{app}/{model}/usage/{pk}/",
    "history": "/admin/snippets/{app}/{model}/history/{pk}/",
    "history_results": "/admin/snippets/{app}/{model}/history-results/{pk}/",
    "chooser": "/admin/snippets/choose/{app}/{model}/",
    "chooser_results": "/admin/snippets/choose/{app}/{model}/results/?q={search}",
    "chooser_chosen": "/admin/snippets/choose/{app}/{model}/chosen/{pk}/",
    "chooser_chosen_multiple": "/admin/snippets/choose/{app}/{model}/chosen-multiple/?id={pk}",
    "localize_api_listing": "/admin/localize/api/snippets/{app}/{model}/",
    "localize_api_detail": "/admin/localize/api/snippets/{app}/{model}/{pk}/",
    "localize_submit": "/admin/localize/submit/snippet/{app}/{model}/{pk}/",
    "bulk_delete": "/admin/bulk/{app}/{model}/delete/?id={pk}",
    "bulk_delete_all": "/admin/bulk/{app}/{model}/delete/?id=all",
}
# Paths that exist for no model outside the snippets: refused to everyone, superusers too.
NO_SUCH_PATHS = [
    "listing",
    "chooser",
    "chooser_chosen",
    "localize_api_listing",
    "localize_api_detail",
    "bulk_delete_all",
]

# Wagtail's usage view asks for the change permission, which nobody has on a sent e-mail;
# neither model is translatable.
GRANTED_TO_NOBODY = {
    ("outbox_message", "usage"),
    ("photo_entry", "localize_submit"),
    ("outbox_message", "localize_submit"),
    ("stocktaking_entry", "localize_submit"),
}


def model_paths():
    """(model, path name, URL template, whether the model's permitted users get it)."""
    cells = []
    for name, (app, model) in {
        "photo_entry": ("media", "photoentry"),
        "outbox_message": ("outbox", "outboxmessage"),
        "stocktaking_entry": ("stocktaking", "entry"),
    }.items():
        for path, url in SNIPPET_PATHS.items():
            url = url.replace("{app}", app).replace("{model}", model)
            cells.append((name, path, url, (name, path) not in GRANTED_TO_NOBODY))
    cells += [
        ("photo_entry", "bulk_approve", "/admin/bulk/media/photoentry/approve/?id={pk}", True),
        ("photo_entry", "bulk_reject", "/admin/bulk/media/photoentry/reject/?id={pk}", True),
        ("photo_entry", "original", "/admin/media/entries/{pk}/original/", True),
        ("outbox_message", "bulk_resend", "/admin/bulk/outbox/outboxmessage/resend/?id={pk}", True),
        ("call_submission", "submissions", "/admin/forms/submissions/{page}/", True),
        ("call_submission", "review", "/admin/calls/submissions/{pk}/", True),
        ("call_submission", "download", "/admin/calls/submissions/{pk}/files/{file}/", True),
    ]
    for name, (app, model) in {
        "call_submission": ("calls", "callsubmission"),
        "submission_receipt": ("public_forms", "submissionreceipt"),
        "entrant_quota": ("media", "entrantquota"),
    }.items():
        for path in NO_SUCH_PATHS:
            url = SNIPPET_PATHS[path].replace("{app}", app).replace("{model}", model)
            cells.append((name, path, url, False))
    return cells


# Listings open to every admin user (or to everyone with some permission): refused, or shown
# without anything private.
SHARED_LISTINGS = {
    "dashboard": "/admin/",
    "snippets_index": "/admin/snippets/",
    "site_history": "/admin/reports/site-history/",
    "site_history_results": "/admin/reports/site-history/results/",
    "page_search": "/admin/pages/search/?q=Harbour",
    "forms_index": "/admin/forms/",
    "images_api": "/admin/api/main/images/",
    "translations_report": "/admin/localize/reports/translations/",
}


def permissions(*labels):
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def make_users(home):
    User = get_user_model()
    users = {"anonymous": None}
    users["superuser"] = User.objects.create_superuser("root", "root@itu.int", "pw")
    grants = {
        "admin_only": [],
        "editor": [
            "partners.add_partner",
            "partners.change_partner",
            "partners.view_partner",
            "wagtail_localize.submit_translation",
        ],
        "contest_moderator": ["media.moderate_photoentry"],
        "outbox_staff": ["outbox.resend_outboxmessage"],
        "submission_reviewer": ["calls.view_callsubmission"],
        "stocktaking_moderator": [
            "stocktaking.moderate_entry",
            "stocktaking.view_entry",
            "stocktaking.change_entry",
        ],
    }
    for name, labels in grants.items():
        group = Group.objects.create(name=f"private paths: {name}")
        group.permissions.set(permissions("wagtailadmin.access_admin", *labels))
        user = User.objects.create_user(name, f"{name}@itu.int", "pw")
        user.groups.add(group)
        users[name] = user
    editors = Group.objects.get(name="private paths: editor")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=editors, page=home, permission=permissions(f"wagtailcore.{codename}")[0]
        )
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=editors,
            collection=Collection.get_first_root_node(),
            permission=permissions(f"wagtailimages.{codename}")[0],
        )
    return users


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One of each private record, and the users, built once for the module's few hundred
    cells; rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = make_english_home()
        contest = PhotoContestPageFactory(parent=home)
        entry = PhotoEntry(
            contest=contest,
            contest_key=contest.translation_key,
            title="Harbour at first light",
            caption="Fishing boats leave at dawn.",
            taken_where="Dakar, Senegal",
            photographer="Amina Quietly",
            email="amina.entrant@example.org",
            country="SN",
            licence="cc-by-4.0",
        )
        entry.original.save("harbour.jpg", ContentFile(photo_bytes()), save=False)
        entry.save()
        message = OutboxMessage.objects.create(
            from_email="wsis@itu.int",
            to=["bob.submitter@example.org"],
            subject="Your confidential receipt",
            body="Thank you.",
        )
        call = CallPageFactory(parent=CallIndexPageFactory(parent=home))
        submission = CallSubmission.objects.create(
            page=call,
            email="carol.private@example.org",
            form_data={"name": "Carol Private", "e_mail": "carol.private@example.org"},
        )
        upload = SubmissionFile(
            submission=submission,
            field_name="contribution",
            original_name="contribution.pdf",
            content_type="application/pdf",
            size=4,
        )
        upload.file.save("contribution.pdf", ContentFile(b"%PDF"), save=False)
        upload.save()
        receipt = SubmissionReceipt.objects.create(token=uuid.uuid4(), scope="receipt-scope-secret")
        quota = EntrantQuota.objects.create(
            contest_key=contest.translation_key, email="dave.quota@example.org", count=1
        )
        owners_entry = EntryFactory(
            title="Rural telemedicine pilot",
            contact_name="Erin Private-Owner",
            contact_email="erin.owner@example.org",
        )
        users = make_users(home)
        # Moderation leaves traces in the history and the site history report.
        log(instance=entry, action="wagtail.edit", user=users["superuser"])
        log(instance=message, action="wagtail.edit", user=users["superuser"])
        objects = {
            "photo_entry": entry,
            "outbox_message": message,
            "call_submission": submission,
            "submission_receipt": receipt,
            "entrant_quota": quota,
            "stocktaking_entry": owners_entry,
        }
        # Signed in once per user: the cells only read, and a session's changes roll back.
        sessions = {name: session_for(user) for name, user in users.items() if user is not None}
        yield {
            "objects": objects,
            "users": users,
            "sessions": sessions,
            "page": call,
            "file": upload,
        }
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def private_media():
    """The originals and files the module's world stored stay where it stored them (the test
    settings' private root), instead of a new place per test."""


def refused(response, url):
    """403 or 404; or Wagtail's refusal, a redirect to the login or the dashboard; or a 404 that
    LocaleMiddleware sends to the same path with a language prefix (where it 404s again)."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = urlsplit(response["Location"]).path
        return location in ("/admin/", "/admin/login/") or location == "/en" + urlsplit(url).path
    return False


def get(client, world, user, url):
    if world["users"][user] is None:
        return client.get(url)
    response = signed_in(client, world["sessions"][user]).get(url)
    # The shared session held: a refusal is one of this user's, not of a visitor's.
    assert response.wsgi_request.user.pk == world["users"][user].pk, url
    return response


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize(
    ("model", "path", "url", "exists"),
    [pytest.param(*cell, id=f"{cell[0]}-{cell[1]}") for cell in model_paths()],
)
def test_private_model_path(client, world, model, path, url, exists, user):
    obj = world["objects"][model]
    url = url.format(pk=obj.pk, search="a", page=world["page"].pk, file=world["file"].pk)
    response = get(client, world, user, url)
    if exists and user in PERMITTED[model]:
        assert response.status_code == 200, f"{user} refused {url}"
    else:
        assert refused(response, url), (
            f"{user} (no permission on {model}) got {response.status_code} from {url}"
        )


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize("path", list(SHARED_LISTINGS))
def test_shared_listing_shows_nothing_private(client, world, path, user):
    url = SHARED_LISTINGS[path]
    response = get(client, world, user, url)
    if user == "anonymous" or response.status_code != 200:
        assert refused(response, url)
        return
    body = response.content.decode()
    shown = {
        model: [word for word in words if word in body]
        for model, words in SECRETS.items()
        if user not in PERMITTED[model] and user != "superuser"
    }
    assert not any(shown.values()), f"{user} sees {shown} in {url}"


def test_the_matrix_is_not_vacuous(client, world):
    """What moderators are granted shows the record, so that a refusal elsewhere is one."""
    client.force_login(world["users"]["contest_moderator"])
    for url in (
        "/admin/snippets/media/photoentry/",
        "/admin/snippets/choose/media/photoentry/",
        "/admin/localize/api/snippets/media/photoentry/",
    ):
        assert "Amina Quietly" in client.get(url).content.decode(), url
