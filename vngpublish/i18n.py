"""Messages in English and Dutch, for both halves of vngpublish: publishing and checking.

English source strings live in the code, marked with `N_()` (or `NP_()` for a singular/plural
pair) so Babel's extractor finds them; Dutch comes from the gettext catalogue
`vngpublish/locale/nl/LC_MESSAGES/vngpublish.po`, compiled to `vngpublish.mo` next to it and
read with the standard `gettext` module.

Updating the catalogue after adding or changing strings (from the repository root)::

    scripts/update-catalogs

runs `pybabel extract` (settings in `babel.cfg`), `pybabel update` (keeps every existing
translation; new strings get an empty Dutch text to fill in) and `pybabel compile`.
"""

from __future__ import annotations

import gettext
import string
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

LANGUAGES = ("en", "nl")
DOMAIN = "vngpublish"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# What Babel must look for, in `pybabel extract -k` notation.
KEYWORDS = {"N_": None, "NP_": (1, 2)}


class Plural(NamedTuple):
    """A message with a singular and a plural English form, chosen by a count."""

    singular: str
    plural: str


def N_(message: str) -> str:
    """Mark `message` for extraction; translation happens when the finding is written."""
    return message


def NP_(singular: str, plural: str) -> Plural:
    """Mark a singular/plural pair for extraction; see `format_plural`."""
    return Plural(singular, plural)


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def translate(message: str, lang: str) -> str:
    """Return `message` in `lang` ("en" or "nl"); English when no translation exists."""
    if not message:
        return message  # gettext would return the catalogue header for ""
    return _translations(lang).gettext(message)


def format_message(message: str, args: dict[str, Any], lang: str) -> str:
    """Translate `message` and fill in its `{placeholders}` from `args`."""
    text = translate(message, lang)
    return text.format(**args) if args else text


def format_plural(message: Plural, count: int, lang: str, **args: Any) -> str:
    """Translate the form of `message` that fits `count`, filling `{count}` and `args`."""
    text = _translations(lang).ngettext(message.singular, message.plural, count)
    return text.format(count=count, **args)


def placeholders(message: str) -> set[str]:
    """The names of the `{placeholders}` in a message (for checking translations)."""
    return {field for _, field, _, _ in string.Formatter().parse(message) if field is not None}
