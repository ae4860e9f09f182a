"""What to purge when content changes, in the page cache (home.page_cache) and at a CDN
(wagtail.contrib.frontend_cache, configured from the environment: README, "Page cache").

- A page published, unpublished, moved or deleted (a translation going live is a publication):
  the page, its translations (their language bars link to it), its ancestors and their
  translations (listings: a section's pages, the home page's latest news), its descendants
  (breadcrumbs, URLs after a move), and every page that references it or one of its
  translations, as Wagtail's reference index says.
- A snippet saved or deleted (partners, partner groups…), a translation of one included: the
  pages that reference it, directly or through another snippet.
- Anything the site's settings reference (navigation, footer), or the settings themselves:
  every page.
- Records that pages list without referencing them (photo entries, seat counts…) say which
  pages show them: `purge_pages()` from their own code.
- Pages shown whole on another page (an event shows its partnership programme's tiers and lists
  its pre-events) say which through Wagtail's `page_cache_pages_showing` hook: a function of
  the purged pages' ids that returns the ids of the pages showing them, purged with them.

Deadlines are not edits: a page never outlives the next instant at which it changes by itself
(`home.page_cache.changes_at`), and its CDN lifetime (`s-maxage`) is bounded the same way.

The purge runs when the transaction commits (a page rendered from the old rows meanwhile keeps
the old versions and is never served); the CDN's purge requests go through Wagtail's own
task, never inside the editor's request.
"""

import functools
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from home import page_cache

logger = logging.getLogger(__name__)
EVERYTHING = "everything"
PAGES_SHOWING_HOOK = "page_cache_pages_showing"


def pages_are_kept():
    """Whether anything keeps rendered pages: the page cache, its fragments, a CDN. Where
    nothing does (a development server, the test settings) working out what a change makes
    stale, a few queries a publication, is skipped. An entry kept before the cache was turned
    off lives no longer than PAGE_CACHE_SECONDS after it is turned on again."""
    return (
        page_cache.page_cache_seconds() > 0
        or bool(getattr(settings, "PAGE_FRAGMENTS", False))
        or bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))
    )


def when_pages_are_kept(receiver):
    """A signal receiver that works out what to purge: it does nothing where nothing keeps
    rendered pages (`pages_are_kept`)."""

    @functools.wraps(receiver)
    def receive(*args, **kwargs):
        if pages_are_kept():
            receiver(*args, **kwargs)

    return receive


def _page_content_type_id():
    return ContentType.objects.get_for_model(Page).pk


def _is_setting(model):
    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def referencing_page_ids(objects, depth=2):
    """Ids of the pages that reference any of `objects` (through a snippet that references
    them too, `depth` levels down), or EVERYTHING when a site setting does."""
    objects = [obj for obj in objects if obj is not None and obj.pk is not None]
    if not objects:
        return set()
    page_type = _page_content_type_id()
    rows = ReferenceIndex.get_references_to_in_bulk(objects).values_list(
        "base_content_type_id", "object_id"
    )
    page_ids, others = set(), {}
    for base_type, object_id in rows.distinct():
        if base_type == page_type:
            page_ids.add(int(object_id))
        else:
            others.setdefault(base_type, set()).add(object_id)
    snippets = []
    for base_type, object_ids in others.items():
        model = ContentType.objects.get_for_id(base_type).model_class()
        if model is None:
            continue
        if _is_setting(model):
            return EVERYTHING
        snippets.extend(model._default_manager.filter(pk__in=object_ids))
    if snippets and depth > 1:
        more = referencing_page_ids(snippets, depth - 1)
        if more == EVERYTHING:
            return EVERYTHING
        page_ids |= more
    return page_ids


def pages_showing(page, descendants=True):
    """Ids of the pages whose rendering shows something of `page` (EVERYTHING: all of them)."""
    translations = list(Page.objects.filter(translation_key=page.translation_key))
    ids = {p.pk for p in translations} | {page.pk}
    # Its ancestors and their translations: listings of children, and of descendants (the
    # home page's latest news, a section's pages).
    ancestors = list(page.get_ancestors().filter(depth__gt=1).values_list("pk", "translation_key"))
    ids |= {pk for pk, _key in ancestors}
    ids |= set(
        Page.objects.filter(translation_key__in=[key for _pk, key in ancestors]).values_list(
            "pk", flat=True
        )
    )
    if descendants:
        ids |= set(Page.objects.descendant_of(page).values_list("pk", flat=True))
    referencing = referencing_page_ids([page, *translations])
    if referencing == EVERYTHING:
        return EVERYTHING
    return ids | referencing


def purge_pages(page_ids, extra_urls=()):
    """After the commit: every entry of these pages is stale, here and at the CDN."""
    if not pages_are_kept():
        return
    if page_ids == EVERYTHING:
        transaction.on_commit(purge_everything)
        return
    page_ids = set(page_ids)
    if not page_ids and not extra_urls:
        return
    for pages_showing_them in hooks.get_hooks(PAGES_SHOWING_HOOK):
        page_ids |= set(pages_showing_them(frozenset(page_ids)))

    def purge():
        page_cache.new_versions(page_ids)
        batch = PurgeBatch()
        batch.add_pages(Page.objects.filter(pk__in=page_ids).live().specific(defer=True))
        batch.add_urls(list(extra_urls))
        batch.purge()

    transaction.on_commit(purge)


def purge_everything():
    page_cache.new_generation()
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    batch.purge()


# Pages -------------------------------------------------------------------------------------------


@when_pages_are_kept
def _page_changed(sender, instance, **kwargs):
    purge_pages(pages_showing(instance))


@when_pages_are_kept
def _page_about_to_move(sender, instance, **kwargs):
    # The URLs it leaves (its descendants' too), for the CDN: the old addresses now 404.
    pages = Page.objects.descendant_of(instance, inclusive=True).live().specific(defer=True)
    instance._purge_old_urls = [url for page in pages if (url := page.get_full_url()) is not None]


@when_pages_are_kept
def _page_moved(sender, instance, **kwargs):
    old_urls = getattr(instance, "_purge_old_urls", ())
    purge_pages(pages_showing(instance), extra_urls=old_urls)


def _page_deleted(sender, instance):
    if instance.depth and instance.depth > 1:
        url = instance.get_full_url() if instance.live else None
        purge_pages(pages_showing(instance, descendants=False), extra_urls=[url] if url else [])


# Snippets and settings ---------------------------------------------------------------------------


_watched_models = None


def _watched(model):
    """Snippets that pages may show (not private records: photo entries, the outbox…) and
    settings models. Known once every app's wagtail_hooks has registered its snippets."""
    global _watched_models
    if _watched_models is None:
        from django.apps import apps
        from wagtail.snippets.models import get_snippet_models

        from wsis_site.private_admin import is_private

        _watched_models = {
            snippet
            for snippet in get_snippet_models()
            if not issubclass(snippet, Page) and not is_private(snippet)
        } | {model for model in apps.get_models() if _is_setting(model)}
    return model in _watched_models


@when_pages_are_kept
def _content_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if kwargs.get("signal") is pre_delete:
            _page_deleted(sender, instance)
        return
    if kwargs.get("signal") is pre_delete or not _watched(sender):
        return
    if _is_setting(sender):
        # A settings row is created with its defaults when a page first reads it (what pages
        # showed already): only later saves change what they show.
        if not kwargs.get("created"):
            transaction.on_commit(purge_everything)
        return
    purge_pages(referencing_page_ids([instance]))


def index_settings_references():
    """Site settings (navigation, footer links) join Wagtail's reference index, so that a page
    they link to is known to be on every page. (Existing rows: `rebuild_references_index`.)"""
    from django.apps import apps

    for model in apps.get_models():
        if _is_setting(model):
            ReferenceIndex.register_model(model)


def connect():
    index_settings_references()
    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    pre_page_move.connect(_page_about_to_move, dispatch_uid="page_cache_pre_move")
    post_page_move.connect(_page_moved, dispatch_uid="page_cache_moved")
    for signal in (pre_delete, post_save, post_delete):
        signal.connect(_content_changed, dispatch_uid=f"page_cache_{id(signal)}")
