"""Browser tests: the real site, served by `manage.py runserver` in a subprocess on a database
of its own with the demo content, driven by Playwright in Debian's Chromium.

The server runs in its own process (not pytest-django's live_server, which flushes the
database after each test) so the demo site is built once per run.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = Path(__file__).resolve().parent
ARTIFACTS = ROOT / "test-results"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ADMIN_PASSWORD = "browser-test-password"
# The environment of the server under test, for commands run against its database.
SERVER_ENV = {}
SITE = {}


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_DIR in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def run_on_site(code):
    """Runs Python code on the server's database, with its settings (to add users, read what
    the worker sent), in one process kept for the session (tests/browser/site_shell.py);
    returns what it printed."""
    shell = SITE.get("shell")
    if shell is None or shell.poll() is not None:
        shell = SITE["shell"] = subprocess.Popen(
            [sys.executable, "-m", "tests.browser.site_shell"],
            cwd=ROOT,
            env=SERVER_ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
    shell.stdin.write(json.dumps(code) + "\n")
    shell.stdin.flush()
    line = shell.stdout.readline()
    if not line:
        raise RuntimeError(f"the site shell stopped (exit code {shell.wait()})")
    answer = json.loads(line)
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer["printed"]


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _flush_cache(url):
    """Nothing from an earlier run's pages (the database is new)."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"Redis at {url} is not running (the browser tests share it with the site)")


@pytest.fixture(scope="session")
def site_url():
    """A fresh database with the demo content, served; yields the base URL. On SQLite the
    database is a copy of the unit suite's demo template (tests/demo_site.py: migrated, the demo
    loaded, its tasks run), built here if `make test` has not built it for this code: 15 s
    where migrating and loading took 5 minutes (the worker then indexed and drew for 2 more).

    `BROWSER_SITE_URL=http://127.0.0.1:8000` uses a site already running instead (`make run`),
    for the tests that only read pages (tests/browser/test_phones.py) while working on them."""
    if os.environ.get("BROWSER_SITE_URL"):
        yield os.environ["BROWSER_SITE_URL"].rstrip("/")
        return
    workdir = Path(tempfile.mkdtemp(prefix="wsis-browser-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.dev",
        "DEBUG": "true",
        "DATABASE_URL": os.environ.get("BROWSER_DATABASE_URL")
        or f"sqlite:///{workdir / 'browser.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        # One cache for the server, its worker and run_on_site, as in production: a change a
        # test makes through run_on_site purges the page cache the server reads.
        "REDIS_URL": os.environ.get("BROWSER_REDIS_URL", "redis://127.0.0.1:6379/14"),
    }
    SERVER_ENV.update(env)
    _flush_cache(env["REDIS_URL"])
    if os.environ.get("BROWSER_DATABASE_URL"):
        manage("migrate", "--no-input", "-v0", env=env)
        manage("load_demo_content", "-v0", env=env)
    else:
        _copy_demo_template(workdir)
    run_on_site(SETUP_SITE)
    port = free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # The task worker, as in production: e-mails, contest photos, search index updates.
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, server, workdir / "server.log")
    wait_for_the_worker(url)
    SITE["workdir"] = workdir
    yield url
    shell = SITE.pop("shell", None)
    for process in (server, worker, shell):
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
    log.close()
    shutil.rmtree(workdir, ignore_errors=True)


# The roles, the administrator (with the server's password hasher) and the site's address (the
# template's is the test settings').
SETUP_SITE = (
    "from django.core.management import call_command as c\n"
    "c('setup_roles', verbosity=0)\n"
    "c('ensure_admin', verbosity=0)\n"
    "c('set_site_address', host='127.0.0.1', port=80, verbosity=0)"
)


def _copy_demo_template(workdir):
    """The demo template's database and files into `workdir`, the template built first where
    it is missing."""
    from tests import demo_site

    template = demo_site.template_built_anywhere(shift_to_today=False)
    shutil.copyfile(template / "db.sqlite3", workdir / "browser.sqlite3")
    for name in ("media", "private"):
        if (template / name).exists():
            shutil.copytree(template / name, workdir / name)


def wait_for_the_worker(url, timeout=300):
    """Until the worker has done what loading the demo queued (search index, renditions)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:  # noqa: S310
            if json.load(response)["checks"]["tasks"]["backlog"] == 0:
                return
        time.sleep(0.5)
    raise RuntimeError("the task worker did not empty its queue in time")


def wait_until_healthy(url, server, log_path, headers=None):
    deadline = time.monotonic() + 60
    request = urllib.request.Request(f"{url}/healthz", headers=headers or {})  # noqa: S310
    while True:
        try:
            urllib.request.urlopen(request, timeout=2)  # noqa: S310 - our own server
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(Path(log_path).read_text()) from None
            time.sleep(0.3)


@pytest.fixture(scope="session")
def production_url(site_url):
    """The same database and uploads, served as production serves them: gunicorn, production
    settings, DEBUG off, static files collected and served by WhiteNoise, uploads by the app."""
    workdir = SITE["workdir"]
    env = {
        **SERVER_ENV,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.production",
        "DEBUG": "false",
        "SECRET_KEY": "browser-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_URL": "console://",
        "STATIC_ROOT": str(workdir / "static"),
        # Plain HTTP on loopback: no proxy in front to end TLS.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    manage("collectstatic", "--no-input", "-v0", env=env)
    port = free_port()
    log_path = workdir / "production.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "wsis_site.wsgi",
            "--no-control-socket",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, server, log_path)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def axe_script():
    """axe-core from the npm registry, installed beside the tests (not part of the site)."""
    script = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BROWSER_DIR, check=True
        )
    return script


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(browser, request):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy
    # refuses; tests/browser/test_seo.py checks the policy in contexts that obey it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def serious_violations(page, axe_script, selector=None):
    """Serious and critical axe-core violations on the page, or within `selector` (for admin
    screens, where the rest is Wagtail's)."""
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate(
        "async (selector) => await axe.run(selector ? document.querySelector(selector) : document)",
        selector,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
