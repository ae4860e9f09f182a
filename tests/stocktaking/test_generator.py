import pytest
from django.core.management import call_command
from wagtail.models import ReferenceIndex

from stocktaking.models import Entry, StocktakingPage

pytestmark = pytest.mark.django_db


def test_generator_is_seeded_labelled_and_safe_to_rerun(english_home):
    call_command("generate_stocktaking", count=60, seed=3, pages=True)
    first = list(
        Entry.objects.filter(is_sample=True).order_by("pk").values_list("title", flat=True)
    )
    call_command("generate_stocktaking", count=60, seed=3)
    again = list(
        Entry.objects.filter(is_sample=True).order_by("pk").values_list("title", flat=True)
    )
    assert first == again and len(first) == 60
    samples = Entry.objects.filter(is_sample=True)
    assert all(t.split(":")[0].split("：")[0] for t in first)
    assert samples.values("language").distinct().count() >= 4
    assert samples.values("stakeholder_type").distinct().count() == 6
    assert Entry.objects.filter(title="WSIS Hack for Health", is_sample=False).count() == 1
    assert Entry.objects.filter(title="WHO-ITU eHealth projects repository").count() == 1
    assert StocktakingPage.objects.count() == 1


def rerun_queries(count):
    """The queries of a run that replaces `count` samples of the last run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("generate_stocktaking", count=count, seed=3)
    with CaptureQueriesContext(connection) as queries:
        call_command("generate_stocktaking", count=count, seed=3)
    return [query["sql"] for query in queries]


def test_rerunning_clears_the_reference_index_in_bulk(english_home):
    # The samples of the last run are deleted in bulk, their reference-index rows with them,
    # not one by one through Wagtail's delete signal (two queries a row: the demo's rerun spent
    # seconds there).
    for count in (10, 40):
        index_queries = [sql for sql in rerun_queries(count) if "wagtailcore_referenceindex" in sql]
        assert len(index_queries) == 2, count
    sample_ids = [
        str(pk) for pk in Entry.objects.filter(is_sample=True).values_list("pk", flat=True)
    ]
    stale = ReferenceIndex.objects.filter(base_content_type__model="entry").exclude(
        object_id__in=[str(pk) for pk in Entry.objects.values_list("pk", flat=True)]
    )
    assert sample_ids and not stale.exists()
