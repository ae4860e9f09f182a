from media.models.contest import PHOTOS_PER_PAGE, ContestState, PhotoContestPage
from media.models.entry import LICENCES, EntrantQuota, PhotoEntry, original_path
from media.models.gallery import GalleryPage

__all__ = [
    "LICENCES",
    "PHOTOS_PER_PAGE",
    "ContestState",
    "EntrantQuota",
    "GalleryPage",
    "PhotoContestPage",
    "PhotoEntry",
    "original_path",  # named by migrations
]
