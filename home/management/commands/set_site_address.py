from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Sets the default Site's host name and port, which sitemaps, feeds, calendar files and "
        "e-mail links are built from (`make run` gives it HOST and PORT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, host, port, **options):
        if not 0 < port < 65536:
            raise CommandError(f"{port} is not a TCP port.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: load the demo content first.")
        if (site.hostname, site.port) != (host, port):
            site.hostname, site.port = host, port
            site.save()
        self.stdout.write(f"http://{host}:{port}/")
