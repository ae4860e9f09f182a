"""Every interface string with a placeholder (`%(size)s`), found in the code and the templates,
rendered in the six languages from the compiled catalogues: a string missing or untranslated in a
language, a placeholder lost or renamed, or a text shown with `%(…)s` left in it, fails."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
APPS = [
    path.parent
    for path in ROOT.glob("*/apps.py")
    if path.parent.name not in {"tests", "bench", "node_modules"}
] + [ROOT / "wsis_site"]
LANGUAGES = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh_Hans"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
GETTEXT_FUNCTIONS = {
    "_": (0, None, None),
    "gettext": (0, None, None),
    "gettext_lazy": (0, None, None),
    "ngettext": (0, 1, None),
    "ngettext_lazy": (0, 1, None),
    "pgettext": (1, None, 0),
    "pgettext_lazy": (1, None, 0),
    "npgettext": (1, 2, 0),
    "npgettext_lazy": (1, 2, 0),
}
TEMPLATE_CALL = re.compile(r"\b(n?p?gettext)\(((?:\s*u'(?:[^'\\]|\\.)*'\s*,?)+)")
TEMPLATE_LITERAL = re.compile(r"u'(?:[^'\\]|\\.)*'")


def _python_strings(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in GETTEXT_FUNCTIONS:
            continue
        singular, plural, context = GETTEXT_FUNCTIONS[name]
        args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        if len(args) <= max(i for i in (singular, plural, context) if i is not None):
            continue
        if not isinstance(args[singular], str):
            continue
        yield (
            args[context] if context is not None else None,
            args[singular],
            args[plural] if plural is not None else None,
        )


def _template_strings(path):
    for match in TEMPLATE_CALL.finditer(templatize(path.read_text(), origin=str(path))):
        literals = [ast.literal_eval(lit[1:]) for lit in TEMPLATE_LITERAL.findall(match.group(2))]
        function = match.group(1)
        context = literals.pop(0) if function.startswith(("pgettext", "npgettext")) else None
        singular = literals[0]
        plural = literals[1] if function.startswith(("ngettext", "npgettext")) else None
        yield context, singular, plural


def interface_strings_with_placeholders():
    found = set()
    for app in APPS:
        for path in app.rglob("*.py"):
            if "migrations" not in path.parts:
                found.update(_python_strings(path))
        for path in app.rglob("templates/**/*.html"):
            found.update(_template_strings(path))
        for path in app.rglob("templates/**/*.txt"):
            found.update(_template_strings(path))
    return sorted((s for s in found if PLACEHOLDER.search(s[1] + (s[2] or ""))), key=lambda s: s[1])


STRINGS = interface_strings_with_placeholders()


def catalogue(language):
    entries = {}
    for path in ROOT.glob(f"*/locale/{LANGUAGES[language]}/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries[(entry.msgctxt, entry.msgid)] = entry
    return entries


def sample_values(*texts):
    values = {"counter": 3, "count": 3}
    for text in texts:
        for name, kind in re.findall(r"%\((\w+)\)([sd])", text or ""):
            values.setdefault(name, 7 if kind == "d" else f"⟨{name}⟩")
    return values


def test_the_code_and_templates_have_strings_with_placeholders():
    msgids = {s[1] for s in STRINGS}
    # The photo form's size rule was shown with its placeholder in it.
    assert "JPEG or PNG, at most 20 MB, at least %(size)s pixels on the long side." in msgids
    assert len(STRINGS) > 50


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_string_with_placeholders_is_translated_and_keeps_them(language):
    entries = catalogue(language)
    problems = []
    for context, singular, plural in STRINGS:
        entry = entries.get((context, singular))
        wanted = set(PLACEHOLDER.findall(singular + (plural or "")))
        if entry is None:
            problems.append(f"missing: {singular!r}")
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {singular!r}")
        translated = list(entry.msgstr_plural.values()) if plural else [entry.msgstr]
        if not all(translated):
            problems.append(f"untranslated: {singular!r}")
            continue
        found = set()
        for text in translated:
            names = set(PLACEHOLDER.findall(text))
            if names - wanted:
                problems.append(f"unknown placeholder {names - wanted} in {text!r}")
            found |= names
        # A plural form may leave out the number ("one file"), never anything else.
        if wanted - found - {"counter", "count"}:
            problems.append(f"lost {wanted - found}: {singular!r} → {translated!r}")
    assert problems == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_string_with_placeholders_renders(language):
    entries = catalogue(language)
    shown = []
    with translation.override(language):
        for context, singular, plural in STRINGS:
            entry = entries.get((context, singular))
            # "Vote %(pk)s" is French too: a translation the translator made the same.
            same_by_choice = entry is not None and singular in (
                entry.msgstr,
                entry.msgstr_plural.get(0) if entry.msgstr_plural else None,
            )
            values = sample_values(singular, plural)
            for count in (1, 2, 5, 11) if plural else (None,):
                if plural and context:
                    text = translation.npgettext(context, singular, plural, count)
                elif plural:
                    text = translation.ngettext(singular, plural, count)
                elif context:
                    text = translation.pgettext(context, singular)
                else:
                    text = translation.gettext(singular)
                rendered = text % values
                english = (plural if count != 1 and plural else singular) % values
                if "%(" in rendered or (rendered == english and not same_by_choice):
                    shown.append(rendered)
    assert shown == []
