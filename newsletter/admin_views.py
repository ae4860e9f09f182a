"""Staff screens of WSIS Flash (under /admin/newsletter/): sending an issue (test copy first,
then now or at a time), the progress of each sending with every recipient's state, and a
subscriber's data for a data-protection request."""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from newsletter import delivery, emails, tasks
from newsletter.models import Delivery, Dispatch, FlashIssuePage, Subscriber, SubscriberLanguage

SEND_PERMISSION = "newsletter.send_dispatch"


class SendPermissionRequired:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SEND_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TestSendForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the test copy"))


class SendForm(forms.Form):
    send_at = forms.DateTimeField(
        required=False,
        label=_("Send at"),
        help_text=_("Leave empty to send now. Server time zone: UTC."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def clean_send_at(self):
        value = self.cleaned_data["send_at"]
        if value and value < timezone.now():
            raise forms.ValidationError(_("Choose a time in the future, or leave it empty."))
        return value


def source_issue(page_id):
    page = get_object_or_404(FlashIssuePage, pk=page_id)
    default = Locale.get_default()
    return page.get_translation_or_none(default) or page


def language_rows(issue):
    """Each language: its live version of the issue (or None) and its confirmed subscribers."""
    counts = dict(
        SubscriberLanguage.objects.filter(
            subscriber__confirmed_at__isnull=False, subscriber__unsubscribed_at__isnull=True
        )
        .values_list("language")
        .annotate(n=Count("pk"))
        .order_by()
    )
    versions = {
        page.locale.language_code: page
        for page in FlashIssuePage.objects.filter(
            translation_key=issue.translation_key, live=True
        ).select_related("locale")
    }
    return [
        {
            "code": code,
            "name": name,
            "version": versions.get(code),
            "subscribers": counts.get(code, 0),
        }
        for code, name in settings.LANGUAGES
    ]


class SendIssueView(SendPermissionRequired, WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/send_issue.html"
    page_title = _("Send WSIS Flash")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.issue = source_issue(kwargs["page_id"])
        self.rows = language_rows(self.issue)
        self.live_languages = [row["code"] for row in self.rows if row["version"]]

    def get_page_subtitle(self):
        return self.issue.title

    def test_form(self, data=None):
        form = TestSendForm(data)
        form.fields["language"].choices = [
            (row["code"], row["name"]) for row in self.rows if row["version"]
        ]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            issue=self.issue,
            rows=self.rows,
            dispatch=self.issue.dispatches.exclude(state=Dispatch.State.CANCELLED).first(),
            test_form=kwargs.get("test_form") or self.test_form(),
            send_form=kwargs.get("send_form") or SendForm(),
            recipients=sum(row["subscribers"] for row in self.rows if row["version"]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if "test" in request.POST:
            return self.send_test(request)
        return self.send(request)

    def send_test(self, request):
        form = self.test_form(request.POST)
        if not request.user.email:
            messages.error(request, _("Your account has no e-mail address to send a test to."))
        elif form.is_valid():
            version = emails.live_version(self.issue, form.cleaned_data["language"])
            delivery.test_message(version, request.user.email)
            messages.success(
                request,
                _("A test copy is on its way to %(email)s.") % {"email": request.user.email},
            )
            return redirect("newsletter_send_issue", self.issue.pk)
        return self.render_to_response(self.get_context_data(test_form=form))

    def send(self, request):
        form = SendForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(send_form=form))
        if not self.live_languages:
            messages.error(request, _("This issue is not published in any language."))
            return redirect("newsletter_send_issue", self.issue.pk)
        try:
            with transaction.atomic():
                dispatch = Dispatch.objects.create(
                    issue=self.issue,
                    send_at=form.cleaned_data["send_at"] or timezone.now(),
                    languages=self.live_languages,
                    created_by=request.user,
                )
                transaction.on_commit(lambda: tasks.schedule(dispatch))
        except IntegrityError:
            messages.error(request, _("This issue has already been sent or scheduled."))
            return redirect("newsletter_send_issue", self.issue.pk)
        messages.success(request, _("The issue is on its way to its subscribers."))
        return redirect("newsletter_dispatch", dispatch.pk)


class DispatchListView(SendPermissionRequired, WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/dispatch_list.html"
    page_title = _("WSIS Flash sendings")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dispatches = Dispatch.objects.select_related("issue").annotate(
            recipients=Count("deliveries")
        )
        context["dispatches"] = Paginator(dispatches, 50).get_page(self.request.GET.get("p"))
        return context


class DispatchView(SendPermissionRequired, WagtailAdminTemplateMixin, TemplateView):
    """A sending's progress: counts by state and every recipient's row."""

    template_name = "newsletter/admin/dispatch.html"
    page_title = _("WSIS Flash sending")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.dispatch_record = get_object_or_404(
            Dispatch.objects.select_related("issue"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return self.dispatch_record.issue.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dispatch = self.dispatch_record
        counts = dispatch.counts()
        state = self.request.GET.get("state", "")
        rows = dispatch.deliveries.select_related("subscriber").order_by("pk")
        if state in Delivery.State.values:
            rows = rows.filter(state=state)
        done = counts["sent"] + counts["failed"] + counts["skipped"] + counts["uncertain"]
        context.update(
            dispatch=dispatch,
            counts=counts,
            states=Delivery.State.choices,
            state=state,
            percent=int(100 * done / counts["total"]) if counts["total"] else 0,
            deliveries=Paginator(rows, 100).get_page(self.request.GET.get("p")),
        )
        return context

    def post(self, request, *args, **kwargs):
        dispatch = self.dispatch_record
        if "cancel" in request.POST:
            cancelled = Dispatch.objects.filter(
                pk=dispatch.pk, state=Dispatch.State.SCHEDULED
            ).update(state=Dispatch.State.CANCELLED)
            if cancelled:
                messages.success(request, _("The sending is cancelled."))
            else:
                messages.error(request, _("Too late: the sending has started."))
        elif "resend_uncertain" in request.POST:
            count = delivery.resend_uncertain(dispatch)
            if count:
                transaction.on_commit(lambda: tasks.send_batch.enqueue(dispatch.pk))
            messages.success(
                request, _("%(count)d uncertain e-mails will be sent again.") % {"count": count}
            )
        return redirect("newsletter_dispatch", dispatch.pk)


class SubscriberDataView(WagtailAdminTemplateMixin, TemplateView):
    """Everything held about one subscriber, as JSON: for a data-protection request."""

    def get(self, request, pk):
        if not request.user.has_perm("newsletter.view_subscriber"):
            raise PermissionDenied
        subscriber = get_object_or_404(Subscriber, pk=pk)
        data = {
            "email": subscriber.email,
            "status": subscriber.status,
            "signed_up_in": subscriber.language,
            "languages": subscriber.language_codes(),
            "signed_up_at": subscriber.created_at,
            "confirmed_at": subscriber.confirmed_at,
            "unsubscribed_at": subscriber.unsubscribed_at,
            "consents": [
                {
                    "at": consent.at,
                    "action": consent.action,
                    "wording": consent.wording,
                    "language": consent.language,
                    "languages": consent.languages,
                }
                for consent in subscriber.consents.all()
            ],
            "issues_sent": [
                {
                    "issue": row.dispatch.issue.title,
                    "language": row.language,
                    "sent_at": row.sent_at,
                }
                for row in subscriber.deliveries.select_related("dispatch__issue").filter(
                    state=Delivery.State.SENT
                )
            ],
        }
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
        response["Cache-Control"] = "private, no-store"
        return response
