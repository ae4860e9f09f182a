"""Django REST framework's default permission (settings.REST_FRAMEWORK): kept apart from
wsis_site.private_admin because REST framework imports it when its views module is first
imported, which may be before the apps are ready."""

from rest_framework.permissions import BasePermission


class PrivateModelPermission(BasePermission):
    """For REST framework views of one model (wagtail-localize's snippets API takes it from the
    URL): a private model's records only for those who may open its listing. Views of any other
    model are left as REST framework's default leaves them: allowed."""

    def has_permission(self, request, view):
        from wsis_site.private_admin import is_private, user_may_list

        get_model = getattr(view, "get_model", None)
        model = get_model() if get_model is not None else getattr(view, "model", None)
        if model is None or not is_private(model):
            return True
        return user_may_list(request.user, model)
