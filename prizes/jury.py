"""The WSIS Prizes as the jury machinery sees them (juries.contests): entries are prize
submissions in the contest's categories; the jury's choice nominates them for the online
voting (PrizeSubmission.nominated, which the contest page publishes on its day)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import log

from juries.contests import Category, ContestKind, EntryView, NominationRefused, register
from prizes.models import PrizeSubmission
from prizes.phases import ContestPhase

# Once the voting has opened the nominees are the voters' choice: the jury no longer changes them.
NOMINATION_CLOSED = (
    ContestPhase.VOTING,
    ContestPhase.VOTING_CLOSED,
    ContestPhase.RESULTS_ANNOUNCED,
)


class PrizesJury(ContestKind):
    name = "prizes"
    page_model = "prizes.PrizesContestPage"
    verbose_name = gettext_lazy("WSIS Prizes")
    nominate_label = gettext_lazy("Nominate for the online voting")
    withdraw_label = gettext_lazy("Withdraw the nomination")

    def categories(self, contest):
        return [Category(c.translation_key, c.name) for c in contest.categories.all()]

    def entries(self, contest):
        return list(
            PrizeSubmission.objects.filter(contest_key=contest.translation_key)
            .order_by("pk")
            .values_list("pk", "category_key")
        )

    def describe(self, entry_ids):
        views = {}
        for submission in PrizeSubmission.objects.filter(pk__in=entry_ids).select_related("entry"):
            entry = submission.entry
            views[submission.pk] = EntryView(
                title=entry.title,
                lines=[
                    (_("Organisation"), entry.organisation),
                    (_("Description"), entry.description),
                ],
                outcome=_("Nominated") if submission.nominated else "",
            )
        return views

    def _submissions(self, contest, category_key, entry_ids):
        if contest.phase() in NOMINATION_CLOSED:
            raise NominationRefused(
                _("The online voting has opened: the nominees can no longer change.")
            )
        return PrizeSubmission.objects.select_for_update().filter(
            contest_key=contest.translation_key, category_key=category_key, pk__in=entry_ids
        )

    def _set(self, contest, category_key, entry_ids, user, nominated):
        with transaction.atomic():
            changed = 0
            for submission in self._submissions(contest, category_key, entry_ids):
                if submission.nominated != nominated:
                    submission.nominated = nominated
                    submission.save(update_fields=["nominated"])
                    # The Prizes' own actions: the contest's audit trail shows them.
                    action = "prizes.nominated" if nominated else "prizes.nomination_withdrawn"
                    log(submission, action, user=user, data={"by": "jury"})
                    changed += 1
        return changed

    def nominate(self, contest, category_key, entry_ids, user):
        count = self._set(contest, category_key, entry_ids, user, True)
        return ngettext("%(count)s entry nominated.", "%(count)s entries nominated.", count) % {
            "count": count
        }

    def withdraw(self, contest, category_key, entry_ids, user):
        count = self._set(contest, category_key, entry_ids, user, False)
        return ngettext(
            "%(count)s nomination withdrawn.", "%(count)s nominations withdrawn.", count
        ) % {"count": count}


register(PrizesJury())
