import functools
import io

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from home import localized
from home.search_text import highlight

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Searches the live pages of the reader's language only."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        # Pages of every language, each once: the reader's translation, else the original.
        shown = localized.for_reader(Page.objects.live().public()).values("pk")
        results = Page.objects.live().public().filter(pk__in=shown).specific().search(query)
    # get_page: the first page for a bad number, the last for one past the end.
    page_of_results = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    localized.attach_languages(page_of_results)
    mark_found_words(page_of_results, query)
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": page_of_results,
            "query_string": urlencode({"q": query}),
        },
    )


def mark_found_words(results, query):
    """Each result's title and summary with the words the query found marked (<mark>), compared
    in the result's own language."""
    if not query:
        return
    for result in results:
        language = result.shown_language or "en"  # set by localized.attach_languages
        summary = result.search_description or getattr(result, "listing_summary", "")
        result.marked_title = highlight(result.title, query, language)
        result.marked_summary = highlight(summary, query, language) if summary else ""


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    """A 404 in the visitor's language, with the site's header and footer."""
    return render(request, "404.html", status=404)


def server_error(request):
    """A 500 that needs neither the database nor context processors, which may be what failed.

    LocaleMiddleware has already activated the visitor's language."""
    return HttpResponseServerError(loader.get_template("500.html").render())


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page says: the
    site's emblem (static/img/wsis-emblem.svg) drawn as a 16, 32 and 48 px icon."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")


@functools.cache
def _favicon_bytes():
    from PIL import Image, ImageDraw

    size = 192  # drawn large, scaled down by Pillow for each icon size
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    scale = size / 64
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=12 * scale, fill="#004a87")
    width = round(3 * scale)
    draw.ellipse((10 * scale, 10 * scale, 54 * scale, 54 * scale), outline="white", width=width)
    draw.ellipse((23 * scale, 10 * scale, 41 * scale, 54 * scale), outline="white", width=width)
    for y, x0, x1 in ((32, 10, 54), (21, 14, 50), (43, 14, 50)):
        draw.line((x0 * scale, y * scale, x1 * scale, y * scale), fill="white", width=width)
    draw.ellipse((42 * scale, 10 * scale, 54 * scale, 22 * scale), fill="#c8102e")
    buffer = io.BytesIO()
    image.save(buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return buffer.getvalue()
