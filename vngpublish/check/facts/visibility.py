"""Whether an element is rendered, whether it is in the accessibility tree, and whether it is
hidden only visually (the screen-reader-only pattern).

Not rendered (`is_rendered` is False) when the element or an ancestor:

- is one of the elements browsers never render: `head` and its content, `script`, `style`,
  `template` (and everything lxml puts inside it), `noscript` (the checker takes the view of a
  browser with scripting on, like the people using assistive technology), `datalist`, and
  the SVG resources (`defs`, `symbol`, `clipPath`, ..., and `title`/`desc` in SVG);
- is `input type=hidden`, or a `dialog` without `open`;
- is content of a closed `details` other than its first `summary`;
- has the `hidden` attribute, unless author CSS gives it another `display`; is a closed
  popover (`popover` on an element that is not an open `dialog`);
- has a computed `display` of `none` (`style` attributes, `<style>`, linked and imported
  local stylesheets, `@media` evaluated for the page's screen: see `facts.style`);
- is inside an element with `content-visibility: hidden`, or has `hidden="until-found"`.

Hidden from assistive technology (`is_hidden` is True) when not rendered, or when the element
or an ancestor has `aria-hidden="true"` or `inert`, or when its computed `visibility` is
`hidden` or `collapse` (inherited, and a descendant can make itself `visible` again).

What cannot be known statically is not guessed: scripts, remote stylesheets (not fetched),
dynamic pseudo-classes (`:hover`, `:focus`) and modal dialogs opened by script.

Cost: each element's state is computed once, from its parent's, only when a rule asks about it
or a descendant; the computed style is asked only for elements an author rule with a hiding
value could match (by id, class, tag or attribute name, `facts.style.reach`), that have a
`style` attribute that can hide, a `hidden` or `popover` attribute, or an invisible parent. On a
page where neither CSS nor attributes can hide anything (most pages), the elements the browser
never renders are collected once and every answer is a set lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from vngpublish.check.facts.content_model import NEVER_RENDERED
from vngpublish.check.facts.fact import element_fact, inherited_fact, page_fact
from vngpublish.check.facts.style import GEOMETRY, HIDING, computed_style, reach

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page
    from vngpublish.check.style import ComputedStyle
    from vngpublish.check.style.triggers import Triggers


class _State(NamedTuple):
    """What an element passes on to its descendants, computed once per element."""

    rendered: bool
    aria_hidden: bool  # aria-hidden="true" or inert, on it or an ancestor
    visibility: str  # computed `visibility`
    children_rendered: bool  # False under content-visibility: hidden


_ROOT_PARENT = _State(True, False, "visible", True)
_NOT_RENDERED = _State(False, True, "hidden", False)


@page_fact
def _plain_page(page: Page) -> set[Element] | None:
    """For a page where nothing can hide content but the browser's own stylesheet: the
    elements that are not rendered. None for any other page.

    A fast path that gives the same answers as `_own_state`: when no author rule sets a
    hiding value, no `style` attribute does, and no element has `hidden`, `popover`, `inert` or
    `aria-hidden="true"`, then the cascade is never consulted, every element keeps its
    parent's state, and the only states are "as the root" and "not rendered" (under an
    element the browser never renders). Most pages are like that, and one pass over the few
    such elements then replaces a walk up the tree for every element asked about.
    """
    if page.with_attribute("hidden") or page.with_attribute("inert"):
        return None
    if page.with_attribute("popover"):
        return None
    if any(_aria_hidden_here(el) for el in page.with_attribute("aria-hidden")):
        return None
    hiding = reach(page, HIDING)
    if not hiding.empty or any(
        hiding.in_style_attribute(el) for el in page.with_attribute("style")
    ):
        return None
    # The elements `_renders_natively` says no to: by tag, and the content of closed details.
    candidates = page.by_tag(*NEVER_RENDERED, "input", "dialog")
    roots = [el for el in candidates if not _renders_natively(el, None)]
    for details in page.by_tag("details"):
        roots += [child for child in details if not _renders_natively(child, details)]
    unrendered: set[Element] = set()
    for root in roots:
        if root not in unrendered:
            unrendered.update(root.iter())
    return unrendered


def _state(page: Page, el: Element) -> _State:
    plain = _plain_page(page)
    if plain is not None:
        rendered = isinstance(el.tag, str) and el not in plain
        return _ROOT_PARENT if rendered else _NOT_RENDERED
    if not isinstance(el.tag, str):
        return _NOT_RENDERED  # a comment or processing instruction
    return _cascaded_state(page, el)


@inherited_fact(_ROOT_PARENT)
def _cascaded_state(page: Page, el: Element, inherited: _State) -> _State:
    """The state of an element on a page where CSS or attributes can hide content."""
    if not inherited.rendered or not inherited.children_rendered:
        return _NOT_RENDERED
    if not _renders_natively(el, el.getparent()):
        return _NOT_RENDERED
    # The computed style matters when a hiding rule may match, to apply or undo a `hidden`
    # attribute or a closed popover, and to make content visible again inside
    # `visibility: hidden`.
    if inherited.visibility == "visible" and el.get("hidden") is None and el.get("popover") is None:
        inline = el.get("style")
        if not (inline and HIDING.found_in(inline)) and not _hiding(page).may_apply(el):
            if inherited.aria_hidden or not _aria_hidden_here(el):
                return inherited  # nothing of its own: the same state as its parent
            return _State(True, True, inherited.visibility, True)
    style = computed_style(page, el)
    # `area` is display: none by the browser's sheet, but exposed as its image map's link.
    if style.display == "none" and el.tag != "area":
        return _NOT_RENDERED
    children_rendered = style.content_visibility != "hidden"
    if not children_rendered and el.get("hidden") is not None:
        return _NOT_RENDERED  # hidden="until-found": its text is hidden with its children
    aria_hidden = inherited.aria_hidden or _aria_hidden_here(el)
    return _State(True, aria_hidden, style.visibility, children_rendered)


@page_fact
def _geometry(page: Page) -> Triggers:
    """Which elements author rules that position content absolutely can match."""
    return reach(page, GEOMETRY)


@page_fact
def _hiding(page: Page) -> Triggers:
    """Which elements author rules with a hiding value can match."""
    return reach(page, HIDING)


def _aria_hidden_here(el: Element) -> bool:
    if el.get("inert") is not None:
        return True
    value = el.get("aria-hidden")
    return value is not None and value.strip().lower() == "true"


def _renders_natively(el: Element, parent: Element | None) -> bool:
    """False for what the browser's own stylesheet never renders."""
    tag = el.tag
    if not isinstance(tag, str) or tag in NEVER_RENDERED:
        return False
    if tag == "input" and (el.get("type") or "").strip().lower() == "hidden":
        return False
    if tag == "dialog" and el.get("open") is None:
        return False
    if parent is not None and parent.tag == "details" and parent.get("open") is None:
        first_summary = next((c for c in parent if c.tag == "summary"), None)
        if el is not first_summary:
            return False
    return True


def is_rendered(page: Page, el: Element) -> bool:
    """False when the element or an ancestor is not rendered (hidden, display:none, ...)."""
    return _state(page, el).rendered


@element_fact
def is_hidden(page: Page, el: Element) -> bool:
    """True when the element is excluded from the accessibility tree."""
    plain = _plain_page(page)
    if plain is not None:
        return el in plain or not isinstance(el.tag, str)
    state = _state(page, el)
    return not state.rendered or state.aria_hidden or state.visibility != "visible"


def is_invisible_only(page: Page, el: Element) -> bool:
    """True when the element is hidden only by `visibility: hidden|collapse`: rendered, not
    aria-hidden or inert, so a descendant with `visibility: visible` is shown again."""
    state = _state(page, el)
    return state.rendered and not state.aria_hidden and state.visibility != "visible"


def computed_visibility(page: Page, el: Element) -> str:
    """The computed `visibility` of the element: "visible", "hidden" or "collapse"."""
    return _state(page, el).visibility


@inherited_fact(False)
def is_visually_hidden(page: Page, el: Element, parent_hidden: bool) -> bool:
    """True when the element is in the accessibility tree but clipped or moved out of sight by
    the screen-reader-only pattern, on itself or an ancestor.

    Recognised: `position: absolute|fixed` together with a `clip` of at most 1px, a
    `clip-path` of `inset(50%)` or more or a zero circle, a width and height of at most 1px,
    or an offset (`left`/`top`/`right`) of -500px or further. Rules about visible text use
    this to leave such text out; it is still read by screen readers.
    """
    if parent_hidden:
        return True
    return _geometry(page).reach(el) and hides_visually(computed_style(page, el))


def text_is_perceivable(page: Page, el: Element) -> bool:
    """True when the text nodes of `el` are visible or in the accessibility tree (ACT): text
    under `aria-hidden` still counts when it is visible; under `visibility: hidden` it does
    not, nor text moved out of sight that is also hidden from assistive technology."""
    if not is_hidden(page, el):
        return True
    return (
        is_rendered(page, el)
        and computed_visibility(page, el) == "visible"
        and not is_visually_hidden(page, el)
    )


def hides_visually(style: ComputedStyle) -> bool:
    """True when an element with this computed style is clipped or moved out of sight by the
    screen-reader-only pattern (see `is_visually_hidden`)."""
    if style.position not in ("absolute", "fixed"):
        return False
    clip = style.clip
    if clip is not None and all(edge is not None and edge <= 1 for edge in clip):
        return True
    clip_path = style.clip_path.replace(" ", "")
    if clip_path.startswith("inset("):
        amount = clip_path[6:].rstrip(")").split(",")[0]
        if amount.endswith("%") and _float(amount[:-1]) >= 50:
            return True
    if clip_path.startswith("circle(0") and not clip_path.startswith("circle(0."):
        return True
    width, height = style.width, style.height
    if isinstance(width, float) and isinstance(height, float) and width <= 1 and height <= 1:
        return True
    return any(
        isinstance(offset, float) and offset <= -500
        for offset in (style.left, style.top, style.right)
    )


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0
