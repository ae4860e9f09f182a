"""Who may act in which language. Per-language rights come from the trees (DESIGN.md): a user
may edit a language's snippets, translate into it or approve in it exactly where they may edit
or publish that language's home page. Pages need nothing more than Wagtail's own tree
permissions; snippets, wagtail-localize's views and the snippet workflow ask here."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import GroupPagePermission, Locale, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import HomePage

# Page-permission test for each action on an object in a language.
_PAGE_TESTS = {
    "add": "can_add_subpage",
    "change": "can_edit",
    "delete": "can_edit",
    "publish": "can_publish",
}


def language_codes_for(user, action="change"):
    """The language codes in which `user` may perform `action` (add, change, delete, publish).
    Computed once per user object: the homes are one query, the permissions one more."""
    if not (user and user.is_active and user.is_authenticated):
        return frozenset()
    cache = user.__dict__.setdefault("_language_rights", {})
    if action not in cache:
        if user.is_superuser:
            cache[action] = frozenset(Locale.objects.values_list("language_code", flat=True))
        else:
            test = _PAGE_TESTS[action]
            cache[action] = frozenset(
                home.locale.language_code
                for home in HomePage.objects.select_related("locale")
                if getattr(home.permissions_for_user(user), test)()
            )
    return cache[action]


def translatable_snippet_models():
    """Snippets visitors read in six languages: the ones these rights, the snippet review
    workflow and the translation status report apply to."""
    from wagtail.snippets.models import get_snippet_models

    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def object_language(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale else None


def user_can_in_language(user, action, obj):
    return object_language(obj) in language_codes_for(user, action)


class LanguageScopedPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the languages where the user may act. Viewing is not
    narrowed: a translator reads the source to translate it."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in ("view", "add"):
            return True
        return user_can_in_language(user, "publish" if action == "publish" else action, instance)

    def instances_user_has_permission_for(self, user, action):
        instances = super().instances_user_has_permission_for(user, action)
        if action == "view" or user.is_superuser:
            return instances
        codes = language_codes_for(user, "publish" if action == "publish" else "change")
        return instances.filter(locale__language_code__in=codes)


def users_who_may(action, language_code, include_superusers=True):
    """Active users whose groups may `action` (change, publish) that language's home page."""
    users = get_user_model().objects.filter(is_active=True)
    home = HomePage.objects.filter(locale__language_code=language_code).first()
    group_ids = (
        GroupPagePermission.objects.filter(
            page__in=home.get_ancestors(inclusive=True), permission__codename=f"{action}_page"
        ).values("group_id")
        if home
        else []
    )
    wanted = Q(groups__in=group_ids)
    if include_superusers:
        wanted |= Q(is_superuser=True)
    return users.filter(wanted).distinct()
