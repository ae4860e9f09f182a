from django.db import migrations

# The six UN languages. English exists already: Wagtail's own migrations create the locale
# of LANGUAGE_CODE.
LANGUAGE_CODES = ["ar", "en", "es", "fr", "ru", "zh-hans"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
