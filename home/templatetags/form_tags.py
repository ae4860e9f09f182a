"""What the public forms' shared template (includes/form_fields.html) asks for."""

from django import template
from wagtail.models import Site

from home.templatetags.wsis_tags import reader_version

register = template.Library()

# The site's privacy notice is the page with this slug under the default site's home, in the
# reader's language where translated (a form may name a notice of its own instead).
PRIVACY_NOTICE_SLUG = "privacy"


@register.simple_tag(takes_context=True)
def privacy_notice(context, own_notice=None):
    """The privacy notice a consent box refers to, in the reader's language: the form's own,
    else the site's; None when there is neither."""
    notice = own_notice
    if notice is None:
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            return None
        notice = site.root_page.get_children().live().filter(slug=PRIVACY_NOTICE_SLUG).first()
        if notice is None:
            return None
    # Its live version for the reader: theirs, else the original (never a draft translation).
    return reader_version(notice)
