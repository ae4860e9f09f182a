import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache, seo
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from home.timezones import DEFAULT_TIME_ZONE, END_OF_DAY, TIME_ZONE_CHOICES
from media.models.entry import PhotoEntry
from media.models.storing import EntryLimitReached, EntryStoring
from public_forms import ratelimit, receipts
from public_forms.shared_rules import RulesSharedByTranslations
from public_forms.windows import Window, WindowState

PHOTOS_PER_PAGE = 24
# The licences' deeds; the ITU licence is the contest's rules (on the contest page).
LICENCE_URLS = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
}


class ContestState(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Not yet open")
    OPEN = "open", _("Open for entries")
    JUDGING = "judging", _("Judging")
    WINNERS_ANNOUNCED = "winners_announced", _("Winners announced")


class PhotoContestPage(RulesSharedByTranslations, EntryStoring, RoutablePageMixin, BasePage):
    """A photo contest: theme, rules, dates, prizes; public entries; the gallery of approved
    photos, winners first once announced."""

    theme = models.CharField(max_length=255, verbose_name=_("theme"))
    introduction = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    rules = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("rules and eligibility")
    )
    prizes = RichTextField(blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("prizes"))
    presented_at = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("prizes presented at"),
    )
    time_zone = models.CharField(
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        verbose_name=_("time zone"),
    )
    opens_on = models.DateField(verbose_name=_("opens on"))
    closes_on = models.DateField(verbose_name=_("closes on"))
    closes_time = models.TimeField(default=END_OF_DAY, verbose_name=_("at"))
    winners_announced_on = models.DateField(
        null=True, blank=True, verbose_name=_("winners announced on")
    )
    opens_at = models.DateTimeField(null=True, editable=False)
    closes_at = models.DateTimeField(null=True, editable=False)
    entries_per_entrant = models.PositiveSmallIntegerField(
        default=5, verbose_name=_("entries per entrant")
    )
    number_of_winners = models.PositiveSmallIntegerField(
        default=3, verbose_name=_("number of winners")
    )
    min_long_side = models.PositiveIntegerField(
        default=1600, verbose_name=_("minimum long side (pixels)")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("introduction"),
        FieldPanel("rules"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel(
                    [FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("closes_time")]
                ),
                FieldPanel("winners_announced_on"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("entries_per_entrant"),
                FieldPanel("number_of_winners"),
                FieldPanel("min_long_side"),
            ],
            heading=_("Entries"),
        ),
        FieldPanel("prizes"),
        FieldPanel("presented_at"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("theme"),
        TranslatableField("introduction"),
        TranslatableField("rules"),
        TranslatableField("prizes"),
        SynchronizedField("presented_at"),
        SynchronizedField("time_zone"),
        SynchronizedField("opens_on"),
        SynchronizedField("closes_on"),
        SynchronizedField("closes_time"),
        SynchronizedField("winners_announced_on"),
        SynchronizedField("entries_per_entrant"),
        SynchronizedField("number_of_winners"),
        SynchronizedField("min_long_side"),
    ]
    prefetched_stream_fields = ()
    # Its winners' structured data and everything below the navigation, per page of the gallery:
    # kept until it is purged (its own publication or its translations', a photo approved,
    # withdrawn or ranked, a scoring criterion edited: media.signals, juries.signals).
    fragment_sections = ("head", "content")
    fragment_varies_on_query = True
    # The same dates and entry rules for all the language versions (see the mixin).
    shared_rules = (
        "time_zone",
        "opens_on",
        "closes_on",
        "closes_time",
        "winners_announced_on",
        "entries_per_entrant",
        "number_of_winners",
        "min_long_side",
    )
    shared_computed = ("opens_at", "closes_at")
    parent_page_types = ["home.HomePage", "home.StandardPage", "events.EventPage"]
    subpage_types = ["media.GalleryPage"]

    class Meta:
        verbose_name = _("photo contest")

    def clean(self):
        super().clean()
        self.clean_shared_rules()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The contest must close after it opens.")})
        if (
            self.winners_announced_on
            and self.closes_on
            and self.winners_announced_on < self.closes_on
        ):
            raise ValidationError(
                {"winners_announced_on": _("Winners are announced after the contest closes.")}
            )

    def save(self, *args, **kwargs):
        shares = self.saves_rules(kwargs.get("update_fields"))
        original = self.take_rules_from_original() if shares else None
        if self.opens_on and self.closes_on:
            window = Window.from_local(
                self.time_zone,
                self.opens_on,
                closes_on=self.closes_on,
                closes_time=self.closes_time,
            )
            self.opens_at, self.closes_at = window.opens_at, window.closes_at
        super().save(*args, **kwargs)
        if shares:
            self.give_rules_to_translations(original)

    @property
    def window(self):
        return Window(self.opens_at, self.closes_at)

    @property
    def state(self):
        """The entry window's state; once it has closed, judging until the winners' day."""
        state = self.window.state()
        if state == WindowState.NOT_YET_OPEN:
            return ContestState.NOT_YET_OPEN
        if state == WindowState.OPEN:
            return ContestState.OPEN
        if self.winners_announced_on:
            winners_day = datetime.datetime.combine(
                self.winners_announced_on, datetime.time.min, tzinfo=timezone.get_current_timezone()
            )
            page_cache.changes_at(winners_day)
        if self.winners_announced_on and timezone.localdate() >= self.winners_announced_on:
            return ContestState.WINNERS_ANNOUNCED
        return ContestState.JUDGING

    @property
    def state_label(self):
        return ContestState(self.state).label

    def entries(self):
        """Every entry, whichever language version of the contest it was sent to."""
        return PhotoEntry.objects.filter(contest_key=self.translation_key)

    def approved(self):
        """Approved photos whose public copy exists (the worker makes it after approval)."""
        return PhotoEntry.prefetch_queryset().filter(
            contest_key=self.translation_key,
            status=PhotoEntry.Status.APPROVED,
            public_image__isnull=False,
        )

    def gallery(self):
        """Approved photos; winners first, by rank, once the winners are announced."""
        entries = self.approved()
        if self.state == ContestState.WINNERS_ANNOUNCED:
            return entries.order_by(
                models.F("winner_rank").asc(nulls_last=True), "-submitted_at", "-pk"
            )
        return entries.order_by("-submitted_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["show_winners"] = self.state == ContestState.WINNERS_ANNOUNCED
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The contest and one page of its gallery (only this route pages the gallery)."""
        if self.sections_kept(request):
            return self.render(request)  # the gallery comes ready-made (home.fragments)
        # get_page: the first page for a bad number, the last for one past the end.
        photos = Paginator(self.gallery(), PHOTOS_PER_PAGE).get_page(request.GET.get("page"))
        context = {"photos": photos, "winners_json_ld": self.winners_json_ld(request, photos)}
        return self.render(request, context_overrides=context)

    @staticmethod
    def _winners_shown(photos):
        """The winners, by rank, when this page of the gallery holds them all (they come first,
        so the first page does unless they fill it), else None."""
        if photos is None or photos.number != 1:
            return None
        entries = list(photos)  # the page keeps the list: the template iterates it again
        winners = [entry for entry in entries if entry.winner_rank is not None]
        if photos.has_next() and len(winners) == len(entries):
            return None
        return sorted(winners, key=lambda entry: entry.winner_rank)

    def winners_json_ld(self, request, photos=None):
        """The winning photos as schema.org ImageObjects, with their creator and licence. Taken
        from `photos`, the page of the gallery being shown, when it holds them all."""
        if self.state != ContestState.WINNERS_ANNOUNCED:
            return ""
        winners = self._winners_shown(photos)
        if winners is None:
            winners = self.approved().filter(winner_rank__isnull=False).order_by("winner_rank")
        contest_url = self.get_full_url(request)
        images = []
        for entry in winners:
            rendition = entry.public_image.get_rendition("max-1200x900")
            photo_url = contest_url + self.reverse_subpage("photo", args=[entry.pk])
            images.append(
                {
                    "@type": "ImageObject",
                    "contentUrl": request.build_absolute_uri(rendition.url),
                    "url": photo_url,
                    "name": entry.title,
                    "caption": entry.caption,
                    "width": rendition.width,
                    "height": rendition.height,
                    "creator": {"@type": "Person", "name": entry.photographer},
                    "creditText": entry.photographer,
                    "copyrightHolder": {"@type": "Person", "name": entry.photographer},
                    "license": LICENCE_URLS.get(entry.licence) or contest_url,
                    "acquireLicensePage": contest_url,
                    "contentLocation": entry.taken_where,
                    "dateCreated": entry.taken_on.isoformat() if entry.taken_on else None,
                    "award": str(_("Prize %(rank)s") % {"rank": entry.winner_rank}),
                }
            )
        if not images:
            return ""
        return seo.json_ld({"@context": "https://schema.org", "@graph": images})

    @path("enter/", name="enter")
    def enter(self, request):
        """The public entry form; late, spammy, too frequent or over-quota entries store nothing."""
        # render() adds the page's own context; these are only what this route knows.
        context = {}
        template = "media/photo_entry_form.html"
        if request.method != "POST":
            context["form"] = self.entry_form()
            return self.render(request, context_overrides=context, template=template)
        status, message, wait = 400, "", 0
        form = self.entry_form(request.POST, request.FILES)
        # The same form sent again (a lost response, a double click): the first result.
        first = receipts.first_result(self.receipt_scope, form.submission_token)
        if first is not None:
            context["entry"] = first
            return self.render(request, context_overrides=context, template=template)
        if self.state != ContestState.OPEN:
            status, message = (
                403,
                _("This contest is not taking entries: your photo was not stored."),
            )
        elif form.is_valid():
            if form.refused_as_spam():
                pass  # the form says why, and keeps the answers
            elif wait := ratelimit.hit(request, f"contest:{self.translation_key}"):
                status, message = 429, _("Too many entries from your connection. Try again later.")
            else:
                try:
                    context["entry"] = self.store_entry(form)
                    return self.render(request, context_overrides=context, template=template)
                except receipts.AlreadyReceived:
                    first = receipts.first_result(self.receipt_scope, form.submission_token)
                    if first is not None:
                        context["entry"] = first
                        return self.render(request, context_overrides=context, template=template)
                    status, form = 409, self.entry_form()
                    message = _("This form was already sent. Please fill it in again.")
                except EntryLimitReached:
                    status = 409
                    message = _(
                        "You have already sent %(count)s photos to this contest, the most allowed."
                    ) % {"count": self.entries_per_entrant}
        context.update(form=form if self.state == ContestState.OPEN else None, message=message)
        response = self.render(request, context_overrides=context, template=template)
        response.status_code = status
        if wait:
            response["Retry-After"] = str(wait)
        return response

    @path("photos/<int:entry_id>/", name="photo")
    def photo(self, request, entry_id):
        from django.shortcuts import get_object_or_404

        gallery = list(self.gallery().values_list("pk", flat=True))
        if entry_id not in gallery:
            from django.http import Http404

            raise Http404
        entry = get_object_or_404(self.approved(), pk=entry_id)
        position = gallery.index(entry_id)
        context = dict(
            entry=entry,
            previous_id=gallery[position - 1] if position > 0 else None,
            next_id=gallery[position + 1] if position + 1 < len(gallery) else None,
        )
        return self.render(
            request, context_overrides=context, template="media/photo_entry_page.html"
        )
