"""Two-factor screens in the admin: settings (on or off), enrolment of an authenticator app,
and the code asked after the password."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts.forms import CodeForm
from accounts.two_factor import authenticator, is_required


def next_url(request, default):
    """Where to go after this step: the `next` asked for, if it stays on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class TwoFactorMixin(WagtailAdminTemplateMixin):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": pgettext("site", "Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(required=is_required(self.request.user), **kwargs)


class SettingsView(TwoFactorMixin, TemplateView):
    page_title = _("Two-factor authentication")
    template_name = "accounts/two_factor.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(device=authenticator(self.request.user), **kwargs)


@method_decorator(never_cache, name="dispatch")  # the page shows the secret key
class EnrolView(TwoFactorMixin, FormView):
    page_title = _("Set up two-factor authentication")
    template_name = "accounts/enrol.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if authenticator(request.user) is not None:
            messages.info(request, gettext("Two-factor authentication is already on."))
            return redirect("accounts_two_factor")
        return super().dispatch(request, *args, **kwargs)

    def get_device(self):
        """The key being set up: the same one until it is confirmed, so that reloading the page
        does not invalidate what the app has already scanned."""
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=gettext("Authenticator app"), confirmed=False
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.get_device()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = context["form"].device
        key = b32encode(device.bin_key).decode()
        context.update(
            qr_code=segno.make(device.config_url, error="m").svg_inline(
                scale=5, title=gettext("QR code of the key"), dark="#000", light="#fff"
            ),
            key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            next=next_url(self.request, ""),
        )
        return context

    def form_valid(self, form):
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=self.request.user, confirmed=False).delete()
        otp_login(self.request, device)  # this session has just proved the code
        messages.success(
            self.request,
            gettext(
                "Two-factor authentication is on: from now on, a code is asked after your password."
            ),
        )
        return redirect(next_url(self.request, reverse("accounts_two_factor")))


@method_decorator(never_cache, name="dispatch")
class VerifyView(FormView):
    """The code, after the password (the middleware sends here until it is given). Laid out
    as the admin's sign-in page: nothing else of the admin is open yet."""

    template_name = "accounts/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.device = authenticator(request.user)
        if self.device is None or request.user.is_verified():
            return redirect(next_url(request, reverse("wagtailadmin_home")))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request, ""), **kwargs)

    def form_valid(self, form):
        otp_login(self.request, form.device)
        return redirect(next_url(self.request, reverse("wagtailadmin_home")))


@require_POST
def remove(request):
    """Turns two-factor off for oneself (the middleware has made sure this session gave a code),
    unless it is required of this account."""
    if is_required(request.user):
        messages.error(
            request,
            gettext("Administrators of this site cannot turn two-factor authentication off."),
        )
    else:
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, gettext("Two-factor authentication is off."))
    return redirect("accounts_two_factor")
