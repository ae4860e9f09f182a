"""The translation status report (translations.status) in the admin."""

from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from translations import roles
from translations.language_rights import language_codes_for
from translations.status import OUTDATED, STATES, TranslationStatus

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "translations/admin/status.html"
    paginate_by = 100

    def own_codes(self):
        targets = dict(roles.target_languages())
        return [c for c in targets if c in language_codes_for(self.request.user, "change")]

    def get_language(self):
        """The language asked for; a translator or language reviewer lands on their own."""
        targets = dict(roles.target_languages())
        asked = self.request.GET.get("language")
        own = self.own_codes()
        if asked in targets or asked == "all" or (asked == "mine" and own):
            return asked
        if len(own) == 1:
            return own[0]
        return "mine" if own and len(own) < len(targets) else "all"

    def get_codes(self, language):
        targets = [c for c, _n in roles.target_languages()]
        if language == "all":
            return targets
        return self.own_codes() if language == "mine" else [language]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        targets = roles.target_languages()
        language = self.get_language()
        codes = self.get_codes(language)
        state = self.request.GET.get("state")
        state = state if state in dict(STATES) else ""
        order = "outdated" if self.request.GET.get("order") == "outdated" else ""
        rows = TranslationStatus(self.request.user, codes).rows()
        counts = [
            (code, name, [(s, label, count_in_state(rows, code, s)) for s, label in STATES])
            for code, name in targets
            if code in codes
        ]
        if state:
            rows = [r for r in rows if any(c.state == state for c in r.cells.values())]
        if order:
            rows.sort(key=outdated_since)  # stable: the tree order otherwise
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("p"))
        context.update(
            languages=[(c, n) for c, n in targets if c in codes],
            all_languages=targets,
            has_own_languages=bool(self.own_codes()),
            language=language,
            states=STATES,
            state=state,
            order=order,
            counts=counts,
            page_obj=page,
            total=len(rows),
        )
        return context


def count_in_state(rows, code, state):
    return sum(1 for row in rows if row.cells[code].state == state)


def outdated_since(row):
    """Rows with an outdated language first, the longest outdated on top."""
    times = [c.since for c in row.cells.values() if c.state == OUTDATED and c.since]
    return (0, min(times)) if times else (1, _EPOCH)
