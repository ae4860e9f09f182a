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
