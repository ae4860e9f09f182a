from home.feeds import PageFeed


class UpcomingEventsFeed(PageFeed):
    """Atom feed of an events calendar's upcoming events, in that calendar's language: each
    entry says when (in the venue's time zone) and where the event takes place."""

    description_template = "events/feed_entry.html"

    def items(self):
        return self.page.upcoming_events()[:50]
