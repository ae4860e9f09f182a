"""Action Lines, SDGs and regions: reference data with names in the six UN languages (a JSON
object keyed by language code, loaded by migration from stocktaking.reference)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class NamedInSixLanguages(models.Model):
    names = models.JSONField(default=dict, verbose_name=_("names"))

    class Meta:
        abstract = True

    @property
    def name(self):
        """The name in the active language, in English when that one is missing."""
        return self.name_in(get_language())

    def name_in(self, language_code):
        return self.names.get(language_code or "en") or self.names.get("en", "")


class ActionLine(NamedInSixLanguages):
    """A WSIS Action Line of the Geneva Plan of Action (C1-C11), or one of C7's applications
    (C7.1 e-government … C7.8 e-science), whose parent is C7."""

    code = models.CharField(max_length=8, unique=True, verbose_name=_("code"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="sub_lines"
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("WSIS Action Line")
        verbose_name_plural = _("WSIS Action Lines")

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def slug(self):
        return self.code.lower()


class Sdg(NamedInSixLanguages):
    number = models.PositiveSmallIntegerField(unique=True, verbose_name=_("number"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")

    def __str__(self):
        return _("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.name}

    @property
    def code(self):
        return str(self.number)


class Region(NamedInSixLanguages):
    """One of the six ITU regions (see stocktaking.reference)."""

    code = models.CharField(max_length=16, unique=True, verbose_name=_("code"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name
