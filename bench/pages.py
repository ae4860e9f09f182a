"""Page-serving benchmark: every public page type of the demo site, served by gunicorn with
production settings, uncached (the page cache off: every request routed, queried, rendered) and
cached (the page cache on: anonymous visitors served from it), beside the static-file floor (a
CSS file served by WhiteNoise from the same workers) in the same run.

    make bench-pages                       # or: .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --duration 10 --connections 16 --redis redis://127.0.0.1:6379/11
    .venv/bin/python bench/pages.py --only home.homepage,eventpage   # some page types only

For each URL: the first request's time with the cache empty (cold), then `--duration` seconds of
load (wrk when it is installed, `apt-get install wrk`; else a Python load generator with as
many threads as connections), reporting requests/s, p50 and p99 latency, and the **worker CPU
time per request** (user + system time of gunicorn's workers, read from /proc before and after,
divided by the requests served): the figure that does not depend on what else the machine runs,
unlike requests/s. A Markdown table is printed at the end (README, "Page cache").

The database is `var/bench-pages.sqlite3` with the demo content, built on the first run
(`--rebuild` builds it again); static files are collected into `var/bench-static`. Not a test.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
DATABASE = ROOT / "var" / "bench-pages.sqlite3"
STATIC = ROOT / "var" / "bench-static"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# One live page per public page type (English first, then Arabic), as the tests enumerate them.
DISCOVER = """
import json
from wagtail.models import get_page_models
from home.models import BasePage
urls = {}
for model in sorted(get_page_models(), key=lambda m: m._meta.label):
    if not issubclass(model, BasePage) or model._meta.abstract:
        continue
    pages = model.objects.live().public()
    page = pages.filter(locale__language_code="en").first() or pages.first()
    if page is not None:
        urls[model._meta.label] = page.url
urls["home.HomePage (ar)"] = "/ar/"
print(json.dumps(urls))
"""


def environment(page_cache_seconds, redis_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.production",
        "SECRET_KEY": "bench-pages-" + "x" * 50,
        "EMAIL_URL": "console://",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "ADMIN_TWO_FACTOR_REQUIRED": "false",
        "STATIC_ROOT": str(STATIC),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env, *args, stdin=None):
    return subprocess.run(  # noqa: S603 - our own command
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(rebuild, redis_url):
    env = environment(0, redis_url)
    if rebuild and DATABASE.exists():
        DATABASE.unlink()
    built = DATABASE.exists()
    manage(env, "migrate", "--no-input")
    if not built:
        print("building the demo site in", DATABASE, "(a few minutes, once)", flush=True)
        manage(env, "load_demo_content")
    shutil.rmtree(STATIC, ignore_errors=True)
    manage(env, "collectstatic", "--no-input")
    return json.loads(manage(env, "shell", "-c", DISCOVER).strip().splitlines()[-1])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, env, workers):
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - our own command
            [
                GUNICORN,
                "wsis_site.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                answered = request(self.port, "/healthz")[0] in (200, 503)
                if answered and len(self.workers()) >= workers:
                    return
            time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def workers(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
        return pids

    def cpu_seconds(self):
        total = 0
        for pid in self.workers():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLOCK_TICKS

    def stop(self):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def request(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, dict(response.getheaders())


def python_load(port, path, duration, connections):
    """Keep-alive GETs from `connections` threads for `duration` seconds: (count, latencies)."""
    latencies, lock = [], threading.Lock()
    stop_at = time.monotonic() + duration

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
            connection.getresponse().read()
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    quantile = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return len(latencies), quantile[49] * 1000, quantile[98] * 1000


def _ms(text):
    found = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if found is None:
        return float("nan")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk_load(port, path, duration, connections):
    output = subprocess.run(  # noqa: S603 - wrk, found on PATH
        [
            shutil.which("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    count = int(re.search(r"(\d+) requests in", output).group(1))
    p50, p99 = (
        _ms(found.group(1)) if (found := re.search(rf"{q}%\s+(\S+)", output)) else float("nan")
        for q in (50, 99)
    )
    return count, p50, p99


def measure(server, path, duration, connections):
    load = wrk_load if shutil.which("wrk") else python_load
    for _ in range(10):  # warm: renditions made, the page cache filled
        request(server.port, path)
    cpu_before, started = server.cpu_seconds(), time.monotonic()
    count, p50, p99 = load(server.port, path, duration, connections)
    elapsed, cpu = time.monotonic() - started, server.cpu_seconds() - cpu_before
    return {
        "rps": count / elapsed,
        "p50": p50,
        "p99": p99,
        "cpu_ms": cpu * 1000 / max(count, 1),
        "requests": count,
    }


def run_mode(name, env, urls, static_path, args):
    print(f"-- {name}: gunicorn, {args.workers} workers, production settings", flush=True)
    server = Server(env, args.workers)
    results = {}
    try:
        if env["PAGE_CACHE_SECONDS"] != "0":
            manage(env, "shell", "-c", "from home import page_cache; page_cache.new_generation()")
        for label, path in [("static file (the floor)", static_path), *urls.items()]:
            started = time.perf_counter()
            status, _body, headers = request(server.port, path)
            cold_ms = (time.perf_counter() - started) * 1000
            result = measure(server, path, args.duration, args.connections)
            result.update(cold_ms=cold_ms, status=status, cache=headers.get("X-Page-Cache", ""))
            results[label] = result
            print(
                f"{label:32} {path:48} {status} cold {cold_ms:7.1f} ms  "
                f"{result['rps']:7.1f} req/s  p50 {result['p50']:6.1f} ms  "
                f"p99 {result['p99']:6.1f} ms  CPU {result['cpu_ms']:6.2f} ms/request",
                flush=True,
            )
    finally:
        server.stop()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache (else local memory)")
    parser.add_argument("--rebuild", action="store_true", help="build the demo database again")
    parser.add_argument(
        "--only", default="", help="comma-separated words: only the pages whose label has one"
    )
    args = parser.parse_args()

    urls = prepare(args.rebuild, args.redis)
    if args.only:
        words = [word.strip().lower() for word in args.only.split(",") if word.strip()]
        urls = {label: url for label, url in urls.items() if any(w in label.lower() for w in words)}
    status, body, _headers = request_once_for_static(args)
    static_path = re.search(rb'href="(/static/css/[^"]+\.css)"', body).group(1).decode()
    uncached = run_mode("uncached", environment(0, args.redis), urls, static_path, args)
    cached = run_mode("cached", environment(600, args.redis), urls, static_path, args)

    floor = statistics.mean(
        [uncached["static file (the floor)"]["cpu_ms"], cached["static file (the floor)"]["cpu_ms"]]
    )
    generator = "wrk" if shutil.which("wrk") else "Python threads"
    print(
        f"\n{args.connections} connections ({generator}), {args.duration} s per URL, "
        f"{args.workers} sync workers, cache: {'Redis' if args.redis else 'local memory'}\n"
    )
    print(
        "| page | URL | uncached CPU ms/req | uncached req/s | uncached p50 / p99 ms "
        "| cold first request ms | cached CPU ms/req | × floor | cached req/s "
        "| cached p50 / p99 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label in uncached:
        u, c = uncached[label], cached[label]
        path = static_path if label.startswith("static") else urls[label]
        print(
            f"| {label} | `{path}` | {u['cpu_ms']:.1f} | {u['rps']:.0f} | "
            f"{u['p50']:.1f} / {u['p99']:.1f} | {c['cold_ms']:.0f} | {c['cpu_ms']:.2f} | "
            f"{c['cpu_ms'] / floor:.1f} | {c['rps']:.0f} | {c['p50']:.1f} / {c['p99']:.1f} |"
        )


def request_once_for_static(args):
    """A page of the demo site, to read the hashed stylesheet's URL from it."""
    server = Server(environment(0, args.redis), 1)
    try:
        return request(server.port, "/en/")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
