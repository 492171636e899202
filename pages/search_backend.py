"""Wagtail's database search backend, with one PostgreSQL text search configuration per
content language.

PostgreSQL has no Kiswahili dictionary: English stemming would cut Kiswahili words at English
suffixes and drop English stop words from Kiswahili text. So each page is indexed with the
configuration of its own locale (``LANGUAGE_SEARCH_CONFIGS``, e.g. ``{"sw": "simple"}``, else
``SEARCH_CONFIG``), and a query is parsed with the configuration of the reader's language; the
public search only looks in the reader's locale, so both sides always agree. SQLite's FTS5
tokenizer does not stem, so nothing changes there: the ordinary backend is returned."""

from django.db import connection
from django.utils import translation
from modelsearch.backends.database.postgres import postgres
from wagtail.models import Locale
from wagtail.search.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return database.SearchBackend(params)


def _languages_by_locale_id():
    return dict(Locale.objects.values_list("pk", "language_code"))


class LocalisedPostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        # The indexer reads ``backend.config`` when it is built, so index each language's
        # objects with that language's configuration. The backend object is made afresh
        # for every get_search_backend() call, so this never leaks into another request.
        languages = _languages_by_locale_id()
        by_config = {}
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_config.setdefault(self.backend.config_for(language), []).append(obj)
        default = self.backend.config
        try:
            for config, group in by_config.items():
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend.config = default


class LocalisedQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(translation.get_language())


class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = LocalisedQueryCompiler
    index_class = LocalisedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_SEARCH_CONFIGS", {}))

    def config_for(self, language):
        if language:
            language = language.split("-")[0]
        return self.language_configs.get(language, self.config)
