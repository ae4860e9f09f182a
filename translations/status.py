"""Every translatable page and snippet of the source language against each target language:
missing, in progress (percentage of segments translated), waiting for review, up to date, or
outdated. A fixed number of queries, however many pages: everything is fetched by set."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translations.language_rights import language_codes_for, translatable_snippet_models
from translations.tracking import SourceTextChange

MISSING, IN_PROGRESS, REVIEW, UP_TO_DATE, OUTDATED = (
    "missing",
    "in_progress",
    "review",
    "up_to_date",
    "outdated",
)
STATES = [
    (MISSING, _("Missing")),
    (IN_PROGRESS, pgettext_lazy("site", "In progress")),
    (REVIEW, _("Waiting for review")),
    (OUTDATED, _("Outdated")),
    (UP_TO_DATE, pgettext_lazy("site", "Up to date")),
]


@dataclass
class Cell:
    code: str
    state: str
    percent: int | None = None
    url: str | None = None
    since: datetime | None = None  # how long the cell has been in its state

    @property
    def label(self):
        return dict(STATES)[self.state]


@dataclass
class Row:
    title: str
    kind: str
    source_url: str
    depth: int = 0
    cells: dict = field(default_factory=dict)


@dataclass
class _Source:
    """One source object and what the queries found about its translations."""

    obj: object
    edit_url: str
    targets: dict = field(default_factory=dict)  # locale id -> target summary


def _snippet_edit_url(model, pk):
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(pk)])


class TranslationStatus:
    def __init__(self, user, languages):
        self.user = user
        self.source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.locales = list(
            Locale.objects.filter(language_code__in=languages).order_by("language_code")
        )
        order = {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}
        self.locales.sort(key=lambda locale: order.get(locale.language_code, 99))

    def rows(self):
        groups = [self._pages()] + [self._snippets(m) for m in translatable_snippet_models()]
        sources = [s for group in groups for s in group]
        translations = Translation.objects.filter(
            source__locale=self.source_locale, target_locale__in=self.locales, enabled=True
        ).values(
            "id",
            "source_id",
            "source__object_id",
            "target_locale_id",
            "source__last_updated_at",
            "created_at",
            "language_sync__synced_at",
        )
        by_key = {(t["source__object_id"], t["target_locale_id"]): t for t in translations}
        source_ids = {t["source_id"] for t in by_key.values()}
        totals = dict(
            StringSegment.objects.filter(source_id__in=source_ids)
            .values_list("source_id")
            .annotate(n=Count("id"))
        )
        done = {
            (row["translation_of__segments__source_id"], row["locale_id"]): row["n"]
            for row in StringTranslation.objects.filter(
                translation_of__segments__source_id__in=source_ids,
                translation_of__segments__context_id=F("context_id"),
                locale__in=self.locales,
                has_error=False,
            )
            .values("translation_of__segments__source_id", "locale_id")
            .annotate(n=Count("id"))
        }
        changed = dict(
            SourceTextChange.objects.filter(source_id__in=source_ids).values_list(
                "source_id", "changed_at"
            )
        )
        in_review = {
            (content_type, object_id): created_at
            for content_type, object_id, created_at in WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS
            ).values_list("base_content_type_id", "object_id", "created_at")
        }
        rows = []
        for source in sources:
            row = Row(
                title=str(source.obj),
                kind=source.obj.specific_class._meta.verbose_name
                if isinstance(source.obj, Page)
                else source.obj._meta.verbose_name,
                source_url=source.edit_url,
                depth=max(source.obj.depth - 2, 0) if isinstance(source.obj, Page) else 0,
            )
            for locale in self.locales:
                target = source.targets.get(locale.id)
                t = by_key.get((source.obj.translation_key, locale.id))
                row.cells[locale.language_code] = self._cell(
                    source, locale, target, t, totals, done, changed, in_review
                )
            rows.append(row)
        return rows

    def _cell(self, source, locale, target, t, totals, done, changed, in_review):
        code = locale.language_code
        if target is None:
            return Cell(code, MISSING, url=self._submit_url(source, code))
        edit_url = target["edit_url"] if code in self._codes("change") else None
        percent = None
        since = target["published_at"]
        if t is not None:
            total = totals.get(t["source_id"], 0)
            translated = done.get((t["source_id"], locale.id), 0)
            percent = 100 if total == 0 else min(100, translated * 100 // total)
            changed_at = changed.get(t["source_id"])
            # Each language's own catch-up: another language's Sync does not count for it.
            caught_up = t["language_sync__synced_at"] or t["created_at"]
            if changed_at and changed_at > caught_up:
                if changed_at > t["source__last_updated_at"] and edit_url:
                    # The source's new text is not in the translations yet: Sync first.
                    url = reverse("wagtail_localize:update_translations", args=[t["source_id"]])
                else:
                    url = edit_url
                return Cell(code, OUTDATED, percent, url, since=changed_at)
            since = max(filter(None, [since, caught_up]))
        if target["review_key"] in in_review:
            return Cell(code, REVIEW, percent, edit_url, since=in_review[target["review_key"]])
        if (percent is not None and percent < 100) or not target["live"] or target["draft"]:
            return Cell(code, IN_PROGRESS, percent, edit_url, since=since)
        return Cell(code, UP_TO_DATE, percent, edit_url, since=since)

    def _codes(self, action):
        return language_codes_for(self.user, action)

    def _submit_url(self, source, code):
        action = "add" if isinstance(source.obj, Page) else "change"
        if not (
            self.user.has_perm("wagtail_localize.submit_translation")
            and code in self._codes(action)
        ):
            return None
        if isinstance(source.obj, Page):
            url = reverse("wagtail_localize:submit_page_translation", args=[source.obj.id])
        else:
            meta = source.obj._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(source.obj.pk)],
            )
        return f"{url}?{urlencode({'select_locale': code, 'next': reverse('translation_status')})}"

    def _pages(self):
        source_pages = Page.objects.filter(locale=self.source_locale, depth__gt=1)
        pages = list(source_pages.order_by("path"))
        sources = {
            p.translation_key: _Source(p, reverse("wagtailadmin_pages:edit", args=[p.id]))
            for p in pages
        }
        page_type = ContentType.objects.get_for_model(Page).id
        targets = Page.objects.filter(
            translation_key__in=source_pages.values("translation_key"), locale__in=self.locales
        )
        for target in targets.values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "alias_of_id",
            "last_published_at",
        ):
            if target["alias_of_id"]:
                continue  # an alias shows the source text: not a translation yet
            sources[target["translation_key"]].targets[target["locale_id"]] = {
                "edit_url": reverse("wagtailadmin_pages:edit", args=[target["id"]]),
                "live": target["live"],
                "draft": target["has_unpublished_changes"],
                "review_key": (page_type, str(target["id"])),
                "published_at": target["last_published_at"],
            }
        return list(sources.values())

    def _snippets(self, model):
        objects = list(model.objects.filter(locale=self.source_locale))
        sources = {o.translation_key: _Source(o, _snippet_edit_url(model, o.pk)) for o in objects}
        content_type = ContentType.objects.get_for_model(model).id
        fields = ["pk", "translation_key", "locale_id"]
        if hasattr(model, "has_unpublished_changes"):
            fields += ["live", "has_unpublished_changes", "last_published_at"]
        keys = model.objects.filter(locale=self.source_locale).values("translation_key")
        for target in model.objects.filter(
            translation_key__in=keys, locale__in=self.locales
        ).values(*fields):
            sources[target["translation_key"]].targets[target["locale_id"]] = {
                "edit_url": _snippet_edit_url(model, target["pk"]),
                "live": target.get("live", True),
                "draft": target.get("has_unpublished_changes", False),
                "review_key": (content_type, str(target["pk"])),
                "published_at": target.get("last_published_at"),
            }
        return list(sources.values())
