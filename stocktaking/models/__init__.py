from stocktaking.models.embedding import EmbeddingSite
from stocktaking.models.entry import (
    ENTRY_STAKEHOLDER_TYPES,
    Entry,
    EntryCountry,
    EntryUpdate,
)
from stocktaking.models.page import StocktakingPage
from stocktaking.models.reference import ActionLine, Region, Sdg

__all__ = [
    "ENTRY_STAKEHOLDER_TYPES",
    "ActionLine",
    "EmbeddingSite",
    "Entry",
    "EntryCountry",
    "EntryUpdate",
    "Region",
    "Sdg",
    "StocktakingPage",
]
