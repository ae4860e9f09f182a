"""PostgreSQL: each object indexed with its own language's text-search configuration (see
home/search_backend.py). Imported only on PostgreSQL: its upstream needs psycopg."""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as upstream_postgres
from modelsearch.utils import get_content_type_pk

from home.search_queries import (
    LanguagePhrase,
    LanguagePlainText,
    LocaleLanguages,
    in_reader_languages,
)
from home.search_text import analyse, search_config


class LanguagePostgresIndexer(upstream_postgres.ObjectIndexer):
    def __init__(self, obj, backend, language_code):
        super().__init__(obj, backend)
        self.language_code = language_code
        self.config = search_config(language_code)

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(analyse(text, self.language_code, stem=False), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class LanguagePostgresIndex(upstream_postgres.PostgresIndex):
    def add_items(self, model, objs):
        # Upstream's PostgresIndex.add_items, with LanguagePostgresIndexer in place of its
        # ObjectIndexer.
        search_fields = model.get_search_fields()
        if not search_fields:
            return

        languages = LocaleLanguages()
        indexers = [LanguagePostgresIndexer(obj, self.backend, languages.of(obj)) for obj in objs]
        if not indexers:
            return

        IndexEntry = upstream_postgres.IndexEntry  # noqa: N806
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        title_sql = []
        autocomplete_sql = []
        body_sql = []
        data_params = []

        for indexer in indexers:
            data_params.extend((content_type_pk, indexer.id))
            for name, sql_list in (
                ("title", title_sql),
                ("autocomplete", autocomplete_sql),
                ("body", body_sql),
            ):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, params = value.as_sql(compiler, self.write_connection)
                sql_list.append(sql)
                data_params.extend(params)
            data_params.append(indexer.title_text)
            data_params.append(indexer.body_text)

        data_sql = ", ".join(
            f"(%s, %s, {a}, {b}, {c}, 1.0, %s, %s)"
            for a, b, c in zip(title_sql, autocomplete_sql, body_sql, strict=True)
        )
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {data_sql})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 (the values are parameters; the SQL pieces come from Django)
                data_params,
            )
        self._refresh_title_norms()


class LanguagePostgresQueryCompiler(upstream_postgres.PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = in_reader_languages(self.query, stem=False)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (LanguagePlainText, LanguagePhrase)):
            config = query.config
        return super().build_tsquery_content(query, config=config, invert=invert)


class LanguagePostgresAutocompleteQueryCompiler(
    upstream_postgres.PostgresAutocompleteQueryCompiler
):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = in_reader_languages(self.query, stem=False)
        # Autocomplete is indexed with `simple` (no stems), whatever the language.
        _use_config(self.query, self.get_config(None))

    def get_config(self, backend):
        return "simple"


def _use_config(query, config):
    for sub in getattr(query, "subqueries", []):
        _use_config(sub, config)
    if hasattr(query, "subquery"):
        _use_config(query.subquery, config)
    if isinstance(query, (LanguagePlainText, LanguagePhrase)):
        query.config = config


class LanguagePostgresSearchBackend(upstream_postgres.PostgresSearchBackend):
    query_compiler_class = LanguagePostgresQueryCompiler
    autocomplete_query_compiler_class = LanguagePostgresAutocompleteQueryCompiler
    index_class = LanguagePostgresIndex
