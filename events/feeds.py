from home.feeds import PageFeed


class UpcomingEventsFeed(PageFeed):
    """Atom feed of an events calendar's upcoming events, in that calendar's language."""

    def items(self):
        return self.page.upcoming_events()[:50]

    def item_description(self, item):
        return item.summary
