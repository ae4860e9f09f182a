"""Small builders of StreamField raw data for the demo content."""

from demo import assets

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
}


def multilingual_document(title, heading, summary, stem):
    """A document-in-several-languages block value: one generated PDF per language."""
    value = {"title": title}
    for code, name in LANGUAGE_NAMES.items():
        value[code] = assets.document(
            f"{heading} ({name})",
            heading,
            [summary, f"Language version: {name}."],
            f"{stem}-{code}",
        ).pk
    return value


def stream(*blocks):
    """StreamField raw data from (block type, value) pairs, with ids that stay the same from
    one run to the next."""
    return [
        {"type": block_type, "value": value, "id": f"demo-{index}-{block_type}"}
        for index, (block_type, value) in enumerate(blocks)
    ]


def items(name, values):
    """ListBlock raw data in the block format (with ids), which wagtail-localize needs to
    extract the strings of each item."""
    return [
        {"type": "item", "value": value, "id": f"demo-{name}-{index}"}
        for index, value in enumerate(values)
    ]


def paragraph(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def link(page=None, url="", label="", route=""):
    """A LinkBlock's value; `route` leads to a part of the page (its `linkable_routes`)."""
    return {"page": page.pk if page else None, "url": url, "label": label, "route": route}
