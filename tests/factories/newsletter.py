"""WSIS Flash: the archive, issues composed of cards, and subscribers."""

import datetime
import json
import uuid

import factory
import wagtail_factories
from django.utils import timezone

from newsletter.models import FlashArchivePage, FlashIssuePage, Subscriber, SubscriberLanguage


class FlashArchivePageFactory(wagtail_factories.PageFactory):
    title = "WSIS Flash"
    slug = "flash"

    class Meta:
        model = FlashArchivePage


class FlashIssuePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"WSIS Flash no. {n}")
    slug = factory.Sequence(lambda n: f"flash-{n}")
    issue_date = datetime.date(2017, 3, 1)
    introduction = "The latest from the WSIS process."

    class Meta:
        model = FlashIssuePage


def cards_body(*pages, heading="Highlights", text="<p>Welcome to this issue.</p>"):
    """An issue body as editors compose it: some text, then a section of cards."""
    return json.dumps(
        [
            {"type": "text", "value": text},
            {
                "type": "cards",
                "value": {
                    "heading": heading,
                    "pages": [
                        {"type": "item", "value": page.pk, "id": str(uuid.uuid4())}
                        for page in pages
                    ],
                },
            },
        ]
    )


def subscriber(email, *languages, confirmed=True, signed_up_in=None):
    record = Subscriber.objects.create(
        email=email,
        language=signed_up_in or languages[0],
        confirmed_at=timezone.now() if confirmed else None,
    )
    for language in languages:
        SubscriberLanguage.objects.create(subscriber=record, language=language)
    return record
