"""Page links in rich text lead to the reader's language, and say so where they cannot.

Wagtail's own handler looks up each linked page's translation one query at a time
(`page.localized`) and gives no sign when the page is not translated. This one fetches every
link of a text, with its translation in the active language, in one query (home.prefetch), and
marks a link to a page in another language with `hreflang` and `data-in-language`, which the
stylesheet shows after the link's words: "(en anglais)".
"""

from django.utils.html import format_html
from wagtail.rich_text.pages import PageLinkHandler

from home import localized, prefetch
from home.current_request import current_request
from home.languages import html_lang


class ReaderPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = [int(attrs["id"]) for attrs in attrs_list if str(attrs.get("id", "")).isdigit()]
        pages = prefetch.localized_pages(ids)
        request = current_request()
        tags = []
        for attrs in attrs_list:
            page = pages.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            if page is None:
                tags.append("<a>")
                continue
            url = page.localized_for_reader.get_url(request=request)
            code = localized.other_language(page)
            if code is None:
                tags.append(format_html('<a href="{}">', url))
            else:
                tags.append(
                    format_html(
                        '<a href="{}" hreflang="{}" data-in-language="({})">',
                        url,
                        html_lang(code),
                        localized.in_language_label(code),
                    )
                )
        return tags
