"""The Wagtail Site a request is for, kept in the shared cache.

Wagtail looks the site up in the database on every request (`Site.find_for_request`: one query
for the host name and port, with the site's root page). The sites change when an administrator
edits one, or a site's root page moves or is saved: then the whole lookup is dropped, in every
process sharing the cache (Redis). Like the site settings, the lookup is kept in the shared
cache in tests too, so tests count the queries production makes.

Only a host that Django accepted (ALLOWED_HOSTS: routing runs after CommonMiddleware) reaches
this, and the lookup keeps at most MAX_HOSTS of them.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

SITES_KEY = "wsis:sites-by-host"
SITES_SECONDS = 3600
MAX_HOSTS = 50


def site_for_request(request):
    """Wagtail's `Site.find_for_request(request)`, from the shared cache when it is there."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    known = cache.get(SITES_KEY) or {}
    if host in known:
        request._wagtail_site = known[host]
        return known[host]
    site = Site.find_for_request(request)
    if len(known) < MAX_HOSTS:
        cache.set(SITES_KEY, {**known, host: site}, SITES_SECONDS)
    return site


def forget_sites(**kwargs):
    cache.delete(SITES_KEY)


def _page_saved_or_deleted(sender, instance, **kwargs):
    """A page saved or deleted: the lookup holds the sites' root pages (their identity, title…)."""
    if not isinstance(instance, Page):
        return
    known = cache.get(SITES_KEY)
    if known and any(
        site is not None and site.root_page_id == instance.pk for site in known.values()
    ):
        forget_sites()


def connect():
    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"sites_by_host_{id(signal)}")
        signal.connect(_page_saved_or_deleted, dispatch_uid=f"sites_root_page_{id(signal)}")
    # A move changes the paths of the page moved and of everything under it: a site's root may
    # be among them.
    post_page_move.connect(forget_sites, dispatch_uid="sites_by_host_moved")
