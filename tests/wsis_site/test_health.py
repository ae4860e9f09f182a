"""/healthz says 503 only when the site cannot serve: without its database."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again once the socket is


def test_without_its_database_the_site_reports_503_and_says_why():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.dev",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/wsis",
        "ALLOWED_HOSTS": "testserver",
    }
    env.pop("REDIS_URL", None)
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code); print(r.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    status, body = result.stdout.strip().splitlines()[-2:]
    report = json.loads(body)
    assert status == "503"
    assert report["status"] == "down"
    assert report["checks"]["database"]["status"] == "down"
    assert "OperationalError" in report["checks"]["database"]["detail"]
