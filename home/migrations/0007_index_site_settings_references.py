"""Site settings join Wagtail's reference index (home.cache_purge): index the rows that exist,
so that publishing a page in the navigation or footer purges every page at once."""

from django.db import migrations


def index_settings(apps, schema_editor):
    # A new database has no settings yet (and the current model may have columns that later
    # migrations add): nothing to index.
    if not apps.get_model("home", "SiteSettings").objects.exists():
        return
    from wagtail.models import ReferenceIndex

    from home.models import SiteSettings

    ReferenceIndex.register_model(SiteSettings)
    for site_settings in SiteSettings.objects.all():
        ReferenceIndex.create_or_update_for_object(site_settings)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_translation_models_moved"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(index_settings, migrations.RunPython.noop)]
