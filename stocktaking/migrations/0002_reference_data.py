"""The WSIS Action Lines, the SDGs and the ITU regions, with their names in six languages
(stocktaking.reference), and the Stocktaking moderators group."""

from django.db import migrations

from stocktaking.reference import ACTION_LINES, REGIONS, SDGS, names

MODERATORS = "Stocktaking moderators"


def load(apps, schema_editor):
    ActionLine = apps.get_model("stocktaking", "ActionLine")
    Sdg = apps.get_model("stocktaking", "Sdg")
    Region = apps.get_model("stocktaking", "Region")
    for order, (code, parent, *values) in enumerate(ACTION_LINES):
        ActionLine.objects.update_or_create(
            code=code,
            defaults={
                "names": names(values),
                "sort_order": order,
                "parent": ActionLine.objects.get(code=parent) if parent else None,
            },
        )
    for number, *values in SDGS:
        Sdg.objects.update_or_create(number=number, defaults={"names": names(values)})
    for order, (code, *values) in enumerate(REGIONS):
        Region.objects.update_or_create(
            code=code, defaults={"names": names(values), "sort_order": order}
        )


def add_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    entry_type, _created = ContentType.objects.get_or_create(app_label="stocktaking", model="entry")
    site_type, _created = ContentType.objects.get_or_create(
        app_label="stocktaking", model="embeddingsite"
    )
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    wanted = [
        (admin_type, "access_admin", "Can access Wagtail admin"),
        (entry_type, "moderate_entry", "Can moderate stocktaking entries"),
        (entry_type, "view_entry", "Can view stocktaking entry"),
        (entry_type, "change_entry", "Can change stocktaking entry"),
        (entry_type, "add_entry", "Can add stocktaking entry"),
        (site_type, "view_embeddingsite", "Can view embedding site"),
        (site_type, "add_embeddingsite", "Can add embedding site"),
        (site_type, "change_embeddingsite", "Can change embedding site"),
    ]
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    for content_type, codename, name in wanted:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("stocktaking", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(add_group, migrations.RunPython.noop),
    ]
