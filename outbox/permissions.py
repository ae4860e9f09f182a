from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

RESEND = "resend_outboxmessage"


class OutboxPolicy(ModelPermissionPolicy):
    """E-mails hold what the public sent (names, addresses, answers): only those given the
    resend permission (and superusers) see the outbox. Nobody writes or edits a message."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy"):
            return False
        return user.is_active and user.has_perm(f"outbox.{RESEND}")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        staff = (
            Q(is_superuser=True)
            | Q(user_permissions__codename=RESEND)
            | Q(groups__permissions__codename=RESEND)
        )
        return get_user_model().objects.filter(is_active=True).filter(staff).distinct()
