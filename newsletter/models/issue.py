"""WSIS Flash issues: pages composed by staff from the site's own content, one tree per
language like every page, translated through wagtail-localize; the archive lists them."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, SectionIndexPage
from newsletter.blocks import IssueBodyBlock

ISSUES_PER_PAGE = 20


class FlashArchivePage(SectionIndexPage):
    """The issues of WSIS Flash, newest first, with the sign-up form."""

    subpage_types = ["newsletter.FlashIssuePage"]
    template = "newsletter/flash_archive_page.html"

    class Meta:
        verbose_name = _("WSIS Flash archive")

    def issues(self):
        return (
            FlashIssuePage.objects.child_of(self)
            .live()
            .order_by("-issue_date", "-pk")
            .select_related("listing_image")
        )

    def get_context(self, request, *args, **kwargs):
        from newsletter.forms import SignupForm

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.issues(), ISSUES_PER_PAGE)
        context["issues"] = paginator.get_page(request.GET.get("page"))
        context["signup_form"] = SignupForm(initial={"languages": [self.locale.language_code]})
        return context


class FlashIssuePage(BasePage):
    """One issue: an introduction, then headings, free text and cards of chosen pages. Its web
    version is the page itself; the e-mail is rendered from the same sections when sent."""

    issue_date = models.DateField(verbose_name=_("issue date"))
    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(IssueBodyBlock(), blank=True, verbose_name=_("contents"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("issue_date"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("issue_date"),
        TranslatableField("introduction"),
        TranslatableField("body"),
    ]
    parent_page_types = ["newsletter.FlashArchivePage"]
    subpage_types = []
    template = "newsletter/flash_issue_page.html"

    class Meta:
        verbose_name = _("WSIS Flash issue")

    def get_context(self, request, *args, **kwargs):
        from newsletter.cards import issue_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = issue_sections(self, request=request)
        return context
