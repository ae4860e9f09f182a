"""The translation status report (translations.status) in the admin."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from translations import roles
from translations.language_rights import language_codes_for
from translations.status import STATES, TranslationStatus


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "translations/admin/status.html"
    paginate_by = 100

    def get_language(self):
        """The language asked for; a translator or language reviewer lands on their own."""
        targets = dict(roles.target_languages())
        asked = self.request.GET.get("language")
        if asked in targets or asked == "all":
            return asked
        own = [c for c in targets if c in language_codes_for(self.request.user, "change")]
        return own[0] if len(own) == 1 else "all"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        targets = roles.target_languages()
        language = self.get_language()
        codes = [c for c, _n in targets] if language == "all" else [language]
        state = self.request.GET.get("state")
        state = state if state in dict(STATES) else ""
        rows = TranslationStatus(self.request.user, codes).rows()
        if state:
            rows = [r for r in rows if any(c.state == state for c in r.cells.values())]
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("p"))
        context.update(
            languages=[(c, n) for c, n in targets if c in codes],
            all_languages=targets,
            language=language,
            states=STATES,
            state=state,
            page_obj=page,
            total=len(rows),
        )
        return context
