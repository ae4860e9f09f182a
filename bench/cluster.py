"""Two app servers and one task worker on one PostgreSQL, Redis and object storage: a photo
uploaded through one server is moderated through the other, and both serve its rendition.

    .venv/bin/python bench/cluster.py \\
        [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--redis redis://127.0.0.1:6379/13]

It needs a PostgreSQL server that lets it create a database (trust auth, as on these machines)
and a Redis server; everything else it starts itself, and throws away at the end whatever
happens: a database on that server (dropped), the Redis database given (flushed before and
after), an S3 API (moto in server mode) with a public and a private bucket, two gunicorn servers
and one `db_worker`, all with production settings. Each process gets its own empty MEDIA_ROOT
and PRIVATE_MEDIA_ROOT, so that a file written to a local disk instead of the object storage
would not be found by the other server. This script plays the TLS-terminating proxy: plain HTTP
to gunicorn with X-Forwarded-Proto: https (see proxied.py).

Steps, each printed: migrate and collectstatic; a home page, an open photo contest and a
superuser; a JPEG sent through server A's entry form; the entry approved in server B's admin
(the "Photo entries" bulk approve action), waiting for the worker if approval runs as a task;
the contest page fetched from both servers, each showing the photo's rendition, and every
rendition URL answering 200 with a JPEG. Exits non-zero on the first failure, after printing
the end of each process's log.
"""

import argparse
import contextlib
import html
import io
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import boto3
import psycopg2
import redis
import requests
from PIL import Image, ImageDraw
from proxied import ProxiedClient, hidden_inputs

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PUBLIC_BUCKET = "wsis-cluster-media"
PRIVATE_BUCKET = "wsis-cluster-private"
ADMIN = ("cluster-admin", secrets.token_urlsafe(16))
TITLE = f"Solar classroom {secrets.token_hex(4)}"
CAPTION = "Tablets charged by the sun."
STARTED = time.monotonic()

# Run by `manage.py shell -c` with the cluster's settings: the least a contest needs.
SITE_SETUP = f"""
import datetime, json
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site
from home.models import HomePage
from media.models import PhotoContestPage

root = Page.get_first_root_node()
Page.objects.filter(depth=2, content_type__model="page").delete()  # Wagtail's welcome page
english = Locale.objects.get(language_code="en")
home = root.add_child(instance=HomePage(
    title="World Summit on the Information Society", slug="home", locale=english,
    hero_text="ICTs for sustainable development"))
Site.objects.update_or_create(is_default_site=True, defaults={{
    "hostname": "127.0.0.1", "port": 80, "root_page": home, "site_name": "WSIS"}})
today = datetime.date.today()
contest = home.add_child(instance=PhotoContestPage(
    title="WSIS Photo Contest", slug="photo-contest", locale=english,
    theme="ICTs for the Sustainable Development Goals",
    opens_on=today - datetime.timedelta(days=1), closes_on=today + datetime.timedelta(days=30)))
contest.save_revision().publish()
contest.refresh_from_db()
get_user_model().objects.create_superuser({ADMIN[0]!r}, "admin@example.org", {ADMIN[1]!r})
print("CLUSTER " + json.dumps({{"url": contest.url, "state": contest.state}}))
"""


class Failure(Exception):
    pass


def step(message):
    print(f"[{time.monotonic() - STARTED:5.1f}s] {message}", flush=True)


def expect(condition, message):
    if not condition:
        raise Failure(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, timeout, what):
    """Calls check() until it returns something true; that value, or Failure after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.25)


def draw_jpeg():
    """A real photo-sized JPEG (2000×1333), above the contest's 1,600 px on the long side."""
    image = Image.new("RGB", (2000, 1333), (0, 92, 153))
    draw = ImageDraw.Draw(image)
    for n in range(12):
        x, y = 150 * n + 60, 90 * n + 80
        draw.ellipse((x, y, x + 320, y + 320), fill=(240 - 15 * n, 180, 40 + 15 * n))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class Images(HTMLParser):
    """The <img> tags of a page whose alt text contains `alt`: their src and srcset URLs."""

    def __init__(self, alt):
        super().__init__()
        self.alt = alt
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "img" or self.alt not in (attrs.get("alt") or ""):
            return
        self.urls.append(attrs["src"])
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.urls.append(candidate.split()[0])


class Cluster:
    """Everything started, and its teardown: processes stopped, then the database dropped, the
    Redis database flushed, the temporary directory removed."""

    def __init__(self, postgres, redis_url):
        self.tmp = Path(tempfile.mkdtemp(prefix="wsis-cluster-"))
        self.postgres = postgres
        self.redis_url = redis_url
        self.database = f"wsis_cluster_{os.getpid()}_{secrets.token_hex(3)}"
        self.database_url = postgres.rsplit("/", 1)[0] + "/" + self.database
        self.secret_key = secrets.token_urlsafe(50)
        self.processes = []  # (name, Popen, log path)
        self.logs = []
        self.database_created = False
        self.redis_flushed = False
        self.s3_endpoint = None
        self.s3 = None
        self.db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for teardown in [self.stop_all, self.drop_database, self.flush_redis]:
            try:
                teardown()
            except Exception as error:  # noqa: BLE001 - the rest must still be cleaned up
                print(f"clean-up: {teardown.__name__} failed: {error}", file=sys.stderr)
        for log in self.logs:
            log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- shared services -------------------------------------------------------------------

    def create_database(self):
        admin = psycopg2.connect(self.postgres)
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{self.database}"')
        admin.close()
        self.database_created = True
        step(f"database {self.database} created on {urlsplit(self.postgres).netloc}")

    def drop_database(self):
        if self.db is not None:
            self.db.close()
        if not self.database_created:
            return
        admin = psycopg2.connect(self.postgres)
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        admin.close()
        step(f"database {self.database} dropped")

    def prepare_redis(self):
        """The Redis database given, flushed; where no Redis answers, one of our own."""
        try:
            redis.Redis.from_url(self.redis_url, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            if not shutil.which("redis-server"):
                raise Failure(f"no Redis at {self.redis_url}: {error}") from error
            port = free_port()
            command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port)]
            self.start("redis", [*command, "--save", "", "--appendonly", "no"])
            self.redis_url = f"redis://127.0.0.1:{port}/0"
            wait_for(lambda: self.redis_answers(), 10, "our own Redis server")
            step(f"no Redis answered; started one at {self.redis_url}")
            return
        self.redis_flushed = True
        self.flush_redis()
        step(f"Redis {self.redis_url} flushed")

    def redis_answers(self):
        with contextlib.suppress(redis.RedisError):
            return redis.Redis.from_url(self.redis_url, socket_connect_timeout=1).ping()

    def flush_redis(self):
        if self.redis_flushed:  # a database of a Redis server we did not start
            client = redis.Redis.from_url(self.redis_url, socket_connect_timeout=2)
            client.flushdb()
            client.close()

    def start_object_storage(self):
        port = free_port()
        self.start("s3", [PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)])
        self.s3_endpoint = f"http://127.0.0.1:{port}"
        wait_for(lambda: self.answers(self.s3_endpoint), 30, "the S3 API")
        self.s3 = boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            region_name="us-east-1",
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster",  # noqa: S106 - moto's, local
        )
        self.s3.create_bucket(Bucket=PUBLIC_BUCKET)
        self.s3.create_bucket(Bucket=PRIVATE_BUCKET)
        # Anyone may read the public bucket; the private one keeps S3's default: nobody.
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": [f"arn:aws:s3:::{PUBLIC_BUCKET}/*"],
                }
            ],
        }
        self.s3.put_bucket_policy(Bucket=PUBLIC_BUCKET, Policy=json.dumps(policy))
        step(f"S3 API (moto) on {self.s3_endpoint}: buckets {PUBLIC_BUCKET}, {PRIVATE_BUCKET}")

    @staticmethod
    def answers(url):
        try:
            # The first request loads the application: give it time.
            return requests.get(url, timeout=20, headers={"X-Forwarded-Proto": "https"})
        except (requests.ConnectionError, requests.Timeout):
            return None

    # --- the site's processes --------------------------------------------------------------

    def environment(self, name):
        """Production settings; local uploads directories of this process's own."""
        own = self.tmp / name
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wsis_site.settings.production",
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": "127.0.0.1",
            "EMAIL_URL": "console://",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            # This script is the proxy: it says HTTPS, from 127.0.0.1.
            "SECURE_SSL_REDIRECT": "false",
            "TRUSTED_PROXIES": "127.0.0.1/32",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(own / "media"),
            "PRIVATE_MEDIA_ROOT": str(own / "private"),
            "AWS_STORAGE_BUCKET_NAME": PUBLIC_BUCKET,
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": PRIVATE_BUCKET,
            "S3_ENDPOINT_URL": self.s3_endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "cluster",
            "AWS_SECRET_ACCESS_KEY": "cluster",
            "PYTHONUNBUFFERED": "1",
        }

    def start(self, name, command, env=None):
        log_path = self.tmp / f"{name}.log"
        log = open(log_path, "wb")  # noqa: SIM115 - the process writes to it until stopped
        self.logs.append(log)
        # Its own process group, so that stopping it stops gunicorn's worker too.
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append((name, process, log_path))
        return process

    def stop_all(self):
        """Asks every process still running to stop, all at once; kills any still running
        ten seconds later."""
        running = [process for _name, process, _log in self.processes if process.poll() is None]
        for process in running:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in running:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        step(f"{len(running)} processes stopped")

    def manage(self, *arguments, name="release"):
        """A management command in the background: (name, Popen, log path)."""
        process = self.start(name, [PYTHON, "manage.py", *arguments], env=self.environment(name))
        return name, process, self.tmp / f"{name}.log"

    def finish(self, started, timeout=180):
        name, process, log_path = started
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired as error:
            raise Failure(f"{name} took more than {timeout} s") from error
        output = log_path.read_text(errors="replace")
        if process.returncode:
            raise Failure(f"{name} exited with {process.returncode}:\n{output[-3000:]}")
        return output

    def release(self):
        """What a release does before the servers start: migrate, and (at image build time)
        collectstatic; both at once here."""
        migrate = self.manage("migrate", "--no-input", name="migrate")
        static = self.manage("collectstatic", "--no-input", "-v0", name="collectstatic")
        self.finish(static)
        self.finish(migrate)
        step("migrated and static files collected")
        output = self.finish(self.manage("shell", "-c", SITE_SETUP, name="site"))
        line = next((line for line in output.splitlines() if line.startswith("CLUSTER ")), None)
        expect(line, f"the site setup printed no result:\n{output[-3000:]}")
        site = json.loads(line.removeprefix("CLUSTER "))
        expect(site["state"] == "open", f"the contest is {site['state']}, not open")
        step(f"site built: home page, open contest at {site['url']}, superuser {ADMIN[0]}")
        return site["url"]

    def start_server(self, name):
        port = free_port()
        command = [
            GUNICORN,
            "wsis_site.wsgi",
            "--no-control-socket",
            "-w",
            "1",
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "-",
        ]
        process = self.start(name, command, env=self.environment(name))
        return f"http://127.0.0.1:{port}", process

    def wait_healthy(self, name, url, process):
        def check():
            expect(process.poll() is None, f"{name} exited with {process.returncode}")
            return self.answers(url + "/healthz")

        response = wait_for(check, 60, f"{name} to answer /healthz")
        try:
            report = response.json()
            summary = report["status"] + "".join(
                f", {check} {result['status']}"
                for check, result in report.get("checks", {}).items()
                if result.get("status") != "ok"
            )
        except ValueError:
            summary = response.text[:100]
        step(f"{name} on {url}: /healthz answered {response.status_code} ({summary})")

    def query(self, sql, *params):
        if self.db is None:
            self.db = psycopg2.connect(self.database_url)
            self.db.autocommit = True
        with self.db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def bucket(self, name):
        listing = self.s3.list_objects_v2(Bucket=name)
        return [item["Key"] for item in listing.get("Contents", [])]

    def local_files(self, *names):
        """Files the given processes wrote to their own disk (there should be none)."""
        return [
            str(path.relative_to(self.tmp))
            for name in names
            for path in (self.tmp / name).rglob("*")
            if path.is_file()
        ]

    def dump_logs(self):
        for name, _process, log_path in self.processes:
            text = log_path.read_text(errors="replace") if log_path.exists() else ""
            tail = "\n".join(text.splitlines()[-40:])
            print(f"\n----- {name} ({log_path.name}), last lines -----\n{tail}", file=sys.stderr)


def upload(server, contest_url, photo):
    client = ProxiedClient(server)
    enter = contest_url + "enter/"
    form = client.get(enter)
    expect(form.status_code == 200, f"GET {enter} answered {form.status_code}")
    fields = hidden_inputs(form.text)
    expect("csrfmiddlewaretoken" in fields, "the entry form has no CSRF token")
    time.sleep(3.2)  # the spam guard refuses a form sent back faster than a person could
    data = {
        **fields,
        "title": TITLE,
        "caption": CAPTION,
        "taken_where": "Dakar",
        "photographer": "Amina Diallo",
        "email": "amina@example.org",
        "country": "SN",
        "licence": "cc-by-4.0",
        "people_consented": "on",
        "website_url": "",
    }
    response = client.post(enter, data=data, files={"original": ("classroom.jpg", photo)})
    expect(
        response.status_code == 200 and "Thank you" in response.text,
        f"POST {enter} answered {response.status_code}, not the thank-you page",
    )


def approve(server, entry_id):
    client = ProxiedClient(server)
    login = client.get("/admin/login/")
    expect(login.status_code == 200, f"GET /admin/login/ answered {login.status_code}")
    credentials = {"username": ADMIN[0], "password": ADMIN[1]}
    response = client.post("/admin/login/", data={**hidden_inputs(login.text), **credentials})
    expect(response.status_code == 302, f"the admin login answered {response.status_code}")
    confirm_url = f"/admin/bulk/media/photoentry/approve/?next=/admin/&id={entry_id}"
    confirm = client.get(confirm_url)
    expect(
        confirm.status_code == 200 and TITLE in confirm.text,
        f"the bulk approval page answered {confirm.status_code} without the entry",
    )
    action = confirm.text.split('<form action="', 1)[1].split('"', 1)[0]
    response = client.post(html.unescape(action), data=hidden_inputs(confirm.text))
    expect(
        response.status_code in (200, 302),
        f"the bulk approval answered {response.status_code}",
    )


def check_rendition(url):
    response = requests.get(url, timeout=30)
    expect(response.status_code == 200, f"{url} answered {response.status_code}")
    expect(
        response.headers.get("Content-Type", "").startswith("image/"),
        f"{url} is {response.headers.get('Content-Type')}, not an image",
    )
    with Image.open(io.BytesIO(response.content)) as image:
        image.verify()
        return f"{image.format} {image.size[0]}×{image.size[1]}"


def gallery_images(server, contest_url):
    """The rendition URLs the contest page shows for the photo, once it shows them."""
    page = ProxiedClient(server).get(contest_url)
    expect(page.status_code == 200, f"GET {contest_url} on {server} answered {page.status_code}")
    parser = Images(TITLE)
    parser.feed(page.text)
    return list(dict.fromkeys(urljoin(server, url) for url in parser.urls))


def run(cluster):
    cluster.prepare_redis()
    cluster.create_database()
    cluster.start_object_storage()
    contest_url = cluster.release()

    worker = cluster.start(
        "worker",
        [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--no-startup-delay"],
        env=cluster.environment("worker"),
    )
    server_a, process_a = cluster.start_server("server-a")
    server_b, process_b = cluster.start_server("server-b")
    cluster.wait_healthy("server A", server_a, process_a)
    cluster.wait_healthy("server B", server_b, process_b)
    expect(worker.poll() is None, f"the worker exited with {worker.returncode}")
    step("worker (db_worker) running")

    upload(server_a, contest_url, draw_jpeg())
    rows = cluster.query("SELECT id, status FROM media_photoentry WHERE title = %s", TITLE)
    expect(len(rows) == 1, f"{len(rows)} entries stored, not 1")
    entry_id, status = rows[0]
    step(f"server A: photo entry {entry_id} stored ({status}) from the contest's entry form")

    approve(server_b, entry_id)
    decided = time.monotonic()
    step("server B: approved in the admin (Photo entries › bulk approve); the request returned")
    state = "SELECT status, public_image_id FROM media_photoentry WHERE id = %s"
    status, image_id = wait_for(
        lambda: next(
            (row for row in cluster.query(state, entry_id) if row[0] == "approved" and row[1]),
            None,
        ),
        90,
        "the entry to be approved with its public image (is the worker running?)",
    )
    step(
        f"entry {entry_id} is {status} with public image {image_id}, "
        f"{time.monotonic() - decided:.1f} s after the request returned (the worker's part)"
    )

    shown = {}
    for name, server in [("A", server_a), ("B", server_b)]:
        urls = wait_for(
            lambda server=server: gallery_images(server, contest_url),
            60,
            f"server {name}'s contest page to show the photo",
        )
        for url in urls:
            step(f"server {name} shows {url}: {check_rendition(url)}")
        shown[name] = {urlsplit(url).path for url in urls}
    expect(
        shown["A"] == shown["B"],
        f"the servers show different renditions: {shown['A']} and {shown['B']}",
    )
    step("both servers show the same renditions, read from the shared storage")

    originals = [key for key in cluster.bucket(PRIVATE_BUCKET) if key.startswith("contests/")]
    expect(len(originals) == 1, f"the private bucket holds {originals}, not one original")
    public = cluster.bucket(PUBLIC_BUCKET)
    step(f"the public bucket holds: {', '.join(public)}")
    leaked = [key for key in public if key.startswith("contests/")]
    expect(not leaked, f"contest originals in the public bucket: {leaked}")
    anonymous = requests.get(f"{cluster.s3_endpoint}/{PRIVATE_BUCKET}/{originals[0]}", timeout=10)
    expect(
        anonymous.status_code == 403,
        f"the private bucket answered {anonymous.status_code} to an anonymous reader, not 403",
    )
    step(
        f"the original is in the private bucket only, refused to anonymous readers: {originals[0]}"
    )
    written = cluster.local_files("server-a", "server-b", "worker")
    expect(not written, f"files were kept on an app server's or the worker's disk: {written}")
    step("no process kept an upload on its own disk")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server's URL, with a database to connect to while creating ours",
    )
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/13",
        help="a Redis database to use, flushed before and after (else a Redis server of our own)",
    )
    args = parser.parse_args()
    # A stop from outside (CI's timeout, ^C) still runs the clean-up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with Cluster(args.postgres, args.redis) as cluster:
        try:
            run(cluster)
        except (Failure, requests.RequestException, psycopg2.Error) as error:
            cluster.dump_logs()
            print(f"\nFAILED: {error}", file=sys.stderr)
            return 1
        except BaseException:
            cluster.dump_logs()
            raise
    step("passed: two app servers and one worker share PostgreSQL, Redis and object storage")
    return 0


if __name__ == "__main__":
    sys.exit(main())
