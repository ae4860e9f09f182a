"""The "Jury" admin menu (jurors and jury staff), its screens, the scoring criteria (a
translatable snippet) and the audit log's words for every change a jury makes."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from juries import views
from juries.models import Criterion
from juries.permissions import is_juror, is_jury_staff

app_name = "juries"
urlpatterns = [
    path("", views.JuryIndexView.as_view(), name="index"),
    path("rounds/<int:round_id>/", views.RoundView.as_view(), name="round"),
    path(
        "rounds/<int:round_id>/ranking/<uuid:category_key>/",
        views.RankingView.as_view(),
        name="ranking",
    ),
    path("candidates/<int:candidate_id>/", views.CandidateView.as_view(), name="candidate"),
    path("reviews/<int:review_id>/", views.ReviewView.as_view(), name="review"),
]


@hooks.register("register_admin_urls")
def register_jury_urls():
    return [path("juries/", include((urlpatterns, "juries"), namespace="juries"))]


class JuryMenuItem(MenuItem):
    def is_shown(self, request):
        return is_jury_staff(request.user) or is_juror(request.user)


@hooks.register("register_admin_menu_item")
def register_jury_menu_item():
    return JuryMenuItem(
        _("Jury"), reverse("juries:index"), name="jury", icon_name="pick", order=330
    )


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "list-ol"
    menu_label = _("Scoring criteria")
    add_to_admin_menu = False
    list_display = ["name", "contest", "weight", "max_score", "locale"]
    list_filter = ["locale"]
    ordering = ["contest_id", "sort_order", "pk"]
    panels = [
        FieldPanel("contest"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("weight"),
        FieldPanel("max_score"),
    ]


register_snippet(CriterionViewSet)


@hooks.register("register_log_actions")
def register_jury_log_actions(actions):
    for action, label, message in [
        ("juries.round.create", _("Jury round created"), _("Jury round created")),
        ("juries.round.open", _("Jury round opened"), _("Jury round opened for scoring")),
        ("juries.round.close", _("Jury round closed"), _("Jury round closed")),
        ("juries.juror.assign", _("Juror assigned"), _("Juror assigned to a category")),
        ("juries.juror.remove", _("Juror removed"), _("Juror removed from a category")),
        ("juries.review.submit", _("Scores sent"), _("A juror sent their scores")),
        ("juries.candidate.advance", _("Goes on"), _("Entry goes on to the next round")),
        ("juries.candidate.hold", _("Stops"), _("Entry does not go on to the next round")),
        ("juries.candidate.nominate", _("Chosen by the jury"), _("Entry chosen by the jury")),
        ("juries.candidate.withdraw", _("Choice withdrawn"), _("Jury's choice withdrawn")),
        ("juries.photos.rank", _("Winner rank set"), _("Winner rank set from the jury's ranking")),
    ]:
        actions.register_action(action, label, message)
