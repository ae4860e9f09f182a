from django import template
from django.utils import translation

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
