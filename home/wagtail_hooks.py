from wagtail import hooks

from home import page_cache
from home.rich_text import ReaderPageLinkHandler


# After Wagtail's own registration (order 0), which it replaces.
@hooks.register("register_rich_text_features", order=100)
def register_reader_page_links(features):
    features.register_link_type(ReaderPageLinkHandler)


@hooks.register("before_serve_page")
def remember_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    page_cache.mark_page(request, page)
