# Each model lives beside the behaviour it serves; imported here so Django registers them.
from translations.language_state import LanguageSync, SegmentChange
from translations.review_task import LanguageReviewTask
from translations.tracking import SourceTextChange

__all__ = ["LanguageReviewTask", "LanguageSync", "SegmentChange", "SourceTextChange"]
