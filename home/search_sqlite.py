"""SQLite (FTS5): terms stemmed in Python before SQLite indexes them (home/search_backend.py)."""

from modelsearch.backends.database.sqlite import sqlite as upstream_sqlite
from modelsearch.utils import get_content_type_pk

from home.search_queries import LocaleLanguages, in_reader_languages
from home.search_text import analyse


class LanguageSQLiteIndexer(upstream_sqlite.ObjectIndexer):
    def __init__(self, obj, backend, language_code):
        super().__init__(obj, backend)
        self.language_code = language_code

    @property
    def title(self):
        return analyse(super().title, self.language_code)

    @property
    def body(self):
        return analyse(super().body, self.language_code)

    @property
    def autocomplete(self):
        # Autocomplete matches the beginnings of words: no stems.
        return analyse(super().autocomplete, self.language_code, stem=False)


class LanguageSQLiteIndex(upstream_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # Upstream's SQLiteIndex.add_items, with LanguageSQLiteIndexer in place of its
        # ObjectIndexer.
        search_fields = model.get_search_fields()
        if not search_fields:
            return

        languages = LocaleLanguages()
        indexers = [LanguageSQLiteIndexer(obj, self.backend, languages.of(obj)) for obj in objs]
        if not indexers:
            return

        IndexEntry = upstream_sqlite.IndexEntry  # noqa: N806
        content_type_pk = get_content_type_pk(model)
        ids_and_data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        index_entries_for_ct = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            index_entries_for_ct.filter(object_id__in=ids_and_data.keys()).values_list(
                "object_id", flat=True
            )
        )
        for indexed_id in indexed_ids:
            title, autocomplete, body = ids_and_data[indexed_id]
            index_entries_for_ct.filter(object_id=indexed_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in ids_and_data.items()
            if object_id not in indexed_ids
        )
        self._refresh_title_norms()


class LanguageSQLiteQueryCompiler(upstream_sqlite.SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = in_reader_languages(self.query, stem=True)


class LanguageSQLiteAutocompleteQueryCompiler(upstream_sqlite.SQLiteAutocompleteQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = in_reader_languages(self.query, stem=False)


class LanguageSQLiteSearchBackend(upstream_sqlite.SQLiteSearchBackend):
    query_compiler_class = LanguageSQLiteQueryCompiler
    autocomplete_query_compiler_class = LanguageSQLiteAutocompleteQueryCompiler
    index_class = LanguageSQLiteIndex
