from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site built from the 2014 and 2017 newsletters' facts (`load_demo_content`): the
    top layer, the only app that knows every other one."""

    name = "demo"
    verbose_name = _("Demo content")
