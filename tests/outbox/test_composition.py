"""E-mails that behave in mail clients (issue 20, item 4), asserted on the messages the outbox
delivers (mail.outbox) and on their bytes as a mail client parses them: a subject on every
staff notification, Reply-To the submitter, Auto-Submitted, a Message-ID in the site's domain,
no leading space in an Arabic subject, a plain-text and an HTML part in the recipient's
language, right-to-left for Arabic."""

import email
from email import policy

import pytest
from django.core import mail

# The calls' fixtures: a submission sends a staff notification and a confirmation.
from tests.calls.conftest import private_media, valid_data  # noqa: F401
from tests.conftest import translate

pytestmark = pytest.mark.django_db


def parsed(message):
    """The message as a mail client reads it."""
    return email.message_from_bytes(message.message().as_bytes(), policy=policy.default)


def parts(message):
    msg = parsed(message)
    return {
        part.get_content_type(): part.get_content()
        for part in msg.walk()
        if part.get_content_maintype() == "text"
    }


@pytest.fixture
def sent(client, open_call):
    open_call.subject = ""  # the editor left it empty
    open_call.send_confirmation = True
    open_call.save_revision().publish()
    response = client.post(open_call.url, valid_data())
    assert response.status_code == 200
    staff = next(m for m in mail.outbox if m.to == ["wsis-staff@itu.int"])
    receipt = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    return staff, receipt


def test_a_staff_notification_has_a_subject_and_replies_go_to_the_submitter(sent, open_call):
    staff, _receipt = sent
    assert staff.subject == f"New submission: {open_call.title}"
    msg = parsed(staff)
    assert msg["Subject"] == f"New submission: {open_call.title}"
    assert msg["Reply-To"] == "ada@example.org"
    assert msg["Auto-Submitted"] == "auto-generated"


def test_the_editors_subject_wins(client, open_call):
    open_call.subject = "  Strategic plan: new contribution "
    open_call.save_revision().publish()
    client.post(open_call.url, valid_data())
    staff = next(m for m in mail.outbox if m.to == ["wsis-staff@itu.int"])
    assert parsed(staff)["Subject"] == "Strategic plan: new contribution"


def test_confirmations_are_auto_submitted_from_the_sites_domain(sent, settings):
    for message in sent:
        msg = parsed(message)
        assert msg["Auto-Submitted"] == "auto-generated"
        # test settings: WAGTAILADMIN_BASE_URL = "http://testserver"
        assert msg["Message-ID"].endswith("@testserver>")
        assert not msg["Message-ID"].endswith("@localhost>")
    # A confirmation has no Reply-To of its own: replies go to the sender (the WSIS mailbox).
    assert parsed(sent[1])["Reply-To"] is None


def test_every_message_has_a_plain_text_and_an_html_part(sent):
    for message in sent:
        content = parts(message)
        assert set(content) == {"text/plain", "text/html"}
        assert parsed(message).get_content_type() == "multipart/alternative"
        html = content["text/html"]
        assert '<html lang="en" dir="ltr">' in html
        # The same words in both parts.
        first_line = content["text/plain"].strip().splitlines()[0]
        assert first_line.split(":")[0] in html


def test_an_arabic_confirmation_is_arabic_right_to_left_with_no_leading_space(
    client, open_call, english_home, calls_index
):
    translate(english_home, "ar")
    translate(calls_index, "ar")
    long_title = "مشاورة عامة بشأن مشروع الخطة الاستراتيجية للاتحاد الدولي للاتصالات 2016-2019"
    call_ar = translate(open_call, "ar", title=long_title)
    call_ar.send_confirmation = True
    call_ar.save_revision().publish()
    response = client.post(call_ar.url, valid_data())
    assert response.status_code == 200
    receipt = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    msg = parsed(receipt)
    # Long enough to be folded: the decoded subject starts with its first word.
    assert len(receipt.subject.encode()) > 78
    assert msg["Subject"] == receipt.subject == f"تلقّينا مساهمتكم: {long_title}"
    assert not msg["Subject"].startswith(" ")
    content = parts(receipt)
    assert '<html lang="ar" dir="rtl">' in content["text/html"]
    assert 'dir="rtl"' in content["text/html"].split("<body", 1)[1]
    assert long_title in content["text/plain"] and long_title in content["text/html"]
    assert msg["Auto-Submitted"] == "auto-generated"


def test_an_html_message_keeps_its_html_and_gains_a_plain_text(committed):
    from django.core.mail import EmailMessage

    with committed():
        message = EmailMessage("Hello", "<p>Dear <b>reader</b></p>", to=["a@example.org"])
        message.content_subtype = "html"
        message.send()
    (delivered,) = mail.outbox
    content = parts(delivered)
    assert content["text/plain"].strip() == "Dear reader"
    assert "<b>reader</b>" in content["text/html"]
