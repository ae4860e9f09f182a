"""A registrant cancels by the link in their confirmation e-mail: signed, so only who received
it can use it; opening it asks (mail scanners open links), a POST cancels, once."""

from django.core import signing
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from calls.choices import ReviewStatus
from calls.models import CallSubmission
from calls.models.storing import CANCELLATION_SALT


@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    try:
        pk = signing.loads(token, salt=CANCELLATION_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    submission = CallSubmission.objects.select_related("page").filter(pk=pk).first()
    if submission is None:
        raise Http404
    already = submission.status == ReviewStatus.CANCELLED
    if request.method == "POST" and not already:
        submission.status = ReviewStatus.CANCELLED
        submission.save(update_fields=["status"])  # gives the seat back, once
    context = {
        "submission": submission,
        "page": submission.page.specific,
        "cancelled": request.method == "POST" or already,
        "already": already and request.method != "POST",
    }
    return TemplateResponse(request, "calls/cancel_registration.html", context)
