"""Pages for the reader's language, with the original where no translation exists yet.

A language tree holds only the pages translated into it, so a listing that reads its own tree
hides every page not yet translated. The readers of every language should see the whole site:
each page once, in their language when it is translated (and live), else in the language it
exists in, marked so (`lang`, and "in English" in the reader's language: see
`home.templatetags.wsis_tags`).

- `for_reader(queryset)` keeps, of the pages in `queryset` that are versions of one another
  (same `translation_key`), the one a reader of the active language should see: theirs, else
  the site's source language (English), else any (the lowest id). One SQL query, whatever
  the number of pages: the choice is a correlated `NOT EXISTS`.
- `children_for_reader(parent, model)` does it for the children of every language version of
  a listing page (the events calendar, the calls index, a section's subpages): one query
  for the versions of the parent, one for the listing.

Listings of every app build on these; they never read only their own tree.
"""

from django.conf import settings
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Right
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from home import view_restrictions
from home.languages import html_lang, versions_and_homes

# "In English", "In French"…, said in the reader's language (the case each language needs,
# which "in %(language)s" could not give: Russian "на английском", Arabic "بالإنجليزية").
IN_LANGUAGE = {
    "ar": _("in Arabic"),
    "en": _("in English"),
    "es": _("in Spanish"),
    "fr": _("in French"),
    "ru": _("in Russian"),
    "zh-hans": _("in Chinese"),
}

RTL_LANGUAGES = {"ar"}


def reader_language_code() -> str:
    return get_supported_content_language_variant(translation.get_language())


def source_language_code() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def for_reader(queryset, language_code=None):
    """One version per page of `queryset`: the reader's, else the source language's, else the
    one with the lowest id. Each page carries `shown_language`, the code of its language.

    `queryset` should hold only the pages a reader may see (live, public): the choice is made
    among them, so a draft translation never hides a live original.
    """
    code = language_code or reader_language_code()
    ranked = queryset.annotate(
        reader_rank=Case(
            When(locale__language_code=code, then=Value(0)),
            When(locale__language_code=source_language_code(), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        shown_language=F("locale__language_code"),
    )
    better = ranked.filter(translation_key=OuterRef("translation_key")).filter(
        Q(reader_rank__lt=OuterRef("reader_rank"))
        | Q(reader_rank=OuterRef("reader_rank"), pk__lt=OuterRef("pk"))
    )
    return ranked.filter(~Exists(better.values("pk")))


def version_for_reader(page_id):
    """The live, public version of the page `page_id` that a reader of the active language
    should follow (theirs, else the original: see `for_reader`), or None. One query (and the
    view restrictions, read once per request), where a foreign key's `.localized` takes three
    (the page, the active locale, its translation) and may lead to a page that is not live."""
    if not page_id:
        return None
    chosen = Page.objects.filter(pk=page_id).values("translation_key")
    versions = view_restrictions.public(Page.objects.filter(translation_key__in=chosen).live())
    return for_reader(versions).first()


def versions_of(page):
    """Every language version of `page` (itself included) that is live, or `page` itself."""
    return [row for row in versions_and_homes(page) if row.translation_key == page.translation_key]


def children_for_reader(parent, model=Page, language_code=None):
    """The live, public children of every language version of `parent`, one per page, in the
    reader's language where translated (see `for_reader`). A queryset of `model`."""
    under_a_version = Q(pk__in=[])
    for version in versions_of(parent):
        under_a_version |= Q(path__startswith=version.path, depth=version.depth + 1)
    candidates = view_restrictions.public(model.objects.filter(under_a_version).live())
    return for_reader(candidates, language_code)


def page_language(page) -> str:
    """The language code of a page: from `for_reader`'s annotation when present, else its
    locale (select it with the page to save a query)."""
    code = getattr(page, "shown_language", None)
    if code:
        return code
    localized = getattr(page, "localized_for_reader", page)
    return localized.locale.language_code


def other_language(page) -> str | None:
    """The page's language code when it is not the reader's, else None."""
    if not isinstance(page, Page):  # no page: an empty template variable, an external link
        return None
    code = page_language(page)
    return None if code == reader_language_code() else code


def lang_attributes(code) -> dict:
    return {"lang": html_lang(code), "dir": "rtl" if code in RTL_LANGUAGES else "ltr"}


def in_language_label(code) -> str:
    return str(IN_LANGUAGE.get(code, code))


def sibling_order():
    """Orders children of different language trees by their place among their siblings (the
    last step of the tree path), as the editor arranged them."""
    return Right("path", Page.steplen)


def attach_languages(pages):
    """Sets `shown_language` on pages that came without `for_reader`'s annotation (search
    results, which the search backend returns as specific pages). One query."""
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for page in pages:
        page.shown_language = languages.get(page.locale_id)
