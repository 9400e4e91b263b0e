"""Whether an element is rendered, whether it is in the accessibility tree, and whether it is
hidden only visually (the screen-reader-only pattern).

Not rendered (`is_rendered` is False) when the element or an ancestor:

- is one of the elements browsers never render: `head` and its content, `script`, `style`,
  `template` (and everything lxml puts inside it), `noscript` (the checker takes the view of a
  browser with scripting on, like the people using assistive technology), `datalist`, and
  the SVG resources (`defs`, `symbol`, `clipPath`, ..., and `title`/`desc` in SVG);
- is `input type=hidden`, or a `dialog` without `open`;
- is content of a closed `details` other than its first `summary`;
- has the `hidden` attribute, unless the page's own CSS gives it another `display`;
- has `display: none` from its `style` attribute or the page's `<style>` rules (see `css`);
- is inside an element with `content-visibility: hidden`.

Hidden from assistive technology (`is_hidden` is True) when not rendered, or when the element
or an ancestor has `aria-hidden="true"` or `inert`, or when its computed `visibility` is
`hidden` or `collapse` (inherited, and a descendant can make itself `visible` again).

What cannot be known statically is not guessed: scripts, external stylesheets, viewport-
dependent media queries and modal dialogs opened by script.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check import css

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from vngpublish.check.page import Page

_NEVER_RENDERED = frozenset(
    {
        "head",
        "script",
        "style",
        "template",
        "noscript",
        "datalist",
        "base",
        "link",
        "meta",
        "title",
        "param",
        "source",
        "track",
        # SVG resources (lxml's HTML parser lower-cases their names)
        "defs",
        "symbol",
        "clippath",
        "mask",
        "marker",
        "pattern",
        "lineargradient",
        "radialgradient",
        "filter",
        "desc",
        "metadata",
    }
)


def is_rendered(page: Page, el: HtmlElement) -> bool:
    """False when the element or an ancestor is not rendered (hidden, display:none, ...)."""
    if not _renders_itself(page, el):
        return False
    parent = el.getparent()
    if parent is None:
        return True
    if css.declared(page, parent).get("content-visibility") == "hidden":
        return False
    return page.is_rendered(parent)


def _renders_itself(page: Page, el: HtmlElement) -> bool:
    tag = el.tag
    if not isinstance(tag, str) or tag in _NEVER_RENDERED:
        return False
    if tag == "input" and (el.get("type") or "").strip().lower() == "hidden":
        return False
    if tag == "dialog" and el.get("open") is None:
        return False
    parent = el.getparent()
    if parent is not None and parent.tag == "details" and parent.get("open") is None:
        first_summary = next((c for c in parent if c.tag == "summary"), None)
        if el is not first_summary:
            return False
    display = css.declared(page, el).get("display")
    if display is not None:
        return _first_word(display) != "none"
    return el.get("hidden") is None


def is_hidden(page: Page, el: HtmlElement) -> bool:
    """True when the element is excluded from the accessibility tree."""
    if not page.is_rendered(el):
        return True
    if _aria_hidden_or_inert(page, el):
        return True
    return computed_visibility(page, el) in ("hidden", "collapse")


def _aria_hidden_or_inert(page: Page, el: HtmlElement) -> bool:
    def compute(page: Page, el: HtmlElement) -> bool:
        if (el.get("aria-hidden") or "").strip().lower() == "true" or el.get("inert") is not None:
            return True
        parent = el.getparent()
        return parent is not None and _aria_hidden_or_inert(page, parent)

    result: bool = page.fact("aria-hidden-or-inert", el, compute)
    return result


def computed_visibility(page: Page, el: HtmlElement) -> str:
    """The computed `visibility` of the element: "visible", "hidden" or "collapse"."""

    def compute(page: Page, el: HtmlElement) -> str:
        value = _first_word(css.declared(page, el).get("visibility") or "inherit")
        if value in ("visible", "hidden", "collapse"):
            return value
        if value == "initial":
            return "visible"
        parent = el.getparent()
        return "visible" if parent is None else computed_visibility(page, parent)

    result: str = page.fact("visibility", el, compute)
    return result


def is_visually_hidden(page: Page, el: HtmlElement) -> bool:
    """True when the element is in the accessibility tree but clipped or moved out of sight by
    the screen-reader-only pattern, on itself or an ancestor.

    Recognised: `position: absolute|fixed` together with a `clip` of at most 1px, a
    `clip-path` of `inset(50%)` or more or a zero circle, a width and height of at most 1px,
    or an offset (`left`/`top`/`right`) of -500px or further. Rules about visible text use
    this to leave such text out; it is still read by screen readers.
    """

    def compute(page: Page, el: HtmlElement) -> bool:
        if _clipped_here(css.declared(page, el, css.GEOMETRY)):
            return True
        parent = el.getparent()
        return parent is not None and is_visually_hidden(page, parent)

    result: bool = page.fact("visually-hidden", el, compute)
    return result


def _clipped_here(style: dict[str, str]) -> bool:
    if not style or _first_word(style.get("position") or "") not in ("absolute", "fixed"):
        return False
    clip = style.get("clip", "")
    if clip.startswith("rect("):
        numbers = [css.length_px(p) for p in clip[5:].rstrip(")").replace(",", " ").split()]
        if numbers and all(n is not None and n <= 1 for n in numbers):
            return True
    clip_path = style.get("clip-path", "").replace(" ", "")
    if clip_path.startswith("inset("):
        amount = clip_path[6:].rstrip(")").split(",")[0]
        if amount.endswith("%") and _float(amount[:-1]) >= 50:
            return True
    if clip_path.startswith("circle(0") and not clip_path.startswith("circle(0."):
        return True
    width = css.length_px(style.get("width"))
    height = css.length_px(style.get("height"))
    if width is not None and height is not None and width <= 1 and height <= 1:
        return True
    for side in ("left", "top", "right"):
        offset = css.length_px(style.get(side))
        if offset is not None and offset <= -500:
            return True
    return False


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _first_word(value: str) -> str:
    words = value.replace("!important", "").split()
    return words[0] if words else ""
