"""Translating the demo pages through wagtail-localize, from PO catalogues written by people.

`translations/<language>.po` holds, for every translatable string of the demo's English pages,
its translation (msgid: the English segment, as wagtail-localize extracts it). Each page is
translated the way a translator's work would be saved: a Translation per target locale, a
StringTranslation per segment, then `save_target` creates or updates the translated page.
"""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"


class MissingDemoTranslation(Exception):
    pass


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue_path(language_code):
    return CATALOGUE_DIR / f"{language_code}.po"


def load_catalogue(language_code):
    path = catalogue_path(language_code)
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def source_for(instance):
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    return source


def source_strings(source):
    return list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )


def translate(instance, language_code, catalogue):
    """Creates or updates the translation of `instance` into `language_code`, published."""
    source = source_for(instance)
    locale = Locale.objects.get(language_code=language_code)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = source_strings(source)
    missing = [segment.string.data for segment in segments if segment.string.data not in catalogue]
    if missing:
        raise MissingDemoTranslation(
            f"{catalogue_path(language_code).name} lacks {len(missing)} string(s) of "
            f"{instance}: {missing[:3]}"
        )
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": catalogue[segment.string.data], "translation_type": "manual"},
        )
    # Publish here rather than through save_target's on_commit callback: when the whole load
    # runs in one transaction (tests), deferred publishes would save stale tree counts.
    translation.save_target(publish=False)
    target = source.get_translated_instance(locale)
    target.get_latest_revision().publish()
    return translation


def translate_all(instances, languages=None):
    for language_code in languages or target_languages():
        catalogue = load_catalogue(language_code)
        for instance in instances:
            translate(instance, language_code, catalogue)


def write_catalogue_templates(instances):
    """Adds every source string not yet in a catalogue, untranslated, for translators to fill;
    existing translations are kept, strings no longer used are marked obsolete."""
    entries = []
    for instance in instances:
        for segment in source_strings(source_for(instance)):
            where = f"{instance._meta.label} “{instance}”: {segment.context.path}"
            entries.append((segment.string.data, where))
    CATALOGUE_DIR.mkdir(exist_ok=True)
    for language_code in target_languages():
        path = catalogue_path(language_code)
        po = polib.pofile(str(path)) if path.exists() else polib.POFile()
        po.metadata = {
            "Project-Id-Version": "WSIS demo content",
            "PO-Revision-Date": po.metadata.get("PO-Revision-Date", "2026-11-23 00:00+0000"),
            "Last-Translator": "WSIS developers",
            "Language-Team": "WSIS developers",
            "Language": language_code,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
        known = {entry.msgid: entry for entry in po}
        wanted = set()
        for msgid, where in entries:
            wanted.add(msgid)
            entry = known.get(msgid)
            if entry is None:
                entry = polib.POEntry(msgid=msgid, msgstr="")
                po.append(entry)
                known[msgid] = entry
            entry.obsolete = False
            entry.comment = entry.comment or where
        for entry in po:
            if entry.msgid not in wanted:
                entry.obsolete = True
        po.save(str(path))
