"""The "Stocktaking" admin menu: entries with their moderation, embedding sites, import."""

import django_filters
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from stocktaking import admin_views
from stocktaking.models import (
    ActionLine,
    EmbeddingSite,
    Entry,
    EntryCountry,
    EntryUpdate,
    Region,
    Sdg,
)
from wsis_site.private_admin import PrivateSnippetViewSet


class EntryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Moderation status"), choices=Entry.Status.choices)
    has_update = django_filters.BooleanFilter(
        label=_("Owner's update awaiting moderation"), method="filter_has_update"
    )
    action_line = django_filters.ModelChoiceFilter(
        label=_("WSIS Action Line"), queryset=ActionLine.objects.all(), field_name="action_lines"
    )
    sdg = django_filters.ModelChoiceFilter(
        label=_("SDG"), queryset=Sdg.objects.all(), field_name="sdgs"
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.all(), method="filter_region"
    )
    project_status = django_filters.ChoiceFilter(
        label=_("Project status"), choices=Entry.ProjectStatus.choices
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")

    class Meta:
        model = Entry
        fields = ["status", "stakeholder_type", "language", "is_sample"]

    def filter_has_update(self, queryset, name, value):
        pending = EntryUpdate.objects.filter(
            entry=OuterRef("pk"), status=EntryUpdate.Status.PENDING
        )
        return queryset.filter(Exists(pending)) if value else queryset.exclude(Exists(pending))

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=EntryCountry.objects.filter(region=value).values("entry_id"))


class ModerateColumn(Column):
    cell_template_name = "stocktaking/admin/moderate_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        # A cell is rendered from a plain dict: no context processors, so no `perms`.
        context = super().get_cell_context_data(instance, parent_context)
        request = context["request"]
        context["can_moderate"] = request is not None and request.user.has_perm(
            admin_views.MODERATE
        )
        return context


class EntryViewSet(PrivateSnippetViewSet):
    """Entries hold their owners' names and addresses: staff with the entry permissions only,
    through the chooser and the bulk actions too."""

    model = Entry
    icon = "table"
    menu_label = pgettext_lazy("stocktaking admin menu", "Entries")
    list_display = [
        "title",
        "organisation",
        "status",
        Column("language", label=_("Language")),
        "submitted_at",
        ModerateColumn("moderate", label=_("Moderation")),
    ]
    filterset_class = EntryFilterSet
    list_per_page = 50
    ordering = ["-submitted_at"]
    search_fields = ["title", "organisation", "description", "contact_email"]
    inspect_view_enabled = True
    form_fields = [
        "title",
        "organisation",
        "stakeholder_type",
        "action_lines",
        "sdgs",
        "project_status",
        "start_date",
        "end_date",
        "description",
        "website",
        "language",
        "contact_name",
        "contact_email",
        "is_sample",
    ]

    def get_queryset(self, request):
        pending = EntryUpdate.objects.filter(
            entry=OuterRef("pk"), status=EntryUpdate.Status.PENDING
        )
        return Entry.objects.annotate(has_pending_update=Exists(pending))


class EmbeddingSiteViewSet(SnippetViewSet):
    model = EmbeddingSite
    icon = "globe"
    menu_label = _("Embedding sites")
    # The key is made on saving and never edited: the listing is where staff read it, to
    # give to the partner (who makes the code on the database's embed-code page).
    list_display = ["name", "origin", Column("key", label=_("Key")), "is_active", "created_at"]
    form_fields = ["name", "origin", "is_active", "contact_email"]


class StocktakingGroup(SnippetViewSetGroup):
    items = (EntryViewSet, EmbeddingSiteViewSet)
    menu_icon = "table"
    menu_label = _("Stocktaking")
    menu_name = "stocktaking"
    menu_order = 270


register_snippet(StocktakingGroup)


@hooks.register("register_admin_urls")
def register_stocktaking_urls():
    return [
        path(
            "stocktaking/entries/<int:entry_id>/moderate/",
            admin_views.moderate,
            name="stocktaking_moderate",
        ),
        path("stocktaking/import/", admin_views.import_entries, name="stocktaking_import"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Stocktaking import"), reverse("stocktaking_import"), icon_name="upload", order=271
    )
