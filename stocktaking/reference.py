"""The reference data of the Stocktaking database, with its names in the six UN languages:
the WSIS Action Lines of the Geneva Plan of Action (C1-C11, and C7's eight applications), the
17 Sustainable Development Goals, and the six ITU regions with the countries of each.

The names are the official ones (the Geneva Plan of Action and the UN's SDG names as each
language edition publishes them). They are loaded into the database by the migration
0002_reference_data; this module stays the source that migration reads.

Regions: WSIS reports by the six regions of ITU's Telecommunication Development Sector (the
regions of its regional offices): Africa, the Americas, the Arab States, Asia and the Pacific,
the Commonwealth of Independent States, Europe. A country belongs to exactly one. Territories
that are not ITU Member States (e.g. Greenland, Aruba) have none; an entry about them has the
countries it names and no derived region."""

# The Action Lines and the SDGs each have a module of their own (their names take room);
# the migration and the app read all the reference data from here.
from stocktaking.action_lines import ACTION_LINES
from stocktaking.sdgs import SDGS

__all__ = [
    "ACTION_LINES",
    "COUNTRIES_BY_REGION",
    "LANGUAGE_CODES",
    "REGIONS",
    "REGION_OF_COUNTRY",
    "SDGS",
    "names",
]

LANGUAGE_CODES = ("en", "fr", "es", "ar", "ru", "zh-hans")

REGIONS = [
    # (code, names in en, fr, es, ar, ru, zh-hans)
    ("africa", "Africa", "Afrique", "África", "أفريقيا", "Африка", "非洲"),
    ("americas", "Americas", "Amériques", "Américas", "الأمريكتان", "Америка", "美洲"),
    (
        "arab-states",
        "Arab States",
        "États arabes",
        "Estados Árabes",
        "الدول العربية",
        "Арабские государства",
        "阿拉伯国家",
    ),
    (
        "asia-pacific",
        "Asia and the Pacific",
        "Asie-Pacifique",
        "Asia-Pacífico",
        "آسيا والمحيط الهادئ",
        "Азиатско-Тихоокеанский регион",
        "亚太",
    ),
    (
        "cis",
        "Commonwealth of Independent States",
        "Communauté des États indépendants",
        "Comunidad de Estados Independientes",
        "كومنولث الدول المستقلة",
        "Содружество Независимых Государств",
        "独立国家联合体",
    ),
    ("europe", "Europe", "Europe", "Europa", "أوروبا", "Европа", "欧洲"),
]

# ISO 3166-1 alpha-2 codes by ITU-D region.
COUNTRIES_BY_REGION = {
    "africa": (
        "AO BJ BW BF BI CV CM CF TD CG CD CI GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU "
        "MZ NA NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW"
    ),
    "americas": (
        "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN "
        "LC VC SR TT US UY VE"
    ),
    "arab-states": "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE",
    "asia-pacific": (
        "AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG "
        "PH WS SG SB LK TH TL TO TV VU VN"
    ),
    "cis": "AM AZ BY KZ KG MD RU TJ TM UA UZ",
    "europe": (
        "AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MC ME "
        "NL MK NO PL PT RO SM RS SK SI ES SE CH TR GB VA"
    ),
}

REGION_OF_COUNTRY = {
    country: region
    for region, countries in COUNTRIES_BY_REGION.items()
    for country in countries.split()
}


def names(values):
    """The six names of a reference row, keyed by language code."""
    return dict(zip(LANGUAGE_CODES, values, strict=True))
