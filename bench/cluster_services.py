"""The processes of bench/cluster.py: a throwaway PostgreSQL database, a Redis database, an S3
API (moto in server mode), the release (migrate and the least site a contest needs), two
gunicorn servers and one task worker, all with production settings; and the small helpers the
scenario uses. Not a test: a script's machinery."""

import contextlib
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
from urllib.parse import urlsplit

import boto3
import psycopg2
import redis
import requests
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PUBLIC_BUCKET = "wsis-cluster-media"
PRIVATE_BUCKET = "wsis-cluster-private"
ADMIN = ("cluster-admin", secrets.token_urlsafe(16))
# The superuser's authenticator: production settings ask administrators for a TOTP code.
ADMIN_TOTP_KEY = secrets.token_hex(20)
TITLE = f"Solar classroom {secrets.token_hex(4)}"
CAPTION = "Tablets charged by the sun."
STARTED = time.monotonic()

# Run by `manage.py shell -c` with the cluster's settings: the least a contest needs.
SITE_SETUP = f"""
import datetime, json
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
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
admin = get_user_model().objects.create_superuser(
    {ADMIN[0]!r}, "admin@example.org", {ADMIN[1]!r})
TOTPDevice.objects.create(user=admin, name="cluster", key={ADMIN_TOTP_KEY!r}, confirmed=True)
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
