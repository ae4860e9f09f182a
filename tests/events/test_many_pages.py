"""`tests.factories.many.add_pages`, which the 10/200-item query-count tests use: the pages it
makes are the pages `add_child` makes (a sound tree, the fields the models derive, served at
their addresses), so that what those tests count is what a real listing costs."""

import datetime

from wagtail.models import Page

from events.models import EventPage
from tests.factories import EventPageFactory
from tests.factories.many import add_pages


def test_added_pages_are_what_add_child_makes(client, calendar_index):
    first = EventPageFactory(parent=calendar_index, slug="made-one-by-one")
    added = add_pages(
        calendar_index,
        [
            EventPageFactory.build(
                slug=f"added-{i}",
                start_date=datetime.date(2017, 6, 12),
                end_date=datetime.date(2017, 6, 16),
            )
            for i in range(3)
        ],
    )
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths, child counts
    assert calendar_index.numchild == 4  # the caller's parent too, as add_child does
    calendar_index.save_revision().publish()  # so that saving it again keeps its children
    assert Page.objects.get(pk=calendar_index.pk).numchild == 4
    assert [page.slug for page in calendar_index.get_children()] == [
        "made-one-by-one",
        "added-0",
        "added-1",
        "added-2",
    ]
    for page in added:
        stored = EventPage.objects.get(pk=page.pk)
        assert stored.live and stored.locale_id == first.locale_id
        assert stored.url_path == f"{calendar_index.url_path}{page.slug}/"
        assert (stored.starts_at, stored.ends_at) == (first.starts_at, first.ends_at)
        assert client.get(stored.url).status_code == 200


def test_pages_added_under_a_parent_without_children(calendar_index):
    (page,) = add_pages(calendar_index, [EventPageFactory.build(slug="only")])
    assert page.get_parent().pk == calendar_index.pk
    assert Page.find_problems() == ([], [], [], [], [])
