"""How the words of a text become the terms that search indexes and looks for, per language,
and how the found words are marked in results. One place for both, so that what is marked is
what was found.

- Arabic: vowel marks and tatweel dropped, the forms of alef made one, and the article with the
  prepositions or conjunction glued to it (ال، وال، بال، كال، فال، لل) taken off, so that "قمة"
  finds "القمة". PostgreSQL's `arabic` stemmer leaves these prefixes on.
- Chinese (and any Han text): no spaces between words, and PostgreSQL has no Chinese parser;
  each run of characters is indexed as its single characters and every pair of neighbours
  (峰会 → 峰 峰会 会), and a query looks for its pairs, so 峰会 finds 信息社会世界峰会 and 会峰
  does not.
- Stems: PostgreSQL stems with the text-search configuration of the text's language
  (`SEARCH_CONFIGS`); on SQLite, which has none, `analyse(stem=True)` stems in Python with the
  same Snowball algorithms before the text reaches SQLite's full-text index.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

# PostgreSQL text-search configuration per language of the site; Chinese is cut into
# characters and pairs here, so `simple` (lower-casing only) is all it needs.
SEARCH_CONFIGS = {
    "ar": "arabic",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ru": "russian",
    "zh-hans": "simple",
}
DEFAULT_SEARCH_CONFIG = "simple"
SNOWBALL_STEMMERS = {
    "ar": "arabic",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ru": "russian",
}

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
# A run of Han characters, or a word of letters and digits of any other script (Arabic vowel
# marks and tatweel, which are not letters, inside it).
TOKEN = re.compile(rf"[{HAN}]+|(?:[^\W{HAN}]|[{MARKS}])+")
HAN_RUN = re.compile(rf"[{HAN}]+")
ARABIC_MARKS = re.compile(f"[{MARKS}]")
ALEF_FORMS = str.maketrans("أإآٱ", "اااا")
# Longest first: "وال" before "ال". A prefix comes off only when three letters remain.
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")


def search_config(language_code):
    return SEARCH_CONFIGS.get(language_code, DEFAULT_SEARCH_CONFIG)


@lru_cache(maxsize=8)
def _stemmer(language_code):
    algorithm = SNOWBALL_STEMMERS.get(language_code)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def normalise_word(word):
    word = word.lower()
    if ARABIC_MARKS.search(word) or any("\u0600" <= ch <= "\u06ff" for ch in word):
        word = ARABIC_MARKS.sub("", word).translate(ALEF_FORMS)
        for prefix in ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
    return word


def _word_key(word, language_code, stem):
    word = normalise_word(word)
    stemmer = _stemmer(language_code) if stem else None
    return stemmer.stemWord(word) if stemmer else word


def _han_terms(run, for_query):
    if len(run) == 1:
        return [run]
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    if for_query:
        return pairs
    terms = []
    for i, character in enumerate(run):
        terms.append(character)
        if i < len(pairs):
            terms.append(pairs[i])
    return terms


def analyse(text, language_code, stem=True, for_query=False):
    """The terms of `text` as one space-separated string: what the index stores (and, with
    `for_query`, what a query looks for)."""
    terms = []
    for token in TOKEN.findall(text or ""):
        if HAN_RUN.fullmatch(token):
            terms.extend(_han_terms(token, for_query))
        else:
            terms.append(_word_key(token, language_code, stem))
    return " ".join(term for term in terms if term)


def words_of(text, language_code):
    """The stems of the words of `text` (Han runs as they are): what a found word is compared by."""
    return {
        token if HAN_RUN.fullmatch(token) else _word_key(token, language_code, stem=True)
        for token in TOKEN.findall(text or "")
    }


def highlight(text, query, language_code):
    """`text`, escaped, with each word that `query` finds marked by <mark>: another form of the
    same word (its stem in `language_code`) and, in Han text, each place a run of the query's
    characters occurs."""
    text = text or ""
    wanted = words_of(query, language_code)
    han_wanted = sorted(
        {pair for run in HAN_RUN.findall(query or "") for pair in _han_terms(run, for_query=True)},
        key=len,
        reverse=True,
    )
    if not wanted:
        return escape(text)
    han_pattern = re.compile("|".join(map(re.escape, han_wanted))) if han_wanted else None
    parts = []
    position = 0
    for match in TOKEN.finditer(text):
        parts.append(escape(text[position : match.start()]))
        token = match.group()
        if HAN_RUN.fullmatch(token):
            parts.append(_mark_han(token, han_pattern))
        elif _word_key(token, language_code, stem=True) in wanted:
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of the text is escaped above)


def _mark_han(run, pattern):
    if pattern is None:
        return escape(run)
    return pattern.sub(lambda found: f"<mark>{found.group()}</mark>", run)
