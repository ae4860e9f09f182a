# Each model lives beside the behaviour it serves; imported here so Django registers them.
from translations.review_task import LanguageReviewTask
from translations.tracking import SourceTextChange

__all__ = ["LanguageReviewTask", "SourceTextChange"]
