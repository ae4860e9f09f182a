"""The demo site's variants and the xdist scopes that keep each one's classes in one worker."""

import json

import pytest
from django.db import connection

from tests import conftest
from tests.demo_site import (
    CLASSES,
    _copy_into_postgresql,
    load_demo_site,
    scope_of,
    template_built_anywhere,
)


def test_the_classes_of_a_variant_share_one_scope():
    for variant, classes in CLASSES.items():
        assert {scope_of(f"{name}::test_something") for name in classes} == {f"demo-site-{variant}"}
    assert scope_of("tests/demo/test_demo_site.py::test_a_function") is None
    # A class whose name begins like a listed one's is another class.
    assert scope_of("tests/demo/test_demo_site.py::DemoSiteTestMore::test_it") is None


def test_a_class_not_listed_is_refused_before_anything_is_built():
    class UnlistedDemoTest:
        pass

    with pytest.raises(AssertionError, match="add it to CLASSES"):
        load_demo_site(UnlistedDemoTest)


def test_scopes_are_handed_out_longest_first_and_new_ones_before_all(tmp_path, monkeypatch):
    durations = tmp_path / "test-durations.json"
    durations.write_text(json.dumps({"tests/a.py": 2.0, "tests/b.py": 30.0, "demo-site-plain": 9}))
    monkeypatch.setattr(conftest, "DURATIONS", durations)
    # xdist's own order: most tests first.
    queue = {name: {} for name in ("tests/a.py", "tests/new.py", "demo-site-plain", "tests/b.py")}

    ordered = list(conftest.longest_first(queue))

    assert ordered == ["tests/new.py", "tests/b.py", "demo-site-plain", "tests/a.py"]
    durations.write_text("{cut short")  # a run stopped while writing: xdist's order
    assert list(conftest.longest_first(queue)) == list(queue)


# PostgreSQL's sequences are not rolled back with a class's transaction. The copy used to set
# each one to the template's largest id: below the ids of rows a transactional test's restore
# had committed after an earlier copy set it higher. Inserts then reached those ids, and
# PostgreSQL's ON CONFLICT DO NOTHING, which Django's many-to-many add() uses, dropped them in
# silence: a task without its group, a reviewer without theirs (two CI runs failed so).
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="sequences outside transactions need PostgreSQL"
)
@pytest.mark.django_db
def test_copying_the_demo_never_moves_an_id_sequence_back():
    from django.contrib.auth.models import Group

    through = Group.permissions.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [through])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT setval(%s, 1000000)", [sequence])
        _copy_into_postgresql(template_built_anywhere() / "db.sqlite3")
        cursor.execute("SELECT nextval(%s)", [sequence])
        assert cursor.fetchone()[0] > 1000000
