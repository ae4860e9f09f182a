"""The subscriber's side of WSIS Flash: signing up, confirming, preferences, unsubscribing.
Each view reads top to bottom; the links in e-mails are signed (newsletter.tokens)."""

from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter import emails, tokens
from newsletter.forms import CONFIRM_WORDING, CONSENT_WORDING, PreferencesForm, SignupForm
from newsletter.models import ConsentRecord, Subscriber
from public_forms import ratelimit

Action = ConsentRecord.Action


def _respond(request, template, context, status=200, wait=0):
    response = TemplateResponse(request, template, context, status=status)
    if wait:
        response["Retry-After"] = str(wait)
    return response


def _root_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def store_signup(email, languages, language):
    """Stores a sign-up; returns (subscriber, already subscribed). A confirmed subscriber is
    left as they are (someone else may have typed their address): they are sent a link to
    their preferences instead. Anyone else waits for confirmation and receives nothing."""
    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
        email=Subscriber.normalise(email), defaults={"language": language}
    )
    if subscriber.is_receiving:
        return subscriber, True
    subscriber.language = language
    subscriber.confirmed_at = subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["language", "confirmed_at", "unsubscribed_at"])
    subscriber.set_languages(languages)
    subscriber.record_consent(Action.SIGNED_UP, CONSENT_WORDING, language, languages)
    return subscriber, False


@require_http_methods(["GET", "POST"])
def subscribe(request):
    template = "newsletter/subscribe.html"
    language = translation.get_language()
    if request.method != "POST":
        return _respond(request, template, {"form": SignupForm(initial={"languages": [language]})})
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _respond(request, template, {"form": form}, status=400)
    if form.looks_like_spam():
        context = {
            "form": SignupForm(initial={"languages": form.cleaned_data["languages"]}),
            "message": _("Your sign-up could not be accepted. Please fill in the form again."),
        }
        return _respond(request, template, context, status=400)
    if wait := ratelimit.hit(request, "newsletter-signup"):
        context = {
            "form": form,
            "message": _("Too many sign-ups from your connection. Try again later."),
        }
        return _respond(request, template, context, status=429, wait=wait)
    with transaction.atomic():
        subscriber, already = store_signup(
            form.cleaned_data["email"], form.cleaned_data["languages"], language
        )
        emails.subscription_message(subscriber, _root_url(request), already=already).send()
    # The same answer whether or not the address was subscribed already.
    return _respond(request, "newsletter/check_inbox.html", {"email": subscriber.email})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """Opening the link only asks (mail scanners open links); the button confirms."""
    subscriber = tokens.read_confirmation_token(token)
    if subscriber is None:
        return _respond(request, "newsletter/link_expired.html", {}, status=404)
    context = {"subscriber": subscriber, "wording": CONFIRM_WORDING}
    if request.method == "POST" and not subscriber.is_receiving:
        with transaction.atomic():
            subscriber.confirmed_at, subscriber.unsubscribed_at = timezone.now(), None
            subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
            subscriber.record_consent(Action.CONFIRMED, CONFIRM_WORDING, translation.get_language())
    context["confirmed"] = subscriber.is_receiving
    context["preferences_token"] = tokens.subscriber_token(subscriber)
    return _respond(request, "newsletter/confirm.html", context)


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = tokens.read_subscriber_token(token)
    if subscriber is None:
        raise Http404
    context = {"subscriber": subscriber, "token": token}
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            languages = form.cleaned_data["languages"]
            with transaction.atomic():
                subscriber.set_languages(languages)
                subscriber.record_consent(
                    Action.CHANGED, form.fields["languages"].help_text, translation.get_language()
                )
            context["saved"] = True
        else:
            context["form"] = form
            return _respond(request, "newsletter/preferences.html", context, status=400)
    context["form"] = PreferencesForm(initial={"languages": subscriber.language_codes()})
    return _respond(request, "newsletter/preferences.html", context)


UNSUBSCRIBE_WORDING = _("Unsubscribe from WSIS Flash")


def unsubscribe_subscriber(subscriber, language):
    with transaction.atomic():
        updated = Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=timezone.now()
        )
        if updated:
            subscriber.record_consent(Action.UNSUBSCRIBED, UNSUBSCRIBE_WORDING, language)
    return bool(updated)


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without any cookie
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (link checkers open URLs); a POST, from the page's button or from the mail
    program's one-click "Unsubscribe", unsubscribes at once. The signed token is the proof."""
    subscriber = tokens.read_subscriber_token(token)
    if subscriber is None:
        raise Http404
    done = subscriber.unsubscribed_at is not None
    if request.method == "POST":
        unsubscribe_subscriber(subscriber, translation.get_language())
        done = True
    context = {"subscriber": subscriber, "done": done, "token": token}
    return _respond(request, "newsletter/unsubscribe.html", context)
