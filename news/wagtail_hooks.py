from django.template.loader import render_to_string
from wagtail import hooks

from news.models import NewsIndexPage, live_news, with_card_data

LATEST_NEWS_ON_HOME_PAGE = 3


@hooks.register("home_page_sections")
def latest_news(request, home_page):
    """The latest news of the home page's language, with a link to the news index."""
    locale_id = getattr(home_page, "locale_id", None)
    news_index = (
        NewsIndexPage.objects.live().filter(locale_id=locale_id).select_related("locale").first()
    )
    if news_index is None:
        return ""
    stories = list(
        with_card_data(live_news(news_index.locale.language_code))[:LATEST_NEWS_ON_HOME_PAGE]
    )
    if not stories:
        return ""
    return render_to_string(
        "news/includes/latest_news.html",
        {"stories": stories, "news_index": news_index, "page": home_page},
        request=request,
    )
