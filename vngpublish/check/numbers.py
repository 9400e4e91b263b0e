"""Reading integers from attribute values and CSS as browsers do: ASCII digits only, and any
number of them.

`str.isdigit()` also accepts digits such as "²" or "٣" that `int()` rejects, and `int()`
refuses strings of more than 4,300 digits; both came from pages and crashed rules.
"""

from __future__ import annotations

SATURATED = 10**18
"""The value of a number with more digits than any browser keeps (more than 18)."""


def ascii_integer(text: str) -> int | None:
    """The value of `text` when it is one or more ASCII digits and nothing else, else None.

    Numbers longer than 18 digits are `SATURATED`: larger than any limit a rule compares with.
    """
    if not text or not text.isascii() or not text.isdigit():
        return None
    return int(text) if len(text) <= 18 else SATURATED
