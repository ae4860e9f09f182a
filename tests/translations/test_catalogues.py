"""Our catalogues come first in Django's search for a translation (LOCALE_PATHS, then our apps),
so a msgid we share with Wagtail, wagtail-localize or Django replaces theirs everywhere, the
admin included: "Pages" became "Pagination" in the French admin menu. Our strings that could
collide carry a context ("site"); these tests keep it so."""

import json
from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ["ar", "es", "fr", "ru", "zh_Hans"]
UPSTREAM = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
UPSTREAM += [Path(django.__file__).parent / "conf", Path(django.__file__).parent / "contrib"]


def upstream_catalogue(language):
    entries = {}
    for package in UPSTREAM:
        for path in sorted(package.glob(f"**/locale/{language}/LC_MESSAGES/django.po")):
            for entry in polib.pofile(str(path)):
                if entry.msgstr:
                    entries.setdefault((entry.msgctxt, entry.msgid), (entry.msgstr, path))
    return entries


def our_catalogues(language):
    paths = sorted(ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))
    assert paths, f"no catalogue of ours for {language}"
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_string_of_ours_replaces_an_upstream_translation(language):
    upstream = upstream_catalogue(language)
    replaced = []
    for path in our_catalogues(language):
        for entry in polib.pofile(str(path)):
            theirs = upstream.get((entry.msgctxt, entry.msgid))
            if entry.msgstr and theirs and theirs[0] != entry.msgstr:
                where = theirs[1].relative_to(theirs[1].parents[4])
                replaced.append(f"{entry.msgid!r}: ours {entry.msgstr!r}, {where} {theirs[0]!r}")
    assert not replaced, "give these a context (pgettext):\n" + "\n".join(replaced)


def wagtail_label(language, msgid):
    path = (
        Path(wagtail.__file__).parent / "admin" / "locale" / language / "LC_MESSAGES" / "django.po"
    )
    return next(e.msgstr for e in polib.pofile(str(path)) if e.msgid == msgid and not e.msgctxt)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_menu_reads_as_wagtail_translates_it(language, admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language.replace("_", "-").lower()
    profile.save()
    html = admin_client.get("/admin/").content.decode()
    for msgid in ("Pages", "Reports", "Search"):
        label = wagtail_label(language, msgid)
        assert label in html or json.dumps(label)[1:-1] in html, (language, msgid, label)
