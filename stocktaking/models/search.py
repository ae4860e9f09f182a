"""The faceted search of published entries, shared by the listing page, the embed, the reports
and the API: the same filters read from the same GET parameters, and counts per facet, in a
fixed number of queries whatever the number of entries."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import CharField, Count, Prefetch, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from stocktaking.models.entry import ENTRY_STAKEHOLDER_TYPES, Entry, EntryCountry
from stocktaking.models.reference import ActionLine, Region, Sdg

PER_PAGE = 20
MAX_PER_PAGE = 100
# GET parameter -> what it filters. Each may be given more than once (OR within a facet).
FILTERS = ("action_line", "sdg", "region", "country", "stakeholder_type", "year")
FACET_LABELS = {
    "action_line": _("WSIS Action Line"),
    "sdg": _("Sustainable Development Goal"),
    "region": _("Region"),
    "country": _("Country"),
    "stakeholder_type": _("Stakeholder type"),
    "year": _("Year"),
}


def published():
    return Entry.objects.filter(status=Entry.Status.PUBLISHED)


def with_listing_data(queryset):
    """What a listing shows of each entry, in three more queries whatever their number."""
    return queryset.only(
        "pk",
        "title",
        "organisation",
        "stakeholder_type",
        "description",
        "language",
        "year",
        "project_status",
        "published_at",
        "website",
        "start_date",
        "end_date",
    ).prefetch_related(
        Prefetch("action_lines", queryset=ActionLine.objects.only("pk", "code", "names")),
        Prefetch("sdgs", queryset=Sdg.objects.only("pk", "number", "names")),
        Prefetch(
            "country_links",
            queryset=EntryCountry.objects.select_related("region").only(
                "pk", "entry_id", "country", "region__code", "region__names"
            ),
        ),
    )


@dataclass
class Criteria:
    """The query a visitor asked for, from GET parameters: shareable as a URL."""

    q: str = ""
    action_line: list = field(default_factory=list)
    sdg: list = field(default_factory=list)
    region: list = field(default_factory=list)
    country: list = field(default_factory=list)
    stakeholder_type: list = field(default_factory=list)
    year: list = field(default_factory=list)

    @classmethod
    def from_query(cls, query, preset=None):
        """From a QueryDict; `preset` gives values for parameters the query does not set (an
        embed's preselected Action Line, a report's region)."""
        criteria = cls(q=(query.get("q") or "").strip()[:200])
        for name in FILTERS:
            values = [v.strip() for v in query.getlist(name) if v.strip()]
            if not values and preset and preset.get(name):
                values = list(preset[name])
            setattr(criteria, name, values[:20])
        criteria.action_line = [v.upper() for v in criteria.action_line]
        criteria.country = [v.upper() for v in criteria.country]
        criteria.sdg = [v for v in criteria.sdg if v.isdigit()]
        criteria.year = [v for v in criteria.year if v.isdigit() and len(v) == 4]
        return criteria

    def as_query(self):
        """The criteria as (name, value) pairs, for links that keep them."""
        pairs = [("q", self.q)] if self.q else []
        for name in FILTERS:
            pairs += [(name, value) for value in getattr(self, name)]
        return pairs

    def is_empty(self):
        return not self.q and not any(getattr(self, name) for name in FILTERS)

    def apply(self, queryset):
        if self.q:
            words = self.q.split()[:8]
            for word in words:
                queryset = queryset.filter(
                    Q(title__icontains=word)
                    | Q(organisation__icontains=word)
                    | Q(description__icontains=word)
                )
        if self.action_line:
            links = Entry.action_lines.through.objects.filter(actionline__code__in=self.action_line)
            queryset = queryset.filter(pk__in=links.values("entry_id"))
        if self.sdg:
            links = Entry.sdgs.through.objects.filter(sdg__number__in=self.sdg)
            queryset = queryset.filter(pk__in=links.values("entry_id"))
        if self.region:
            links = EntryCountry.objects.filter(region__code__in=self.region)
            queryset = queryset.filter(pk__in=links.values("entry_id"))
        if self.country:
            links = EntryCountry.objects.filter(country__in=self.country)
            queryset = queryset.filter(pk__in=links.values("entry_id"))
        if self.stakeholder_type:
            queryset = queryset.filter(stakeholder_type__in=self.stakeholder_type)
        if self.year:
            queryset = queryset.filter(year__in=[int(y) for y in self.year])
        return queryset


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def _grouped(queryset, facet, value, count):
    """(facet, value as text, count) rows of one facet: a part of the UNION below."""
    return (
        queryset.annotate(facet=Value(facet, CharField()), value=Cast(value, CharField()))
        .values_list("facet", "value")
        .annotate(n=count)
        .order_by()
    )


def grouped_counts(queryset):
    """{facet: {value: number of entries}} for every facet, and the number of entries, in ONE
    query: the six groupings joined with UNION ALL. A value comes back as text (the counts of
    Action Lines, SDGs and regions are keyed by their ids, years by the year)."""
    ids = queryset.values("pk")
    links = EntryCountry.objects.filter(entry_id__in=ids)
    parts = [
        _grouped(
            Entry.action_lines.through.objects.filter(entry_id__in=ids),
            "action_line",
            "actionline_id",
            Count("entry_id"),
        ),
        _grouped(
            Entry.sdgs.through.objects.filter(entry_id__in=ids), "sdg", "sdg_id", Count("entry_id")
        ),
        _grouped(links, "region", "region_id", Count("entry_id", distinct=True)),
        _grouped(links, "country", "country", Count("entry_id")),
        # Every entry has one stakeholder type (or none): these counts add up to the total.
        _grouped(queryset, "stakeholder_type", "stakeholder_type", Count("pk")),
        _grouped(queryset.exclude(year=None), "year", "year", Count("pk")),
    ]
    counts = {name: {} for name in ("action_line", "sdg", "region", "country", *FILTERS[4:])}
    for facet, value, n in parts[0].union(*parts[1:], all=True):
        counts[facet][value] = n
    total = sum(counts["stakeholder_type"].values())
    return counts, total


def facet_counts(queryset, criteria, counts=None):
    """For each facet, its values with the number of matching entries (only values that have
    some, plus the selected ones): one query for the counts (`grouped_counts`, or `counts`
    when the caller has them), and three for the reference names."""
    if counts is None:
        counts, _total = grouped_counts(queryset)
    action_lines = {int(pk): n for pk, n in counts["action_line"].items()}
    sdgs = {int(pk): n for pk, n in counts["sdg"].items()}
    regions = {int(pk): n for pk, n in counts["region"].items() if pk is not None}
    by_country = counts["country"]
    stakeholders = counts["stakeholder_type"]
    years = {int(year): n for year, n in counts["year"].items()}

    def values(name, rows):
        chosen = set(getattr(criteria, name))
        return [
            FacetValue(value, label, count, value in chosen)
            for value, label, count in rows
            if count or value in chosen
        ]

    stakeholder_labels = dict(ENTRY_STAKEHOLDER_TYPES)
    return {
        "action_line": values(
            "action_line",
            [(a.code, str(a), action_lines.get(a.pk, 0)) for a in ActionLine.objects.all()],
        ),
        "sdg": values(
            "sdg", [(str(s.number), str(s), sdgs.get(s.pk, 0)) for s in Sdg.objects.all()]
        ),
        "region": values(
            "region", [(r.code, r.name, regions.get(r.pk, 0)) for r in Region.objects.all()]
        ),
        "country": values(
            "country",
            sorted(
                ((code, countries.name(code), n) for code, n in by_country.items()),
                key=lambda row: row[1],
            ),
        ),
        "stakeholder_type": values(
            "stakeholder_type",
            [
                (code, label, stakeholders.get(code, 0))
                for code, label in stakeholder_labels.items()
            ],
        ),
        "year": values(
            "year",
            sorted(((str(y), str(y), n) for y, n in years.items()), reverse=True),
        ),
    }


@dataclass
class Results:
    criteria: Criteria
    page: object
    facets: dict

    @property
    def count(self):
        return self.page.paginator.count


def search(query, preset=None, per_page=PER_PAGE, with_facets=True):
    criteria = Criteria.from_query(query, preset)
    matching = criteria.apply(published())
    ordered = with_listing_data(matching).order_by("-published_at", "-pk")
    paginator = Paginator(ordered, per_page)
    facets = {}
    if with_facets:
        counts, total = grouped_counts(matching)
        facets = facet_counts(matching, criteria, counts)
        paginator.count = total  # the facets' query counted them: no COUNT of its own
    page = paginator.get_page(query.get("page"))
    return Results(criteria, page, facets)
