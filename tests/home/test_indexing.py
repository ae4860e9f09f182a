"""Batches of saves indexed once at their end (home.indexing), as the demo load uses them."""

import pytest
from django.db.models.signals import post_save
from modelsearch import index
from wagtail.models import Page, ReferenceIndex

from home.indexing import indexed_once_each, indexing_paused
from home.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def updates(monkeypatch):
    """The objects each index was brought up to date for, in order."""
    done = {"search": [], "references": []}
    search = index.insert_or_update_object
    references = ReferenceIndex.create_or_update_for_object.__func__

    def searched(instance):
        done["search"].append(instance.pk)
        return search(instance)

    def referenced(cls, instance, **kwargs):
        done["references"].append(instance.pk)
        return references(cls, instance, **kwargs)

    monkeypatch.setattr(index, "insert_or_update_object", searched)
    monkeypatch.setattr(ReferenceIndex, "create_or_update_for_object", classmethod(referenced))
    return done


def found(words):
    return [page.title for page in Page.objects.live().search(words)]


def test_a_page_saved_three_times_is_indexed_once_for_its_last_state(
    english_home, committed, updates
):
    with committed(), indexed_once_each():
        page = StandardPageFactory(parent=english_home, title="Draft heading")
        for title in ("Second heading", "Geneva hackathon"):
            page.title = title
            page.save()
        assert updates == {"search": [], "references": []}  # nothing during the block

    assert updates == {"search": [page.pk], "references": [page.pk]}
    assert found("hackathon") == ["Geneva hackathon"]
    assert found("draft") == []


def test_nothing_is_enqueued_when_the_block_fails(english_home, committed, updates):
    with pytest.raises(RuntimeError), committed(), indexed_once_each():
        StandardPageFactory(parent=english_home, title="Abandoned heading")
        raise RuntimeError("the load stopped")

    assert updates == {"search": [], "references": []}


def test_a_pause_inside_another_keeps_it_paused_and_both_end_as_they_began(
    english_home, committed, updates
):
    receivers = len(post_save.receivers)
    with committed():
        with indexing_paused():
            with indexing_paused(StandardPage) as inner:
                pass
            assert inner == {handler: set() for handler in inner}  # nothing left to pause
            StandardPageFactory(parent=english_home, title="Saved between the two ends")
        assert updates == {"search": [], "references": []}
        assert len(post_save.receivers) == receivers

        StandardPageFactory(parent=english_home, title="Saved after both")
    assert len(updates["search"]) == 1 and len(updates["references"]) == 1
