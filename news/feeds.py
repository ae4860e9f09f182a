from home.feeds import PageFeed

FEED_LENGTH = 50


class NewsFeed(PageFeed):
    """Atom feed of the news in the index page's language (stories not yet translated into it
    in English, as the listing shows them), newest first."""

    def items(self):
        return self.page.feed_items()[:FEED_LENGTH]

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # Atom requires an entry's `updated`, never before its publication.
        return max(item.last_published_at or item.published_at, item.published_at)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
