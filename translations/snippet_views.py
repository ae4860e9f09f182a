"""Snippet admin views that respect languages. Wagtail checks snippet permissions per model
(a translator allowed to edit partners could edit them in every language); these viewsets check
the object's language on every view that acts on one object."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from wagtail.snippets.views.snippets import SnippetViewSet

# Reading views stay open to anyone who may read the model; the workflow actions check their
# task, which asks for the object's language itself (translations.review_task).
READING_VIEWS = {
    "usage",
    "history",
    "history_results",
    "inspect",
    "workflow_history",
    "workflow_history_detail",
    "workflow_action",
    "collect_workflow_action_data",
    "workflow_preview",
}


class LanguageScopedSnippetViewSet(SnippetViewSet):
    """For translatable snippets whose model registers
    translations.language_rights.LanguageScopedPolicy (in its AppConfig.ready, before Wagtail
    falls back to the model-wide policy)."""

    def _checked(self, view, action):
        @wraps(view)
        def checked(request, *args, **kwargs):
            obj = get_object_or_404(self.model, pk=unquote(str(kwargs["pk"])))
            if not self.permission_policy.user_has_permission_for_instance(
                request.user, action, obj
            ):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    def get_urlpatterns(self):
        patterns = []
        for pattern in super().get_urlpatterns():
            if (
                isinstance(pattern, URLPattern)
                and "pk" in pattern.pattern.regex.groupindex
                and pattern.name not in READING_VIEWS
            ):
                action = {"delete": "delete", "unpublish": "publish"}.get(pattern.name, "change")
                pattern.callback = self._checked(pattern.callback, action)
            patterns.append(pattern)
        return patterns
