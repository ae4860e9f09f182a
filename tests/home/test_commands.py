import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from home.management.commands import ensure_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    path = tmp_path / "admin_password"
    monkeypatch.setattr(ensure_admin, "PASSWORD_FILE", path)
    return path


def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch, password_file, capsys):
    monkeypatch.setenv("ADMIN_PASSWORD", "from-the-env-123")
    call_command("ensure_admin")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("from-the-env-123")
    assert "from-the-env-123" not in capsys.readouterr().out
    assert not password_file.exists()


def test_ensure_admin_generates_and_prints_a_password_once(monkeypatch, password_file, capsys):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    password = password_file.read_text().strip()
    assert len(password) >= 12
    assert password in capsys.readouterr().out
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert oct(password_file.stat().st_mode)[-3:] == "600"

    call_command("ensure_admin")  # a second run keeps the account and its password
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert password in capsys.readouterr().out
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_ensure_admin_resets_the_password_when_the_environment_gives_one(
    monkeypatch, password_file
):
    get_user_model().objects.create_superuser("admin", "a@example.org", "old-password")
    monkeypatch.setenv("ADMIN_PASSWORD", "new-password-456")
    call_command("ensure_admin")
    assert get_user_model().objects.get(username="admin").check_password("new-password-456")


def test_site_settings_are_cached_and_refreshed_on_save(english_home, django_assert_num_queries):
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    with django_assert_num_queries(0):
        assert SiteSettings.for_site(site).contact_email == ""
    settings = SiteSettings.for_site(site)
    settings.contact_email = "wsis-info@itu.int"
    settings.save()
    assert SiteSettings.for_site(site).contact_email == "wsis-info@itu.int"
