"""Every place this site changes another package from outside, in one list, with what must stay
true upstream for each change to keep working. `manage.py check` (run by runserver, migrate,
the tests and CI) fails with the override's id when an upgrade renames, moves or reshapes a
target: the permission checks these overrides add would otherwise drop away in silence.

The README's "Overrides of other packages" lists the same entries."""

import inspect
from dataclasses import dataclass
from pathlib import Path

from django.core import checks
from django.urls import NoReverseMatch, Resolver404, resolve, reverse


@dataclass(frozen=True)
class ShadowedURL:
    """One of wagtail-localize's admin URLs answered by our view instead (registered first)."""

    upstream: str
    ours: str
    kwargs: dict
    view: str


SHADOWED_URLS = [
    ShadowedURL(
        "wagtail_localize:submit_page_translation",
        "localize_checked:submit_page_translation",
        {"page_id": 1},
        "translations.localize_views.SubmitPageTranslationView",
    ),
    ShadowedURL(
        "wagtail_localize:submit_snippet_translation",
        "localize_checked:submit_snippet_translation",
        {"app_label": "partners", "model_name": "partner", "pk": "1"},
        "translations.localize_views.SubmitSnippetTranslationView",
    ),
    ShadowedURL(
        "wagtail_localize:update_translations",
        "localize_checked:update_translations",
        {"translation_source_id": 1},
        "translations.localize_views.UpdateTranslationsView",
    ),
    ShadowedURL(
        "wagtail_localize:convert_to_alias",
        "localize_checked:convert_to_alias",
        {"page_id": 1},
        "translations.localize_views.convert_to_alias",
    ),
    ShadowedURL(
        "wagtail_localize:translations_report",
        "localize_checked:translations_report",
        {},
        "translations.translations_report.TranslationsReportView",
    ),
    ShadowedURL(
        "wagtail_localize:translations_report_results",
        "localize_checked:translations_report_results",
        {},
        "translations.translations_report.TranslationsReportView",
    ),
]
# The function wagtail-localize's editor views ask before letting anyone edit a translation;
# translations.localize_hooks puts ours in its place.
REPLACED_FUNCTION = ("wagtail_localize.views.edit_translation", "user_can_edit_instance")
# Templates of other packages we extend, and the blocks we fill.
EXTENDED_TEMPLATES = [("wagtail_localize", "admin/edit_translation.html", "content")]


def check_replaced_function():
    from importlib import import_module

    from translations.localize_hooks import user_can_edit_instance

    module_name, name = REPLACED_FUNCTION
    module = import_module(module_name)
    target = getattr(module, name, None)
    where = f"{module_name}.{name}"
    if target is None:
        return [f"{where} no longer exists: its views' permission check is no longer ours."]
    errors = []
    if target is not user_can_edit_instance:
        errors.append(f"{where} is not translations.localize_hooks.user_can_edit_instance.")
    from translations import localize_hooks

    upstream = localize_hooks._wagtail_localize_can_edit
    if list(inspect.signature(upstream).parameters) != ["user", "instance"]:
        errors.append(f"{where} now takes {inspect.signature(upstream)}, not (user, instance).")
    if inspect.getsource(module).count(f"{name}(") < 2:
        errors.append(f"{module_name}'s views no longer call {name}(): ours is never asked.")
    return errors


def check_shadowed_urls(shadowed=None):
    from django.utils.module_loading import import_string

    errors = []
    for url in SHADOWED_URLS if shadowed is None else shadowed:
        try:
            upstream_path = reverse(url.upstream, kwargs=url.kwargs)
        except NoReverseMatch:
            errors.append(f"{url.upstream} no longer exists: {url.ours} shadows nothing.")
            continue
        if upstream_path != reverse(url.ours, kwargs=url.kwargs):
            errors.append(
                f"{url.upstream} moved to {upstream_path}: {url.ours} no longer shadows it."
            )
            continue
        try:
            match = resolve(upstream_path)
        except Resolver404:
            errors.append(f"{upstream_path} resolves to nothing.")
            continue
        # Wagtail wraps admin views (require_admin_access): look through the wrappers.
        view = getattr(match.func, "view_class", None) or inspect.unwrap(match.func)
        if view is not import_string(url.view):
            errors.append(f"{upstream_path} is answered by {match.func}, not by {url.view}.")
    return errors


def check_extended_templates(extended=None):
    from importlib import import_module

    errors = []
    for package, name, block in EXTENDED_TEMPLATES if extended is None else extended:
        path = Path(import_module(package).__file__).parent / "templates" / package / name
        if not path.exists():
            errors.append(f"{package}'s template {name} no longer exists.")
        elif "{% block " + block + " %}" not in path.read_text():
            errors.append(f"{package}'s template {name} has no block {block!r} any more.")
    return errors


def check_route_handover():
    """home.routing gives Wagtail the route of a request on the request, where Wagtail's
    `Page.route_for_request` keeps it; the serve view must still ask that function for it."""
    from types import SimpleNamespace

    from wagtail import views
    from wagtail.models import Page

    errors = []
    if "Page.route_for_request(" not in inspect.getsource(views.serve):
        errors.append("wagtail.views.serve no longer calls Page.route_for_request().")
    sentinel = object()
    request = SimpleNamespace(_wagtail_route_for_request=sentinel)
    try:
        handed_over = Page.route_for_request(request, "/") is sentinel
    except Exception:  # noqa: BLE001 - whatever it does instead, it is not what we rely on
        handed_over = False
    if not handed_over:
        errors.append(
            "Page.route_for_request() no longer returns request._wagtail_route_for_request."
        )
    return errors


@checks.register(checks.Tags.security)
def check_overrides(app_configs=None, **kwargs):
    return [
        checks.Error(message, hint=hint, id=id_)
        for id_, hint, messages in [
            (
                "wsis.E001",
                "See translations/overrides.py and translations/localize_hooks.py.",
                check_replaced_function(),
            ),
            (
                "wsis.E002",
                "See translations/overrides.py and translations/localize_views.py.",
                check_shadowed_urls(),
            ),
            (
                "wsis.E003",
                "See translations/overrides.py and translations/templates/wagtail_localize/.",
                check_extended_templates(),
            ),
            (
                "wsis.E004",
                "See translations/overrides.py and home/routing.py.",
                check_route_handover(),
            ),
        ]
        for message in messages
    ]
