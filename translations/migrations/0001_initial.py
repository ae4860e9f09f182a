# The review task and the source-change record moved here from `home`: the tables stay as
# they are (home_*), only Django's idea of which app owns them changes; 0002 renames them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0005_create_groups"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LanguageReviewTask",
                    fields=[
                        (
                            "task_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.task",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "language review task",
                        "verbose_name_plural": "language review tasks",
                        "db_table": "home_languagereviewtask",
                    },
                    bases=("wagtailcore.task",),
                ),
                migrations.CreateModel(
                    name="SourceTextChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("changed_at", models.DateTimeField()),
                        ("notified_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "source",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="text_change",
                                to="wagtail_localize.translationsource",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "source text change",
                        "db_table": "home_sourcetextchange",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
