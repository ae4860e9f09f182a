"""wagtail-localize's report of every translation (Reports > Translations), in a stable order and
a fixed number of queries per page. Upstream pages through an unordered queryset, so that on
PostgreSQL a translation could show on two pages and another on none, and its rows fetch their
source, their target and their progress one query at a time (about five per row)."""

from collections import defaultdict

from wagtail.models import Page
from wagtail_localize.models import get_edit_url
from wagtail_localize.views.report import TranslationsReportView as UpstreamReportView


class TranslationsReportView(UpstreamReportView):
    results_template_name = "translations/admin/translations_report_results.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("source__locale", "source__specific_content_type", "target_locale")
            # One source's languages together, in the order of its title, then language.
            .order_by(
                "source__object_repr", "source__object_id", "target_locale__language_code", "pk"
            )
        )

    def decorate_paginated_queryset(self, object_list):
        """Each row's source and target and their edit URLs: one query for the pages (the base
        model has all the row shows: title and edit URL), one for each snippet model."""
        rows = [(translation, _base_model(translation.source)) for translation in object_list]
        wanted = defaultdict(set)  # model: translation keys
        for translation, model in rows:
            if model is not None:  # None: a model since removed from the code
                wanted[model].add(translation.source.object_id)
        instances = {
            (model, instance.translation_key, instance.locale_id): instance
            for model, keys in wanted.items()
            for instance in model._default_manager.filter(translation_key__in=keys)
        }
        for translation, model in rows:
            key = translation.source.object_id
            source = instances.get((model, key, translation.source.locale_id))
            target = instances.get((model, key, translation.target_locale_id))
            translation.source_edit_url = source and get_edit_url(source)
            translation.target = target
            translation.target_edit_url = target and get_edit_url(target)
        return [translation for translation, _model in rows]


def _base_model(source):
    model = source.specific_content_type.model_class()
    return Page if model is not None and issubclass(model, Page) else model
