"""Created the editorial and translation groups until the translation workflow moved to its own
app: translations.0003_create_groups does it now (and again, harmlessly, where this ran)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_language_review_task_source_text_change"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("partners", "0002_partner_locking"),
        ("calls", "0003_team_field_type"),
        ("media", "0003_entrant_notified"),
    ]

    operations = []
