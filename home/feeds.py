"""Atom feeds (RFC 4287) of a page's items, for any app: the events calendar's upcoming events,
news… A feed is in its page's language, says who publishes it (`atom:author`, which RFC 4287
§4.1.1 requires), links to itself and to the page, and dates each entry.

A subclass gives `items()` and, where the entry needs more than the item's summary, a
`description_template` (rendered with `obj`, the item, in the feed's language)."""

from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed

from home.models import SiteSettings


class PageFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.settings = SiteSettings.for_request(request)
        with translation.override(self.page.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    # The feed ---------------------------------------------------------------------------------

    def title(self):
        return self.page.title

    def link(self):
        return self.page.get_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri(self.request.path)

    def subtitle(self):
        return getattr(self.page, "introduction", "") or self.page.listing_summary

    def author_name(self):
        return self.settings.organisation

    def author_email(self):
        return self.settings.contact_email or None

    def author_link(self):
        return self.request.build_absolute_uri("/")

    # Its entries ------------------------------------------------------------------------------

    def item_author_name(self, item):
        # Each entry names its author too: aggregators show entries out of their feed.
        return self.settings.organisation

    def item_author_email(self, item):
        return self.author_email()

    def item_author_link(self, item):
        return self.author_link()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # atom:updated is required: a page made in code (never through a revision) has no
        # publication dates, and is new now.
        return (
            item.last_published_at
            or item.first_published_at
            or item.latest_revision_created_at
            or timezone.now()
        )
