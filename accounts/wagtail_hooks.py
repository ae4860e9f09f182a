from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.SettingsView.as_view(), name="accounts_two_factor"),
        path("two-factor/enrol/", views.EnrolView.as_view(), name="accounts_two_factor_enrol"),
        path("two-factor/verify/", views.VerifyView.as_view(), name="accounts_two_factor_verify"),
        path("two-factor/remove/", views.remove, name="accounts_two_factor_remove"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("A code from an app on your phone, asked after your password."),
    }
