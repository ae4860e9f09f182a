from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from public_forms import ratelimit, receipts
from stocktaking.extensions import Refused, submission_extensions
from stocktaking.models import search, storing
from stocktaking.models.entry import Entry
from stocktaking.models.forms import EntryForm, OwnerLinkForm
from stocktaking.models.reference import ActionLine, Region

OWNER_SESSION_KEY = "stocktaking_owner"


def refused(page, request, template, context, status, message, wait=0):
    context["message"] = message
    response = page.render(request, context_overrides=context, template=template)
    response.status_code = status
    if wait:
        response["Retry-After"] = str(wait)
    return response


class StocktakingPage(RoutablePageMixin, BasePage):
    """The WSIS Stocktaking database, in the reader's language: the faceted listing of
    published entries, each entry, the submission form, owners' entries, reports per Action
    Line and region, and the code partners copy to embed it. Entries are shared by every
    language version of this page; each is shown in the language it was written in."""

    introduction = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("introduction")
    )
    submission_introduction = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, verbose_name=_("above the submission form")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("submission_introduction"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("submission_introduction"),
    ]
    prefetched_stream_fields = ()
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    # Routes a link block may lead to (home.blocks.LinkBlock's "Part of the page").
    linkable_routes = {"submit": _("submission form")}

    class Meta:
        verbose_name = _("stocktaking database")

    def mine_url(self, request):
        return self.get_full_url(request) + self.reverse_subpage("mine")

    # The public database -------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        results = search.search(request.GET)
        context = {"results": results, "query_prefix": _query(results.criteria)}
        return self.render(request, context_overrides=context)

    @path("entries/<int:entry_id>/", name="entry")
    def entry(self, request, entry_id):
        entry = get_object_or_404(search.with_listing_data(search.published()), pk=entry_id)
        return self.render(
            request,
            context_overrides={"entry": entry},
            template="stocktaking/entry_page.html",
        )

    @re_path(r"^entries/(?P<entry_id>\d+)/(?P<kind>image|document)/$", name="attachment")
    def attachment(self, request, entry_id, kind):
        """An approved entry's image or document (kept in private storage, served only once
        the entry is public)."""
        entry = get_object_or_404(search.published(), pk=entry_id)
        file = getattr(entry, kind)
        if not file:
            raise Http404
        response = FileResponse(file.open("rb"), as_attachment=kind == "document")
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @path("action-lines/<str:code>/", name="action_line_report")
    def action_line_report(self, request, code):
        line = get_object_or_404(ActionLine, code=code.upper())
        return self._report(request, line, {"action_line": [line.code]})

    @path("regions/<str:code>/", name="region_report")
    def region_report(self, request, code):
        region = get_object_or_404(Region, code=code)
        return self._report(request, region, {"region": [region.code]})

    def _report(self, request, subject, preset):
        results = search.search(request.GET, preset=preset)
        context = {
            "results": results,
            "subject": subject,
            "query_prefix": _query(results.criteria),
        }
        return self.render(
            request, context_overrides=context, template="stocktaking/report_page.html"
        )

    @path("reports/", name="reports")
    def reports(self, request):
        context = {"action_lines": ActionLine.objects.all(), "regions": Region.objects.all()}
        return self.render(
            request, context_overrides=context, template="stocktaking/reports_page.html"
        )

    @path("embed-code/", name="embed_code")
    def embed_code(self, request):
        context = {"action_lines": ActionLine.objects.all(), "regions": Region.objects.all()}
        return self.render(
            request, context_overrides=context, template="stocktaking/embed_code_page.html"
        )

    # Submitting and updating ---------------------------------------------------------------

    @path("submit/", name="submit")
    def submit(self, request):
        """A new entry: rate limited, spam guarded, stored once, never public until approved."""
        template = "stocktaking/submit_page.html"
        extensions = submission_extensions(self, request.POST if request.method == "POST" else None)
        if request.method != "POST":
            form = EntryForm(initial={"language": self.locale.language_code}, extensions=extensions)
            return self.render(request, context_overrides={"form": form}, template=template)
        form = EntryForm(request.POST, request.FILES, extensions=extensions)
        return self.handle_submission(request, form, template)

    def handle_submission(self, request, form, template, site=None, render=None):
        """Shared by this page and the embed: the read-top-to-bottom path of a public form."""
        render = render or (
            lambda context: self.render(request, context_overrides=context, template=template)
        )
        scope = storing.receipt_scope(self)
        first = receipts.first_result(scope, form.submission_token)
        if first is not None:
            return render({"entry": first})
        status, message, wait = 400, "", 0
        if form.is_valid():
            if form.refused_as_spam():
                pass  # the form says why, and keeps the answers
            elif wait := ratelimit.hit(request, scope):
                status = 429
                message = _("Too many submissions from your connection. Try again later.")
            else:
                try:
                    entry = storing.store_submission(self, form, self.mine_url(request), site)
                    return render({"entry": entry})
                except Refused as refusal:
                    # An extension refused it (a contest closed meanwhile): nothing stored.
                    status = refusal.status
                    form.add_error(refusal.field, refusal.message)
                except receipts.AlreadyReceived:
                    first = receipts.first_result(scope, form.submission_token)
                    if first is not None:
                        return render({"entry": first})
                    status, form = 409, EntryForm(extensions=form.extensions)
                    message = _("This form was already sent. Please fill it in again.")
        response = render({"form": form, "message": message})
        response.status_code = status
        if wait:
            response["Retry-After"] = str(wait)
        return response

    @path("mine/", name="mine")
    def mine(self, request):
        """The owner's entries. A signed link (?token=) signs the owner in without a password;
        without one, the owner asks for a link by e-mail."""
        template = "stocktaking/mine_page.html"
        token = request.GET.get("token")
        if token:
            email = storing.read_owner_token(token)
            if email is None:
                return refused(
                    self,
                    request,
                    template,
                    {"link_form": OwnerLinkForm()},
                    403,
                    _("This link is not valid or has expired. Ask for a new one below."),
                )
            request.session.cycle_key()
            request.session[OWNER_SESSION_KEY] = email
            storing.confirm_owner(email)
            # The token leaves the address bar (and the Referer of the next click).
            return HttpResponseRedirect(self.url + self.reverse_subpage("mine"))
        email = request.session.get(OWNER_SESSION_KEY)
        if request.method == "POST":
            return self._send_link(request, template)
        if not email:
            return self.render(
                request, context_overrides={"link_form": OwnerLinkForm()}, template=template
            )
        entries = storing.owned_by(email).prefetch_related("updates").order_by("-submitted_at")
        context = {"owner_email": email, "entries": entries}
        return self.render(request, context_overrides=context, template=template)

    def _send_link(self, request, template):
        form = OwnerLinkForm(request.POST)
        if not form.is_valid() or form.looks_like_spam():
            return refused(
                self,
                request,
                template,
                {"link_form": form},
                400,
                _("Please check the address and try again."),
            )
        if wait := ratelimit.hit(request, "stocktaking:owner-link", limit=(5, 600)):
            return refused(
                self,
                request,
                template,
                {"link_form": OwnerLinkForm()},
                429,
                _("Too many requests from your connection. Try again later."),
                wait,
            )
        email = form.cleaned_data["email"].strip().casefold()
        if storing.owned_by(email).exists():
            storing.send_owner_link(
                email, self.mine_url(request), language=self.locale.language_code
            )
        # The same answer whether or not we know the address: nobody learns who submitted.
        context = {"link_sent": True, "link_form": OwnerLinkForm()}
        return self.render(request, context_overrides=context, template=template)

    @path("mine/<int:entry_id>/", name="edit")
    def edit(self, request, entry_id):
        """An owner's update: to their own entries only; it goes back to the moderators, and a
        published entry stays as it is until they approve the change."""
        email = request.session.get(OWNER_SESSION_KEY)
        if not email:
            return HttpResponseRedirect(self.url + self.reverse_subpage("mine"))
        entry = Entry.objects.filter(pk=entry_id, owner_email=email).first()
        if entry is None:
            raise PermissionDenied
        template = "stocktaking/edit_page.html"
        initial = {}
        update = storing.pending_update(entry)
        if update is not None:
            initial = dict(update.data)
        posted = request.POST if request.method == "POST" else None
        extensions = submission_extensions(self, posted, entry=entry)
        if posted is None:
            form = EntryForm(
                instance=entry, initial=initial, owner_email=email, extensions=extensions
            )
            context = {"form": form, "entry": entry, "update": update}
            return self.render(request, context_overrides=context, template=template)
        form = EntryForm(
            request.POST, request.FILES, instance=entry, owner_email=email, extensions=extensions
        )
        if not form.is_valid() or form.looks_like_spam():
            return refused(
                self,
                request,
                template,
                {"form": form, "entry": entry},
                400,
                _("Please correct the fields marked below."),
            )
        if wait := ratelimit.hit(request, "stocktaking:update"):
            return refused(
                self,
                request,
                template,
                {"form": form, "entry": entry},
                429,
                _("Too many submissions from your connection. Try again later."),
                wait,
            )
        # A ModelForm changes its instance as it cleans: a published entry is read again, so
        # that what the public sees stays as approved.
        try:
            storing.propose_update(Entry.objects.get(pk=entry.pk), form)
        except Refused as refusal:
            form.add_error(refusal.field, refusal.message)
            return refused(
                self,
                request,
                template,
                {"form": form, "entry": entry},
                refusal.status,
                _("Please correct the fields marked below."),
            )
        context = {"entry": entry, "updated": True}
        return self.render(request, context_overrides=context, template=template)


def _query(criteria):
    from urllib.parse import urlencode

    return urlencode(criteria.as_query())
