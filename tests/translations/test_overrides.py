"""Overrides of other packages fail loudly, at `manage.py check`, when their target changes."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail_localize.views import edit_translation

from translations import overrides


def test_every_override_holds_on_the_installed_packages():
    assert overrides.check_overrides() == []


def test_a_replaced_function_that_disappears_fails_the_check(monkeypatch):
    monkeypatch.delattr(edit_translation, "user_can_edit_instance")
    errors = overrides.check_overrides()
    assert [e.id for e in errors] == ["wsis.E001"]
    assert "no longer exists" in errors[0].msg
    with pytest.raises(SystemCheckError, match="wsis.E001"):
        call_command("check")


def test_a_replaced_function_put_back_by_someone_else_fails_the_check(monkeypatch):
    monkeypatch.setattr(edit_translation, "user_can_edit_instance", lambda user, instance: True)
    assert [e.id for e in overrides.check_overrides()] == ["wsis.E001"]


def test_an_upstream_url_renamed_or_moved_fails_the_check():
    renamed = overrides.ShadowedURL(
        "wagtail_localize:submit_page_translation_v2",
        "localize_checked:submit_page_translation",
        {"page_id": 1},
        "translations.localize_views.SubmitPageTranslationView",
    )
    answered_by_another_view = overrides.ShadowedURL(
        "wagtail_localize:update_translations",
        "localize_checked:update_translations",
        {"translation_source_id": 1},
        "translations.localize_views.SubmitPageTranslationView",
    )
    errors = overrides.check_shadowed_urls([renamed])
    assert errors and "no longer exists" in errors[0]
    errors = overrides.check_shadowed_urls([answered_by_another_view])
    assert errors and "is answered by" in errors[0]


def test_an_upstream_template_without_our_block_fails_the_check():
    errors = overrides.check_extended_templates(
        [("wagtail_localize", "admin/edit_translation.html", "main_content_v2")]
    )
    assert errors and "no block" in errors[0]


def test_wagtail_routing_again_by_itself_fails_the_check(monkeypatch):
    """home.routing hands its route over on the request; a Wagtail that ignored it would route
    every page a second time."""
    from wagtail.models import Page

    monkeypatch.setattr(Page, "route_for_request", staticmethod(lambda request, path: None))
    errors = overrides.check_overrides()
    assert [e.id for e in errors] == ["wsis.E004"]
    assert "_wagtail_route_for_request" in errors[0].msg
