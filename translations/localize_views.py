"""wagtail-localize's "Translate" and "Sync" views, narrowed to the user's languages. Its own
views only ask for the submit_translation permission: anyone holding it could create a
translation in any language tree, or publish every language's translation on sync."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from translations import language_state
from translations.language_rights import language_codes_for
from translations.translations_report import TranslationsReportView


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
    publishes nothing unless the user may publish every one of those languages, and
    machine-translates only for someone who may edit them all."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        targets = source.translations.filter(enabled=True).select_related("target_locale")
        codes = {t.target_locale.language_code for t in targets}
        user = request.user
        self.may_publish = codes <= language_codes_for(user, "publish")
        # Machine translation of the new text writes into every language's translation.
        self.may_edit_all = codes <= language_codes_for(user, "change")
        editable = codes | {source.locale.language_code}
        if not editable & language_codes_for(user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            del form.fields["publish_translations"]
        if not self.may_edit_all:
            form.fields.pop("use_machine_translation", None)
        return form

    @transaction.atomic
    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        form.cleaned_data.setdefault("use_machine_translation", False)
        before = language_state.segment_strings(self.object)
        response = super().form_valid(form)
        language_state.record_segment_changes(self.object, before)
        # The syncing translator's languages have taken in the new text; the others have not.
        mine = language_codes_for(self.request.user, "change")
        language_state.mark_synced(
            t
            for t in self.object.translations.filter(enabled=True).select_related("target_locale")
            if t.target_locale.language_code in mine
        )
        return response


def workflow_decides(user, instance):
    """A translation whose language has a review workflow is published by its approval only."""
    workflow = instance.get_workflow() if hasattr(instance, "get_workflow") else None
    return workflow is not None and not user.is_superuser


def refuse_publish_past_review(request, instance):
    """Run before wagtail-localize's editor: its "Publish in …" posts straight to
    save_target(publish=True), a second way to publish that skips the language's reviewers."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).exists():
        return None
    if not workflow_decides(request.user, instance):
        return None
    messages.error(request, _("This translation is published when its review approves it."))
    return redirect(request.get_full_path())


def convert_to_alias(request, page_id):
    """Turning a translation back into an alias of its source throws the translation away: only
    administrators may, after wagtail-localize's own confirmation page."""
    if not request.user.is_superuser:
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def urlpatterns():
    """Registered ahead of wagtail-localize's own patterns for the same paths."""
    urls = [
        path(
            "page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="convert_to_alias",
        ),
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
        path(
            "reports/translations/",
            TranslationsReportView.as_view(),
            name="translations_report",
        ),
        path(
            "reports/translations/results/",
            TranslationsReportView.as_view(results_only=True),
            name="translations_report_results",
        ),
    ]
    return [path("localize/", include((urls, "localize_checked"), namespace="localize_checked"))]


@transaction.atomic
def _submit_draft(translation, workflow, user):
    # Not save_target(publish=False): it writes the draft into the live page's row, which
    # visitors would read before anyone approved it. A revision alone waits for review.
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    if isinstance(draft, Page):
        # As wagtail-localize does when it saves: a translated slug is made a valid one.
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.id
        )
    draft.save_revision(user=user)
    workflow.start(draft, user)


@require_POST
def submit_translation_for_review(request, translation_id):
    """What wagtail-localize's editor lacks: a translator cannot publish, so the translated
    strings become a draft revision of the translation, which enters its language's review
    workflow; the live translation stays as it is until a reviewer approves."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    edit_url = translation.get_target_instance_edit_url()
    workflow = instance.get_workflow()
    total, done = translation.get_progress()
    if workflow is None:
        messages.error(request, _("Nothing reviews this translation: publish it instead."))
    elif instance.workflow_in_progress:
        messages.error(request, _("This translation is already waiting for review."))
    elif done < total:
        messages.error(
            request,
            _("Translate every segment first: %(done)s of %(total)s are translated.")
            % {"done": done, "total": total},
        )
    else:
        try:
            _submit_draft(translation, workflow, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Submitted to “%(workflow)s”. Its reviewers have been told.")
                % {"workflow": workflow.name},
            )
    return redirect(edit_url)


def review_urlpatterns():
    return [
        path(
            "translations/<int:translation_id>/submit/",
            submit_translation_for_review,
            name="submit_translation_for_review",
        )
    ]
