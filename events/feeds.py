from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed


class UpcomingEventsFeed(Feed):
    """Atom feed of an events calendar's upcoming events, in that calendar's language."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def subtitle(self):
        return self.index_page.introduction

    def items(self):
        return self.index_page.upcoming_events()[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
