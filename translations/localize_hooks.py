"""Where the site plugs into wagtail-localize: source changes are recorded on publish, and
its editor asks translations.language_rights before letting anyone edit a snippet's translation."""

from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.signals import page_published, published
from wagtail_localize.views import edit_translation

from translations.language_state import catch_up_on_publish
from translations.tracking import record_source_change

_wagtail_localize_can_edit = edit_translation.user_can_edit_instance


def user_can_edit_instance(user, instance):
    """wagtail-localize lets anyone who may edit a snippet model edit its translation in every
    language (strings, PO upload, machine translation); pages already follow their trees."""
    if isinstance(instance, Page):
        return _wagtail_localize_can_edit(user, instance)
    # The model's registered policy (translations.language_rights for partners) knows the languages.
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def connect():
    page_published.connect(record_source_change, dispatch_uid="translations.page_source_change")
    published.connect(record_source_change, dispatch_uid="translations.snippet_source_change")
    page_published.connect(catch_up_on_publish, dispatch_uid="translations.page_catch_up")
    published.connect(catch_up_on_publish, dispatch_uid="translations.snippet_catch_up")
    # The module's views call this name at request time, so replacing it covers all of them.
    edit_translation.user_can_edit_instance = user_can_edit_instance
