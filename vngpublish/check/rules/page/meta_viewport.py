"""meta-viewport."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_WHITESPACE = "\t\n\f\r "
_SEPARATORS = _WHITESPACE + ",;"
# The longest prefix that C's strtod reads as a number (browsers parse values this way).
_NUMBER_PREFIX = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_KEYWORDS = {"yes": 1.0, "no": 0.0, "device-width": 10.0, "device-height": 10.0}


def parse_viewport(content: str) -> dict[str, str]:
    """The key=value pairs of a viewport `content` value; keys lower-cased, the last one wins.

    Pairs are separated by commas, semicolons or whitespace; whitespace around `=` is allowed
    (`"width = device-width; maximum-scale=1"`), as in the CSS Device Adaptation algorithm.
    """
    pairs: dict[str, str] = {}
    n = len(content)
    pos = 0
    while pos < n:
        while pos < n and content[pos] in _SEPARATORS:
            pos += 1
        start = pos
        while pos < n and content[pos] not in _SEPARATORS + "=":
            pos += 1
        key = content[start:pos].lower()
        while pos < n and content[pos] in _WHITESPACE:
            pos += 1
        value = ""
        if pos < n and content[pos] == "=":
            pos += 1
            while pos < n and content[pos] in _WHITESPACE:
                pos += 1
            start = pos
            while pos < n and content[pos] not in _SEPARATORS + "=":
                pos += 1
            value = content[start:pos]
        if key:
            pairs[key] = value
    return pairs


def viewport_number(value: str) -> float:
    """A viewport property value as a number: a numeric prefix, else yes=1, no=0,
    device-width/device-height=10, anything else 0."""
    match = _NUMBER_PREFIX.match(value)
    if match:
        return float(match.group())
    return _KEYWORDS.get(value.lower(), 0.0)


class MetaViewport(Rule):
    """Applies to every `meta name="viewport"` with a `content` attribute.

    The value is read the way browsers read it: pairs separated by commas, semicolons or
    spaces, keys and keywords in any case; `user-scalable` is off for `no`, numbers between -1
    and 1 and unknown words; `maximum-scale` is a number (`yes` is 1, `device-width` is 10; a
    negative value is ignored, as browsers ignore it).

    Fails when `user-scalable` is off, and when `maximum-scale` is below 2, which stops zooming
    before 200%. Passes otherwise.
    """

    id = "meta-viewport"
    title = N_("Zooming is not disabled")
    level = "AA"
    wcag = ("1.4.4",)
    act = ("b4f0c3",)
    axe = ("meta-viewport",)
    tags = ("page", "zoom", "not-email")
    why = N_(
        "People with low vision zoom in to read; a viewport that blocks zoom shuts them out on "
        "mobile."
    )
    fix = N_(
        'Use <meta name="viewport" content="width=device-width, initial-scale=1">, without '
        "user-scalable and maximum-scale."
    )
    messages = {
        "not-scalable": N_(
            "user-scalable={value} stops people from zooming the page: remove it from the "
            "viewport meta element."
        ),
        "maximum-scale": N_(
            "maximum-scale={value} stops people from zooming in to 200%: remove it, or set it to "
            "at least 2."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            meta
            for meta in page.by_tag("meta")
            if (meta.get("name") or "").lower() == "viewport" and meta.get("content")
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for meta in targets:
            content = meta.get("content") or ""
            lowered = content.lower()
            if "user-scalable" not in lowered and "maximum-scale" not in lowered:
                continue  # the usual viewport: neither key, so nothing to read closely
            pairs = parse_viewport(content)
            scalable = pairs.get("user-scalable")
            if scalable is not None and abs(viewport_number(scalable)) < 1:
                yield self.fail(meta, "not-scalable", value=scalable)
            maximum = pairs.get("maximum-scale")
            if maximum is not None:
                scale = viewport_number(maximum)
                # Negative values are dropped by browsers; the rest is clamped to 0.1..10.
                if 0 <= scale < 2:
                    yield self.fail(meta, "maximum-scale", value=maximum)
