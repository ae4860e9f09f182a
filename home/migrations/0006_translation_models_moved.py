# LanguageReviewTask and SourceTextChange now belong to the `translations` app (its 0001 takes
# them over without touching their tables). Their content types follow them, so existing
# review tasks, their workflow states and permissions keep pointing at the same rows.

from django.db import migrations

MOVED = ["languagereviewtask", "sourcetextchange"]


def move_content_types(apps, schema_editor, old="home", new="translations"):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=new, model__in=MOVED).delete()
    content_type.objects.filter(app_label=old, model__in=MOVED).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="translations", new="home")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_create_groups"),
        ("translations", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="LanguageReviewTask"),
                migrations.DeleteModel(name="SourceTextChange"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
