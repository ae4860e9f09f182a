from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("home/admin/translation_review_panel.html", takes_context=True)
def translation_review_panel(context, translation, instance):
    workflow = instance.get_workflow() if hasattr(instance, "get_workflow") else None
    total, done = translation.get_progress()
    return {
        "workflow": workflow,
        "in_review": workflow is not None and instance.workflow_in_progress,
        "complete": done >= total,
        "done": done,
        "total": total,
        "submit_url": reverse("submit_translation_for_review", args=[translation.id]),
        "csrf_token": context.get("csrf_token"),
    }
