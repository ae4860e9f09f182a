"""The SMTP conversation of a WSIS Flash batch, against a real local server (aiosmtpd)."""

import socket

from django.core.mail import EmailMessage

from newsletter.delivery import HandOver
from outbox.delivery import open_connection


def test_the_final_dot_is_not_held_back_by_nagles_algorithm(smtp):
    # The content and the final "." are written separately (the row is marked in between):
    # with Nagle's algorithm on, the "." waited for the server's delayed ACK, about 40 ms a
    # message, and 1,000 e-mails took a minute instead of a few seconds.
    connection = open_connection()
    connection.open()
    try:
        hand_over = HandOver(connection)
        sock = connection.connection.sock
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        marked = []
        message = EmailMessage("WSIS Flash", "Hello", "wsis-info@itu.int", ["reader@example.org"])
        hand_over.send(message, lambda: marked.append(len(smtp.received_by("reader@example.org"))))
    finally:
        connection.close()
    assert marked == [0]  # marked before the server had the message
    assert [m["Subject"] for m in smtp.received_by("reader@example.org")] == ["WSIS Flash"]
