"""/healthz says 503 only when the site cannot serve: without its database.

The site's database is swapped, for one request, for a real PostgreSQL connection to a port where
nothing listens, as DATABASE_URL would configure it: each query the request makes meets a real
connection error. (In a process of its own, 4 s of set-up for one request; setting Django up
opens no connection, as the worker-kill test's zygote asserts, so a site whose database is
down still starts and answers this.)"""

import environ
import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.utils import load_backend

from tests.conftest import free_port


@pytest.mark.django_db
def test_without_its_database_the_site_reports_503_and_says_why(client):
    unreachable = {
        **connection.settings_dict,
        **environ.Env.db_url_config(f"postgres://postgres@127.0.0.1:{free_port()}/wsis"),
        "OPTIONS": {"connect_timeout": 5},
    }
    database = load_backend(unreachable["ENGINE"]).DatabaseWrapper(unreachable, DEFAULT_DB_ALIAS)
    site_database = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = database
    try:
        response = client.get("/healthz")
    finally:
        connections[DEFAULT_DB_ALIAS] = site_database
        database.close()
    report = response.json()
    assert response.status_code == 503
    assert report["status"] == "down"
    assert report["checks"]["database"]["status"] == "down"
    assert "OperationalError" in report["checks"]["database"]["detail"]
    assert "Connection refused" in report["checks"]["database"]["detail"]
