"""A workflow task approved by whoever may publish in the language of the object under review:
moderators for an English snippet, that language's reviewers for a translation. A group
approval task cannot say this: its groups approve in every language."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import Task, TaskState

from translations.language_rights import language_codes_for, object_language, users_who_may


class LanguageReviewTask(Task):
    def user_can_review(self, obj, user):
        return object_language(obj) in language_codes_for(user, "publish")

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", pgettext_lazy("site", "Request changes"), True),
            ("approve", pgettext_lazy("site", "Approve"), False),
            ("approve", pgettext_lazy("site", "Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        codes = language_codes_for(user, "publish")
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
            "workflow_state__base_content_type"
        )
        # The object's language lives on the object: ask each model once for its ids.
        allowed = Q(pk__in=[])
        by_type = {}
        for state in states:
            ws = state.workflow_state
            by_type.setdefault(ws.base_content_type, []).append(ws.object_id)
        for content_type, object_ids in by_type.items():
            ids = (
                content_type.model_class()
                .objects.filter(pk__in=object_ids, locale__language_code__in=codes)
                .values_list("pk", flat=True)
            )
            allowed |= Q(
                workflow_state__base_content_type=content_type,
                workflow_state__object_id__in=[str(pk) for pk in ids],
            )
        return states.filter(allowed)

    @classmethod
    def get_description(cls):
        return _("People who may publish in the object's language approve it")

    class Meta:
        verbose_name = _("language review task")
        verbose_name_plural = _("language review tasks")


class LanguageReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """E-mails the reviewers of the object's language when it reaches a language review."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, TaskState) and isinstance(
            instance.task.specific, LanguageReviewTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        language = object_language(task_state.workflow_state.content_object)
        recipients = users_who_may("publish", language)
        user = kwargs.get("user")
        return recipients.exclude(pk=user.pk) if user else recipients
