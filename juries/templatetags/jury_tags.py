from django import template

from juries.models import Criterion

register = template.Library()


@register.inclusion_tag("juries/criteria.html")
def scoring_criteria(page):
    """The contest's published criteria, in the page's language where translated."""
    return {"criteria": Criterion.published_for(page)}
