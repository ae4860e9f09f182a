"""Entering the WSIS Prizes from the Stocktaking submission form (stocktaking.extensions):
while a contest of the page's language takes submissions, the form offers "Also enter the
WSIS Prizes <year>" and the contest's categories in that language; the entry and its prize
submission are stored in one transaction, or neither."""

from django import forms
from django.utils.translation import gettext as _

from prizes.models import PrizesContestPage
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
    def __init__(self, contest, is_open):
        self.contest, self.is_open = contest, is_open

    def add_fields(self, form):
        categories = [(str(c.translation_key), c.name) for c in self.contest.categories.all()]
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
        if not cleaned.get(ENTER_FIELD):
            return
        try:
            self.contest.enter_project(entry, cleaned[CATEGORY_FIELD])
        except PhaseClosed:
            # Closed between the check and the store: the entry is not stored alone.
            raise Refused(closed_message(self.contest), ENTER_FIELD, status=403) from None
        except AlreadyEntered:  # a new entry cannot be; kept for safety
            pass


def prize_entry_extension(page, data=None):
    """The extension for a Stocktaking page: the contest of its language taking submissions;
    for a POST that asks to enter one that has closed (or not yet opened), that contest, so
    that the whole submission is refused with the reason rather than stored alone."""
    contests = list(
        PrizesContestPage.objects.live()
        .filter(locale_id=page.locale_id)
        .order_by("-submission_closes_at")
    )
    for contest in contests:
        if contest.phase() == ContestPhase.SUBMISSION:
            return PrizeEntryExtension(contest, is_open=True)
    if data is None or not data.get(ENTER_FIELD) or not contests:
        return None
    chosen = str(data.get(CATEGORY_FIELD, ""))
    named = [c for c in contests if chosen and chosen in c.category_keys()]
    return PrizeEntryExtension((named or contests)[0], is_open=False)
