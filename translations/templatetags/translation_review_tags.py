import json

from django import template
from django.urls import reverse
from wagtail.models import Page

from translations.language_state import changes_to_translate
from translations.localize_views import workflow_decides

register = template.Library()


def _workflow_action_url(instance, action, task_state):
    if isinstance(instance, Page):
        name = "wagtailadmin_pages:workflow_action"
    else:
        name = instance.snippet_viewset.get_url_name("workflow_action")
    return reverse(name, args=[instance.pk, action, task_state.id])


@register.inclusion_tag("translations/admin/review_panel.html", takes_context=True)
def translation_review_panel(context, translation, instance):
    """Below wagtail-localize's editor: submit the translation for review, or, for its
    reviewers, approve it or send it back with a comment."""
    workflow = instance.get_workflow() if hasattr(instance, "get_workflow") else None
    total, done = translation.get_progress()
    task_state = instance.current_workflow_task_state if workflow else None
    actions = {}
    if task_state:
        user = context["request"].user
        for name, _label, _modal in task_state.task.specific.get_actions(instance, user):
            actions[name] = _workflow_action_url(instance, name, task_state)
    return {
        "workflow": workflow,
        "in_review": task_state is not None,
        "actions": actions,
        "complete": done >= total,
        "done": done,
        "total": total,
        "submit_url": reverse("submit_translation_for_review", args=[translation.id]),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("translations/admin/what_changed.html")
def what_changed(translation):
    """Above wagtail-localize's editor: each segment whose source text changed since this
    language translated it, with the previous source, the change, and the previous translation."""
    return {
        "changes": changes_to_translate(translation),
        "locale": translation.target_locale,
        "source_locale": translation.source.locale,
    }


@register.simple_tag(takes_context=True)
def editor_props(context, props, instance):
    """wagtail-localize's editor props, less what translators must not be offered: converting
    the translation back to an alias (administrators only, after confirming) and publishing
    past the language's review."""
    user = context["request"].user
    data = json.loads(props)
    if not user.is_superuser:
        data["links"]["convertToAliasUrl"] = None
    if workflow_decides(user, instance):
        data["perms"]["canPublish"] = False
    return json.dumps(data)
