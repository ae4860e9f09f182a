"""Wagtail's database search backend, taught the site's six languages (see home/search_text.py).

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search_backend"` picks, like Wagtail's own
`wagtail.search.backends.database`, the backend of the database in use, subclassed:

- PostgreSQL: each object is indexed with the text-search configuration of its own language
  (its `locale`; the site's default language for objects without one), and a query is looked
  for with the reader's language's configuration and the default language's (an untranslated
  page shows in the language it exists in).
- SQLite (FTS5): the same terms, stemmed in Python by the same Snowball algorithms, since SQLite
  has no stemmer of its own.
- Any other database: Wagtail's fallback backend (substring matching, no stems).

The two indexes take upstream's `add_items` with one change, the indexer class: upstream names
its module's `ObjectIndexer` inside that method. `check_indexers_unchanged` fails when an upgrade
changes the upstream method, so that the copies are looked at again."""

import hashlib
import inspect

from django.core import checks
from django.db import connection

# sha256 of upstream's add_items, as copied in search_postgres.py and search_sqlite.py
# (modelsearch 1.3.2).
UPSTREAM_ADD_ITEMS = {
    "postgres": "62bf7488351e386482f9e20db0670c3064185250ef816c71584afef14fcb079e",
    "sqlite": "6e4d599997a4aa05027c06df1d5ebc812d47f3956cb85c3613788c7cde4510ea",
}


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "postgresql":
        from home.search_postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from home.search_sqlite import LanguageSQLiteSearchBackend

            return LanguageSQLiteSearchBackend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)


def _source_hash(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def _upstream_add_items():
    """Upstream's add_items that this installation can import: the SQLite index needs the
    SQLite-only FTS model, the PostgreSQL one needs psycopg."""
    from importlib import import_module

    found = []
    for name, module, index in (
        ("postgres", "modelsearch.backends.database.postgres.postgres", "PostgresIndex"),
        ("sqlite", "modelsearch.backends.database.sqlite.sqlite", "SQLiteIndex"),
    ):
        try:
            found.append((name, getattr(import_module(module), index).add_items))
        except (ImportError, LookupError):
            continue
    return found


def check_indexers_unchanged(app_configs, **kwargs):
    errors = []
    for name, function in _upstream_add_items():
        if _source_hash(function) != UPSTREAM_ADD_ITEMS[name]:
            errors.append(
                checks.Error(
                    f"modelsearch's {name} add_items changed: compare it with the copy in "
                    f"home/search_{name}.py, then record its new hash in UPSTREAM_ADD_ITEMS.",
                    id="home.E001",
                )
            )
    return errors
