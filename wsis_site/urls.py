from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from calls import cancellation
from home import views as home_views
from home.sitemaps import LocalizedPageSitemap
from newsletter import urls as newsletter_urls
from stocktaking import urls as stocktaking_urls
from wsis_site import health

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": LocalizedPageSitemap}},
        name="sitemap",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz", health.health, name="health"),
    path("api/stocktaking/v1/", include(stocktaking_urls.api_urlpatterns)),
]

# Uploads on the local filesystem are served by home.media_views.PublicMediaMiddleware, in
# production too (on S3 the bucket or its CDN serves them). Never PRIVATE_MEDIA_ROOT.

# Every public page carries its language in the URL; "/" is redirected by LocaleMiddleware to
# the visitor's preferred language (Accept-Language, then English).
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path(
        "registrations/cancel/<str:token>/",
        cancellation.cancel_registration,
        name="calls_cancel_registration",
    ),
    path("stocktaking/embed/", include(stocktaking_urls.embed_urlpatterns)),
    path("", include(newsletter_urls)),
    path("", include(wagtail_urls)),
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
