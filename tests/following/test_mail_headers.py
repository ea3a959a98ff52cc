"""Extra headers through the outbox (portal.mail, for List-Unsubscribe): stored with the
message, sent with every attempt, one line each, and never in place of the portal's own."""

import pytest

from portal import mail


def test_extra_headers_are_stored_and_sent(db, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = mail.queue_email(
            to=["anna@example.org"],
            subject="Emne",
            body_text="Tekst",
            headers={"List-Unsubscribe": "<https://example.org/afmeld/x/>"},
        )
    assert email.headers == {"List-Unsubscribe": "<https://example.org/afmeld/x/>"}
    message = mailoutbox[0].message()
    assert message["List-Unsubscribe"] == "<https://example.org/afmeld/x/>"
    assert message["Message-ID"] == email.message_id


def test_a_line_break_in_a_value_cannot_add_a_header(db):
    email = mail.queue_email(
        to=["anna@example.org"],
        subject="Emne",
        body_text="Tekst",
        headers={"List-Unsubscribe": "<https://example.org/>\r\nBcc: evil@example.org"},
    )
    assert email.headers["List-Unsubscribe"] == "<https://example.org/> Bcc: evil@example.org"
    message = mail._message_of(email).message()
    assert message["Bcc"] is None


@pytest.mark.parametrize("name", ["Bcc", "message-id", "From", "X-Evil:\r\nBcc", "Subject"])
def test_the_portals_own_headers_cannot_be_replaced(db, name):
    with pytest.raises(ValueError):
        mail.queue_email(to=["a@example.org"], subject="s", body_text="t", headers={name: "x"})
