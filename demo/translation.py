"""Translating the demo pages through wagtail-localize, from PO catalogues written by people.

`translations/<language>.po` holds, for every translatable string of the demo's English pages,
its translation (msgid: the English segment, as wagtail-localize extracts it). Each page is
translated the way a translator's work would be saved: a Translation per target locale, a
StringTranslation per segment, then `save_target` creates or updates the translated page.
"""

import json
from pathlib import Path

import polib
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.helpers import what_it_says

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
    """The instance's TranslationSource, with its current content. Returns (source, changed):
    whether its content changed since its translations were last made from it."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if created:
        return source, True
    # Extracting the segments again is most of a second run's time: only when the page did
    # change (a second run of the loader publishes no page whose content is the same).
    current = json.loads(_content_json(source.get_source_instance()))
    if what_it_says(json.loads(source.content_json)) == what_it_says(current):
        return source, False
    source.update_from_db()
    return source, True


def _content_json(instance):
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def source_strings(source):
    return list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )


def translate(instance, language_code, catalogue, source, source_changed, segments):
    """Creates or updates the translation of `instance` (from its `source`, whose `segments`
    are given) into `language_code`, published. Leaves it alone when neither the source nor
    the catalogue changed since it was made."""
    locale = Locale.objects.get(language_code=language_code)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing = [segment.string.data for segment in segments if segment.string.data not in catalogue]
    if missing:
        raise MissingDemoTranslation(
            f"{catalogue_path(language_code).name} lacks {len(missing)} string(s) of "
            f"{instance}: {missing[:3]}"
        )
    strings_changed = _store_strings(segments, locale, catalogue)
    if not (source_changed or strings_changed) and _target_is_current(source, locale):
        return translation
    # Publish here rather than through save_target's on_commit callback: when the whole load
    # runs in one transaction (tests), deferred publishes would save stale tree counts.
    translation.save_target(publish=False)
    target = source.get_translated_instance(locale)
    target.get_latest_revision().publish()
    return translation


def _store_strings(segments, locale, catalogue):
    """Stores the catalogue's translation of each segment; returns whether one changed."""
    stored = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            translation_of__in={segment.string_id for segment in segments}, locale=locale
        )
    }
    changed = False
    for segment in segments:
        wanted = catalogue[segment.string.data]
        row = stored.get((segment.string_id, segment.context_id))
        if row is not None and row.data == wanted and row.translation_type == "manual":
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": wanted, "translation_type": "manual"},
        )
        changed = True
    return changed


def _target_is_current(source, locale):
    """The translated instance exists, is live as saved, and was published after the source's
    content was last read."""
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return False
    published = getattr(target, "last_published_at", None)
    return (
        getattr(target, "live", True)
        and not getattr(target, "has_unpublished_changes", False)
        and published is not None
        and published >= source.last_updated_at
    )


def translate_all(instances, languages=None):
    # Each source and its segments read once, for every language.
    sources = [(instance, *source_for(instance)) for instance in instances]
    segments = {source.pk: source_strings(source) for _instance, source, _changed in sources}
    for language_code in languages or target_languages():
        catalogue = load_catalogue(language_code)
        for instance, source, changed in sources:
            translate(instance, language_code, catalogue, source, changed, segments[source.pk])


def write_catalogue_templates(instances):
    """Adds every source string not yet in a catalogue, untranslated, for translators to fill;
    existing translations are kept, strings no longer used are marked obsolete."""
    entries = []
    for instance in instances:
        for segment in source_strings(source_for(instance)[0]):
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
