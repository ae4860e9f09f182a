"""A year's WSIS Prizes: its categories, its phases (each a window in the contest's time zone,
the same for every language version), its rules, nominees, votes and results."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from home.timezones import DEFAULT_TIME_ZONE, END_OF_DAY, TIME_ZONE_CHOICES
from prizes.models import serving
from prizes.models.entries import PrizeSubmission, Vote
from prizes.models.storing import PrizeStoring
from prizes.phases import ContestPhase
from public_forms.shared_rules import RulesSharedByTranslations
from public_forms.windows import Window, WindowState


class PrizeCategory(TranslatableMixin, Orderable):
    """A prize category of one contest (an Action Line, or an SDG-related theme). Its name is
    translated with the page; votes and entries name it by its translation key."""

    page = ParentalKey(
        "prizes.PrizesContestPage", on_delete=models.CASCADE, related_name="categories"
    )
    name = models.CharField(max_length=255, verbose_name=pgettext_lazy("site", "name"))
    description = models.TextField(blank=True, verbose_name=pgettext_lazy("site", "description"))
    action_line = models.ForeignKey(
        "stocktaking.ActionLine",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("WSIS Action Line"),
    )
    sdg = models.ForeignKey(
        "stocktaking.Sdg",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Sustainable Development Goal"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("action_line"),
        FieldPanel("sdg"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("action_line"),
        SynchronizedField("sdg"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("prize category")
        verbose_name_plural = _("prize categories")

    def __str__(self):
        return self.name


class PrizesContestPage(RulesSharedByTranslations, PrizeStoring, RoutablePageMixin, BasePage):
    """The WSIS Prizes of one year: submission → expert review → nominees published → public
    online voting → results announced (at the ceremony, an event page)."""

    introduction = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    rules = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("rules and guidelines")
    )
    time_zone = models.CharField(
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        verbose_name=_("time zone"),
    )
    submission_opens_on = models.DateField(verbose_name=_("submission opens on"))
    submission_closes_on = models.DateField(verbose_name=_("submission closes on"))
    submission_closes_time = models.TimeField(default=END_OF_DAY, verbose_name=_("at"))
    nominees_published_on = models.DateField(verbose_name=_("nominees published on"))
    voting_opens_on = models.DateField(verbose_name=_("voting opens on"))
    voting_closes_on = models.DateField(verbose_name=_("voting closes on"))
    voting_closes_time = models.TimeField(default=END_OF_DAY, verbose_name=_("at"))
    results_announced_on = models.DateField(
        null=True, blank=True, verbose_name=_("results announced on")
    )
    ceremony = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("prize ceremony at"),
    )
    submission_opens_at = models.DateTimeField(null=True, editable=False)
    submission_closes_at = models.DateTimeField(null=True, editable=False)
    nominees_published_at = models.DateTimeField(null=True, editable=False)
    voting_opens_at = models.DateTimeField(null=True, editable=False)
    voting_closes_at = models.DateTimeField(null=True, editable=False)
    results_announced_at = models.DateTimeField(null=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel(
                    [
                        FieldPanel("submission_opens_on"),
                        FieldPanel("submission_closes_on"),
                        FieldPanel("submission_closes_time"),
                    ]
                ),
                FieldPanel("nominees_published_on"),
                FieldRowPanel(
                    [
                        FieldPanel("voting_opens_on"),
                        FieldPanel("voting_closes_on"),
                        FieldPanel("voting_closes_time"),
                    ]
                ),
                FieldPanel("results_announced_on"),
                FieldPanel("ceremony"),
            ],
            heading=_("Phases"),
        ),
        InlinePanel("categories", heading=_("Categories"), label=_("category")),
        FieldPanel("rules"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("rules"),
        TranslatableField("categories"),
        SynchronizedField("time_zone"),
        SynchronizedField("submission_opens_on"),
        SynchronizedField("submission_closes_on"),
        SynchronizedField("submission_closes_time"),
        SynchronizedField("nominees_published_on"),
        SynchronizedField("voting_opens_on"),
        SynchronizedField("voting_closes_on"),
        SynchronizedField("voting_closes_time"),
        SynchronizedField("results_announced_on"),
        SynchronizedField("ceremony"),
    ]
    prefetched_stream_fields = ()
    # The same phases in every language version (public_forms.shared_rules).
    shared_rules = (
        "time_zone",
        "submission_opens_on",
        "submission_closes_on",
        "submission_closes_time",
        "nominees_published_on",
        "voting_opens_on",
        "voting_closes_on",
        "voting_closes_time",
        "results_announced_on",
    )
    shared_computed = (
        "submission_opens_at",
        "submission_closes_at",
        "nominees_published_at",
        "voting_opens_at",
        "voting_closes_at",
        "results_announced_at",
    )
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("WSIS Prizes contest")

    def clean(self):
        super().clean()
        self.clean_shared_rules()
        order = [
            ("submission_opens_on", None),
            ("submission_closes_on", _("Submission closes after it opens.")),
            ("nominees_published_on", _("Nominees are published after submission closes.")),
            ("voting_opens_on", _("Voting opens once the nominees are published.")),
            ("voting_closes_on", _("Voting closes after it opens.")),
            ("results_announced_on", _("Results are announced after voting closes.")),
        ]
        previous = None
        for name, message in order:
            value = getattr(self, name)
            if value and previous and value < previous:
                raise ValidationError({name: message})
            previous = value or previous

    def save(self, *args, **kwargs):
        shares = self.saves_rules(kwargs.get("update_fields"))
        original = self.take_rules_from_original() if shares else None
        self.compute_phase_instants()
        super().save(*args, **kwargs)
        if shares:
            self.give_rules_to_translations(original)

    def compute_phase_instants(self):
        zone = self.time_zone
        if self.submission_opens_on and self.submission_closes_on:
            window = Window.from_local(
                zone,
                self.submission_opens_on,
                closes_on=self.submission_closes_on,
                closes_time=self.submission_closes_time,
            )
            self.submission_opens_at, self.submission_closes_at = window.opens_at, window.closes_at
        if self.voting_opens_on and self.voting_closes_on:
            window = Window.from_local(
                zone,
                self.voting_opens_on,
                closes_on=self.voting_closes_on,
                closes_time=self.voting_closes_time,
            )
            self.voting_opens_at, self.voting_closes_at = window.opens_at, window.closes_at
        # A day given alone starts at midnight, at the contest's place.
        if self.nominees_published_on:
            self.nominees_published_at = Window.from_local(
                zone, self.nominees_published_on
            ).opens_at
        self.results_announced_at = (
            Window.from_local(zone, self.results_announced_on).opens_at
            if self.results_announced_on
            else None
        )

    @property
    def submission_window(self):
        return Window(self.submission_opens_at, self.submission_closes_at)

    @property
    def voting_window(self):
        return Window(self.voting_opens_at, self.voting_closes_at)

    def phase(self, now=None):
        now = now or timezone.now()
        for instant in (self.nominees_published_at, self.results_announced_at):
            page_cache.changes_at(instant)
        submission = self.submission_window.state(now)
        if submission == WindowState.NOT_YET_OPEN:
            return ContestPhase.NOT_YET_OPEN
        if submission == WindowState.OPEN:
            return ContestPhase.SUBMISSION
        if self.nominees_published_at and now < self.nominees_published_at:
            return ContestPhase.EXPERT_REVIEW
        voting = self.voting_window.state(now)
        if voting == WindowState.NOT_YET_OPEN:
            return ContestPhase.NOMINEES_PUBLISHED
        if voting == WindowState.OPEN:
            return ContestPhase.VOTING
        if self.results_announced_at and now >= self.results_announced_at:
            return ContestPhase.RESULTS_ANNOUNCED
        return ContestPhase.VOTING_CLOSED

    @property
    def phase_label(self):
        return ContestPhase(self.phase()).label

    def phases(self):
        """The timeline shown to visitors: (label, starts, ends) in the contest's order."""
        return [
            (ContestPhase.SUBMISSION.label, self.submission_opens_at, self.submission_closes_at),
            (
                ContestPhase.EXPERT_REVIEW.label,
                self.submission_closes_at,
                self.nominees_published_at,
            ),
            (ContestPhase.NOMINEES_PUBLISHED.label, self.nominees_published_at, None),
            (ContestPhase.VOTING.label, self.voting_opens_at, self.voting_closes_at),
            (ContestPhase.RESULTS_ANNOUNCED.label, self.results_announced_at, None),
        ]

    def category_keys(self):
        return {str(key) for key in self.categories.values_list("translation_key", flat=True)}

    def nominees_by_category(self):
        """[(category, [nominated submissions])] in the categories' order, in one query each."""
        nominees = defaultdict(list)
        for submission in (
            PrizeSubmission.objects.filter(contest_key=self.translation_key, nominated=True)
            .select_related("entry")
            .order_by("entry__title", "pk")
        ):
            nominees[submission.category_key].append(submission)
        return [(c, nominees.get(c.translation_key, [])) for c in self.categories.all()]

    def nominees_visible(self, now=None):
        return self.phase(now) in (
            ContestPhase.NOMINEES_PUBLISHED,
            ContestPhase.VOTING,
            ContestPhase.VOTING_CLOSED,
            ContestPhase.RESULTS_ANNOUNCED,
        )

    def category_for(self, category_key):
        """This language version's category with that key (its name in this language)."""
        return next((c for c in self.categories.all() if c.translation_key == category_key), None)

    def results_visible(self, now=None):
        """Counts are secret until the voting phase has ended."""
        return bool(self.voting_closes_at) and (now or timezone.now()) >= self.voting_closes_at

    def results(self, now=None):
        """[(category, [(nominee, votes)] most votes first)], or None while voting is not over."""
        if not self.results_visible(now):
            return None
        counted = defaultdict(list)
        for submission in (
            PrizeSubmission.objects.filter(contest_key=self.translation_key, nominated=True)
            .select_related("entry")
            .annotate(
                vote_count=models.Count("votes", filter=models.Q(votes__status=Vote.Status.COUNTED))
            )
            .order_by("-vote_count", "entry__title", "pk")
        ):
            counted[submission.category_key].append(submission)
        return [(c, counted.get(c.translation_key, [])) for c in self.categories.all()]

    def awards(self, now=None):
        """[(category, winners, champions)] once the results are announced, else None."""
        if self.phase(now) != ContestPhase.RESULTS_ANNOUNCED:
            return None
        awarded = defaultdict(lambda: ([], []))
        for submission in (
            PrizeSubmission.objects.filter(contest_key=self.translation_key)
            .exclude(result="")
            .select_related("entry")
            .order_by("entry__title", "pk")
        ):
            winners, champions = awarded[submission.category_key]
            is_winner = submission.result == PrizeSubmission.Result.WINNER
            (winners if is_winner else champions).append(submission)
        return [(c, *awarded[c.translation_key]) for c in self.categories.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        phase = self.phase()
        context["phase"] = phase
        context["show_nominees"] = self.nominees_visible()
        if context["show_nominees"]:
            context["nominees"] = self.nominees_by_category()
        context["results"] = self.results()
        context["results_announced"] = phase == ContestPhase.RESULTS_ANNOUNCED
        context["page_url"] = self.get_url(request)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return serving.index(self, request)

    @path("vote/<uuid:category_key>/", name="vote")
    def vote_route(self, request, category_key):
        return serving.vote(self, request, category_key)

    @path("vote/confirm/", name="confirm_vote")
    def confirm_vote_route(self, request):
        return serving.confirm_vote(self, request)

    @path("nominees/<int:nominee_id>/", name="nominee")
    def nominee_route(self, request, nominee_id):
        return serving.nominee_page(self, request, nominee_id)

    @path("nominees/<int:nominee_id>/share-image/", name="share_image")
    def share_image_route(self, request, nominee_id):
        return serving.share_image(self, request, nominee_id)

    @path("results/", name="results")
    def results_route(self, request):
        return serving.results_page(self, request)

    @path("my-votes/", name="my_votes")
    def my_votes_route(self, request):
        return serving.my_votes(self, request)

    @path("enter/", name="enter")
    def enter_route(self, request):
        return serving.enter(self, request)
