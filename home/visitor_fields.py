"""Per-visitor hidden inputs in a stored page (a form's CSRF token, the spam guard's signed start
time and submission token): holes in the page cache's entry, cut when it is stored and filled
afresh at each serving (home.page_cache), and what keeps a page fragment from being stored
(home.fragments)."""

import html
import re

from django.middleware.csrf import get_token

CSRF_FIELD = "csrfmiddlewaretoken"

_visitor_fields = {}  # input name -> (its group's names, fill(request) -> {name: value})
_visitor_pattern = None


def register(names, fill):
    """Hidden inputs named `names` carry per-visitor values that `fill(request)` draws afresh
    (one call per form on the page): they are holes in a stored page, filled at each serving."""
    global _visitor_pattern
    names = tuple(names)
    for name in names:
        _visitor_fields[name] = (names, fill)
    _visitor_pattern = None


def _pattern():
    global _visitor_pattern
    if _visitor_pattern is None:
        names = "|".join(re.escape(name) for name in sorted(_visitor_fields))
        # Django's HiddenInput and {% csrf_token %} both write type, name, then value.
        _visitor_pattern = re.compile(
            rf'<input type="hidden" name="({names})" value="([^"]*)"'.encode()
        )
    return _visitor_pattern


def register_csrf_field():
    register((CSRF_FIELD,), lambda request: {CSRF_FIELD: get_token(request)})


register_csrf_field()


def has_visitor_fields(html: str) -> bool:
    """Whether `html` holds a per-visitor value (a form's CSRF token…)."""
    return _pattern().search(html.encode()) is not None


def cut_holes(content: bytes):
    """(chunks, holes): the page split around every per-visitor value."""
    chunks, holes, start = [], [], 0
    for match in _pattern().finditer(content):
        chunks.append(content[start : match.start(2)])
        holes.append(match.group(1).decode())
        start = match.end(2)
    chunks.append(content[start:])
    return tuple(chunks), tuple(holes)


def fill_holes(chunks, holes, request) -> bytes:
    parts = [chunks[0]]
    drawn = {}  # group -> (values, names already used)
    for name, chunk in zip(holes, chunks[1:], strict=True):
        group, fill = _visitor_fields[name]
        values, used = drawn.get(group, (None, None))
        if values is None or name in used:
            values, used = fill(request), set()
            drawn[group] = (values, used)
        used.add(name)
        parts.append(html.escape(str(values[name])).encode())
        parts.append(chunk)
    return b"".join(parts)
