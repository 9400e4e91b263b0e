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

from lxml import etree

from vngpublish.check.facts.content_model import NEVER_RENDERED
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.style import (
    GEOMETRY,
    HIDING,
    computed_style,
    reach,
    reached_elements,
)

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
_ELEMENT = etree.Element


def _state(page: Page, el: Element) -> _State:
    if not isinstance(el.tag, str):
        return _NOT_RENDERED  # a comment or processing instruction
    return _states(page).get(el, _ROOT_PARENT)


@page_fact
def _states(page: Page) -> dict[Element, _State]:
    """The state of every element whose state is not the root's (rendered, not aria-hidden,
    visible); the others have the root's.

    Only an element `_may_differ` names can have a state other than its parent's (see
    `_own_state`: the others inherit it), so only those are computed, in document order; each
    one whose state differs from what it inherited passes its state on to its descendants:
    "not rendered" when it is not rendered or does not render its children, its own state
    otherwise, except under `visibility: hidden`, where each descendant is computed (one may
    be visible again). On most pages no author rule can hide anything, and this is a pass
    over the few elements the browser never renders.
    """
    states: dict[Element, _State] = {}
    special = _may_differ(page)
    if special is None:
        candidates = page.elements
    elif not special:
        return states
    else:
        candidates = [el for el in page.elements if el in special]
    for el in candidates:
        before = states.get(el, _ROOT_PARENT)
        if not before.rendered:
            continue  # inside an element that is not rendered
        parent = el.getparent()
        inherited = _ROOT_PARENT if parent is None else states.get(parent, _ROOT_PARENT)
        own = _own_state(page, el, inherited)
        if own == before:
            continue  # what its descendants already have from it or its ancestors
        states[el] = own
        if not own.rendered or not own.children_rendered:
            states.update(dict.fromkeys(el.iterdescendants(_ELEMENT), _NOT_RENDERED))
        elif own.visibility == "visible":
            states.update(dict.fromkeys(el.iterdescendants(_ELEMENT), own))
        else:
            for node in el.iterdescendants(_ELEMENT):
                above = node.getparent()
                states[node] = _own_state(page, node, states.get(above, own))
    return states


def _may_differ(page: Page) -> set[Element] | None:
    """The elements whose state may differ from their parent's: those the browser never
    renders (and the `input` and `dialog` elements it may not), the content of `details`,
    elements with `hidden`, `popover`, `inert` or `aria-hidden`, and those a hiding
    declaration may reach (an author rule, or their `style` attribute). None when an author
    rule with a hiding declaration may match any element (its selector ends in `*`)."""
    reached = reached_elements(page, HIDING)
    if reached is None:
        return None
    special = set(reached)
    special.update(page.by_tag(*NEVER_RENDERED, "input", "dialog"))
    for details in page.by_tag("details"):
        special.update(child for child in details if isinstance(child.tag, str))
    for name in ("hidden", "popover", "inert", "aria-hidden"):
        special.update(page.with_attribute(name))
    return special


def _own_state(page: Page, el: Element, inherited: _State) -> _State:
    """The state of `el` when its parent's is `inherited`."""
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


def is_hidden(page: Page, el: Element) -> bool:
    """True when the element is excluded from the accessibility tree."""
    if not isinstance(el.tag, str):
        return True  # a comment or processing instruction
    state = _states(page).get(el)
    if state is None:
        return False
    return not state.rendered or state.aria_hidden or state.visibility != "visible"


def is_invisible_only(page: Page, el: Element) -> bool:
    """True when the element is hidden only by `visibility: hidden|collapse`: rendered, not
    aria-hidden or inert, so a descendant with `visibility: visible` is shown again."""
    state = _state(page, el)
    return state.rendered and not state.aria_hidden and state.visibility != "visible"


def computed_visibility(page: Page, el: Element) -> str:
    """The computed `visibility` of the element: "visible", "hidden" or "collapse"."""
    return _state(page, el).visibility


def is_visually_hidden(page: Page, el: Element) -> bool:
    """True when the element is in the accessibility tree but clipped or moved out of sight by
    the screen-reader-only pattern, on itself or an ancestor.

    Recognised: `position: absolute|fixed` together with a `clip` of at most 1px, a
    `clip-path` of `inset(50%)` or more or a zero circle, a width and height of at most 1px,
    or an offset (`left`/`top`/`right`) of -500px or further. Rules about visible text use
    this to leave such text out; it is still read by screen readers.
    """
    return el in _visually_hidden(page)


@page_fact
def _visually_hidden(page: Page) -> set[Element]:
    """The elements `is_visually_hidden` is True for: of those an author rule or `style`
    attribute that positions content absolutely may reach, the ones the pattern hides, with
    everything inside them."""
    found: set[Element] = set()
    reached = reached_elements(page, GEOMETRY)
    if reached is None:
        candidates = page.elements
    elif not reached:
        return found
    else:
        candidates = [el for el in page.elements if el in reached]
    for el in candidates:
        if el not in found and hides_visually(computed_style(page, el)):
            found.update(el.iter())
    return found


def is_shown(page: Page, el: Element) -> bool:
    """True when the element is rendered, its computed `visibility` is `visible`, and it is
    not clipped or moved out of sight (`is_visually_hidden`): what visible text needs."""
    state = _states(page).get(el)
    if state is not None and (not state.rendered or state.visibility != "visible"):
        return False
    return isinstance(el.tag, str) and el not in _visually_hidden(page)


def shown_among(page: Page, elements: list[Element]) -> list[Element]:
    """The elements of `elements` that `is_shown` is True for, in the same order."""
    states = _states(page)
    hidden = _visually_hidden(page)
    if not states and not hidden:
        return [el for el in elements if isinstance(el.tag, str)]
    found = []
    for el in elements:
        state = states.get(el)
        if state is not None and (not state.rendered or state.visibility != "visible"):
            continue
        if isinstance(el.tag, str) and el not in hidden:
            found.append(el)
    return found


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
