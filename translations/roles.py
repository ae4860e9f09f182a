"""Roles as code: the groups of DESIGN.md, their permissions on each language's tree, and the
moderation workflows. `python manage.py setup_roles` applies them, and repairs them when run
again; language trees created later get their permissions on the next run."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage
from translations.language_rights import translatable_snippet_models
from translations.review_task import LanguageReviewTask

EDITORS = "Communications editors"
MODERATORS = "Moderators"
SUBMISSION_REVIEWERS = "Submission reviewers"
CONTEST_MODERATORS = "Contest moderators"
PRIZES_EDITORS = "Prizes editors"
PRIZES_VOTE_REVIEWERS = "Prizes vote reviewers"
SNIPPET_REVIEW = "Snippet review"
LANGUAGE_REVIEW = "Review in the snippet's language"


def translators(name):
    return f"Translators ({name})"


def language_reviewers(name):
    return f"Language reviewers ({name})"


def target_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _partner_permissions(*actions):
    return [f"partners.{action}_partner" for action in actions]


SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def group_permissions():
    """Every group and its model permissions (tree permissions come from the homes below)."""
    groups = {
        EDITORS: _partner_permissions("add", "change", "view"),
        MODERATORS: _partner_permissions("add", "change", "delete", "publish", "view")
        + ["calls.view_callsubmission", "media.moderate_photoentry"]
        # WSIS Flash: sending issues, and subscribers' data-protection requests.
        + [
            "newsletter.send_dispatch",
            "newsletter.view_subscriber",
            "newsletter.delete_subscriber",
        ],
        SUBMISSION_REVIEWERS: ["calls.view_callsubmission"],
        CONTEST_MODERATORS: ["media.moderate_photoentry"],
        # The WSIS Prizes' staff: nominate and set results, see each contest's dashboard and
        # exports (no voter's address); the vote reviewers decide flagged votes and handle
        # voters' personal data (export, erase).
        PRIZES_EDITORS: ["prizes.view_prizesubmission", "prizes.change_prizesubmission"],
        PRIZES_VOTE_REVIEWERS: [
            "prizes.view_prizesubmission",
            "prizes.view_vote",
            "prizes.review_vote",
        ],
    }
    for _code, name in target_languages():
        # Snippet rights are narrowed to the group's language by translations.language_rights.
        groups[translators(name)] = [SUBMIT_TRANSLATION, *_partner_permissions("change", "view")]
        groups[language_reviewers(name)] = [
            SUBMIT_TRANSLATION,
            *_partner_permissions("change", "publish", "view"),
        ]
    return groups


def _permission(permission_model, content_type_model, label):
    app_label, codename = label.split(".")
    permission = permission_model.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        # Wagtail adds publish/lock permissions after migrating; the groups need them before.
        action, model = codename.split("_", 1)
        content_type, _created = content_type_model.objects.get_or_create(
            app_label=app_label, model=model
        )
        permission = permission_model.objects.create(
            content_type=content_type, codename=codename, name=f"Can {action} {model}"
        )
    return permission


def create_groups(group_model, permission_model, content_type_model):
    """Creates or repairs the groups; takes the models so the data migration can pass its
    historical ones."""
    groups = {}
    for name, codenames in group_permissions().items():
        group, _created = group_model.objects.get_or_create(name=name)
        # Exactly these: what another migration or a hand in the admin added goes again.
        group.permissions.set(
            [
                _permission(permission_model, content_type_model, label)
                for label in ["wagtailadmin.access_admin", *codenames]
            ]
        )
        groups[name] = group
    return groups


def retire_wagtail_default_groups(group_model, group_page_permission_model):
    """Wagtail's first migration gives "Moderators" and "Editors" rights on the root page, that
    is in every language tree. Our Moderators act on the English tree only; Wagtail's Editors
    group is dropped while nobody is in it."""
    group_page_permission_model.objects.filter(
        group__name__in=[MODERATORS, "Editors"], page__depth=1
    ).delete()
    group_model.objects.filter(name="Editors", user__isnull=True).delete()


def _collection_permissions(group, codenames):
    """Image and document rights are per collection: these groups use the root (all of them)."""
    root = Collection.get_first_root_node()
    for codename in codenames:
        app_label = "wagtaildocs" if codename.endswith("_document") else "wagtailimages"
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


MEDIA_LIBRARY = [
    f"{action}_{model}" for model in ("image", "document") for action in ("add", "change", "choose")
]


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


def _snippet_workflow():
    """Snippets have one workflow per model, not per tree: its task asks for the reviewers of
    the object's own language (translations.review_task)."""
    workflow, _created = Workflow.objects.get_or_create(name=SNIPPET_REVIEW)
    task = LanguageReviewTask.objects.filter(name=LANGUAGE_REVIEW).first()
    if task is None:
        task = LanguageReviewTask.objects.create(name=LANGUAGE_REVIEW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Snippets visitors read: published only through review.
    for model in (m for m in translatable_snippet_models() if issubclass(m, WorkflowMixin)):
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    return workflow


def homes_by_language():
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


def setup_roles():
    """Creates or repairs every group, permission and workflow; returns what was missing."""
    groups = create_groups(Group, Permission, ContentType)
    retire_wagtail_default_groups(Group, GroupPagePermission)
    editors, moderators = groups[EDITORS], groups[MODERATORS]
    _collection_permissions(editors, MEDIA_LIBRARY)
    _collection_permissions(moderators, MEDIA_LIBRARY)
    _snippet_workflow()
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
        translator_group = groups[translators(name)]
        reviewer_group = groups[language_reviewers(name)]
        home = homes.get(code)
        if home is None:
            missing.append(code)
            continue
        # Per-language permissions come from the trees: each group gets its own home only.
        _page_permissions(translator_group, home, ["add", "change"])
        _page_permissions(reviewer_group, home, ["add", "change", "publish", "lock", "unlock"])
        _workflow(f"Translation review ({name})", f"{name} review", reviewer_group, home)
    return missing
