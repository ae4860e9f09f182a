"""The jury's staff screens (Wagtail admin views under /admin/juries/, by register_admin_urls):
a juror's work list and scoring screen; the rounds, jurors and rankings for jury staff."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from juries import contests, rounds, scoring
from juries.forms import JurorsForm, NewRoundForm, ScoreForm
from juries.models import Candidate, JurorAssignment, JuryRound, Review, Score
from juries.permissions import (
    is_jury_staff,
    may_score,
    may_see_candidate,
    may_see_others,
    may_see_review,
)


def _staff_only(user):
    if not is_jury_staff(user):
        raise PermissionDenied


def contest_pages():
    """Every page a jury can score: the registered kinds' pages, in their source language."""
    labels = [kind.page_model for kind in contests.kinds().values()]
    query = Q()
    for label in labels:
        app_label, model = label.lower().split(".")
        query |= Q(content_type__app_label=app_label, content_type__model=model)
    if not labels:
        return Page.objects.none()
    return Page.objects.filter(query, alias_of__isnull=True).order_by("title")


class JuryIndexView(WagtailAdminTemplateMixin, TemplateView):
    """A juror's candidates to score, round by round; for jury staff, every round too."""

    page_title = gettext_lazy("Jury")
    header_icon = "pick"
    template_name = "juries/admin/index.html"

    def post(self, request):
        _staff_only(request.user)
        form = NewRoundForm(request.POST, contests=self.first_round_contests())
        if form.is_valid():
            contest = Page.objects.get(pk=form.cleaned_data["contest"])
            try:
                jury_round = rounds.create_round(
                    contest, request.user, form.cleaned_data["advance_count"]
                )
            except rounds.RoundError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Round 1 created: assign its jurors."))
                return redirect("juries:round", jury_round.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def first_round_contests(self):
        return contest_pages().exclude(
            translation_key__in=JuryRound.objects.values("contest__translation_key")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        assignments = (
            JurorAssignment.objects.filter(juror=user, round__status=JuryRound.Status.SCORING)
            .select_related("round__contest")
            .order_by("round__contest__title", "round__number")
        )
        work = []
        for assignment in assignments:
            names = {c.key: c.name for c in assignment.round.categories()}
            candidates = assignment.round.candidates.filter(
                category_key=assignment.category_key
            ).annotate(mine=Count("reviews", filter=Q(reviews__juror=user)))
            entries = assignment.round.contest_kind.describe([c.entry_id for c in candidates])
            for candidate in candidates:
                candidate.entry = entries.get(candidate.entry_id)
            total = len(candidates)
            done = sum(1 for c in candidates if c.mine)
            work.append(
                dict(
                    round=assignment.round,
                    category=names.get(assignment.category_key, ""),
                    candidates=candidates,
                    total=total,
                    done=done,
                )
            )
        context["work"] = work
        context["is_staff"] = is_jury_staff(user)
        if context["is_staff"]:
            context["rounds"] = JuryRound.objects.select_related("contest").annotate(
                entries=Count("candidates", distinct=True)
            )
            context.setdefault("form", NewRoundForm(contests=self.first_round_contests()))
        return context


class RoundView(WagtailAdminTemplateMixin, TemplateView):
    """A round for jury staff: its state and its changes, its jurors per category."""

    header_icon = "pick"
    template_name = "juries/admin/round.html"

    def dispatch(self, request, round_id):
        _staff_only(request.user)
        self.round = get_object_or_404(JuryRound.objects.select_related("contest"), pk=round_id)
        return super().dispatch(request, round_id)

    def get_page_title(self):
        return str(self.round)

    def post(self, request, round_id):
        action = request.POST.get("action")
        try:
            if action == "open":
                rounds.open_round(self.round, request.user)
                messages.success(request, _("The round is open: its jurors can score."))
            elif action == "close":
                rounds.close_round(self.round, request.user)
                messages.success(request, _("The round is closed: scores can no longer be sent."))
            elif action == "next":
                following = rounds.start_next_round(self.round, request.user)
                messages.success(
                    request, _("Round %(number)s created.") % {"number": following.number}
                )
                return redirect("juries:round", following.pk)
            elif action == "jurors":
                keys = {str(c.key): c.key for c in self.round.categories()}
                key = keys.get(request.POST.get("category", ""))
                form = JurorsForm(request.POST)
                if key is None or not form.is_valid():
                    messages.error(request, _("Choose jurors among the site's users."))
                    return redirect("juries:round", self.round.pk)
                rounds.set_jurors(self.round, key, form.cleaned_data["jurors"], request.user)
                messages.success(request, _("Jurors saved."))
            else:
                messages.error(request, _("Unknown action."))
        except rounds.RoundError as error:
            messages.error(request, str(error))
        return redirect("juries:round", self.round.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jury_round = self.round
        jurors = {}
        for a in jury_round.assignments.select_related("juror"):
            jurors.setdefault(a.category_key, []).append(a.juror)
        counts = {
            row["category_key"]: row
            for row in jury_round.candidates.values("category_key").annotate(
                entries=Count("pk", distinct=True), reviews=Count("reviews")
            )
        }
        categories = []
        for category in jury_round.categories():
            chosen = jurors.get(category.key, [])
            categories.append(
                dict(
                    category=category,
                    jurors=chosen,
                    form=JurorsForm(initial={"jurors": [u.pk for u in chosen]}),
                    entries=counts.get(category.key, {}).get("entries", 0),
                    reviews=counts.get(category.key, {}).get("reviews", 0),
                )
            )
        context.update(
            round=jury_round,
            categories=categories,
            criteria=jury_round.criteria(),
            Status=JuryRound.Status,
            has_next=JuryRound.objects.filter(
                contest_id=jury_round.contest_id, number__gt=jury_round.number
            ).exists(),
        )
        return context


class RankingView(WagtailAdminTemplateMixin, TemplateView):
    """One category's ranking: each candidate's weighted average, its jurors' disagreement,
    whether it goes on and what the contest made of it; staff act on a selection."""

    header_icon = "order"
    template_name = "juries/admin/ranking.html"

    def dispatch(self, request, round_id, category_key):
        _staff_only(request.user)
        self.round = get_object_or_404(JuryRound.objects.select_related("contest"), pk=round_id)
        names = {c.key: c.name for c in self.round.categories()}
        if category_key not in names:
            raise PermissionDenied
        self.category_key, self.category_name = category_key, names[category_key]
        return super().dispatch(request, round_id, category_key)

    def get_page_title(self):
        return _("Ranking: %(category)s") % {"category": self.category_name}

    def get_page_subtitle(self):
        return str(self.round)

    def post(self, request, round_id, category_key):
        action = request.POST.get("action")
        ids = request.POST.getlist("candidate")
        standings = rounds.category_ranking(self.round, self.category_key)
        chosen = [s.candidate for s in standings if str(s.candidate.pk) in ids]
        here = reverse("juries:ranking", args=[self.round.pk, self.category_key])
        try:
            if action == "advance_best":
                count = int(request.POST.get("count") or 0)
                best = rounds.advance_best(self.round, self.category_key, count, request.user)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s entry goes on to the next round.",
                        "%(count)s entries go on to the next round.",
                        len(best),
                    )
                    % {"count": len(best)},
                )
                return redirect(here)
            if not chosen:
                messages.error(request, _("Select at least one entry."))
                return redirect(here)
            if action in ("advance", "hold"):
                rounds.set_advances(self.round, chosen, action == "advance", request.user)
                messages.success(request, _("Saved."))
            elif action in ("nominate", "withdraw"):
                for message in rounds.nominate(
                    self.round, chosen, request.user, withdraw=action == "withdraw"
                ):
                    messages.success(request, message)
            else:
                messages.error(request, _("Unknown action."))
        except (rounds.RoundError, contests.NominationRefused) as error:
            messages.error(request, str(error))
        return redirect(here)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.round.contest_kind
        context.update(
            round=self.round,
            category_name=self.category_name,
            standings=rounds.category_ranking(self.round, self.category_key, describe=True),
            kind=kind,
            Status=JuryRound.Status,
        )
        return context


class CandidateView(WagtailAdminTemplateMixin, TemplateView):
    """One entry for a juror: the score form until they have scored; then their scores, the
    other jurors' and what they add up to. Staff see everything, and score only if assigned."""

    header_icon = "pick"
    template_name = "juries/admin/candidate.html"

    def dispatch(self, request, candidate_id):
        self.candidate = get_object_or_404(
            Candidate.objects.select_related("round__contest"), pk=candidate_id
        )
        if not may_see_candidate(request.user, self.candidate):
            raise PermissionDenied
        self.round = self.candidate.round
        self.criteria = list(self.round.criteria())
        self.entry = self.round.contest_kind.describe([self.candidate.entry_id]).get(
            self.candidate.entry_id
        )
        return super().dispatch(request, candidate_id)

    def get_page_title(self):
        return self.entry.title if self.entry else str(self.candidate)

    def get_page_subtitle(self):
        return str(self.round)

    def post(self, request, candidate_id):
        if not may_score(request.user, self.candidate):
            raise PermissionDenied
        form = ScoreForm(request.POST, criteria=self.criteria)
        if form.is_valid():
            try:
                rounds.submit_review(
                    self.candidate,
                    request.user,
                    form.values(),
                    form.comments(),
                    form.cleaned_data["comment"],
                )
            except rounds.AlreadyReviewed:
                messages.error(request, _("You have already scored this entry."))
                return self.render_to_response(self.get_context_data(), status=409)
            except rounds.RoundError as error:
                messages.error(request, str(error))
                return self.render_to_response(self.get_context_data(form=form), status=403)
            messages.success(request, _("Your scores are saved."))
            return redirect("juries:candidate", self.candidate.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        reviews = (
            Review.objects.filter(candidate=self.candidate)
            .select_related("juror")
            .prefetch_related("scores__criterion")
            .order_by("submitted_at", "pk")
        )
        mine = next((r for r in reviews if r.juror_id == user.pk), None)
        sees_others = may_see_others(user, self.candidate)
        context.update(
            candidate=self.candidate,
            round=self.round,
            entry=self.entry,
            criteria=self.criteria,
            mine=mine,
            sees_others=sees_others,
            can_score=(
                mine is None
                and self.round.status == JuryRound.Status.SCORING
                and may_score(user, self.candidate)
            ),
            is_staff=is_jury_staff(user),
        )
        if context["can_score"]:
            context.setdefault("form", ScoreForm(criteria=self.criteria))
        if sees_others:
            shown = [r for r in reviews]
            for review in shown:
                values = {s.criterion_id: s.value for s in review.scores.all()}
                review.total = scoring.review_total(values, self.criteria)
            context["reviews"] = shown
            context["standing"] = scoring.Standing(
                self.candidate, [(r.juror, r.total) for r in shown]
            )
        elif mine is not None:
            values = {s.criterion_id: s.value for s in mine.scores.all()}
            mine.total = scoring.review_total(values, self.criteria)
            context["reviews"] = [mine]
        return context


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """One juror's scores for one entry: for that juror, jury staff, and the entry's other
    jurors once they have scored it themselves."""

    header_icon = "pick"
    template_name = "juries/admin/review.html"

    def dispatch(self, request, review_id):
        self.review = get_object_or_404(
            Review.objects.select_related("candidate__round__contest", "juror"), pk=review_id
        )
        if not may_see_review(request.user, self.review):
            raise PermissionDenied
        return super().dispatch(request, review_id)

    def get_page_title(self):
        juror = self.review.juror
        return _("Scores of %(juror)s") % {"juror": juror.get_full_name() or juror.get_username()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        criteria = list(self.review.candidate.round.criteria())
        scores = list(Score.objects.filter(review=self.review).select_related("criterion"))
        values = {s.criterion_id: s.value for s in scores}
        context.update(
            review=self.review,
            scores=scores,
            total=scoring.review_total(values, criteria),
        )
        return context
