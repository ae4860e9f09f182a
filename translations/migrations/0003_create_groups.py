"""The editorial and translation groups with their model permissions (translations.roles),
and the end of Wagtail's default groups' rights on every tree. Tree permissions and workflows
need the language homes: `manage.py setup_roles` adds them. (home.0005 did this before the
translation workflow had an app of its own; running it again where it ran changes nothing.)"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    from translations import roles

    # Permissions are normally created after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group = apps.get_model("auth", "Group")
    roles.create_groups(
        group, apps.get_model("auth", "Permission"), apps.get_model("contenttypes", "ContentType")
    )
    roles.retire_wagtail_default_groups(group, apps.get_model("wagtailcore", "GroupPagePermission"))


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_own_tables"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("partners", "0002_partner_locking"),
        ("calls", "0003_team_field_type"),
        ("media", "0003_entrant_notified"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
