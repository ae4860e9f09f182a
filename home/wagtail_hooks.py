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


@hooks.register("on_serve_page")
def prefetch_around_every_route(serve_page):
    """A page's references fetched at once and its response rendered while they are in reach,
    whichever route serves it: RoutablePageMixin's routes (the events calendar, an event, a
    contest, Stocktaking) return a TemplateResponse rendered after the page's own serve()."""

    def serve(page, request, args, kwargs):
        if not hasattr(page, "prefetched_for_render"):
            return serve_page(page, request, args, kwargs)
        with page.prefetched_for_render(request):
            response = serve_page(page, request, args, kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    return serve
