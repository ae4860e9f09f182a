"""Which translations the source has moved away from. When a translated source page or snippet
is published with different text, its translations become outdated until someone syncs them
(wagtail-localize's "Sync translated pages" updates the TranslationSource). Translators hear
about it in one digest e-mail per language (`python manage.py notify_translators`)."""

from django.db import models
from django.utils import timezone
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class SourceTextChange(models.Model):
    """The last time a published source's text differed from what its translations were made
    from. Outdated while `changed_at` is later than the source's `last_updated_at`."""

    source = models.OneToOneField(
        TranslationSource, on_delete=models.CASCADE, related_name="text_change"
    )
    changed_at = models.DateTimeField()
    # When translators were last told; a later change tells them again.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "source text change"

    def __str__(self):
        return f"{self.source.object_repr} changed {self.changed_at:%Y-%m-%d %H:%M}"


def _texts(segments):
    return {(s.path, s.string.data) for s in segments if isinstance(s, StringSegmentValue)}


def record_source_change(sender, instance, **kwargs):
    """Connected to page_published and published (snippets)."""
    if not hasattr(instance, "translation_key"):
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return  # never sent for translation: nothing to fall behind
    frozen = set(source.stringsegment_set.values_list("context__path", "string__data"))
    if _texts(extract_segments(instance)) == frozen:
        # Back to the text the translations were made from (a reverted edit): nothing to do.
        SourceTextChange.objects.filter(source=source).delete()
        return
    SourceTextChange.objects.update_or_create(
        source=source, defaults={"changed_at": timezone.now()}
    )


def pending_changes():
    return SourceTextChange.objects.filter(
        models.Q(notified_at__isnull=True) | models.Q(notified_at__lt=models.F("changed_at")),
        changed_at__gt=models.F("source__last_updated_at"),
    ).select_related("source")


def send_translator_digests():
    """One e-mail per language to its translators, listing every source that changed since they
    were last told and has a translation in their language. Returns {language: recipients}."""
    from django.conf import settings
    from django.core.mail import send_mass_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation
    from wagtail_localize.models import Translation

    from translations.language_rights import users_who_may

    changes = list(pending_changes())
    if not changes:
        return {}
    by_language = {}
    for source_id, code in Translation.objects.filter(
        source__in=[c.source for c in changes], enabled=True
    ).values_list("source_id", "target_locale__language_code"):
        by_language.setdefault(code, []).append(source_id)
    titles = {c.source_id: c.source.object_repr for c in changes}
    status_url = settings.WAGTAILADMIN_BASE_URL + reverse("translation_status")
    messages, sent = [], {}
    for code, source_ids in sorted(by_language.items()):
        recipients = list(
            users_who_may("change", code, include_superusers=False)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if not recipients:
            continue
        with translation.override(code):
            context = {
                "titles": sorted(titles[s] for s in source_ids),
                "url": f"{status_url}?language={code}&state=outdated",
            }
            subject = render_to_string("translations/emails/outdated_subject.txt", context).strip()
            body = render_to_string("translations/emails/outdated.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
        sent[code] = recipients
    send_mass_mail(messages)
    SourceTextChange.objects.filter(pk__in=[c.pk for c in changes]).update(
        notified_at=timezone.now()
    )
    return sent
