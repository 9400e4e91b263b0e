"""The e-mail as it is sent: one MIME message with the text part and the HTML part.

`email_message()` builds `email.eml` with Python's `email` package: multipart/alternative
(the plain text first, the HTML last, as RFC 2046 orders them from plainest to richest), both
UTF-8, with `From`, `Subject`, `Date`, `Message-ID`, `Content-Language` and, when the issue
has an unsubscribe URL, `List-Unsubscribe` (RFC 2369) and, for an https URL,
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). With a sending service's merge
tag instead of a URL the service writes those headers itself, so they are left out.

Mail programs open the file for a test send (Thunderbird: File > Open > Saved Message, then
"Edit as New Message"; Outlook opens .eml files directly).
"""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vngpublish.model import Issue

__all__ = ["PLACEHOLDER_SENDER", "email_message"]

PLACEHOLDER_SENDER = "nieuwsbrief@example.invalid"
"""The From address when the issue names no sender (`.invalid` can never be delivered)."""
_SEND_HOUR = 9  # the Date of the message: the issue's date, in the morning, Dutch time


def email_message(issue: Issue, html: str, text: str) -> bytes:
    """The complete message for `issue` with the given HTML and text parts, as bytes with the
    line ends of a file on disk (LF; mail programs read both, and the parts read back equal
    `html` and `text`).

    Header values come from validated one-line fields; the `email` package refuses a line
    break in a header all the same, so no text can add a header of its own.
    """
    message = EmailMessage(policy=email.policy.default)
    message["From"] = _sender(issue)
    message["Subject"] = issue.title
    message["Date"] = format_datetime(_sent(issue))
    message["Message-ID"] = f"<{issue.slug}@{_domain(issue)}>"
    unsubscribe = issue.email.unsubscribe
    if unsubscribe and not issue.email.unsubscribe_is_tag:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        if unsubscribe.lower().startswith("https:"):
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    message["Content-Language"] = issue.language  # after the parts: set_content clears it
    # A boundary made from the content, so the same issue always gives the same file.
    digest = hashlib.sha256((text + html).encode("utf-8")).hexdigest()[:32]
    message.set_boundary(f"=_vngpublish_{digest}")
    return message.as_bytes()


def _sender(issue: Issue) -> Address:
    name, address = parseaddr(issue.email.sender or "")
    user, _, domain = (address or PLACEHOLDER_SENDER).partition("@")
    return Address(display_name=name or issue.publisher, username=user, domain=domain)


def _domain(issue: Issue) -> str:
    _, address = parseaddr(issue.email.sender or "")
    return (address or PLACEHOLDER_SENDER).partition("@")[2]


def _sent(issue: Issue) -> dt.datetime:
    """The message's date: the issue's date (today without one) at nine in the Netherlands."""
    day = issue.date or dt.date.today()
    try:
        zone: dt.tzinfo = ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # a system without time zone data
        zone = dt.UTC
    return dt.datetime.combine(day, dt.time(_SEND_HOUR), tzinfo=zone)
