import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = settings.BASE_DIR / "var" / "admin_password"


class Command(BaseCommand):
    help = (
        "Makes sure a superuser `admin` exists. Its password comes from ADMIN_PASSWORD, or is "
        "generated once, kept in var/admin_password (readable by you only) and printed."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        from_environment = os.environ.get("ADMIN_PASSWORD")
        user = User.objects.filter(username="admin").first()
        if user is None:
            password = from_environment or secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.org", password)
            if not from_environment:
                PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
                PASSWORD_FILE.write_text(password + "\n")
                PASSWORD_FILE.chmod(0o600)
        elif from_environment:
            user.set_password(from_environment)
            user.save(update_fields=["password"])
            password = from_environment
        elif PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()
        else:
            password = None
        shown = password if not from_environment else "(from ADMIN_PASSWORD)"
        if password is None:
            shown = "(unchanged; set ADMIN_PASSWORD to reset it)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: admin  password: {shown}"
            )
        )
