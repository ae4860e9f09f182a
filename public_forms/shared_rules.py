"""The rules of a public form (its window, capacity, one-per rule, a contest's dates) are one
thing for all the language versions of its page. Each copy stores them, so that every listing
and every post reads them without another query, but only the original (the first copy made,
the one translations are made from) decides them: publishing it writes them to every
translation, a translation saved with other values takes the original's back, and the editor
refuses a translation given other values."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class RulesSharedByTranslations:
    """For a translatable page model: `shared_rules` names the fields editors set, and
    `shared_computed` those computed from them (copied too, never compared)."""

    shared_rules: tuple[str, ...] = ()
    shared_computed: tuple[str, ...] = ()

    def _all_shared(self):
        return (*self.shared_rules, *self.shared_computed)

    def saves_rules(self, update_fields):
        return update_fields is None or bool(set(update_fields) & set(self._all_shared()))

    def original_copy(self):
        """The first copy of this page made (lowest id), or None for a page not saved yet."""
        if not self.translation_key:
            return None
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .only("locale", *self._all_shared())
            .first()
        )

    def is_original(self, original):
        return original is None or original.pk == self.pk

    def differing_rules(self, original):
        return [
            name for name in self.shared_rules if getattr(self, name) != getattr(original, name)
        ]

    def clean_shared_rules(self):
        """For the editor: a translation cannot have rules of its own."""
        original = self.original_copy()
        if self.is_original(original):
            return
        language = original.locale.get_display_name() if original.locale_id else ""
        message = _(
            "Set on the original version (%(language)s) for every language: change it there."
        ) % {"language": language}
        errors = {name: message for name in self.differing_rules(original)}
        if errors:
            raise ValidationError(errors)

    def take_rules_from_original(self):
        """Before a translation is saved: the original's rules, whatever it was given."""
        original = self.original_copy()
        if not self.is_original(original):
            for name in self._all_shared():
                setattr(self, name, getattr(original, name))
        return original

    def give_rules_to_translations(self, original):
        """After the original is saved (published): the same rules on every translation. (No
        copy found before this save: this is the only one, there is none to update.)"""
        if original is not None and original.pk == self.pk:
            type(self).objects.filter(translation_key=self.translation_key).exclude(
                pk=self.pk
            ).update(**{name: getattr(self, name) for name in self._all_shared()})
