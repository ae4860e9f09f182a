"""Sample values for block previews: the block picker of the page editor shows each block with
one. They come from the site's own world, never placeholder Latin. Blocks that choose images,
documents, partners or photos take the most recent ones in the library, and preview without
them (an empty library) too."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

FORUM_URL = "https://www.itu.int/net4/wsis/forum/2017/"
STOCKTAKING_URL = "https://www.itu.int/net4/wsis/stocktaking/"
PRIZES_URL = "https://www.itu.int/net4/wsis/prizes/2017/"


def link_preview(label, url):
    return {"label": label, "page": None, "url": url}


def latest_image():
    """The most recent image of the library, or None: for previews."""
    return get_image_model().objects.prefetch_renditions().order_by("-created_at", "-pk").first()


def latest_document():
    return get_document_model().objects.order_by("-created_at", "-pk").first()
