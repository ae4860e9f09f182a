"""A real SMTP server (aiosmtpd) on a free local port, which can be told to refuse recipients,
and the settings that make the outbox deliver to it over SMTP."""

import email
import email.policy
import threading

import pytest
from aiosmtpd.controller import Controller

from tests.calls.conftest import calls_index, open_call  # noqa: F401 - fixtures
from tests.conftest import free_port


class MailServer:
    """An aiosmtpd handler: accepts and records every message, or answers 550 to the recipients
    in `refused`."""

    def __init__(self):
        self._lock = threading.Lock()
        self.refused = set()
        self.envelopes = []

    port = None

    def reset(self):
        with self._lock:
            self.refused = set()
            self.envelopes = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        """What arrived, parsed: [email.message.EmailMessage]."""
        with self._lock:
            envelopes = list(self.envelopes)
        return [
            email.message_from_bytes(content, policy=email.policy.default)
            for _sender, _recipients, content in envelopes
        ]

    def received_by(self, address):
        with self._lock:
            envelopes = list(self.envelopes)
        return [
            email.message_from_bytes(content, policy=email.policy.default)
            for _sender, recipients, content in envelopes
            if address in recipients
        ]


def start_server(handler, port):
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=5)
    controller.start()
    return controller


@pytest.fixture(scope="session")
def smtp_server():
    handler = MailServer()
    controller = start_server(handler, free_port())
    handler.port = controller.port
    yield controller
    controller.stop()


def deliver_over_smtp(settings, port):
    """The outbox's deliveries go to 127.0.0.1:`port` over plain SMTP, as in production."""
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""


@pytest.fixture
def smtp(smtp_server, settings):
    """The running SMTP server's handler (emptied), with the outbox delivering to it."""
    smtp_server.handler.reset()
    deliver_over_smtp(settings, smtp_server.port)
    yield smtp_server.handler
    smtp_server.handler.reset()


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
