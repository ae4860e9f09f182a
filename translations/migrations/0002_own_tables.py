from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("home", "0006_translation_models_moved"),
    ]

    operations = [
        migrations.AlterModelTable(name="languagereviewtask", table=None),
        migrations.AlterModelTable(name="sourcetextchange", table=None),
    ]
