"""Taking prize entries and votes in: each one insert that the database's unique constraints
guard, so that racing requests store one row and the others learn they came second."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prizes.models.entries import PrizeSubmission, Vote
from prizes.phases import ContestPhase
from prizes.voting import normalise_email

VOTE_LINK_MAX_AGE = 7 * 24 * 3600
# The voter's own link to their data (in the confirmation e-mail): good until it is erased.
VOTER_LINK_MAX_AGE = 400 * 24 * 3600
_vote_signer = signing.TimestampSigner(salt="prizes.vote-confirmation")
_voter_signer = signing.TimestampSigner(salt="prizes.voter-data")


class PhaseClosed(Exception):
    """The contest is not in the phase this action belongs to."""


class AlreadyEntered(Exception):
    """This project is already entered in this contest."""


class AlreadyVoted(Exception):
    """This voter has already voted in this category."""


class NotANominee(Exception):
    """The project chosen is not a nominee of this category."""


def vote_token(category_key, nominee_id, email):
    return _vote_signer.sign_object({"k": str(category_key), "n": nominee_id, "e": email})


def read_vote_token(token):
    """(category key, nominee id, e-mail as typed), or None for a forged or expired link."""
    try:
        data = _vote_signer.unsign_object(token, max_age=VOTE_LINK_MAX_AGE)
        return data["k"], int(data["n"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def voter_token(email):
    return _voter_signer.sign_object({"e": normalise_email(email)})


def read_voter_token(token):
    """The normalised address a voter's data link names, or None."""
    try:
        return str(_voter_signer.unsign_object(token, max_age=VOTER_LINK_MAX_AGE)["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def anomaly(contest_key, nominee, network, now):
    """Why a vote confirmed now looks like part of a campaign of fake votes, or "": more votes
    from the voter's network in this contest than PRIZES_NETWORK_BURST allows in its window,
    or more votes for this nominee than PRIZES_RAPID_VOTES allows within seconds. The vote is
    still stored (it holds the voter's place), flagged for staff."""
    if network:
        limit, seconds = settings.PRIZES_NETWORK_BURST
        recent = Vote.objects.filter(
            contest_key=contest_key,
            network=network,
            confirmed_at__gt=now - datetime.timedelta(seconds=seconds),
        )
        if recent[:limit].count() >= limit:
            return Vote.Flag.NETWORK_BURST
    limit, seconds = settings.PRIZES_RAPID_VOTES
    recent = Vote.objects.filter(
        nominee=nominee, confirmed_at__gt=now - datetime.timedelta(seconds=seconds)
    )
    if recent[:limit].count() >= limit:
        return Vote.Flag.RAPID
    return Vote.Flag.NONE


class PrizeStoring:
    """A mixin of the contest page: entering projects, asking for and recording votes."""

    def enter_project(self, entry, category_key, now=None):
        if self.phase(now) != ContestPhase.SUBMISSION:
            raise PhaseClosed
        if str(category_key) not in self.category_keys():
            raise ValueError("not a category of this contest")
        try:
            with transaction.atomic():
                submission = PrizeSubmission.entering(self, category_key, entry=entry)
                submission.save(force_insert=True)
                return submission
        except IntegrityError:
            raise AlreadyEntered from None

    def change_category(self, entry, category_key, now=None):
        """The owner moves their entry to another category, until submission closes; returns
        the entry's submission, or None when it was already in that category."""
        if self.phase(now) != ContestPhase.SUBMISSION:
            raise PhaseClosed
        if str(category_key) not in self.category_keys():
            raise ValueError("not a category of this contest")
        mine = PrizeSubmission.objects.filter(entry=entry, contest_key=self.translation_key)
        if not mine.exclude(category_key=category_key).update(category_key=category_key):
            return None
        return mine.get()

    def nominee(self, category_key, nominee_id):
        return PrizeSubmission.objects.filter(
            pk=nominee_id,
            contest_key=self.translation_key,
            category_key=category_key,
            nominated=True,
        ).first()

    def send_vote_link(self, category_key, nominee, email, page_url):
        """The confirmation link, in the page's language; it names the contest and the
        nominee (public once nominated), never anything the voter typed but the address."""
        confirm_url = page_url + self.reverse_subpage("confirm_vote")
        link = f"{confirm_url}?token={vote_token(category_key, nominee.pk, email)}"
        my_votes = f"{page_url}{self.reverse_subpage('my_votes')}?token={voter_token(email)}"
        with translation.override(self.locale.language_code):
            body = render_to_string(
                "prizes/emails/vote_confirmation.txt",
                {"contest": self, "nominee": nominee, "link": link, "my_votes": my_votes},
            )
            subject = _("%(contest)s: confirm your vote") % {"contest": self.title}
            EmailMessage(subject, body, to=[email]).send()

    def record_vote(self, category_key, nominee_id, email, now=None, network=""):
        """Stores a confirmed vote once: the unique constraint on (contest, category, voter)
        refuses the second, whichever request comes first. A vote that looks like part of a
        burst is stored flagged: it counts once staff accept it."""
        now = now or timezone.now()
        if self.phase(now) != ContestPhase.VOTING:
            raise PhaseClosed
        nominee = self.nominee(category_key, nominee_id)
        if nominee is None:
            raise NotANominee
        flag = anomaly(self.translation_key, nominee, network, now)
        try:
            with transaction.atomic():
                return Vote.objects.create(
                    contest_key=self.translation_key,
                    category_key=category_key,
                    nominee=nominee,
                    voter_email=normalise_email(email),
                    language=self.locale.language_code,
                    network=network,
                    status=Vote.Status.FLAGGED if flag else Vote.Status.COUNTED,
                    flag=flag,
                    confirmed_at=now,
                )
        except IntegrityError:
            raise AlreadyVoted from None
