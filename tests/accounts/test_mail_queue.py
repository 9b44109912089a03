"""Mail leaves through a queue in the database: a mail server that is down delays a message,
it never loses it, and the person asking sees no error."""

import socket

import pytest
from django.core import mail
from django.core.management import call_command
from mailer.models import Message, MessageLog

from .test_auth import request_reset


def closed_port():
    """A local port nothing listens on: connecting to it is refused, as a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    return settings


def test_a_reset_email_waits_out_a_mail_server_that_is_down(client, demo_users, queued_mail):
    # Answered as usual (request_reset checks the redirect); the message waits in the queue.
    request_reset(client, "member_legal@example.org", "en")
    assert Message.objects.count() == 1

    call_command("send_mail", verbosity=0)  # the server refuses the connection
    assert mail.outbox == []
    assert Message.objects.deferred().count() == 1

    # The server is back: the deferred message goes out on the next round.
    queued_mail.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_deferred", verbosity=0)
    call_command("send_mail", verbosity=0)

    [message] = mail.outbox
    assert message.to == ["member_legal@example.org"]
    assert "/accounts/password/reset/" in message.body
    assert not Message.objects.exists()
    # The log of what was sent keeps no content: no reset link lies around in the database.
    assert list(MessageLog.objects.values_list("message_data", flat=True)) == [None, None]
