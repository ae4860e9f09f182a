"""Query parameters the site refuses to read, before any view does: a 400 that says so, in the
visitor's language, instead of a server error further down (a search for NUL, an id that is
not one).

- Everywhere: no control character (public_forms.validators: C0, DEL, C1; tab and line breaks
  pass) in a parameter's name or value.
- Lengths are left to the server in front (gunicorn refuses a request line over 4,094 bytes)
  and to each view, which keeps what it reads (a search its first 200 characters; filters are
  choices, page numbers numbers).
- The admin: no integer beyond 64 bits (SQLite cannot even compare one: a filter such as
  ?contest=99999999999999999999 was a server error), and the parameters of Wagtail's screens
  that name rows by id hold ids of that model (Wagtail's bulk actions and the deletion of form
  submissions answered ?id=abc with a server error).
"""

import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext

from public_forms.validators import has_control_characters

INTEGER = re.compile(r"-?\d+")
LARGEST_INTEGER = 2**63 - 1
# The URL name of a Wagtail screen: its parameter that names rows by id.
ROW_ID_PARAMETERS = {
    "wagtail_bulk_action": "id",
    "wagtailforms:delete_submissions": "selected-submissions",
}


class QueryParameterPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def process_view(self, request, view_func, view_args, view_kwargs):
        is_admin = request.path_info.startswith(self.admin_prefix)
        for name, values in request.GET.lists():
            if has_control_characters(name) or any(has_control_characters(v) for v in values):
                return self.refuse(request, is_admin)
            if is_admin and any(
                INTEGER.fullmatch(v) and abs(int(v)) > LARGEST_INTEGER for v in values
            ):
                return self.refuse(request, is_admin)
        if is_admin and not self.names_rows(request, view_kwargs):
            return self.refuse(request, is_admin)
        return None

    def names_rows(self, request, view_kwargs):
        """Whether every id a Wagtail screen reads from the query string could be one."""
        match = request.resolver_match
        parameter = ROW_ID_PARAMETERS.get(match.view_name if match else None)
        if parameter is None:
            return True
        values = request.GET.getlist(parameter)
        if "app_label" not in view_kwargs:  # form submissions: Wagtail's integer ids
            return all(INTEGER.fullmatch(v) and abs(int(v)) <= LARGEST_INTEGER for v in values)
        try:
            model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
        except LookupError:
            return True  # Wagtail answers an unknown model itself
        for value in values:
            if parameter == "id" and value == "all":  # every row of the listing
                continue
            try:
                model._meta.pk.clean(value, None)
            except ValidationError:
                return False
        return True

    def refuse(self, request, is_admin):
        message = gettext("This address cannot be read.")
        if is_admin:
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        page = "public_forms/unreadable_address.html"
        return TemplateResponse(request, page, {"message": message}, status=400).render()
