"""Settings come from the environment only; production refuses to run half-configured."""

import importlib
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import override_settings
from wagtail_localize.machine_translators import get_machine_translator

ROOT = Path(__file__).resolve().parents[2]
CLEARED = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "EMAIL_URL"}
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "wsis_site.settings.production",
    "SECRET_KEY": "a-production-secret-" + "x" * 50,
    "ALLOWED_HOSTS": "www.wsis.example",
    "EMAIL_URL": "console://",
}


def environment_with(**variables):
    """This process's environment without the variables a test sets, then theirs (the dev
    settings unless they say otherwise)."""
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    env["DJANGO_SETTINGS_MODULE"] = "wsis_site.settings.dev"
    env.update(variables)
    return env


def run_django(code, **environment):
    """Runs `code` in a fresh process with these environment variables, once the settings
    module is imported (as `settings`): for a settings module that must refuse to load."""
    script = (
        "import importlib, os; "
        "settings = importlib.import_module(os.environ['DJANGO_SETTINGS_MODULE']); " + code
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment_with(**environment),
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_module(**environment):
    """The settings module as this environment makes it: imported afresh, in this process,
    with os.environ patched (a tenth of the time of a process of its own). This process's own
    settings modules are put back afterwards; Django's settings are never touched."""
    env = environment_with(**environment)

    def ours():
        return {name for name in sys.modules if name.split(".")[:2] == ["wsis_site", "settings"]}

    kept = {name: sys.modules.pop(name) for name in ours()}
    package = sys.modules["wsis_site"]
    kept_attribute = package.__dict__.get("settings")
    try:
        with mock.patch.dict(os.environ, env, clear=True):
            return importlib.import_module(env["DJANGO_SETTINGS_MODULE"])
    finally:
        for name in ours():
            del sys.modules[name]
        sys.modules.update(kept)
        if kept_attribute is not None:
            package.settings = kept_attribute


def test_defaults_are_sqlite_in_var_local_memory_cache_and_console_email():
    dev = settings_module()
    assert str(dev.DATABASES["default"]["NAME"]).endswith("var/db.sqlite3")
    assert dev.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    # Every e-mail goes through the outbox; locally the outbox delivers to the console.
    assert dev.EMAIL_BACKEND == "outbox.backends.OutboxBackend"
    assert dev.EMAIL_DELIVERY_BACKEND.endswith("console.EmailBackend")
    assert str(dev.MEDIA_ROOT).endswith("var/media")


def test_database_and_cache_urls_are_read_from_the_environment():
    environment = {
        "DATABASE_URL": "postgres://wsis:secret@db.internal:5432/wsis",
        "REDIS_URL": "redis://cache.internal:6379/1",
    }
    dev = settings_module(**environment)
    database, cache = dev.DATABASES["default"], dev.CACHES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db.internal", "wsis", "wsis")
    assert cache["BACKEND"] == "wsis_site.cache.ResilientRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("", DJANGO_SETTINGS_MODULE="wsis_site.settings.production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_sends_mail_over_smtp_from_the_environment():
    production = {**PRODUCTION, "EMAIL_URL": "smtp+tls://mailer:pw@smtp.example.org:587"}
    settings = settings_module(**production)
    assert settings.EMAIL_BACKEND == "outbox.backends.OutboxBackend"
    assert settings.EMAIL_DELIVERY_BACKEND.endswith("smtp.EmailBackend")
    assert (settings.EMAIL_HOST, settings.EMAIL_USE_TLS, settings.DEBUG) == (
        "smtp.example.org",
        True,
        False,
    )


def test_production_refuses_to_start_without_an_email_url():
    """Not a silent SMTP server on localhost:25: say where mail goes, or console://."""
    production = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_URL"}
    result = run_django("", **production)
    assert result.returncode != 0
    assert "EMAIL_URL must be set in production" in result.stderr
    assert settings_module(**PRODUCTION).EMAIL_DELIVERY_BACKEND.endswith("console.EmailBackend")


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
    # The caches that REDIS_URL configures, made by Django from those settings.
    with override_settings(CACHES=settings_module(REDIS_URL="redis://127.0.0.1:6379/15").CACHES):
        cache = caches["default"]
        assert type(cache).__name__ == "ResilientRedisCache"
        key = str(uuid.uuid4())
        cache.set(key, {"a": 1}, 30)
        assert cache.get(key) == {"a": 1}
        cache.delete(key)


def test_machine_translation_is_off_unless_a_service_is_configured():
    def translator(**environment):
        settings = settings_module(**{**clean, **environment})
        return getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)

    clean = {"DEEPL_API_KEY": "", "LIBRETRANSLATE_URL": ""}
    assert translator() is None
    deepl = translator(DEEPL_API_KEY="key:fx")
    assert deepl["CLASS"].endswith("deepl.DeepLTranslator")
    assert deepl["OPTIONS"] == {"AUTH_KEY": "key:fx"}
    # The editor offers what the setting names (wagtail-localize reads the same setting).
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=deepl):
        assert type(get_machine_translator()).__name__ == "DeepLTranslator"
    libre = translator(LIBRETRANSLATE_URL="https://translate.example.org")
    assert libre["CLASS"].endswith("libretranslate.LibreTranslator")
    assert libre["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://translate.example.org"
