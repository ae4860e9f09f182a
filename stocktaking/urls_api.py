"""The API's paths alone, as a URLconf (see stocktaking.api.entry: a 404 that stays a 404)."""

from django.urls import include, path

from stocktaking.urls import api_urlpatterns

urlpatterns = [path("api/stocktaking/v1/", include(api_urlpatterns))]
