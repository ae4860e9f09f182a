"""A search query analysed in the reader's languages, and the language of each indexed object:
what home/search_postgres.py and home/search_sqlite.py share (see home/search_backend.py)."""

from django.conf import settings
from django.utils import translation
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText
from wagtail.models import Locale

from home.search_text import analyse, search_config


def reader_languages():
    """The languages a query is analysed in: the reader's, then the site's default."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    return list(dict.fromkeys([active, settings.LANGUAGE_CODE]))


class LanguagePlainText(PlainText):
    """Words analysed for one language, with the PostgreSQL configuration to look them up in."""

    def __init__(self, query_string, operator, config):
        super().__init__(query_string, operator=operator)
        self.config = config


class LanguagePhrase(Phrase):
    def __init__(self, query_string, config):
        super().__init__(query_string)
        self.config = config


def in_reader_languages(query, stem):
    """`query` with each run of words replaced by its analysis in each reader language (any of
    which may find a page)."""
    if isinstance(query, (PlainText, Phrase)):
        versions = {}
        for language in reader_languages():
            words = analyse(query.query_string, language, stem=stem, for_query=True)
            if not words:
                continue
            config = search_config(language)
            if isinstance(query, PlainText):
                versions[(words, config)] = LanguagePlainText(words, query.operator, config)
            else:
                versions[(words, config)] = LanguagePhrase(words, config)
        if not versions:
            return query
        versions = list(versions.values())
        return versions[0] if len(versions) == 1 else Or(versions)
    if isinstance(query, And):
        return And([in_reader_languages(sub, stem) for sub in query.subqueries])
    if isinstance(query, Or):
        return Or([in_reader_languages(sub, stem) for sub in query.subqueries])
    if isinstance(query, Not):
        return Not(in_reader_languages(query.subquery, stem))
    if isinstance(query, Boost):
        return Boost(in_reader_languages(query.subquery, stem), query.boost)
    return query


class LocaleLanguages:
    """language_code by locale id, read once per batch of objects."""

    def __init__(self):
        self._codes = None

    def of(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return settings.LANGUAGE_CODE
        if self._codes is None:
            self._codes = dict(Locale.objects.values_list("pk", "language_code"))
        return self._codes.get(locale_id, settings.LANGUAGE_CODE)
