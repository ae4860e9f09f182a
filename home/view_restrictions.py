"""Wagtail's page view restrictions (private sections), read once per request.

Wagtail reads them again for every check: the page served (its own and its ancestors', two
queries) and every listing filtered with `.public()` (one query each, and a page such as an
event lists several things). The site has a handful of them at most; here they are read in
one query the first time a request needs them and kept on the request."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from home.current_request import current_request


def all_restrictions():
    request = current_request()
    if request is None:
        return list(PageViewRestriction.objects.select_related("page"))
    found = getattr(request, "_wsis_view_restrictions", None)
    if found is None:
        found = list(PageViewRestriction.objects.select_related("page"))
        request._wsis_view_restrictions = found
    return found


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q()`, from the restrictions already read."""
    q = Q()
    for restriction in all_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def public(queryset):
    """Wagtail's `queryset.public()`: without the pages of private sections."""
    return queryset.exclude(private_q(queryset))


def restrictions_of(page, ancestors):
    """Wagtail's `page.get_view_restrictions()` when `ancestors` are every page above `page`
    and none of them (nor `page`) is an alias (whose restrictions are its original's)."""
    ids = {page.pk, *(ancestor.pk for ancestor in ancestors)}
    return [restriction for restriction in all_restrictions() if restriction.page_id in ids]
