"""The demo site, built once and copied into each test class that reads it.

`load_demo_content` takes about 70 s of CPU (295 translations through wagtail-localize, the
search index, the reference index, drawn images and PDFs) and four test classes need the
site. On SQLite it is built once, by a subprocess, into a template database next to the test
database (`var/demo-templates/<key>/`, the key a digest of the code that builds it, and of the
day for the variant shifted to today), and each class copies the template's rows into its own
transaction (ATTACH + INSERT … SELECT, a fraction of a second) and links its files into the
test's media directories. The template outlives the run like the `--reuse-db` database, and is
rebuilt when the code changes. A file lock per template lets one xdist worker build it while
the other waits.

On PostgreSQL each class copies the same SQLite template's rows in (COPY FROM, SQLite's
booleans made PostgreSQL's) and rebuilds the search index from them; the template is built
first where `make test` has not built it for this code. The classes of one variant run in one
xdist worker (`CLASSES`, read by the scheduler in tests/conftest.py): a template missing is
built once a run, not once in each worker."""

import datetime
import fcntl
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models.fields import AutoFieldMixin

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "var" / "demo-templates"
# What the demo is built from: every file of the project but the tests (this module apart),
# the virtualenv, the databases and files it writes, and the caches.
SKIPPED_DIRS = {
    ".git", ".venv", "var", "tests", "node_modules", "__pycache__", ".ci", "bench", "deploy",
    "wsis_site.egg-info",
}  # fmt: skip
NOT_BUILDING = {"Dockerfile", "compose.yaml", "Makefile", ".gitignore", ".dockerignore"}
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
# The test classes that read each variant, as pytest names them: xdist gives each variant's
# classes to one worker. `load_demo_site` refuses a class missing here.
CLASSES = {
    "plain": (
        "tests/demo/test_demo_site.py::DemoSiteTest",
        "tests/home/test_page_cache_page_types.py::EveryPageTypeTest",
    ),
    "shifted": (
        "tests/demo/test_demo_site.py::DemoShiftedToTodayTest",
        "tests/wsis_site/test_html_validity.py::HtmlValidityTest",
    ),
}


def scope_of(nodeid):
    """The xdist scope of a test reading the demo site: its variant's, else None."""
    for variant, classes in CLASSES.items():
        if any(nodeid.startswith(f"{name}::") for name in classes):
            return _scope(variant == "shifted")
    return None


def _check_listed(testcase_cls, shift_to_today):
    name = f"{testcase_cls.__module__.replace('.', '/')}.py::{testcase_cls.__name__}"
    variant = "shifted" if shift_to_today else "plain"
    if name not in CLASSES[variant]:
        raise AssertionError(f"{name} reads the {variant} demo site: add it to CLASSES")


def load_demo_site(testcase_cls, shift_to_today=False):
    """In a TestCase's setUpTestData: the demo site in the test database, as
    `load_demo_content` leaves it (its on-commit callbacks run)."""
    _check_listed(testcase_cls, shift_to_today)
    if connection.vendor == "sqlite":
        built = template(shift_to_today)
        _copy_rows(built / "db.sqlite3", "demo_shifted" if shift_to_today else "demo")
    elif connection.vendor == "postgresql":
        built = template_built_anywhere(shift_to_today)
        _copy_into_postgresql(built / "db.sqlite3")
    else:
        with testcase_cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content", shift_to_today=shift_to_today, verbosity=0)
        return
    _link_files(built / "media", Path(settings.MEDIA_ROOT))
    _link_files(built / "private", Path(settings.PRIVATE_MEDIA_ROOT))
    # Wagtail's site root paths, settings and renditions of the previous test's site.
    cache.clear()


def _key(shift_to_today):
    digest = hashlib.sha256()
    for directory, dirnames, filenames in os.walk(ROOT):
        # Hidden directories are tools' caches (.ruff_cache changes on every `ruff check`, which
        # made the next run build both templates again, about 150 s of CPU).
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            # Not what builds the site: compiled files, databases, documentation, deployment.
            if name.endswith((".pyc", ".mo", ".sqlite3", ".md")) or name in NOT_BUILDING:
                continue
            stat = (Path(directory) / name).stat()
            digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    digest.update(Path(__file__).read_bytes())
    if shift_to_today:
        digest.update(datetime.date.today().isoformat().encode())
    return ("shifted-" if shift_to_today else "plain-") + digest.hexdigest()[:16]


def built_template(shift_to_today=False):
    """The directory of the template for this code (its `db.sqlite3`, `media/`, `private/`),
    or None where it has not been built."""
    directory = TEMPLATES / _key(shift_to_today)
    return directory if (directory / "done").exists() else None


def template(shift_to_today=False, source=None):
    """The directory of the template for this code, built first where missing, from the
    migrated SQLite database `source` (by default the test database: call it with database
    access). Waits for a build another process or thread has begun (`build_in_background`)."""
    key = _key(shift_to_today)
    with _locked(key):
        if not (TEMPLATES / key / "done").exists():
            _snapshot(TEMPLATES / key, source or connection.settings_dict["NAME"])
            _build(key, shift_to_today)
    return TEMPLATES / key


def _locked(key, wait=True):
    """The template's lock file, locked (one lock per template: a worker building one variant
    does not hold up the other's); None where `wait` is false and another holds it."""
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    lock = open(TEMPLATES / f".{key}.lock", "w")  # noqa: SIM115 - the caller closes it
    try:
        fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    return lock


def variants_read_by(nodeids):
    """The variants (shifted to today or not) that the tests `nodeids` read."""
    scopes = {scope_of(nodeid) for nodeid in nodeids}
    return {shift for shift in (False, True) if _scope(shift) in scopes}


def _scope(shift_to_today):
    return f"demo-site-{'shifted' if shift_to_today else 'plain'}"


def build_in_background(shift_to_today):
    """Begins building the template for this code where it is missing and nobody is building
    it, from the test database as it is now (call it with database access, before the tests
    run); returns the thread that builds it, or None. The build's minute and a half of CPU then
    overlaps the tests, where it held up the first class reading the site, often the last to
    run, while the other worker had finished. `template` waits for it."""
    key = _key(shift_to_today)
    lock = _locked(key, wait=False)  # None: another worker is building it
    if lock is None:
        return None
    if (TEMPLATES / key / "done").exists():
        lock.close()
        return None
    _snapshot(TEMPLATES / key, connection.settings_dict["NAME"])

    def build():
        with lock:  # held until the build ends, failed or not; a failure is retried by `template`
            _build(key, shift_to_today)

    thread = threading.Thread(target=build, name=f"build {key}", daemon=True)
    thread.start()
    return thread


def _snapshot(template, source):
    """The migrated database `source`, committed state, as the template's database to build on
    (each test's changes are rolled back, transactional tests restore it): saves the build a
    migrate."""
    shutil.rmtree(template, ignore_errors=True)
    template.mkdir()
    migrated = sqlite3.connect(source)
    target = sqlite3.connect(template / "db.sqlite3")
    with target:
        migrated.backup(target)
    migrated.close()
    target.close()


def _build(key, shift_to_today):
    """The demo site loaded into the snapshot, in a subprocess; then the templates of older
    code removed."""
    template = TEMPLATES / key
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.test",
        "DATABASE_URL": f"sqlite:///{template / 'db.sqlite3'}",
        "DEMO_MEDIA_ROOT": str(template / "media"),
        "DEMO_PRIVATE_MEDIA_ROOT": str(template / "private"),
    }
    command = [sys.executable, "-m", "tests.demo_site"] + (["--shift-to-today"] * shift_to_today)
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    (template / "done").touch()
    for old in TEMPLATES.glob(key.split("-")[0] + "-*"):
        if old != template:
            shutil.rmtree(old, ignore_errors=True)
            Path(TEMPLATES / f".{old.name}.lock").unlink(missing_ok=True)


def _copy_rows(path, alias):
    # The names in the SQL below are our own schema's, read from the template (S608).
    with connection.cursor() as cursor:
        attached = {row[1] for row in cursor.execute("PRAGMA database_list").fetchall()}
        if alias not in attached:
            # ATTACH works inside a transaction (DETACH does not): it stays attached to this
            # connection, read-only in effect, for the next class that needs it.
            cursor.execute(f"ATTACH DATABASE ? AS {alias}", [str(path)])
        tables = cursor.execute(
            f"SELECT name, sql FROM {alias}.sqlite_master WHERE type = 'table'"  # noqa: S608
        ).fetchall()
        virtual = {name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")}
        for name, _sql in tables:
            if name.startswith("sqlite_") or name == "django_migrations":
                continue
            if any(name == v + suffix for v in virtual for suffix in FTS_SHADOW_SUFFIXES):
                continue  # FTS5 keeps these itself from the virtual table's rows
            columns = [row[1] for row in cursor.execute(f'PRAGMA {alias}.table_info("{name}")')]
            if name in virtual:
                columns = ["rowid", *columns]
            listed = ", ".join(f'"{column}"' for column in columns)
            # Foreign keys are deferred to the end of the transaction on SQLite: the order of
            # the tables does not matter.
            cursor.execute(f'DELETE FROM main."{name}"')  # noqa: S608
            cursor.execute(
                f'INSERT INTO main."{name}" ({listed}) SELECT {listed} FROM {alias}."{name}"'  # noqa: S608
            )


def template_built_anywhere(shift_to_today=False):
    """The template for this code, built first where missing from a SQLite database migrated
    for it in a temporary directory: for a process whose own database is not SQLite (the
    PostgreSQL run, the browser tests' server)."""
    built = built_template(shift_to_today)
    if built is not None:
        return built
    with tempfile.TemporaryDirectory() as scratch:
        migrated = Path(scratch) / "migrated.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wsis_site.settings.test",
            "DATABASE_URL": f"sqlite:///{migrated}",
        }
        command = [sys.executable, "manage.py", "migrate", "--no-input", "-v0"]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        return template(shift_to_today, source=migrated)


# Tables not copied to PostgreSQL: its search index keeps tsvectors where SQLite's keeps text
# (the index is rebuilt from the copied rows instead).
NOT_COPIED_TO_POSTGRESQL = {"django_migrations", "wagtailsearch_indexentry"}


def _copy_into_postgresql(path):
    """The rows of the SQLite template at `path` in place of this database's (DELETE, then COPY
    FROM; Django's foreign keys are deferred to the commit, so the order of the tables does not
    matter), the id sequences moved past the copied rows, the search index rebuilt: about 3 s a
    class, where building the site in PostgreSQL took three minutes of each run.
    `load_demo_content` still runs on PostgreSQL, over these rows (tests/demo/test_demo_site.py,
    running it again)."""
    from django.apps import apps

    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                if table not in NOT_COPIED_TO_POSTGRESQL:
                    _copy_table(source, cursor, table)
            for model in apps.get_models(include_auto_created=True):
                _sequence_past_rows(cursor, model)
    finally:
        source.close()
    call_command("update_index", verbosity=0)


def _sequence_past_rows(cursor, model):
    """The id sequence of `model`'s table past its largest id, and never back: a sequence is not
    rolled back with the class's transaction, and the rows a transactional test's restore
    commits are numbered from where an earlier copy left it, above this template's ids. Set back
    below them, inserts reached them, and the ON CONFLICT DO NOTHING of Django's many-to-many
    add() dropped those rows without a word."""
    if not isinstance(model._meta.pk, AutoFieldMixin):  # numbered by us, or by a parent table
        return
    table, column = model._meta.db_table, model._meta.pk.column
    # The names are our own schema's (S608).
    cursor.execute(
        "SELECT setval(seq, GREATEST("  # noqa: S608
        f'(SELECT MAX("{column}") FROM "{table}"), pg_sequence_last_value(seq), 1)) '
        "FROM (SELECT pg_get_serial_sequence(%s, %s)::regclass AS seq) AS serial",
        [f'"{table}"', column],
    )


def _copy_table(source, cursor, table):
    """The template's rows of `table` in place of this database's: the columns both have, in
    COPY's text format, SQLite's 0 and 1 written as PostgreSQL's booleans."""
    introspection = connection.introspection
    here = {
        column.name: introspection.get_field_type(column.type_code, column) == "BooleanField"
        for column in introspection.get_table_description(cursor, table)
    }
    # The names below are our own schema's, read from the two databases (S608).
    in_template = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
    columns = [name for name in in_template if name in here]
    cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608
    if not columns:
        return
    booleans = [here[name] for name in columns]
    listed = ", ".join(f'"{name}"' for name in columns)
    lines = []
    for row in source.execute(f'SELECT {listed} FROM "{table}"'):  # noqa: S608
        fields = []
        for value, boolean in zip(row, booleans, strict=True):
            if value is None:
                fields.append("\\N")
            elif boolean:
                fields.append("t" if value else "f")
            else:
                fields.append(_copy_text(value))
        lines.append("\t".join(fields))
    if lines:
        data = io.StringIO("\n".join(lines) + "\n")
        cursor.cursor.copy_expert(f'COPY "{table}" ({listed}) FROM STDIN', data)


def _copy_text(value):
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _link_files(source, target):
    if source.exists():
        # Hard links: a test that deletes a file removes its link, never the template's.
        shutil.copytree(source, target, copy_function=_link, dirs_exist_ok=True)


def _link(source, target):
    if os.path.lexists(target):
        os.unlink(target)  # a link of an earlier class, or a file a test left behind
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _main():
    """The subprocess: the demo site into DATABASE_URL, its files into the template."""
    import django

    django.setup()
    settings.MEDIA_ROOT = Path(os.environ["DEMO_MEDIA_ROOT"])
    settings.PRIVATE_MEDIA_ROOT = Path(os.environ["DEMO_PRIVATE_MEDIA_ROOT"])
    call_command("load_demo_content", shift_to_today="--shift-to-today" in sys.argv, verbosity=0)
    _render_every_page()


def _render_every_page():
    """Each live page once, in the first language (the others show the same images): the
    template keeps the image renditions the pages show, which each test reading them made again
    (their rows rolled back with it), about 12 s of the suite's CPU. Any error is the build's."""
    from django.test import Client
    from wagtail.models import Page

    client = Client(raise_request_exception=True)
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=settings.LANGUAGE_CODE)
    for page in pages:
        status = client.get(page.url).status_code
        if status != 200:
            raise RuntimeError(f"{page.url} answered {status} in the demo site")


if __name__ == "__main__":
    _main()
