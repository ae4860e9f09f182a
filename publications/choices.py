from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PUBLICATION_TYPES = [
    ("report", _("Report")),
    ("regional_report", _("Regional report")),
    ("contribution", _("Contribution")),
    ("brochure", _("Brochure")),
]

# The languages a document can be in: the site's six, by the codes its URLs use (the names
# with the context of the site's own, home.blocks.DOCUMENT_LANGUAGES).
DOCUMENT_LANGUAGES = [
    ("ar", pgettext_lazy("site", "Arabic")),
    ("en", pgettext_lazy("site", "English")),
    ("es", pgettext_lazy("site", "Spanish")),
    ("fr", pgettext_lazy("site", "French")),
    ("ru", pgettext_lazy("site", "Russian")),
    ("zh-hans", pgettext_lazy("site", "Chinese")),
]
DOCUMENT_LANGUAGE_CODES = [code for code, _name in DOCUMENT_LANGUAGES]
