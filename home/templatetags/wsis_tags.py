from django import template
from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Page

from home import fragments, localized, seo, timezones, view_restrictions
from home.languages import html_lang, language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return language_versions(request, context.get("page"))


@register.simple_tag
def current_html_lang():
    return html_lang(translation.get_language() or "en")


@register.filter
def absolute(url, request):
    """An absolute URL for hreflang alternates and canonical links."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


@register.simple_tag
def lang_attrs(page):
    """` lang="en" dir="ltr"` on the element showing a page that is not in the reader's
    language (a listing's fallback to the original), else nothing."""
    code = localized.other_language(page)
    if code is None:
        return ""
    return format_html_join("", ' {}="{}"', localized.lang_attributes(code).items())


@register.simple_tag
def in_language(page):
    """A visible "in English" (in the reader's language) after a page that is not in the
    reader's language, else nothing."""
    code = localized.other_language(page)
    if code is None:
        return ""
    return format_html(
        ' <span class="in-language" lang="{}" dir="{}">({})</span>',
        html_lang(translation.get_language() or "en"),
        "rtl" if translation.get_language_bidi() else "ltr",
        localized.in_language_label(code),
    )


@register.simple_tag
def link_lang_attrs(link):
    """On a link (a LinkBlock value) to a page not in the reader's language: `hreflang`, and
    `lang` when the words are the page's own title (no label written in the reader's
    language)."""
    page = link.get("page") if link else None
    code = localized.other_language(page)
    if code is None:
        return ""
    attributes = {"hreflang": html_lang(code)}
    if not link.get("label"):
        attributes.update(localized.lang_attributes(code))
    return format_html_join("", ' {}="{}"', attributes.items())


@register.simple_tag
def page_html_lang(page):
    """The BCP 47 tag of a page's language (of its translation for the reader, if any)."""
    return html_lang(localized.page_language(page))


@register.filter
def zone_label(at, zone_name):
    """`{{ event.starts_at|zone_label:event.time_zone }}`: "Geneva time (CEST, UTC+2)" in the
    reader's language."""
    return timezones.zone_label(zone_name, at or None)


@register.simple_tag(takes_context=True)
def home_page_sections(context):
    """What other apps add to the home page (the latest news…): each function registered for
    Wagtail's `home_page_sections` hook takes the request and the home page and returns HTML.
    Home imports none of them: they register themselves in their wagtail_hooks.py."""
    request = context.get("request")
    page = context.get("page")
    return mark_safe(  # noqa: S308 (each hook returns a rendered template)
        "".join(str(fn(request, page)) for fn in hooks.get_hooks("home_page_sections"))
    )


@register.simple_tag(takes_context=True)
def get_page_meta(context):
    """Canonical URL, description and Open Graph tags of the page being served (home.seo)."""
    request = context.get("request")
    if request is None:
        return seo.PageMeta()
    return seo.page_meta(request, context.get("page"))


@register.simple_tag(takes_context=True)
def site_json_ld(context):
    """schema.org Organization + WebSite (with its SearchAction), for the home pages."""
    from home.models import SiteSettings

    request = context["request"]
    data = seo.site_json_ld(request, SiteSettings.for_request(request), context.get("page"))
    # Safe in a <script>: seo.json_ld writes <, > and & as JSON escapes.
    return mark_safe(data)  # noqa: S308


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The main navigation, the link to the page being read marked as current."""
    page = context.get("page")
    html = fragments.render(context, "navigation")
    if not hasattr(page, "get_url"):  # a search results page has a paginator's page here
        return html
    return fragments.mark_current(html, page.get_url(context.get("request")))


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment "content" %}…{% endpage_fragment %}`: this part of the page being
    served, rendered once and kept until the page (or what its `fragment_page_ids()` names) is
    purged, per site, language and, where the page reads it, query string (home.fragments).
    Everything inside must depend on nothing else: not the visitor, not the time (except through
    `page_cache.changes_at`)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("page_fragment takes the section's name")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, parser.compile_filter(bits[1]))


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        html = fragments.page_fragment(
            context.get("request"),
            context.get("page"),
            self.name.resolve(context),
            lambda: str(self.nodelist.render(context)),
        )
        return mark_safe(html)  # noqa: S308 - our own templates' output


@register.simple_tag(takes_context=True)
def site_footer(context):
    return fragments.render(context, "footer")


@register.simple_tag
def reader_version(page):
    """`{% reader_version page as shown %}` (a page, or a page's id: `page.ceremony_id`, which
    saves fetching the page first): the live version of it a reader of the active language
    should follow (theirs, else the original: home.localized), or None. One query."""
    if isinstance(page, int):
        return localized.version_for_reader(page)
    if not isinstance(page, Page):
        return None
    versions = view_restrictions.public(
        Page.objects.filter(translation_key=page.translation_key).live()
    )
    return localized.for_reader(versions).first()


@register.simple_tag(takes_context=True)
def footer_contact(context):
    """The organisation and postal address of the footer in the reader's language: from the
    live home page of their language tree where filled in, else the site settings. No query on
    a home page (it is the page) nor once cached (HomePage.save drops the cache)."""
    from home.models import HomePage, SiteSettings

    request = context.get("request")
    code = localized.reader_language_code()
    page = context.get("page")
    # A home page is served under its own language's prefix: it is the reader's tree.
    if isinstance(page, HomePage) and page.live:
        words = (page.contact_organisation, page.contact_address)
    else:
        words = cache.get(HomePage.contact_cache_key(code))
        if words is None:
            home = (
                HomePage.objects.live()
                .filter(locale__language_code=code)
                .only("contact_organisation", "contact_address")
                .first()
            )
            words = (home.contact_organisation, home.contact_address) if home else ("", "")
            cache.set(HomePage.contact_cache_key(code), words, 3600)
    site_settings = SiteSettings.for_request(request)
    return {
        "organisation": words[0] or site_settings.organisation,
        "address": words[1] or site_settings.postal_address,
    }


@register.simple_tag
def hreflang_attr(page):
    """` hreflang="en"` on a link to a page that is not in the reader's language, else
    nothing (the link's words are the reader's: no `lang`)."""
    code = localized.other_language(page)
    return format_html(' hreflang="{}"', html_lang(code)) if code else ""
