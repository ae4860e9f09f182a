from django.urls import path

from stocktaking import api, embed

api_urlpatterns = [
    path("entries/", api.entries, name="stocktaking_api_entries"),
    path("entries/<int:entry_id>/", api.entry, name="stocktaking_api_entry"),
    path("export.csv", api.export_csv, name="stocktaking_export_csv"),
    path("export.json", api.export_json, name="stocktaking_export_json"),
    path("openapi.json", api.openapi, name="stocktaking_openapi"),
]

embed_urlpatterns = [
    path("<str:key>/", embed.listing, name="stocktaking_embed"),
    path("<str:key>/entries/<int:entry_id>/", embed.entry, name="stocktaking_embed_entry"),
    path("<str:key>/submit/", embed.submit, name="stocktaking_embed_submit"),
]
