"""Making hundreds of pages quickly, for the tests that count a listing's queries with 10 and
with 200 items: what the listing does not read is not kept up to date while they are made."""

from django.db import transaction
from django.db.models import F
from modelsearch.backends import get_search_backend
from wagtail.models import Page, Site

from home.indexing import indexing_paused


def index_now(model, objects):
    """The search index of `objects`, saved under `indexing_paused`, in one go."""
    get_search_backend().add_bulk(model, list(objects))


def add_pages(parent, pages):
    """Adds the unsaved `pages` (a factory's `build()`s) under `parent` as its last children,
    live, as `parent.add_child` would, at a fifth of its cost: the tree paths are worked out
    here once instead of a query and a row lock per page, and each page is saved without
    Wagtail's validation and audit-log entry (the slug is the factory's, unique). The models'
    own `save()` still runs, so fields they derive (an event's instants, a call's deadline) are
    right. Returns the pages, saved. (Where there are many children or many-to-many rows, the
    caller saves faster by bulk-creating them after the pages than by setting them on each.)"""
    if not pages:
        return pages
    with transaction.atomic(), indexing_paused(*{type(page) for page in pages}):
        stored = Page.objects.select_for_update().get(pk=parent.pk)
        last = stored.get_last_child()
        path = last._inc_path() if last else Page._get_path(stored.path, stored.depth + 1, 1)
        site_roots = set(Site.objects.values_list("root_page__translation_key", flat=True))
        for page in pages:
            page.path, page.depth, page.numchild = path, stored.depth + 1, 0
            page._cached_parent_obj = stored  # url_path without a query for the parent
            page.locale_id = stored.locale_id
            page.draft_title = page.draft_title or page.title
            page.live, page.has_unpublished_changes = True, False
            # Page.save asks whether the page is a site's root, a query per page: asked once.
            page._is_site_root = page.translation_key in site_roots
            page.save(clean=False, log_action=None)
            del page._is_site_root  # the caller may yet make it one
            path = page._inc_path()
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # As add_child does: the caller's parent may be saved again (a publish writes every field).
    parent.numchild = stored.numchild + len(pages)
    return pages
