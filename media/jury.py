"""The photo contest as the jury machinery sees it (juries.contests): one category, the
approved photos; the jury's ranking sets the winners' ranks (PhotoEntry.winner_rank, which
moderators set by hand before there was a jury), replacing those there were."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import log

from juries.contests import Category, ContestKind, EntryView, NominationRefused, register
from media.models import PhotoEntry


class PhotoContestJury(ContestKind):
    name = "photos"
    page_model = "media.PhotoContestPage"
    verbose_name = gettext_lazy("Photo contest")
    nominate_label = gettext_lazy("Make these the winners, in ranking order")
    withdraw_label = ""

    def categories(self, contest):
        return [Category(contest.translation_key, _("All photos"))]

    def entries(self, contest):
        return [
            (pk, contest.translation_key)
            for pk in contest.entries()
            .filter(status=PhotoEntry.Status.APPROVED)
            .order_by("pk")
            .values_list("pk", flat=True)
        ]

    def describe(self, entry_ids):
        # Jurors judge the photo, not the photographer: no name, no address.
        views = {}
        for photo in PhotoEntry.prefetch_queryset().filter(pk__in=entry_ids):
            image = photo.public_image
            rendition = image.get_rendition("fill-400x300") if image else None
            views[photo.pk] = EntryView(
                title=photo.title,
                lines=[(_("Caption"), photo.caption), (_("Taken in"), photo.taken_where)],
                image_url=rendition.url if rendition else "",
                image_alt=photo.alt_text,
                outcome=(
                    _("Winner, rank %(rank)s") % {"rank": photo.winner_rank}
                    if photo.winner_rank
                    else ""
                ),
            )
        return views

    def nominate(self, contest, category_key, entry_ids, user):
        """The chosen photos win, ranked in the jury's order; every other rank is cleared."""
        limit = contest.number_of_winners
        if len(entry_ids) > limit:
            raise NominationRefused(
                _("This contest has %(count)s prize(s): choose at most %(count)s photos.")
                % {"count": limit}
            )
        with transaction.atomic():
            entries = contest.entries().select_for_update()
            chosen = {p.pk: p for p in entries.filter(pk__in=entry_ids)}
            if any(p.status != PhotoEntry.Status.APPROVED for p in chosen.values()) or len(
                chosen
            ) != len(entry_ids):
                raise NominationRefused(_("Only an approved photo can win."))
            # Cleared first: the database holds one photo per rank.
            for photo in entries.exclude(winner_rank=None).exclude(pk__in=entry_ids):
                log(photo, "juries.photos.rank", user=user, data={"rank": None})
            entries.exclude(winner_rank=None).update(winner_rank=None)
            for rank, pk in enumerate(entry_ids, start=1):
                photo = chosen[pk]
                photo.winner_rank = rank
                photo.save(update_fields=["winner_rank"])
                log(photo, "juries.photos.rank", user=user, data={"rank": rank})
        return ngettext(
            "%(count)s winner ranked from the jury's ranking.",
            "%(count)s winners ranked from the jury's ranking.",
            len(entry_ids),
        ) % {"count": len(entry_ids)}


register(PhotoContestJury())
