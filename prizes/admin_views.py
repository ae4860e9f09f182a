"""Staff screens of the WSIS Prizes (under /admin/ by register_admin_urls): each contest's
dashboard and exports, the review of flagged votes, and one voter's data (export, erase).
Every status change is written to Wagtail's audit log."""

import csv
import io
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from prizes import dashboard as stats
from prizes.models import PrizesContestPage, Vote, privacy
from public_forms.spreadsheets import neutralise

VIEW_SUBMISSIONS = "prizes.view_prizesubmission"
REVIEW_VOTES = "prizes.review_vote"
FLAGGED_LIMIT = 500


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def contests(request):
    """Every contest (its source-language version), newest first, each to its dashboard."""
    _require(request, VIEW_SUBMISSIONS)
    pages = PrizesContestPage.objects.filter(locale=Locale.get_default()).order_by(
        "-submission_opens_on", "pk"
    )
    return TemplateResponse(request, "prizes/admin/contests.html", {"contests": pages})


def dashboard(request, page_id):
    _require(request, VIEW_SUBMISSIONS)
    contest = get_object_or_404(PrizesContestPage, pk=page_id)
    rows, total = stats.category_counts(contest)
    series = stats.votes_per_day(contest)
    context = {
        "contest": contest,
        "phase": contest.phase_label,
        "phases": contest.phases(),
        "rows": rows,
        "total": total,
        "chart": stats.chart(series),
        "history": stats.history(contest),
    }
    return TemplateResponse(request, "prizes/admin/dashboard.html", context)


def export(request, page_id, export_format):
    """The contest's submissions with their votes, as CSV or XLSX; no voter's address."""
    _require(request, VIEW_SUBMISSIONS)
    contest = get_object_or_404(PrizesContestPage, pk=page_id)
    rows = stats.export_rows(contest)
    name = f"{contest.slug}-{timezone.now():%Y%m%d}"
    if export_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(stats.EXPORT_COLUMNS)
        for row in rows:
            writer.writerow([neutralise(value) for value in row])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("Submissions")))
    sheet.append(stats.EXPORT_COLUMNS)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def flagged_votes(request):
    """The votes flagged as a possible campaign of fake votes: staff accept (they count) or
    reject them (they never count), in bulk; each decision is logged."""
    _require(request, REVIEW_VOTES)
    if request.method == "POST":
        decision = request.POST.get("decision")
        status = {"accept": Vote.Status.COUNTED, "reject": Vote.Status.REJECTED}.get(decision)
        ids = [int(pk) for pk in request.POST.getlist("vote") if pk.isdigit()]
        if status is None or not ids:
            messages.error(request, _("Choose votes and a decision."))
        else:
            with transaction.atomic():
                votes = list(
                    Vote.objects.select_for_update().filter(pk__in=ids, status=Vote.Status.FLAGGED)
                )
                Vote.objects.filter(pk__in=[v.pk for v in votes]).update(status=status)
                action = (
                    "prizes.vote_accepted"
                    if status == Vote.Status.COUNTED
                    else ("prizes.vote_rejected")
                )
                for vote in votes:
                    log(vote, action, user=request.user, data={"flag": vote.flag})
            messages.success(request, _("%(count)d votes decided.") % {"count": len(votes)})
        return redirect("prizes_flagged_votes")
    votes = (
        Vote.objects.filter(status=Vote.Status.FLAGGED)
        .select_related("nominee__entry")
        .order_by("network", "confirmed_at", "pk")
    )
    context = {"votes": votes[:FLAGGED_LIMIT], "count": votes.count(), "limit": FLAGGED_LIMIT}
    return TemplateResponse(request, "prizes/admin/flagged_votes.html", context)


class VoterForm(forms.Form):
    email = forms.EmailField(label=_("Voter's e-mail address"))


def voter_data(request):
    """One voter's data, found by their address as they type it: shown, downloaded as JSON,
    or erased (their votes stay counted)."""
    _require(request, REVIEW_VOTES)
    form = VoterForm(request.POST or request.GET or None)
    context = {"form": form}
    if form.is_valid():
        email = form.cleaned_data["email"]
        if request.method == "POST" and request.POST.get("erase"):
            count = privacy.erase_voter(email, user=request.user)
            messages.success(
                request, _("The address is erased from %(count)d votes.") % {"count": count}
            )
            return redirect("prizes_voter_data")
        data = privacy.export(email, PrizesContestPage)
        if request.GET.get("format") == "json":
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
            )
            response["Content-Disposition"] = 'attachment; filename="voter-data.json"'
            return response
        context["data"] = data
    return TemplateResponse(request, "prizes/admin/voter_data.html", context)
