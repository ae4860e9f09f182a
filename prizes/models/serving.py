"""What the contest page's routes do, each read top to bottom: phase, validation, spam guard,
rate limit, store, respond; each refusal with its status code."""

import json
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from prizes import share_image as share_card
from prizes.forms import PrizeEntryForm, VoteForm
from prizes.models import privacy
from prizes.models.entries import PrizeSubmission
from prizes.models.storing import (
    AlreadyEntered,
    AlreadyVoted,
    NotANominee,
    PhaseClosed,
    read_vote_token,
    read_voter_token,
)
from prizes.phases import ContestPhase
from public_forms import ratelimit
from public_forms.clients import client_network
from stocktaking.models import Entry, StocktakingPage
from stocktaking.models.page import OWNER_SESSION_KEY


def _respond(page, request, template, context, status=200, wait=0):
    response = page.render(request, context_overrides=context, template=template)
    response.status_code = status
    if wait:
        response["Retry-After"] = str(wait)
    return response


def index(page, request):
    return page.render(request)


def _category(page, category_key):
    category = page.categories.filter(translation_key=category_key).first()
    if category is None:
        raise Http404
    return category


def vote(page, request, category_key):
    """A vote asked for: the voter's address gets a confirmation link; nothing counts yet."""
    category = _category(page, category_key)
    nominees = list(
        PrizeSubmission.objects.filter(
            contest_key=page.translation_key, category_key=category_key, nominated=True
        )
        .select_related("entry")
        .order_by("entry__title", "pk")
    )
    choices = [(n.pk, n.entry.title) for n in nominees]
    template = "prizes/vote_form.html"
    context = {"category": category, "nominees": nominees}
    if page.phase() != ContestPhase.VOTING:
        context["message"] = _("Voting is not open: no vote can be taken now.")
        return _respond(page, request, template, context, 403 if request.method == "POST" else 200)
    if request.method != "POST":
        # From a nominee's page (its campaign link): that nominee already chosen.
        chosen = request.GET.get("nominee", "")
        initial = {"nominee": int(chosen)} if chosen.isdigit() else {}
        context["form"] = VoteForm(nominees=choices, initial=initial)
        return _respond(page, request, template, context)
    status, wait = 400, 0
    form = VoteForm(request.POST, nominees=choices)
    if form.is_valid():
        if form.refused_as_spam():
            pass  # the form says why, and keeps the answers
        elif (wait := ratelimit.hit(request, f"prizes-vote:{page.translation_key}")) or (
            wait := ratelimit.hit(
                request,
                f"prizes-vote:{page.translation_key}:{category_key}",
                settings.PRIZES_VOTE_RATE_LIMIT,
            )
        ):
            status = 429
            context["message"] = _("Too many votes from your connection. Try again later.")
        else:
            nominee = page.nominee(category_key, form.cleaned_data["nominee"])
            page_url = page.get_full_url(request)
            with transaction.atomic():
                page.send_vote_link(category_key, nominee, form.cleaned_data["email"], page_url)
            context["sent_to"] = form.cleaned_data["email"]
            return _respond(page, request, template, context)
    context["form"] = form
    return _respond(page, request, template, context, status, wait)


def confirm_vote(page, request):
    """The link from the e-mail: opening it only asks (mail scanners open links); the button
    counts the vote, once per category per voter."""
    template = "prizes/vote_confirm.html"
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    read = read_vote_token(token or "")
    if read is None:
        context = {"message": _("This link is not valid or has expired.")}
        return _respond(page, request, template, context, 400)
    category_key, nominee_id, email = read
    category = _category(page, category_key)
    nominee = page.nominee(category_key, nominee_id)
    context = {"category": category, "nominee": nominee, "token": token}
    if nominee is None:
        context["message"] = _("This project is not a nominee of this category.")
        return _respond(page, request, template, context, 400)
    if page.phase() != ContestPhase.VOTING:
        context["message"] = _("Voting is not open: no vote can be taken now.")
        return _respond(page, request, template, context, 403)
    if request.method != "POST":
        context["ask"] = True
        return _respond(page, request, template, context)
    try:
        vote = page.record_vote(category_key, nominee_id, email, network=client_network(request))
    except AlreadyVoted:
        context["message"] = _("You have already voted in this category: one vote is counted.")
        return _respond(page, request, template, context, 409)
    except PhaseClosed:
        context["message"] = _("Voting is not open: no vote can be taken now.")
        return _respond(page, request, template, context, 403)
    except NotANominee:
        context["message"] = _("This project is not a nominee of this category.")
        return _respond(page, request, template, context, 400)
    context["recorded"] = True
    context["flagged"] = vote.status == vote.Status.FLAGGED
    return _respond(page, request, template, context)


def _published_nominee(page, nominee_id):
    if not page.nominees_visible():
        raise Http404
    nominee = (
        PrizeSubmission.objects.filter(
            pk=nominee_id, contest_key=page.translation_key, nominated=True
        )
        .select_related("entry")
        .first()
    )
    if nominee is None:
        raise Http404
    return nominee, page.category_for(nominee.category_key)


def _local_date(page, instant):
    local = timezone.localtime(instant, timezone=zoneinfo.ZoneInfo(page.time_zone))
    return formats.date_format(local, "DATE_FORMAT")


def nominee_page(page, request, nominee_id):
    """A nominee's own page, shareable: the project, its category in this language, the vote
    button while voting is open, and its campaign kit (link, short text, image)."""
    nominee, category = _published_nominee(page, nominee_id)
    link = page.get_full_url(request) + page.reverse_subpage("nominee", args=[nominee.pk])
    voting = page.phase() == ContestPhase.VOTING
    share_text = _(
        "“%(project)s” is nominated for the %(contest)s in the category “%(category)s”. "
        "Vote for it online until %(closes)s: %(link)s"
    ) % {
        "project": nominee.entry.title,
        "contest": page.title,
        "category": category.name if category else "",
        "closes": _local_date(page, page.voting_closes_at) if page.voting_closes_at else "",
        "link": link,
    }
    context = {
        "nominee": nominee,
        "category": category,
        "share_link": link,
        "share_text": share_text,
        "share_image": page.get_full_url(request)
        + page.reverse_subpage("share_image", args=[nominee.pk]),
        "voting": voting,
    }
    if voting and category:
        context["vote_url"] = (
            page.url
            + page.reverse_subpage("vote", args=[category.translation_key])
            + f"?nominee={nominee.pk}"
        )
    return _respond(page, request, "prizes/nominee.html", context)


def share_image(page, request, nominee_id):
    """The campaign kit's image, a PNG in the page's language (English where the server has
    no font for the language's script)."""
    nominee, category = _published_nominee(page, nominee_id)
    language = page.locale.language_code
    contest, category_name = page, category.name if category else ""
    if not share_card.can_draw(language):
        language = settings.LANGUAGE_CODE
        original = (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale__language_code=language)
            .first()
        )
        if original is not None:
            contest = original
            category_name = getattr(original.category_for(nominee.category_key), "name", "")
    with translation.override(language):
        lines = [
            (contest.title, 40, True),
            (_("Nominee"), 30, False),
            (category_name, 32, False),
            (nominee.entry.title, 52, True),
            (nominee.entry.organisation, 30, False),
        ]
    response = HttpResponse(share_card.render(lines, language), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    response["Content-Disposition"] = f'inline; filename="nominee-{nominee.pk}.png"'
    return response


def results_page(page, request):
    """The contest's results: winners and champions per category once they are announced,
    with the ceremony, and the votes per nominee once voting has closed."""
    context = {
        "page_url": page.get_url(request),
        "awards": page.awards(),
        "results": page.results(),
        "announced_on": page.results_announced_at and _local_date(page, page.results_announced_at),
    }
    return _respond(page, request, "prizes/results.html", context)


def my_votes(page, request):
    """A voter's own data, by the link in their confirmation e-mail: their votes (every
    contest), as a download, and the button that erases their address from them."""
    template = "prizes/my_votes.html"
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    email = read_voter_token(token or "")
    if email is None:
        context = {"message": _("This link is not valid or has expired.")}
        return _respond(page, request, template, context, 400)
    if request.method == "POST":
        erased = privacy.erase_voter(email)
        context = {"erased": erased}
        return _respond(page, request, template, context)
    data = privacy.export(email, type(page), page.locale)
    if request.GET.get("format") == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="my-wsis-prizes-votes.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    context = {"data": data, "token": token}
    return _respond(page, request, template, context)


def enter(page, request):
    """An owner signed in to Stocktaking's "My entries" enters one of their projects."""
    template = "prizes/enter_form.html"
    email = request.session.get(OWNER_SESSION_KEY)
    stocktaking = StocktakingPage.objects.live().filter(locale_id=page.locale_id).first()
    context = {"mine_url": f"{stocktaking.url}mine/" if stocktaking else ""}
    posted = request.method == "POST"
    if not email:
        context["message"] = _(
            "Sign in to your Stocktaking entries (“My entries”, by the link we e-mail you) "
            "to enter one of your projects."
        )
        return _respond(page, request, template, context, 403 if posted else 200)
    if page.phase() != ContestPhase.SUBMISSION:
        context["message"] = _("Submission is closed: no project can be entered now.")
        return _respond(page, request, template, context, 403 if posted else 200)
    entries = Entry.objects.filter(owner_email=email).exclude(status=Entry.Status.REJECTED)
    kwargs = {
        "entries": [(e.pk, e.title) for e in entries],
        "categories": [(str(c.translation_key), c.name) for c in page.categories.all()],
    }
    if not posted:
        context["form"] = PrizeEntryForm(**kwargs)
        return _respond(page, request, template, context)
    status, wait = 400, 0
    form = PrizeEntryForm(request.POST, **kwargs)
    if form.is_valid():
        if form.refused_as_spam():
            pass  # the form says why, and keeps the answers
        elif wait := ratelimit.hit(request, f"prizes-enter:{page.translation_key}"):
            status = 429
            context["message"] = _("Too many entries from your connection. Try again later.")
        else:
            entry = entries.get(pk=form.cleaned_data["entry"])
            try:
                context["submission"] = page.enter_project(entry, form.cleaned_data["category"])
                return _respond(page, request, template, context)
            except AlreadyEntered:
                # Entered already: its owner may still move it to another category.
                moved = page.change_category(entry, form.cleaned_data["category"])
                if moved is not None:
                    context["submission"] = moved
                    return _respond(page, request, template, context)
                status = 409
                context["message"] = _("This project is already entered in this contest.")
            except PhaseClosed:
                status = 403
                context["message"] = _("Submission is closed: no project can be entered now.")
    context["form"] = form
    return _respond(page, request, template, context, status, wait)
