from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from translations import localize_views
from translations.admin_views import TranslationStatusView


# Ahead of wagtail-localize's patterns for the same paths (see translations.localize_views).
@hooks.register("register_admin_urls", order=-1)
def register_language_scoped_localize_urls():
    return localize_views.urlpatterns()


# Ahead of wagtail-localize's own before_edit hooks, which serve its editor.
hooks.register("before_edit_page", localize_views.refuse_publish_past_review, order=-1)
hooks.register("before_edit_snippet", localize_views.refuse_publish_past_review, order=-1)


@hooks.register("construct_page_action_menu")
def offer_convert_to_alias_to_administrators_only(menu_items, request, context):
    if not request.user.is_superuser:
        menu_items[:] = [i for i in menu_items if i.name != "localize-convert-to-alias"]


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("translation-status/", TranslationStatusView.as_view(), name="translation_status"),
        *localize_views.review_urlpatterns(),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=290,
    )
