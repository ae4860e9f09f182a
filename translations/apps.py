from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translation workflow on top of wagtail-localize: who may translate and review in
    which language, the review task, source changes translators must know about, the status
    report, and the checks that keep our overrides of wagtail-localize honest."""

    name = "translations"
    verbose_name = _("Translation workflow")

    def ready(self):
        from wagtail.signals import task_submitted

        from translations import localize_hooks, overrides, review_task  # noqa: F401 - its checks

        task_submitted.connect(
            review_task.LanguageReviewSubmissionNotifier(),
            weak=False,
            dispatch_uid="translations.language_review_submitted",
        )
        localize_hooks.connect()
