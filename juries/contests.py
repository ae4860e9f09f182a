"""What a jury needs to know about a kind of contest, told by the contest's own app.

The jury machinery is generic: a round belongs to a contest page and scores "entries" that it
knows only by their number and category. An app whose page is a contest describes it with a
`ContestKind` in its `jury` module (`prizes/jury.py`, `media/jury.py`), which registers it here;
`JuriesConfig.ready` imports those modules. Nothing here imports a contest app."""

from dataclasses import dataclass, field


class NominationRefused(Exception):
    """The contest refuses the nomination (its phase, an entry's state): the message says why."""


@dataclass(frozen=True)
class Category:
    key: str
    name: str


@dataclass
class EntryView:
    """What a juror sees of an entry: a title, a few labelled lines, maybe an image."""

    title: str
    lines: list = field(default_factory=list)  # [(label, text)]
    image_url: str = ""
    image_alt: str = ""
    admin_url: str = ""
    # The contest's own decision that the jury's ranking feeds (nominated, winner rank…).
    outcome: str = ""


class ContestKind:
    """Subclass per contest page type and register an instance."""

    name = ""  # stored on each round: "prizes", "photos"
    page_model = ""  # "app_label.ModelName" of the contest page
    verbose_name = ""
    nominate_label = ""  # the action on a ranking that feeds the contest ("Mark as nominees")
    withdraw_label = ""  # its reverse, or "" when the nomination replaces what was there

    def categories(self, contest):
        """[Category] of the contest, in its order."""
        raise NotImplementedError

    def entries(self, contest):
        """[(entry id, category key)] that the first round scores."""
        raise NotImplementedError

    def describe(self, entry_ids):
        """{entry id: EntryView} in a fixed number of queries whatever their number."""
        raise NotImplementedError

    def nominate(self, contest, category_key, entry_ids, user):
        """Feeds the contest with the entries chosen from a ranking (best first); returns a
        message for staff, or raises NominationRefused."""
        raise NotImplementedError

    def withdraw(self, contest, category_key, entry_ids, user):
        raise NominationRefused("")


_kinds = {}


def register(kind):
    _kinds[kind.name] = kind
    return kind


def kinds():
    return dict(_kinds)


def get(name):
    return _kinds[name]


def kind_for_page(page):
    """The registered kind whose page model `page` is, or None."""
    label = page.specific_class._meta.label if page.specific_class else ""
    return next((kind for kind in _kinds.values() if kind.page_model == label), None)
