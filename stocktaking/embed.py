"""The embeddable database: pages made to live in an <iframe> on a registered partner's site.
Each answers only for an active EmbeddingSite (its key is in the address) and tells browsers
that only that site's origin may frame it (Content-Security-Policy: frame-ancestors); what its
visitors submit is attributed to it."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from stocktaking.extensions import submission_extensions
from stocktaking.models import EmbeddingSite, search
from stocktaking.models.embedding import origin_of
from stocktaking.models.forms import EntryForm
from stocktaking.pages import database_page


def _framable(response, site):
    # The site's policy (wsis_site.csp), with the partner's origin as the only frame ancestor.
    response._csp_replace = {"frame-ancestors": [site.origin]}
    response.xframe_options_exempt = True
    return response


def _refused(request):
    response = TemplateResponse(
        request,
        "stocktaking/embed/refused.html",
        {"message": _("This website is not registered to embed the WSIS Stocktaking database.")},
        status=403,
    )
    # The site's policy says frame-ancestors 'none' (wsis_site.csp).
    return response


def _site(request, key):
    """The registered site, or None: unknown or inactive key, or the page asked for from
    another origin than the site's or ours (the key copied onto someone else's page)."""
    site = EmbeddingSite.objects.filter(key=key, is_active=True).first()
    if site is None:
        return None
    referer = origin_of(request.headers.get("Referer", ""))
    own = origin_of(request.build_absolute_uri("/"))
    if referer and referer not in (site.origin, own):
        return None
    return site


def _context(request, site, **extra):
    show_form = request.GET.get("form", "1") != "0"
    keep = [("form", "0")] if not show_form else []
    base = f"/{get_language()}/stocktaking/embed/{site.key}/"
    return {
        "site": site,
        "show_form": show_form,
        "keep_fields": keep,
        "embed_base": base,
        "keep_query": urlencode(keep),
        **extra,
    }


def listing(request, key):
    site = _site(request, key)
    if site is None:
        return _refused(request)
    results = search.search(request.GET)
    query = urlencode(
        results.criteria.as_query() + [("form", "0")] * (request.GET.get("form") == "0")
    )
    context = _context(request, site, results=results, query_prefix=query)
    return _framable(TemplateResponse(request, "stocktaking/embed/listing.html", context), site)


def entry(request, key, entry_id):
    site = _site(request, key)
    if site is None:
        return _refused(request)
    found = get_object_or_404(search.with_listing_data(search.published()), pk=entry_id)
    context = _context(request, site, entry=found)
    return _framable(TemplateResponse(request, "stocktaking/embed/entry.html", context), site)


@csrf_exempt
def submit(request, key):
    """The submission form inside the partner's page. Exempt from CSRF: browsers do not send
    our (SameSite) CSRF cookie to a frame on another site, and an anonymous submission carries
    no one's authority to forge; the form's one-time token, signed start time, honeypot and
    rate limit (PublicFormMixin, public_forms.ratelimit) guard it as on our own pages."""
    site = _site(request, key)
    if site is None:
        return _refused(request)
    page = database_page(get_language())
    if page is None:
        raise Http404
    if request.GET.get("form") == "0":
        raise Http404

    def render(extra):
        context = _context(request, site, page=page, **extra)
        return TemplateResponse(request, "stocktaking/embed/submit.html", context)

    extensions = submission_extensions(page, request.POST if request.method == "POST" else None)
    if request.method != "POST":
        form = EntryForm(initial={"language": get_language()}, extensions=extensions)
        response = render({"form": form})
    else:
        form = EntryForm(request.POST, request.FILES, extensions=extensions)
        response = page.handle_submission(request, form, None, site=site, render=render)
    return _framable(response, site)
