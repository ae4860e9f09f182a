"""Entering the WSIS Prizes from the Stocktaking submission form (stocktaking.extensions):
while a contest of the page's language takes submissions, the form offers "Also enter the
WSIS Prizes <year>" and the contest's categories in that language; the entry and its prize
submission are stored in one transaction, or neither."""

from django import forms
from django.utils.translation import gettext as _

from prizes.models import PrizesContestPage, PrizeSubmission
from prizes.models.storing import AlreadyEntered, PhaseClosed
from prizes.phases import ContestPhase
from stocktaking.extensions import Refused

ENTER_FIELD = "prizes_enter"
CATEGORY_FIELD = "prizes_category"


def closed_message(contest):
    return _(
        "Entries to the %(contest)s are closed: nothing was stored. Uncheck this box to "
        "submit your project to the Stocktaking database only."
    ) % {"contest": contest.title}


class PrizeEntryExtension:
    """The fields of one contest. For an owner's update of a project already entered
    (`entered`, its PrizeSubmission), only the category, to move it to another one."""

    def __init__(self, contest, is_open, entered=None):
        self.contest, self.is_open, self.entered = contest, is_open, entered

    def add_fields(self, form):
        categories = [(str(c.translation_key), c.name) for c in self.contest.categories.all()]
        if self.entered is not None:
            form.fields[CATEGORY_FIELD] = forms.ChoiceField(
                choices=categories,
                initial=str(self.entered.category_key),
                label=_("Prize category"),
                help_text=_(
                    "This project is entered in the %(contest)s. Until submission closes, "
                    "you can move it to another category."
                )
                % {"contest": self.contest.title},
            )
            form.fields[CATEGORY_FIELD].widget.attrs["aria-describedby"] = (
                f"{form.field_id(CATEGORY_FIELD)}-help"
            )
            return
        form.fields[ENTER_FIELD] = forms.BooleanField(
            required=False, label=_("Also enter the %(contest)s") % {"contest": self.contest.title}
        )
        form.fields[CATEGORY_FIELD] = forms.ChoiceField(
            required=False,
            choices=[("", "—"), *categories],
            label=_("Prize category"),
            help_text=_(
                "Required to enter the prizes. Until submission closes, you can change it "
                "from the contest page."
            ),
        )
        form.fields[CATEGORY_FIELD].widget.attrs["aria-describedby"] = (
            f"{form.field_id(CATEGORY_FIELD)}-help"
        )

    def clean(self, form, cleaned):
        if not cleaned.get(ENTER_FIELD):
            return
        if not self.is_open:
            form.add_error(ENTER_FIELD, closed_message(self.contest))
        elif not cleaned.get(CATEGORY_FIELD):
            form.add_error(CATEGORY_FIELD, _("Choose the prize category you enter the project in."))

    def store(self, entry, form):
        cleaned = form.cleaned_data
        if self.entered is None and not cleaned.get(ENTER_FIELD):
            return
        try:
            if self.entered is not None:
                self.contest.change_category(entry, cleaned[CATEGORY_FIELD])
                return
            self.contest.enter_project(entry, cleaned[CATEGORY_FIELD])
        except PhaseClosed:
            # Closed between the check and the store: the entry is not stored alone.
            raise Refused(closed_message(self.contest), ENTER_FIELD, status=403) from None
        except AlreadyEntered:  # entered meanwhile (the contest page's enter step)
            self.contest.change_category(entry, cleaned[CATEGORY_FIELD])


def prize_entry_extension(page, data=None, entry=None):
    """The extension for a Stocktaking page: the contest of its language taking submissions
    (for an owner's update of an `entry` already entered in it, its category only); for a
    POST that asks to enter one that has closed (or not yet opened), that contest, so that the
    whole submission is refused with the reason rather than stored alone."""
    contests = list(
        PrizesContestPage.objects.live()
        .filter(locale_id=page.locale_id)
        .order_by("-submission_closes_at")
    )
    for contest in contests:
        if contest.phase() == ContestPhase.SUBMISSION:
            entered = None
            if entry is not None:
                entered = PrizeSubmission.objects.filter(
                    entry=entry, contest_key=contest.translation_key
                ).first()
            return PrizeEntryExtension(contest, is_open=True, entered=entered)
    if data is None or not data.get(ENTER_FIELD) or not contests:
        return None
    chosen = str(data.get(CATEGORY_FIELD, ""))
    named = [c for c in contests if chosen and chosen in c.category_keys()]
    return PrizeEntryExtension((named or contests)[0], is_open=False)
