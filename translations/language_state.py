"""Each target language's own place in its source's history. wagtail-localize keeps one
TranslationSource for all languages, so one translator's Sync brings the new text to everyone:
whether a language has caught up is recorded here, per translation. And when a sync replaces a
segment's text, the text it replaced is kept, so translators see what changed instead of an
empty segment (the editor's "What changed" panel)."""

import difflib
import re

from django.db import models
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from translations.tracking import SourceTextChange


class LanguageSync(models.Model):
    """When this language last took in its source's text: by its own translator's Sync, or by
    publishing its translation after the source was synced."""

    translation = models.OneToOneField(
        Translation, on_delete=models.CASCADE, related_name="language_sync"
    )
    synced_at = models.DateTimeField()

    class Meta:
        verbose_name = "language sync"

    def __str__(self):
        return f"{self.translation} synced {self.synced_at:%Y-%m-%d %H:%M}"


class SegmentChange(models.Model):
    """The text a sync replaced in one segment of a source."""

    source = models.ForeignKey(
        TranslationSource, on_delete=models.CASCADE, related_name="segment_changes"
    )
    context = models.ForeignKey(TranslationContext, on_delete=models.CASCADE, related_name="+")
    previous_string = models.ForeignKey(String, on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "segment change"
        constraints = [
            models.UniqueConstraint(fields=["source", "context"], name="one_change_per_segment")
        ]

    def __str__(self):
        return f"{self.context.path} of {self.source.object_repr}"


def mark_synced(translations):
    now = timezone.now()
    for translation in translations:
        LanguageSync.objects.update_or_create(translation=translation, defaults={"synced_at": now})


def segment_strings(source):
    return dict(source.stringsegment_set.values_list("context_id", "string_id"))


def record_segment_changes(source, before):
    """`before`: segment_strings(source) taken before the sync."""
    now = timezone.now()
    for context_id, string_id in segment_strings(source).items():
        previous = before.get(context_id)
        if previous is not None and previous != string_id:
            SegmentChange.objects.update_or_create(
                source=source,
                context_id=context_id,
                defaults={"previous_string_id": previous, "changed_at": now},
            )


def catch_up_on_publish(sender, instance, **kwargs):
    """Connected to page_published and published: a translation published from a source that
    has taken in its latest change carries that change (translated or not yet)."""
    if not hasattr(instance, "translation_key"):
        return
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return
    change = SourceTextChange.objects.filter(source=translation.source).first()
    if change is None or change.changed_at <= translation.source.last_updated_at:
        mark_synced([translation])


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old, new):
    """HTML of `new` against `old`, word by word: removed words in <del>, added in <ins>."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("replace", "insert"):
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def changes_to_translate(translation):
    """The segments whose text changed and that this language has not translated since: the
    previous source, a word diff to the new one, and this language's previous translation."""
    changes = list(
        SegmentChange.objects.filter(source=translation.source).select_related(
            "context", "previous_string"
        )
    )
    if not changes:
        return []
    current = {
        segment.context_id: segment.string
        for segment in translation.source.stringsegment_set.filter(
            context_id__in=[c.context_id for c in changes]
        ).select_related("string")
    }
    locale = translation.target_locale_id
    wanted = [(c.context_id, current[c.context_id].id) for c in changes if c.context_id in current]
    wanted += [(c.context_id, c.previous_string_id) for c in changes]
    texts = {
        (t.context_id, t.translation_of_id): t.data
        for t in StringTranslation.objects.filter(
            locale_id=locale,
            context_id__in={c for c, _s in wanted},
            translation_of_id__in={s for _c, s in wanted},
        )
    }
    rows = []
    for change in changes:
        new = current.get(change.context_id)
        if new is None or (change.context_id, new.id) in texts:
            continue  # the segment is gone, or this language has translated its new text
        rows.append(
            {
                "path": change.context.path,
                "previous_source": change.previous_string.data,
                "new_source": new.data,
                "diff": word_diff(change.previous_string.data, new.data),
                "previous_translation": texts.get((change.context_id, change.previous_string_id)),
            }
        )
    return rows
