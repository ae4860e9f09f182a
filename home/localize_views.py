"""wagtail-localize's "Translate" and "Sync" views, narrowed to the user's languages. Its own
views only ask for the submit_translation permission: anyone holding it could create a
translation in any language tree, or publish every language's translation on sync."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path
from wagtail_localize.views import submit_translations, update_translations

from home.language_rights import language_codes_for


class LanguageScopedSubmitMixin:
    # Creating a translation adds a page to that language's tree, or a snippet in it.
    language_action = "change"

    def allowed_codes(self):
        return language_codes_for(self.request.user, self.language_action)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(language_code__in=self.allowed_codes())
        return form

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        # A user who may translate into no language has nothing to do here.
        if not self.allowed_codes() - {self.get_object().locale.language_code}:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SubmitPageTranslationView(
    LanguageScopedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    language_action = "add"


class SubmitSnippetTranslationView(
    LanguageScopedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync brings the source's new text into every translation as untranslated segments; it
    publishes nothing unless the user may publish every one of those languages."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        targets = source.translations.filter(enabled=True).select_related("target_locale")
        codes = {t.target_locale.language_code for t in targets}
        user = request.user
        self.may_publish = codes <= language_codes_for(user, "publish")
        editable = codes | {source.locale.language_code}
        if not editable & language_codes_for(user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


def urlpatterns():
    """Registered ahead of wagtail-localize's own patterns for the same paths."""
    urls = [
        path(
            "submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="update_translations",
        ),
    ]
    return [path("localize/", include((urls, "localize_checked"), namespace="localize_checked"))]
