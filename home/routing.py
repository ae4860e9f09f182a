"""A request routed to its page in two queries, whatever the page's depth and language.

Wagtail routes one level at a time: the active locale, the home page's translation, then for
each level the child with that slug and its specific object, two queries a level (an event's
registration form, five levels down in Arabic: 11). Here one query fetches every page the
path can pass through (the tree's root, the site's home page and its translation in the
reader's language, and, under either home, the pages at each depth with that depth's slug),
the walk is done in Python, and a second query fetches the page served, as its own class. The
site itself comes from the shared cache (home.sites).

What Wagtail decides stays Wagtail's: a page type that routes by itself (RoutablePageMixin's
sub-routes, or any other `route()`) is handed the rest of the path as Wagtail would hand it,
and the page's `route()` still says whether it is served (`live`) and with which view.

The result is given to Wagtail through `request._wagtail_route_for_request`, where
`Page.route_for_request` keeps the route of a request (its docstring says so); the system check
`wsis.E004` (translations.overrides) fails if Wagtail's serve view stops reading it. The pages the
walk passed through are kept on the page served (`route_ancestors`): its breadcrumbs and its view
restrictions need no query of their own.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Left
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from home import languages, sites


def _language_code():
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _candidates(root, components, language_code):
    """The tree's root, the site's home page and all its translations (a home page's language
    bar links to them), and under the home page or its translation in `language_code` every
    page at depth n with the n-th slug of the path. One query."""
    homes = Page.objects.filter(translation_key=root.translation_key, depth=root.depth).filter(
        Q(pk=root.pk) | Q(locale__language_code=language_code)
    )
    wanted = Q(depth=1) | Q(translation_key=root.translation_key, depth=root.depth)
    levels = Q()
    for offset, slug in enumerate(components, start=1):
        levels |= Q(depth=root.depth + offset, slug=slug)
    if components:
        wanted |= levels & Q(home_path__in=homes.values("path"))
    rows = (
        Page.objects.annotate(home_path=Left("path", root.depth * Page.steplen))
        .filter(wanted)
        .select_related("locale")
        .order_by("path")
    )
    return list(rows)


def _reader_home(root, rows, language_code):
    """Wagtail's `site.root_page.localized`: the home page's live translation in the reader's
    language, else the site's home page."""
    for row in rows:
        if (
            row.depth == root.depth
            and row.translation_key == root.translation_key
            and row.locale.language_code == language_code
            and row.live
        ):
            return row
    return next((row for row in rows if row.pk == root.pk), None)


def _routes_by_itself(row, remaining):
    """True when the page type takes over the rest of the path: a sub-route of a
    RoutablePageMixin page that matches it, or a `route()` of the page type's own."""
    model = row.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not row.live:
            return False
        path = "/" + "".join(f"{component}/" for component in remaining)
        try:
            row.specific_deferred.resolve_subpage(path)
        except Http404:
            return False  # RoutablePageMixin then routes to its children, as Page does
    return True


def _specific(row, ancestors):
    """The page as its own class (one query), its locale and the pages above it known."""
    model = row.specific_class or Page
    page = model._default_manager.select_related("locale").get(pk=row.pk)
    if ancestors:
        page._cached_parent_obj = ancestors[-1]
    page.route_ancestors = ancestors
    return page


def route(request, path):
    """Wagtail's RouteResult for `path` on the request's site, None where Wagtail would find no
    site; raises Http404 where Wagtail would. When the site's home page is not at depth 2 (its
    translations' ancestors would differ), Wagtail routes as it does."""
    site = sites.site_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.depth != 2:
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    language_code = _language_code()
    rows = _candidates(root, components, language_code)
    page = _reader_home(root, rows, language_code)
    if page is None:
        raise Http404
    ancestors = [row for row in rows if row.depth == 1]
    children = {(row.path[: -Page.steplen], row.slug): row for row in rows if row.depth > 1}
    for index, slug in enumerate(components):
        if _routes_by_itself(page, components[index:]):
            return _specific(page, ancestors).route(request, components[index:])
        child = children.get((page.path, slug))
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        ancestors.append(page)
        page = child
    if page.depth == root.depth:  # a home page: its language versions are the homes fetched
        homes = [row for row in rows if row.depth == root.depth and (row.live or row.pk == page.pk)]
        languages.remember_versions_and_homes(request, page, homes)
    return _specific(page, ancestors).route(request, [])


class RoutingMiddleware:
    """Routes the requests that Wagtail's serve view is about to answer (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        return None
