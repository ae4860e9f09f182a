"""Small builders of StreamField raw data for the demo content."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from demo import assets

# What saving and publishing change by themselves: not part of what a page says.
BOOKKEEPING = {
    "pk", "id", "path", "depth", "numchild", "url_path", "live", "has_unpublished_changes",
    "first_published_at", "last_published_at", "latest_revision", "latest_revision_created_at",
    "live_revision", "draft_title", "locked", "locked_at", "locked_by", "owner", "expired",
}  # fmt: skip

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


def what_it_says(data):
    """Serialised content without what saving and publishing change by themselves."""
    normalised = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    return {
        name: _without_keys(value) for name, value in normalised.items() if name not in BOOKKEEPING
    }


def _without_keys(value):
    # Inline children (tags, form fields, documents) are saved with the revision before or
    # after they have a primary key, and take their page's locale when first saved: what
    # they say is the rest. StreamFields are serialised as JSON text, whose keys PostgreSQL's
    # jsonb orders its own way: compared as what they contain.
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [_without_keys(item) for item in value]
    if isinstance(value, dict):
        return {
            name: _without_keys(item)
            for name, item in value.items()
            if name not in ("pk", "id", "locale")
        }
    return value


def publish(instance):
    """Publishes `instance` (a page or a snippet with revisions) as it is now, unless its live
    version says the same already: a second run of the loader publishes nothing new, and
    the translations of what it did not change are left alone (demo.translation)."""
    live = instance.live_revision if instance.pk else None
    if (
        live is not None
        and instance.live
        and not instance.has_unpublished_changes
        and what_it_says(instance.serializable_data()) == what_it_says(live.content)
    ):
        return False
    instance.save_revision().publish()
    return True
