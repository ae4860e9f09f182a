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
superuser with an authenticator; a JPEG sent through server A's entry form; the entry approved
in server B's admin after the password and a TOTP code (the "Photo entries" bulk approve
action), waiting for the worker if approval runs as a task; the contest page fetched from both
servers, each showing the photo's rendition, and every rendition URL answering 200 with a JPEG.
Exits non-zero on the first failure, after printing the end of each process's log.
"""

import argparse
import html
import io
import signal
import sys
import time
from urllib.parse import urljoin, urlsplit

import psycopg2
import requests
from cluster_services import (
    ADMIN,
    ADMIN_TOTP_KEY,
    CAPTION,
    PRIVATE_BUCKET,
    PUBLIC_BUCKET,
    PYTHON,
    TITLE,
    Cluster,
    Failure,
    Images,
    draw_jpeg,
    expect,
    step,
    wait_for,
)
from django_otp.oath import totp
from PIL import Image
from proxied import ProxiedClient, hidden_inputs


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
    # The second factor: the code the superuser's authenticator app would show now.
    verify = client.get("/admin/two-factor/verify/")
    expect(verify.status_code == 200, f"the two-factor step answered {verify.status_code}")
    code = f"{totp(bytes.fromhex(ADMIN_TOTP_KEY)):06d}"
    response = client.post(
        "/admin/two-factor/verify/", data={**hidden_inputs(verify.text), "otp_token": code}
    )
    expect(response.status_code == 302, f"the two-factor code was refused ({response.status_code})")
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
