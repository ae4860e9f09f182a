"""Settings come from the environment only; production refuses to run half-configured."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "wsis_site.settings.production",
    "SECRET_KEY": "a-production-secret-" + "x" * 50,
    "ALLOWED_HOSTS": "www.wsis.example",
    "EMAIL_URL": "console://",
}


def run_django(code, setup=True, **environment):
    """Runs `code` in a fresh process with these environment variables. Without `setup`, only
    the settings module is imported (as `settings`): a tenth of the time of loading the apps."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "EMAIL_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "wsis_site.settings.dev"
    env.update(environment)
    if setup:
        script = "import django, json; django.setup(); from django.conf import settings; "
    else:
        script = (
            "import importlib, json, os; "
            "settings = importlib.import_module(os.environ['DJANGO_SETTINGS_MODULE']); "
        )
    script += code
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_values(*expressions, setup=False, **environment):
    """The expressions' values, all read in one process with this environment."""
    code = f"print(json.dumps([{', '.join(expressions)}], default=str))"
    result = run_django(code, setup=setup, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def settings_value(expression, setup=False, **environment):
    return settings_values(expression, setup=setup, **environment)[0]


def test_defaults_are_sqlite_in_var_local_memory_cache_and_console_email():
    database, cache, email, delivery, media = settings_values(
        "settings.DATABASES['default']['NAME']",
        "settings.CACHES['default']['BACKEND']",
        "settings.EMAIL_BACKEND",
        "settings.EMAIL_DELIVERY_BACKEND",
        "str(settings.MEDIA_ROOT)",
    )
    assert database.endswith("var/db.sqlite3")
    assert cache.endswith("LocMemCache")
    # Every e-mail goes through the outbox; locally the outbox delivers to the console.
    assert email == "outbox.backends.OutboxBackend"
    assert delivery.endswith("console.EmailBackend")
    assert media.endswith("var/media")


def test_database_and_cache_urls_are_read_from_the_environment():
    environment = {
        "DATABASE_URL": "postgres://wsis:secret@db.internal:5432/wsis",
        "REDIS_URL": "redis://cache.internal:6379/1",
    }
    database, cache = settings_values(
        "settings.DATABASES['default']", "settings.CACHES['default']", **environment
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db.internal", "wsis", "wsis")
    assert cache["BACKEND"] == "wsis_site.cache.ResilientRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django(
        "", setup=False, DJANGO_SETTINGS_MODULE="wsis_site.settings.production", SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_sends_mail_over_smtp_from_the_environment():
    production = {**PRODUCTION, "EMAIL_URL": "smtp+tls://mailer:pw@smtp.example.org:587"}
    email, delivery, host, tls, debug = settings_values(
        "settings.EMAIL_BACKEND",
        "settings.EMAIL_DELIVERY_BACKEND",
        "settings.EMAIL_HOST",
        "settings.EMAIL_USE_TLS",
        "settings.DEBUG",
        **production,
    )
    assert email == "outbox.backends.OutboxBackend"
    assert delivery.endswith("smtp.EmailBackend")
    assert (host, tls, debug) == ("smtp.example.org", True, False)


def test_production_refuses_to_start_without_an_email_url():
    """Not a silent SMTP server on localhost:25: say where mail goes, or console://."""
    production = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_URL"}
    result = run_django("", setup=False, **production)
    assert result.returncode != 0
    assert "EMAIL_URL must be set in production" in result.stderr
    console = settings_value("settings.EMAIL_DELIVERY_BACKEND", **PRODUCTION)
    assert console.endswith("console.EmailBackend")


def test_production_passes_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_running(), reason="no Redis server on 127.0.0.1:6379")
def test_the_cache_works_on_a_real_redis():
    code = (
        "from django.core.cache import cache; import uuid; key = str(uuid.uuid4()); "
        "cache.set(key, {'a': 1}, 30); print(json.dumps(cache.get(key))); cache.delete(key)"
    )
    result = run_django(code, REDIS_URL="redis://127.0.0.1:6379/15")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"a": 1}


def test_machine_translation_is_off_unless_a_service_is_configured():
    translator = "getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)"
    clean = {"DEEPL_API_KEY": "", "LIBRETRANSLATE_URL": ""}
    assert settings_value(translator, **clean) is None
    # The editor offers what the setting names (wagtail-localize reads the same setting).
    deepl, offered = settings_values(
        translator,
        "__import__('wagtail_localize.machine_translators', fromlist=['x'])"
        ".get_machine_translator().__class__.__name__",
        setup=True,
        **{**clean, "DEEPL_API_KEY": "key:fx"},
    )
    assert deepl["CLASS"].endswith("deepl.DeepLTranslator")
    assert deepl["OPTIONS"] == {"AUTH_KEY": "key:fx"}
    assert offered == "DeepLTranslator"
    libre = settings_value(
        translator, **{**clean, "LIBRETRANSLATE_URL": "https://translate.example.org"}
    )
    assert libre["CLASS"].endswith("libretranslate.LibreTranslator")
    assert libre["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://translate.example.org"
