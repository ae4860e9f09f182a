import contextlib
import gc
import inspect
import json
import math
import os
import shutil
import socket
from collections import OrderedDict
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.test import Client, TestCase, TransactionTestCase
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory


def pytest_configure(config):
    # pytest-xdist registers this marker only when it is loaded (not with `-p no:xdist`).
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one xdist worker")
    # The cyclic garbage collector, as a long-running test process needs it: what Django,
    # Wagtail and the project have loaded by now stays for the whole run, so it is frozen out
    # of every collection, and the youngest generation is collected after 100,000 allocations
    # instead of 700 (about 6% of the suite's time went to collections that found little).
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)


@pytest.fixture(autouse=True, scope="session")
def _remove_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: xdist may be off (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    """xdist's `loadscope` (a module's tests, or a class's, to one worker), with the classes
    reading one variant of the demo site as one scope: a worker builds it once (PostgreSQL
    builds it in the worker's process, a minute of CPU), never both workers. The scopes are
    handed out longest first, by what each took in the last run (`DURATIONS`): a long module
    handed out last kept one worker busy for 15 s after the other had finished."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class DemoSiteScopes(LoadScopeScheduling):
        ordered = False

        def _split_scope(self, nodeid):
            return xdist_scope(nodeid)

        def _assign_work_unit(self, node):
            if not self.ordered:  # the first call: the queue is complete
                self.ordered = True
                self.workqueue = longest_first(self.workqueue)
            super()._assign_work_unit(node)

    return DemoSiteScopes(config, log)


# The seconds each scope took in the last run that ran it (kept with the --reuse-db database).
DURATIONS = Path(__file__).resolve().parent.parent / "var" / "test-durations.json"
_durations = {}


def xdist_scope(nodeid):
    """The scope a test is scheduled in: its demo-site variant's, else its class's or module's."""
    from tests.demo_site import scope_of

    return scope_of(nodeid) or nodeid.rsplit("::", 1)[0]


def past_durations():
    try:
        return json.loads(DURATIONS.read_text())
    except (OSError, ValueError):  # none yet, or cut short
        return {}


def longest_first(workqueue):
    """`workqueue` ({scope: tests}), the scopes that took longest in the last run first; a scope
    never timed (new) before them all, the rest in xdist's order (most tests first)."""
    past = past_durations()
    ordered = sorted(workqueue.items(), key=lambda item: -past.get(item[0], math.inf))
    return OrderedDict(ordered)


def pytest_runtest_logreport(report):
    # Recorded by the controller (or the only process), which receives every worker's reports.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    scope = xdist_scope(report.nodeid)
    _durations[scope] = _durations.get(scope, 0) + report.duration


def pytest_sessionfinish(session):
    if not _durations:
        return
    past = past_durations()
    past.update({scope: round(seconds, 2) for scope, seconds in _durations.items()})
    DURATIONS.parent.mkdir(exist_ok=True)
    written = DURATIONS.with_suffix(f".{os.getpid()}")
    written.write_text(json.dumps(past, indent=0, sort_keys=True))
    written.replace(DURATIONS)


def free_port():
    """A port on 127.0.0.1 that nothing listens on (just now): for a server a test starts, or
    for a peer that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    cls = getattr(item, "cls", None)
    return bool(cls and issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by flushing every table, the data migrations' rows included
    (locales, the root page, the root collection). Put them back, so that the tests after it and
    the next `--reuse-db` run find the database as migrations left it."""
    yield
    if not _is_transactional(item):
        return
    from django.db import DatabaseError, connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        connection = connections["default"]
        contents = getattr(connection, "_test_serialized_contents", None)
        try:
            flushed = contents and not Locale.objects.exists()
        except DatabaseError:  # the last test: the session has already dropped the database
            return
        if flushed:
            connection.creation.deserialize_db_from_string(contents)
            _without_the_welcome_page()


def _without_the_welcome_page():
    # Deleting a page is most of what making the English home page costs (about 0.1 s, the
    # cascade through every table that points at pages): most tests make it, so delete it once.
    Page.objects.filter(depth=2, content_type__model="page").delete()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database as migrations left it, less Wagtail's welcome page (and the site on
    it) where each test puts its own home page (`make_english_home`). On SQLite, the demo
    templates this run reads and nobody has built for this code begin building beside the
    tests (tests/demo_site.py); the session waits for them before it ends."""
    from django.db import connection

    from tests import demo_site

    builds = []
    with django_db_blocker.unblock():
        _without_the_welcome_page()
        if connection.vendor == "sqlite":
            nodeids = (item.nodeid for item in request.session.items)
            for shift_to_today in sorted(demo_site.variants_read_by(nodeids)):
                builds.append(demo_site.build_in_background(shift_to_today))
    yield
    for build in filter(None, builds):
        build.join()


@pytest.fixture(autouse=True, scope="session")
def _mail_through_the_outbox(django_test_environment):
    # Django's test environment replaces EMAIL_BACKEND with locmem; put the site's own back, so
    # that tests see what production does: record in the outbox, deliver (to mail.outbox) by a
    # task after the commit.
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"


def as_committed():
    """A block whose work counts as committed, as a publish's or a request's does: the tasks it
    enqueued (e-mails, search- and reference-index updates) run at its end, as a worker would
    run them once the transaction commits (tests/tasks_backend.py)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


class CommittingClient(Client):
    """A test client whose requests end as a server's do: the request's work committed, so the
    tasks enqueued on commit (e-mails, photo decisions) run, on the immediate backend."""

    def request(self, **request):
        with as_committed():
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def admin_client(db, admin_user):
    client = CommittingClient()
    client.force_login(admin_user)
    return client


@pytest.fixture
def committed():
    """`as_committed`, for a test that takes it as a fixture."""
    return as_committed


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request in another language leaves that language active in the thread.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths and renditions; each test starts from cold caches, and
    # with Redis believed up (a test with Redis down leaves it believed down for 5 s, for the
    # whole process: the next test on a real Redis found its cache empty).
    from django.core.cache import caches

    from wsis_site.cache import ResilientRedisCache

    ResilientRedisCache._down_until = ResilientRedisCache._logged_at = 0.0
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def fragments_on(settings):
    """Page fragments on (home.fragments), as in production: the test settings turn them off."""
    settings.PAGE_FRAGMENTS = True


@pytest.fixture(params=["fragments", "page cache"])
def kept_as(request, settings):
    """Uncached renders reusing fragments, or anonymous visitors served from the page cache."""
    if request.param == "page cache":
        settings.PAGE_CACHE_SECONDS = 600
    return request.param


@contextlib.contextmanager
def shared_data(django_db_blocker):
    """For a module- or class-scoped fixture: what it builds is visible to each test, which
    runs in a savepoint inside this transaction, and is rolled back after the last one. Build
    once what many tests only read (or change and have rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def refetched(value):
    """`value` (a model instance, or a dict or list of them) read again from the database: for
    a function-scoped fixture over a shared one, so that a test's changes to the objects do not
    reach the next test, as its changes to the rows do not."""
    if isinstance(value, dict):
        return {key: refetched(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(refetched(item) for item in value)
    return type(value).objects.get(pk=value.pk)


def read_again(shared, *names, **renamed):
    """Function-scoped fixtures over the module-scoped fixture named `shared` (a dict built in
    `shared_data`): each of `names`, and each `renamed` fixture (from the key given), returns
    that object `refetched` for each test. A module binds them to names, in order:
    `home, page = read_again("shared_site", "home", "page")`."""

    def read(name, key):
        def fixture(**fixtures):
            return refetched(fixtures[shared][key])

        # Takes `shared` by name, before `db`: the shared transaction is begun outside the
        # test's (asked for with request.getfixturevalue, it would be begun inside it).
        fixture.__signature__ = inspect.Signature(
            [inspect.Parameter(arg, inspect.Parameter.KEYWORD_ONLY) for arg in (shared, "db")]
        )
        return pytest.fixture(name=name)(fixture)

    pairs = [(name, name) for name in names] + list(renamed.items())
    return tuple(read(name, key) for name, key in pairs)


def session_for(user):
    """The key of a session signed in as `user`, made as `force_login` makes it: for a shared
    fixture (inside `shared_data`, so that the row outlives each test's rollback), where a
    matrix would otherwise write a session and the user's last login in every case."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def signed_in(client, session_key):
    """`client` with a session from `session_for`. What a request changes in the session is
    rolled back with the test, as the rest of its rows are."""
    # Still signed in (made inside the shared transaction, not rolled back with a test), or a
    # refusal would be a visitor's, not the user's.
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    assert store.get(SESSION_KEY), "the shared session is gone"
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client


def make_english_home(**fields):
    """The English home page as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    _without_the_welcome_page()  # where a test's transactional neighbour put it back
    home = HomePageFactory(parent=root, **fields)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "WSIS"},
    )
    return home


def translate(page, language_code, publish=True, **fields):
    """A translation of `page` (its parent must be translated already), published."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def english_home(db):
    return make_english_home()


def localize(obj, language_code, texts=None, publish=True, user=None):
    """Translates `obj` through wagtail-localize, as a translator would: every segment gets the
    text `texts` gives for it (a function of the source text), then the translation is saved,
    published or as a draft. Returns the Translation."""
    from wagtail_localize.models import StringTranslation, TranslationSource

    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    translation_record, _created = source.translations.get_or_create(target_locale=locale)
    texts = texts or (lambda text: f"{text} [{language_code}]")
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": texts(segment.string.data)},
        )
    # wagtail-localize publishes on commit, which a test's transaction never reaches.
    with as_committed():
        translation_record.save_target(user=user, publish=publish)
    return translation_record
