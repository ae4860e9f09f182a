"""The admin's paths to models that hold what the public sent (photo entries, the e-mail outbox).

Wagtail checks a snippet's listing, inspect, edit and history views against the model's
permission policy, but opens its chooser (list, search, chosen) and the confirmation pages of
bulk actions (which name every selected item, `?id=all` for the whole table) to every admin
user; wagtail-localize's snippets API (`/admin/localize/api/snippets/<app>/<model>/`) the same.
A model registered with PrivateSnippetViewSet gets all of them checked against the permission
its listing asks for; wsis_site.private_api does it for the API (the REST_FRAMEWORK setting).
tests/media/test_private_paths.py walks every path for every such model and role."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet


def is_private(model):
    return isinstance(getattr(model, "snippet_viewset", None), PrivateSnippetViewSet)


def user_may_list(user, model):
    """What the model's own listing (the moderation queue, the outbox) asks of the user."""
    actions = model.snippet_viewset.index_view_class.any_permission_required
    return policy_registry.get_by_type(model).user_has_any_permission(user, actions)


class ListingPermissionRequired:
    """For a chooser view or a bulk action: refused unless the user may open the listing."""

    def dispatch(self, request, *args, **kwargs):
        model = getattr(self, "model_class", None) or self.model
        if not user_may_list(request.user, model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ListingPermissionRequired, chooser.ChooseView):
    pass


class ChooseResultsView(ListingPermissionRequired, chooser.ChooseResultsView):
    pass


class ChosenView(ListingPermissionRequired, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ListingPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class CreateView(ListingPermissionRequired, chooser.SnippetCreateView):
    pass


class PrivateChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class PrivateDeleteBulkAction(ListingPermissionRequired, DeleteBulkAction):
    """Wagtail's bulk delete, for one private model (see PrivateSnippetViewSet.on_register)."""

    models = []


class PrivateSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = PrivateChooserViewSet

    def on_register(self):
        super().on_register()
        # Registered after Wagtail's own delete for every snippet (order 0), so this one is
        # the model's delete action.
        action = type(
            f"{self.model.__name__}DeleteBulkAction",
            (PrivateDeleteBulkAction,),
            {"models": [self.model]},
        )
        hooks.register("register_bulk_action", action, order=1)
