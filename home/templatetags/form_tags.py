"""What the public forms' shared template (includes/form_fields.html) asks for."""

from django import template
from wagtail.models import Page, Site

from home import fragments
from home.templatetags.wsis_tags import reader_version

register = template.Library()

# The site's privacy notice is the page with this slug under the default site's home, in the
# reader's language where translated (a form may name a notice of its own instead).
PRIVACY_NOTICE_SLUG = "privacy"


@register.simple_tag(takes_context=True)
def privacy_notice(context, own_notice=None):
    """The privacy notice a consent box refers to, in the reader's language: the form's own
    (a page or its id), else the site's; None when there is neither. Kept per site and language
    until the site's home (the notice is one of its pages, or a translation's home) or the
    form's own notice is purged (home.fragments): every form page and every refused submission
    shows it."""
    own_id = own_notice if isinstance(own_notice, int) else getattr(own_notice, "pk", None)
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return _privacy_notice(site, own_notice)
    return fragments.remembered(
        request,
        f"privacy-notice:{own_id or ''}",
        [site.root_page_id, *([own_id] if own_id else [])],
        lambda: _privacy_notice(site, own_notice),
    )


def _privacy_notice(site, own_notice):
    notice = own_notice
    if isinstance(notice, int):
        notice = Page.objects.filter(pk=notice).first()
    if notice is None:
        if site is None:
            return None
        notice = site.root_page.get_children().live().filter(slug=PRIVACY_NOTICE_SLUG).first()
        if notice is None:
            return None
    # Its live version for the reader: theirs, else the original (never a draft translation).
    return reader_version(notice)
