"""The Global Repository of the April 2014 newsletter: the WSIS Stocktaking Reports 2014 and
2013, the ITU Contribution to the WSIS Implementation Report 2013, the Measuring the
Information Society Report 2013 and the four regional stocktaking reports, each with a small
PDF drawn per language it exists in (the languages are the demo's choice: the newsletter does
not say)."""

from demo import assets
from demo.helpers import LANGUAGE_NAMES, publish
from demo.pages import upsert_page
from home.models import SiteSettings
from publications.models import PublicationDocument, PublicationIndexPage, PublicationPage

ALL = ["ar", "en", "es", "fr", "ru", "zh-hans"]

# (slug, title, type, year, region codes, languages, summary, cover's alt text)
PUBLICATIONS = [
    (
        "wsis-stocktaking-report-2014",
        "WSIS Stocktaking Report 2014",
        "report",
        2014,
        [],
        ["en", "es", "fr"],
        "Projects that stakeholders submitted to WSIS Stocktaking, Action Line by Action Line. "
        "Released at the WSIS+10 High-Level Event.",
        "Cover of the WSIS Stocktaking Report 2014",
    ),
    (
        "wsis-stocktaking-report-2013",
        "WSIS Stocktaking Report 2013",
        "report",
        2013,
        [],
        ALL,
        "A year of projects that put information and communication technologies to work for "
        "development, from every region.",
        "Cover of the WSIS Stocktaking Report 2013",
    ),
    (
        "itu-contribution-wsis-implementation-2013",
        "ITU Contribution to the WSIS Implementation Report 2013",
        "contribution",
        2013,
        [],
        ["en"],
        "What ITU did in 2013 to carry out the Action Lines it facilitates.",
        "Cover of the ITU Contribution to the WSIS Implementation Report 2013",
    ),
    (
        "measuring-the-information-society-2013",
        "Measuring the Information Society Report 2013",
        "report",
        2013,
        [],
        ALL,
        "Figures on access to and use of ICTs around the world, country by country.",
        "Cover of the Measuring the Information Society Report 2013",
    ),
    (
        "regional-stocktaking-africa",
        "Regional WSIS Stocktaking Reporting for Africa",
        "regional_report",
        2014,
        ["africa"],
        ["en", "fr"],
        "Projects from Africa that implement the WSIS Action Lines.",
        "Cover of the regional stocktaking report for Africa",
    ),
    (
        "regional-stocktaking-latin-america",
        "Regional WSIS Stocktaking Reporting for Latin America",
        "regional_report",
        2014,
        ["americas"],
        ["en", "es"],
        "Projects from Latin America that implement the WSIS Action Lines.",
        "Cover of the regional stocktaking report for Latin America",
    ),
    (
        "regional-stocktaking-arab-states",
        "Regional WSIS Stocktaking Reporting for the Arab States",
        "regional_report",
        2014,
        ["arab-states"],
        ["ar", "en"],
        "Projects from the Arab States that implement the WSIS Action Lines.",
        "Cover of the regional stocktaking report for the Arab States",
    ),
    (
        "regional-stocktaking-europe-cis",
        "Regional WSIS Stocktaking Reporting for Europe and CIS",
        "regional_report",
        2014,
        ["europe", "cis"],
        ["en", "ru"],
        "Projects from Europe and the Commonwealth of Independent States that implement the "
        "WSIS Action Lines.",
        "Cover of the regional stocktaking report for Europe and CIS",
    ),
]


def language_name(code):
    return LANGUAGE_NAMES["zh" if code == "zh-hans" else code]


def build(home, hle_event):
    """The repository under the English home page; returns the pages to translate."""
    from stocktaking.models import Region

    index = upsert_page(
        home,
        PublicationIndexPage,
        "publications",
        title="Global Repository",
        introduction="Reports, regional reports, contributions and brochures of the WSIS "
        "process, in the languages they exist in.",
        listing_summary="WSIS reports and publications in six languages.",
    )
    pages = [index]
    for seed, (slug, title, kind, year, regions, languages, summary, alt) in enumerate(
        PUBLICATIONS
    ):
        cover = assets.image(
            f"{title} (demo cover)",
            assets.draw_banner(title, size=(600, 800), seed=seed + 2, subtitle=str(year)),
            f"cover-{slug}",
        )
        page = upsert_page(
            index,
            PublicationPage,
            slug,
            title=title,
            publication_type=kind,
            year=year,
            summary=summary,
            cover_image=cover,
            cover_image_alt_text=alt,
            related_event=hle_event if year == 2014 and kind == "report" else None,
        )
        page.regions.set(Region.objects.filter(code__in=regions))
        for order, language in enumerate(languages):
            name = language_name(language)
            document = assets.document(
                f"{title} ({name})",
                title,
                [summary, f"Language version: {name}.", "Sample document of the demo site."],
                f"{slug}-{language}",
            )
            PublicationDocument.objects.update_or_create(
                page=page, language=language, defaults={"document": document, "sort_order": order}
            )
        page.documents.exclude(language__in=languages).delete()
        publish(page)
        pages.append(page)
    # The newsletter's own menu has "Global Repository": so has the site's.
    settings = SiteSettings.objects.get(site__root_page=home)
    if not any(
        block.value["page"] and block.value["page"].pk == index.pk for block in settings.navigation
    ):
        settings.navigation.append(("link", {"page": index, "url": "", "label": ""}))
        settings.save()
    return pages
