from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import EmailFormMixin, FormMixin
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from calls.forms import CallFormBuilder
from calls.models.storing import CallFull, DuplicateSubmission, SubmissionStoring
from calls.models.submissions import CallSubmission, SubmissionCounter
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from home.timezones import DEFAULT_TIME_ZONE, TIME_ZONE_CHOICES
from public_forms import ratelimit, receipts
from public_forms.shared_rules import RulesSharedByTranslations
from public_forms.windows import Window
from public_forms.windows import WindowState as CallState

CALL_KINDS = [
    ("contributions", _("Call for contributions")),
    ("consultation", _("Public consultation")),
    ("speaking_slots", _("Speaking-slot requests")),
    ("nominations", _("Nominations")),
    ("partnership_enquiry", _("Partnership enquiry")),
    ("registration", _("Registration")),
]


UNIQUE_PER_CHOICES = [
    ("", _("No limit")),
    ("email", _("One per e-mail address")),
    ("organisation", _("One per organisation")),
]


class DeadlineFormPage(
    RulesSharedByTranslations, SubmissionStoring, EmailFormMixin, FormMixin, BasePage
):
    """Every page the public submits to: Wagtail's form builder with opening and closing times
    entered in a chosen time zone and enforced on the server, an optional capacity, spam guards,
    a rate limit, and e-mails to the submitter (in the page's language) and to staff."""

    opens_on = models.DateField(null=True, blank=True, verbose_name=_("opens on"))
    opens_time = models.TimeField(null=True, blank=True, verbose_name=_("at"))
    closes_on = models.DateField(null=True, blank=True, verbose_name=_("closes on"))
    closes_time = models.TimeField(
        null=True,
        blank=True,
        verbose_name=_("at"),
        help_text=_("Leave empty for the end of the day (23:59)."),
    )
    time_zone = models.CharField(
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        verbose_name=_("time zone of the deadline"),
    )
    opens_at = models.DateTimeField(null=True, editable=False)
    closes_at = models.DateTimeField(null=True, editable=False, db_index=True)
    non_extendable = models.BooleanField(default=False, verbose_name=_("non-extendable deadline"))
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("capacity"),
        help_text=_("The most submissions accepted (seats, slots). Empty for no limit."),
    )
    unique_per = models.CharField(
        max_length=16,
        choices=UNIQUE_PER_CHOICES,
        blank=True,
        verbose_name=_("one submission per"),
        help_text=_(
            "E-mail: the form's first e-mail field. Organisation: the field named "
            "“Organisation”. Counted across every language version of the call."
        ),
    )
    introduction = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    thank_you_text = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("thank-you message")
    )
    send_confirmation = models.BooleanField(
        default=True,
        verbose_name=_("send a confirmation e-mail"),
        help_text=_(
            "To the address in the form's first e-mail field: a receipt with a reference, never "
            "the answers (the address is unconfirmed)."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
    )

    deadline_panels = [
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("opens_time")]),
                FieldRowPanel([FieldPanel("closes_on"), FieldPanel("closes_time")]),
                FieldPanel("non_extendable"),
                FieldPanel("capacity"),
                FieldPanel("unique_per"),
            ],
            heading=_("Deadline and capacity"),
        )
    ]
    email_panels = [
        MultiFieldPanel(
            [
                FieldPanel("send_confirmation"),
                # Where submissions go is for administrators to decide.
                FieldPanel("to_address", permission="superuser"),
                FieldPanel("from_address", permission="superuser"),
                FieldPanel("subject"),
            ],
            heading=_("E-mails"),
        )
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("thank_you_text"),
        TranslatableField("subject"),
        TranslatableField("form_fields"),
        SynchronizedField("opens_on"),
        SynchronizedField("opens_time"),
        SynchronizedField("closes_on"),
        SynchronizedField("closes_time"),
        SynchronizedField("time_zone"),
        SynchronizedField("non_extendable"),
        SynchronizedField("capacity"),
        SynchronizedField("unique_per"),
        SynchronizedField("send_confirmation"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("privacy_page"),
    ]
    form_builder = CallFormBuilder
    prefetched_stream_fields = ()
    # One window, capacity and one-per rule for all the language versions (see the mixin).
    shared_rules = (
        "opens_on",
        "opens_time",
        "closes_on",
        "closes_time",
        "time_zone",
        "non_extendable",
        "capacity",
        "unique_per",
    )
    shared_computed = ("opens_at", "closes_at")

    @property
    def submissions_list_view_class(self):
        from calls.admin_views import CallSubmissionsListView

        return CallSubmissionsListView

    class Meta:
        abstract = True

    # Deadline ---------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.opens_time and not self.opens_on:
            raise ValidationError({"opens_on": _("Give the day the call opens.")})
        if self.closes_time and not self.closes_on:
            raise ValidationError({"closes_on": _("Give the day the call closes.")})
        self.clean_shared_rules()
        self.opens_at, self.closes_at = self.instants()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_on": _("The call must close after it opens.")})

    def save(self, *args, **kwargs):
        shares = self.saves_rules(kwargs.get("update_fields"))
        original = self.take_rules_from_original() if shares else None
        self.opens_at, self.closes_at = self.instants()
        super().save(*args, **kwargs)
        if shares:
            self.give_rules_to_translations(original)

    def instants(self):
        window = Window.from_local(
            self.time_zone, self.opens_on, self.opens_time, self.closes_on, self.closes_time
        )
        return window.opens_at, window.closes_at

    @property
    def window(self):
        return Window(self.opens_at, self.closes_at)

    @cached_property
    def seats_taken(self):
        counter = SubmissionCounter.objects.filter(translation_key=self.translation_key).first()
        return counter.count if counter else 0

    def state(self, now=None):
        full = self.capacity is not None and self.seats_taken >= self.capacity
        return self.window.state(now, full=full)

    def submissions_received(self):
        """Submissions to every language version of this call."""
        return CallSubmission.objects.filter(page__translation_key=self.translation_key)

    def get_submissions(self):
        return self.submissions_received()

    def get_submission_class(self):
        return CallSubmission

    def get_form_fields(self):
        # Asked for by the form, the e-mails and the unique-per rule within one request:
        # fetched once per page instance.
        if "_form_fields" not in self.__dict__:
            self.__dict__["_form_fields"] = list(super().get_form_fields())
        return self.__dict__["_form_fields"]

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("files", _("Files")),
            ("status", _("Review status")),
        ]

    # Serving ----------------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        with self.prefetched_for_render(request):
            response = self.serve_form(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def serve_form(self, request, *args, **kwargs):
        state = self.state()
        if request.method != "POST":
            return self.render_form(request, self.get_form(page=self, user=request.user), state)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        # The same form sent again (a lost response, a double click): the first result.
        first = receipts.first_result(self.receipt_scope, form.submission_token)
        if first is not None:
            return self.render_landing_page(request, first, *args, **kwargs)
        if state != CallState.OPEN:
            status = 409 if state == CallState.FULL else 403
            return self.render_form(request, None, state, status=status, refused=True)
        if not form.is_valid():
            return self.render_form(request, form, state, status=400)
        if form.refused_as_spam():
            return self.render_form(request, form, state, status=400)
        # Only submissions that would be stored count towards the client's limit.
        wait = ratelimit.hit(request, self.translation_key)
        if wait:
            response = self.render_form(
                request,
                None,
                state,
                status=429,
                message=_(
                    "Too many submissions from your connection. Try again in %(minutes)s minute(s)."
                )
                % {"minutes": max(1, -(-wait // 60))},
            )
            response["Retry-After"] = str(wait)
            return response
        try:
            submission = self.process_form_submission(form)
        except receipts.AlreadyReceived:
            first = receipts.first_result(self.receipt_scope, form.submission_token)
            if first is None:  # a token shown for another form
                return self.render_form(
                    request,
                    self.get_form(page=self, user=request.user),
                    state,
                    status=409,
                    message=_("This form was already sent. Please fill it in again."),
                )
            return self.render_landing_page(request, first, *args, **kwargs)
        except CallFull:
            return self.render_form(request, None, CallState.FULL, status=409, refused=True)
        except DuplicateSubmission:
            message = {
                "email": _("A submission with this e-mail address has already been received."),
                "organisation": _("Your organisation has already sent a submission to this call."),
            }[self.unique_per]
            return self.render_form(request, form, state, status=409, message=message)
        return self.render_landing_page(request, submission, *args, **kwargs)

    @property
    def receipt_scope(self):
        """Tokens are good for this call in any of its languages."""
        return f"call:{self.translation_key}"

    def render_form(self, request, form, state, status=200, refused=False, message=""):
        context = self.get_context(request)
        context.update(form=form, call_state=state, refused=refused, message=message)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["call_state"] = self.state()
        context["days_left"] = self.window.days_left()
        return context
