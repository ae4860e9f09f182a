"""Roles as code: the groups of DESIGN.md, their permissions on each language's tree, and the
moderation workflows. `python manage.py setup_roles` applies them, and repairs them when run
again; language trees created later get their permissions on the next run."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage

EDITORS = "Communications editors"
MODERATORS = "Moderators"
SUBMISSION_REVIEWERS = "Submission reviewers"
CONTEST_MODERATORS = "Contest moderators"


def translators(name):
    return f"Translators ({name})"


def language_reviewers(name):
    return f"Language reviewers ({name})"


def target_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _group(name, codenames=()):
    group, _created = Group.objects.get_or_create(name=name)
    wanted = ["wagtailadmin.access_admin", *codenames]
    for label in wanted:
        app_label, codename = label.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def _page_permissions(group, page, types):
    for permission_type in types:
        if not GroupPagePermission.objects.filter(
            group=group, page=page, permission__codename=f"{permission_type}_page"
        ).exists():
            GroupPagePermission.objects.create(
                group=group, page=page, permission_type=permission_type
            )


def _workflow(name, task_name, group, page):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(group)
    # Through the model's own manager: the workflow's child relation would only hold it in memory.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def homes_by_language():
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


def setup_roles():
    """Creates or repairs every group, permission and workflow; returns what was missing."""
    snippet_perms = [
        f"partners.{action}_partner" for action in ("add", "change", "delete", "publish", "view")
    ]
    editors = _group(EDITORS, snippet_perms[:2] + snippet_perms[4:])
    moderators = _group(MODERATORS, snippet_perms)
    _group(SUBMISSION_REVIEWERS)
    _group(CONTEST_MODERATORS, ["media.moderate_photoentry"])
    homes = homes_by_language()
    missing = []
    english = homes.get(settings.LANGUAGE_CODE)
    if english:
        # Editors edit the source tree and submit for moderation; moderators approve.
        _page_permissions(editors, english, ["add", "change"])
        _page_permissions(moderators, english, ["add", "change", "publish", "lock", "unlock"])
        _workflow("Editorial review", "Moderator approval", moderators, english)
    else:
        missing.append(settings.LANGUAGE_CODE)
    for code, name in target_languages():
        translator_group = _group(translators(name), ["wagtail_localize.submit_translation"])
        reviewer_group = _group(language_reviewers(name), ["wagtail_localize.submit_translation"])
        home = homes.get(code)
        if home is None:
            missing.append(code)
            continue
        # Per-language permissions come from the trees: each group gets its own home only.
        _page_permissions(translator_group, home, ["add", "change"])
        _page_permissions(reviewer_group, home, ["add", "change", "publish", "lock", "unlock"])
        _workflow(f"Translation review ({name})", f"{name} review", reviewer_group, home)
    return missing
