"""The open, read-only API of the Stocktaking database (plain JSON views): published entries
with the listing's filters and facet counts, paginated, cached, CORS for registered embedding
sites, described by an OpenAPI document; and exports of all published data (CSV, JSON)."""

import csv
import hashlib
import json

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from public_forms.spreadsheets import neutralise
from stocktaking.models import EmbeddingSite, search, storing

CACHE_SECONDS = 300
LANGUAGE_CODES = ("en", "fr", "es", "ar", "ru", "zh-hans")


def serialise(entry):
    links = list(entry.country_links.all())
    return {
        "id": entry.pk,
        "title": entry.title,
        "organisation": entry.organisation,
        "stakeholder_type": entry.stakeholder_type,
        "countries": [link.country.code for link in links],
        "regions": sorted({link.region.code for link in links if link.region}),
        "action_lines": [line.code for line in entry.action_lines.all()],
        "sdgs": [goal.number for goal in entry.sdgs.all()],
        "project_status": entry.project_status,
        "start_date": entry.start_date.isoformat() if entry.start_date else None,
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "description": entry.description,
        "website": entry.website,
        "language": entry.language,
        "published_at": entry.published_at.isoformat() if entry.published_at else None,
    }


def with_cors(request, response):
    """A registered embedding site's pages may read the API from the browser."""
    origin = request.headers.get("Origin")
    response["Vary"] = "Origin"
    if origin and EmbeddingSite.objects.filter(origin=origin, is_active=True).exists():
        response["Access-Control-Allow-Origin"] = origin
    return response


def _language(request):
    code = request.GET.get("lang", "en")
    return code if code in LANGUAGE_CODES else "en"


def cached_json(request, build):
    """The response body from the cache, keyed on the published data's generation, the path
    and the query: a moderator's decision changes the generation, so it is seen at once."""
    query = sorted(request.GET.lists())
    digest = hashlib.sha256(json.dumps([request.path, query]).encode()).hexdigest()
    key = f"wsis:stocktaking:api:{storing.generation()}:{digest}"
    body = cache.get(key)
    if body is None:
        with translation.override(_language(request)):
            body = json.dumps(build(), ensure_ascii=False)
        cache.set(key, body, CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return with_cors(request, response)


def _per_page(request):
    value = request.GET.get("per_page", "")
    return min(int(value), search.MAX_PER_PAGE) if value.isdigit() and int(value) else 20


@require_GET
def entries(request):
    def build():
        results = search.search(request.GET, per_page=_per_page(request))
        page = results.page
        return {
            "count": results.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "per_page": page.paginator.per_page,
            "results": [serialise(entry) for entry in page.object_list],
            "facets": {
                name: [{"value": v.value, "label": str(v.label), "count": v.count} for v in values]
                for name, values in results.facets.items()
            },
        }

    return cached_json(request, build)


@require_GET
def entry(request, entry_id):
    found = search.with_listing_data(search.published()).filter(pk=entry_id).first()
    if found is None:
        # LocaleMiddleware turns a 404 into a redirect to /en/… when that path resolves (and
        # Wagtail's catch-all resolves everything): checked against the API's own URLconf, the
        # language-prefixed path does not exist, and the 404 stays a 404.
        request.urlconf = "stocktaking.urls_api"
        return with_cors(request, JsonResponse({"detail": "Not found."}, status=404))
    return cached_json(request, lambda: serialise(found))


def _all_published():
    return search.with_listing_data(search.published()).order_by("pk").iterator(chunk_size=500)


@require_GET
def export_json(request):
    def rows():
        yield "["
        for number, item in enumerate(_all_published()):
            yield ("," if number else "") + json.dumps(serialise(item), ensure_ascii=False)
        yield "]"

    response = StreamingHttpResponse(rows(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="wsis-stocktaking.json"'
    return with_cors(request, response)


class _Echo:
    def write(self, value):
        return value


EXPORT_COLUMNS = [
    "id",
    "title",
    "organisation",
    "stakeholder_type",
    "countries",
    "regions",
    "action_lines",
    "sdgs",
    "project_status",
    "start_date",
    "end_date",
    "description",
    "website",
    "language",
    "published_at",
]


@require_GET
def export_csv(request):
    """Every published entry; a cell a spreadsheet would run as a formula is written as text."""
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(EXPORT_COLUMNS)
        for item in _all_published():
            data = serialise(item)
            yield writer.writerow(
                [
                    neutralise(
                        ";".join(map(str, data[c])) if isinstance(data[c], list) else data[c] or ""
                    )
                    for c in EXPORT_COLUMNS
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wsis-stocktaking.csv"'
    return with_cors(request, response)


def _filter_parameters():
    described = {
        "q": "Words that must all appear in the title, organisation or description.",
        "action_line": "WSIS Action Line code (C1 … C11, C7.1 … C7.8); repeat for any of several.",
        "sdg": "SDG number, 1-17; repeatable.",
        "region": "ITU region: africa, americas, arab-states, asia-pacific, cis, europe.",
        "country": "ISO 3166-1 alpha-2 code; repeatable.",
        "stakeholder_type": "government, private_sector, civil_society, academia, "
        "international_organisation, other.",
        "year": "Start year of the project; repeatable.",
        "page": "Page number, from 1.",
        "per_page": "Entries per page, at most 100 (default 20).",
        "lang": "Language of the facet labels: en, fr, es, ar, ru, zh-hans.",
    }
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": text,
            "schema": {"type": "string"},
        }
        for name, text in described.items()
    ]


ENTRY_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "organisation": {"type": "string"},
        "stakeholder_type": {"type": "string"},
        "countries": {"type": "array", "items": {"type": "string"}},
        "regions": {"type": "array", "items": {"type": "string"}},
        "action_lines": {"type": "array", "items": {"type": "string"}},
        "sdgs": {"type": "array", "items": {"type": "integer"}},
        "project_status": {"type": "string", "enum": ["ongoing", "completed"]},
        "start_date": {"type": "string", "format": "date", "nullable": True},
        "end_date": {"type": "string", "format": "date", "nullable": True},
        "description": {"type": "string"},
        "website": {"type": "string"},
        "language": {"type": "string"},
        "published_at": {"type": "string", "format": "date-time"},
    },
}


@require_GET
def openapi(request):
    document = {
        "openapi": "3.0.3",
        "info": {
            "title": "WSIS Stocktaking database",
            "version": "1",
            "description": "Published ICT projects by WSIS Action Line, SDG, region and "
            "country. Read-only; responses are cached for five minutes.",
        },
        "servers": [{"url": request.build_absolute_uri("/api/stocktaking/v1")}],
        "paths": {
            "/entries/": {
                "get": {
                    "summary": "Published entries, filtered, with facet counts",
                    "parameters": _filter_parameters(),
                    "responses": {
                        "200": {
                            "description": "One page of entries",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "count": {"type": "integer"},
                                            "page": {"type": "integer"},
                                            "pages": {"type": "integer"},
                                            "per_page": {"type": "integer"},
                                            "results": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Entry"},
                                            },
                                            "facets": {"type": "object"},
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/entries/{id}/": {
                "get": {
                    "summary": "One published entry",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The entry",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Entry"}
                                }
                            },
                        },
                        "404": {"description": "No published entry with this id"},
                    },
                }
            },
            "/export.csv": {
                "get": {
                    "summary": "Every published entry, as CSV",
                    "responses": {"200": {"description": "CSV"}},
                }
            },
            "/export.json": {
                "get": {
                    "summary": "Every published entry, as a JSON array",
                    "responses": {"200": {"description": "JSON"}},
                }
            },
        },
        "components": {"schemas": {"Entry": ENTRY_SCHEMA}},
    }
    return with_cors(request, JsonResponse(document))
