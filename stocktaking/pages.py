"""Where the database is published: the page (in a language) that links and e-mails point to."""

from stocktaking.models import StocktakingPage


def database_page(language_code=None):
    """The live database page in this language, else the English one, else any."""
    pages = StocktakingPage.objects.live().select_related("locale")
    for code in (language_code, "en"):
        page = code and pages.filter(locale__language_code=code).first()
        if page:
            return page
    return pages.first()


def mine_url(language_code=None, request=None):
    page = database_page(language_code)
    if page is None:
        return ""
    return page.get_full_url(request) + page.reverse_subpage("mine")
