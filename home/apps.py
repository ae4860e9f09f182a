from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        from wagtail.signals import task_submitted

        from home import overrides, review_task, translation_hooks  # noqa: F401 - its checks

        task_submitted.connect(
            review_task.LanguageReviewSubmissionNotifier(),
            weak=False,
            dispatch_uid="home.language_review_submitted",
        )
        translation_hooks.connect()
