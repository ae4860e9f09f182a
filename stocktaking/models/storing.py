"""Taking entries in, owners' updates, moderators' decisions: each all or nothing, its e-mails
recorded in the same transaction (the outbox sends them from a task)."""

from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from public_forms import receipts
from stocktaking.models.entry import Entry, EntryCountry, EntryUpdate
from stocktaking.models.reference import ActionLine, Region, Sdg
from stocktaking.reference import REGION_OF_COUNTRY

OWNER_LINK_MAX_AGE = 7 * 24 * 3600
_owner_signer = signing.TimestampSigner(salt="stocktaking.owner-link")
GENERATION_KEY = "wsis:stocktaking:generation"


def owner_token(email):
    return _owner_signer.sign(email.strip().casefold())


def read_owner_token(token):
    """The owner's address a link was made for, or None (forged, altered or expired)."""
    try:
        return _owner_signer.unsign(token, max_age=OWNER_LINK_MAX_AGE)
    except signing.BadSignature:
        return None


def generation():
    """A number that changes whenever the published data changes: part of the API's cache
    keys, so that a decision is seen at once without knowing which pages it touched."""
    try:
        return cache.get_or_set(GENERATION_KEY, 1, None) or 1
    except Exception:  # noqa: BLE001 - without the cache, nothing is cached either
        return 0


def published_data_changed():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
    except Exception:  # noqa: BLE001, S110 - the cache is down: nothing cached to drop
        pass


def set_countries(entry, codes):
    """The entry's countries, each with its ITU region (stocktaking.reference)."""
    regions = {r.code: r for r in Region.objects.all()}
    EntryCountry.objects.filter(entry=entry).exclude(country__in=codes).delete()
    existing = set(EntryCountry.objects.filter(entry=entry).values_list("country", flat=True))
    EntryCountry.objects.bulk_create(
        [
            EntryCountry(entry=entry, country=code, region=regions.get(REGION_OF_COUNTRY.get(code)))
            for code in dict.fromkeys(codes)
            if code not in existing
        ]
    )


def with_parents(action_lines):
    """C7's applications (C7.4 e-health…) count for C7 too: filtering by C7 finds them."""
    chosen = list(action_lines)
    parent_ids = {a.parent_id for a in chosen if a.parent_id} - {a.pk for a in chosen}
    return chosen + list(ActionLine.objects.filter(pk__in=parent_ids))


def set_classification(entry, action_lines, sdgs, countries):
    entry.action_lines.set(with_parents(action_lines))
    entry.sdgs.set(sdgs)
    set_countries(entry, countries)


def receipt_scope(page):
    return f"stocktaking:{page.translation_key}"


def _delete_files(*files):
    for file in files:
        if file and file.name:
            file.storage.delete(file.name)


def store_submission(page, form, mine_url, site=None):
    """A new entry, awaiting moderation, and its owner's e-mail with the confirming link, with
    what the form's extensions store about it (stocktaking.extensions): all or nothing."""
    entry = None
    try:
        with transaction.atomic():
            receipt = receipts.claim(receipt_scope(page), form.submission_token)
            entry = form.save(commit=False)
            entry.status = Entry.Status.PENDING
            entry.submitted_via = site
            entry.save()
            cleaned = form.cleaned_data
            set_classification(
                entry, cleaned["action_lines"], cleaned["sdgs"], cleaned["countries"]
            )
            for extension in form.extensions:
                extension.store(entry, form)  # may refuse it all (extensions.Refused)
            receipts.attach(receipt, entry)
            send_owner_link(entry.contact_email, mine_url, entry=entry)
    except Exception:
        if entry is not None:
            _delete_files(entry.image, entry.document)
        raise
    return entry


def send_owner_link(email, mine_url, entry=None, language=None):
    """The signed link that confirms the owner's address and signs them in to their entries.
    It repeats nothing an entry says: anyone could have typed this address."""
    link = f"{mine_url}?token={owner_token(email)}"
    with translation.override(language or (entry.language if entry else None) or "en"):
        body = render_to_string("stocktaking/emails/owner_link.txt", {"entry": entry, "link": link})
        subject = _("WSIS Stocktaking: confirm your e-mail address")
        EmailMessage(subject, body, to=[email]).send()


def confirm_owner(email):
    """The owner followed their link: their entries' address is confirmed."""
    return Entry.objects.filter(owner_email=email, confirmed_at=None).update(
        confirmed_at=timezone.now()
    )


def owned_by(email):
    return Entry.objects.filter(owner_email=email)


def pending_update(entry):
    return entry.updates.filter(
        status__in=[EntryUpdate.Status.PENDING, EntryUpdate.Status.CHANGES_REQUESTED]
    ).first()


def propose_update(entry, form):
    """An owner's change. A published entry stays as it is until a moderator approves the
    change (kept as an EntryUpdate, replacing an earlier one not yet decided); an entry not yet
    public is changed in place and goes back to the moderators."""
    new_files = []
    try:
        with transaction.atomic():
            locked = Entry.objects.select_for_update().get(pk=entry.pk)
            if locked.status == Entry.Status.PUBLISHED:
                for old in locked.updates.filter(
                    status__in=[EntryUpdate.Status.PENDING, EntryUpdate.Status.CHANGES_REQUESTED]
                ):
                    _delete_files(old.image, old.document)
                    old.delete()
                update = EntryUpdate(entry=locked, data=form.content_data())
                for name in ("image", "document"):
                    uploaded = form.cleaned_data.get(name)
                    if uploaded and hasattr(uploaded, "content_type"):
                        getattr(update, name).save(uploaded.name, uploaded, save=False)
                        new_files.append(getattr(update, name))
                update.save()
                for extension in form.extensions:
                    extension.store(locked, form)  # may refuse it all (extensions.Refused)
                return update
            updated = form.save(commit=False)
            updated.status = Entry.Status.PENDING
            updated.save()
            cleaned = form.cleaned_data
            set_classification(
                updated, cleaned["action_lines"], cleaned["sdgs"], cleaned["countries"]
            )
            for extension in form.extensions:
                extension.store(updated, form)
            return updated
    except Exception:
        _delete_files(*new_files)
        raise


def apply_update(entry, update):
    data = dict(update.data)
    action_lines = ActionLine.objects.filter(code__in=data.pop("action_lines", []))
    sdgs = Sdg.objects.filter(number__in=data.pop("sdgs", []))
    countries = data.pop("countries", [])
    for name, value in data.items():
        field = Entry._meta.get_field(name)
        setattr(entry, name, field.to_python(value))
    for name in ("image", "document"):
        if getattr(update, name):
            setattr(entry, name, getattr(update, name).name)
    entry.save()
    set_classification(entry, action_lines, sdgs, countries)


def decide(entry, decision, user=None, message="", mine_url=""):
    """A moderator's decision on the entry, or on its owner's proposed update when there is
    one: "approve" (publish it, or apply the update), "changes" (ask the owner for changes,
    with the message) or "reject". The owner is told by e-mail."""
    with transaction.atomic():
        locked = Entry.objects.select_for_update().get(pk=entry.pk)
        update = pending_update(locked)
        now = timezone.now()
        if update is not None:
            update.decided_at = now
            if decision == "approve":
                apply_update(locked, update)
                update.status = EntryUpdate.Status.APPROVED
            elif decision == "changes":
                update.status = EntryUpdate.Status.CHANGES_REQUESTED
            else:
                update.status = EntryUpdate.Status.REJECTED
            update.save()
        else:
            locked.status = {
                "approve": Entry.Status.PUBLISHED,
                "changes": Entry.Status.CHANGES_REQUESTED,
                "reject": Entry.Status.REJECTED,
            }[decision]
            if decision == "approve" and locked.published_at is None:
                locked.published_at = now
        locked.reviewer = user
        locked.moderator_message = message
        locked.save()
        tell_owner(locked, decision, message, mine_url, about_update=update is not None)
        if decision == "approve" or locked.status == Entry.Status.REJECTED:
            transaction.on_commit(published_data_changed)
    entry.refresh_from_db()
    return entry


def tell_owner(entry, decision, message, mine_url, about_update=False):
    with translation.override(entry.language or "en"):
        context = {
            "entry": entry,
            "decision": decision,
            "message": message,
            "about_update": about_update,
            "mine_url": mine_url,
        }
        body = render_to_string("stocktaking/emails/decision.txt", context)
        subject = _("WSIS Stocktaking: %(reference)s") % {"reference": entry.reference}
        EmailMessage(subject, body, to=[entry.contact_email]).send()
