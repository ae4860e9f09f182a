"""Benchmark: the Stocktaking listing and API on 10,000 published entries.

Builds (once; kept in var/bench/stocktaking/) a SQLite database with a home page, the database
page and --count sample entries (generate_stocktaking, seeded), then times, in process with
Django's test client (no network, no server): the listing page unfiltered and with facets, an
entry page, and the API (cold: its cache emptied before each request; warm: cached). Each
request runs --repeat times; the median and the slowest are reported, with the SQL queries of
one request. It fails loudly (exit 1) when a response is not 200, or the count of matching
entries, the page size or the facet counts are not what the database holds.

    .venv/bin/python bench/stocktaking.py               # 10,000 entries
    .venv/bin/python bench/stocktaking.py --count 2000 --repeat 5
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    directory = ROOT / "var" / "bench" / "stocktaking"
    directory.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_site.settings.dev")
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / f'db-{args.count}.sqlite3'}"
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from stocktaking.models import Entry, StocktakingPage
    from stocktaking.models.search import published

    setup_test_environment()  # responses carry their template context, checked below
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    if not StocktakingPage.objects.exists():
        from wagtail.models import Page, Site

        from home.models import HomePage

        root = Page.get_first_root_node()
        home = HomePage.objects.first() or root.add_child(
            instance=HomePage(title="WSIS", slug="bench-home")
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        home.add_child(instance=StocktakingPage(title="WSIS Stocktaking database", slug="db"))
    if Entry.objects.filter(is_sample=True).count() != args.count:
        started = time.perf_counter()
        call_command("generate_stocktaking", count=args.count, seed=1)
        print(f"generated {args.count} entries in {time.perf_counter() - started:.1f} s")
    page = StocktakingPage.objects.get()
    expected_total = published().count()
    c7_sdg3 = published().filter(action_lines__code="C7").filter(sdgs__number=3).distinct().count()
    client = Client(HTTP_HOST="localhost")
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    def timed(label, url, params, verify, cold=False):
        times, queries = [], 0
        for attempt in range(args.repeat):
            if cold:
                cache.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, params)
                times.append((time.perf_counter() - started) * 1000)
            queries = len(captured)
            if attempt == 0:
                check(response.status_code == 200, f"{label}: status {response.status_code}")
                if response.status_code == 200:
                    verify(response)
        print(
            f"{label:<42} median {statistics.median(times):7.1f} ms   "
            f"max {max(times):7.1f} ms   {queries:3d} queries"
        )

    def listing_ok(total):
        def verify(response):
            results = response.context["results"]
            check(results.count == total, f"listing: {results.count} results, {total} expected")
            check(len(results.page) == min(20, total), "listing: wrong page size")
            facets = {v.value: v.count for v in results.facets["action_line"]}
            check(sum(facets.values()) >= total, "listing: facet counts below the total")

        return verify

    def api_ok(total):
        def verify(response):
            data = response.json()
            check(data["count"] == total, f"API: {data['count']} results, {total} expected")
            check(len(data["results"]) == min(20, total), "API: wrong page size")

        return verify

    cache.clear()
    client.get(page.url)  # warm Wagtail's site root cache and templates
    print(f"{expected_total} published entries; C7 + SDG 3: {c7_sdg3}")
    timed("listing, page 1", page.url, {}, listing_ok(expected_total))
    timed("listing, page 200", page.url, {"page": 200}, lambda r: None)
    timed("listing, C7 + SDG 3", page.url, {"action_line": "C7", "sdg": "3"}, listing_ok(c7_sdg3))
    timed("listing, full text 'broadband'", page.url, {"q": "broadband"}, lambda r: None)
    sample = published().order_by("pk").first()
    timed("entry page", f"{page.url}entries/{sample.pk}/", {}, lambda r: None)
    api = "/api/stocktaking/v1/entries/"
    timed("API, page 1 (cold cache)", api, {}, api_ok(expected_total), cold=True)
    timed(
        "API, C7 + SDG 3 (cold cache)",
        api,
        {"action_line": "C7", "sdg": "3"},
        api_ok(c7_sdg3),
        cold=True,
    )
    timed("API, C7 + SDG 3 (cached)", api, {"action_line": "C7", "sdg": "3"}, api_ok(c7_sdg3))
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
