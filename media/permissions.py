from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy


class ModeratorPolicy(ModelPermissionPolicy):
    """Every action on entries needs the contest moderator permission; entries come from the
    public, so nobody adds them in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return user.is_active and user.has_perm("media.moderate_photoentry")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):

        return (
            get_user_model().objects.filter(is_active=True).filter(models_q_moderators()).distinct()
        )


def models_q_moderators():

    codename = "moderate_photoentry"
    return (
        Q(is_superuser=True)
        | Q(user_permissions__codename=codename)
        | Q(groups__permissions__codename=codename)
    )
