"""Accessible name and description (W3C accname 1.2 with the HTML-AAM host-language rules).

The steps, in the spec's order, for the element whose name is computed (the root) and, in
recursion, for each node visited:

A. hidden nodes give nothing, unless the traversal started at a hidden element referenced by
   `aria-labelledby` / `aria-describedby` or at a hidden `label`; inside an element hidden only
   by `visibility: hidden`, descendants that are `visibility: visible` still count;
B. `aria-labelledby` (or, as browsers accept it, `aria-labeledby`; not followed again inside
   a labelledby traversal); the referenced elements' texts joined with spaces, when not empty;
C. in recursion, an embedded control gives its value: a textbox its value, a combobox or
   listbox its selected option(s), a range widget `aria-valuetext`, `aria-valuenow` or its value;
D. `aria-label`, when not only whitespace;
E. the host language: `alt` of `img`/`area`, the labels, then `alt`, then `value` of
   `input type=image`, the value of input buttons (and "Submit"/"Reset" when it is missing),
   the `<label>`s of form controls, `legend` of a fieldset, `caption` of a table,
   `figcaption` of a figure, the `title` child of `svg` and of its shapes and groups (SVG-AAM),
   `label` of `optgroup`/`option`. Skipped for presentational elements. In recursion only the
   attribute-based ones apply (`img`, `area`, `input`, `svg` and its shapes, `optgroup`,
   `option`); other elements contribute their content;
F. name from content, for roles that allow it (WAI-ARIA 1.2) and for every node in recursion:
   the text of its `::before`, text nodes and children in order, the text of its `::after`
   (generated content: `content` strings, `attr()` values and quotes, or the alternative text
   after `/` when given; private-use characters, the glyphs of icon fonts, are no text);
   block-level children are set apart with spaces, `br` is a space, and so is a comment between
   two text nodes; elements owned by `aria-owns` come after the children;
I. the `title` attribute (and for text fields then `placeholder` / `aria-placeholder`).

A hidden element has no name of its own (step A applies to the root too); rules ask about
elements in the accessibility tree.

Not supported, by design: the rule that a node already used once in a computation is not used
again (content memoised per subtree is what keeps names linear). Whether a child is inline or
block follows its computed `display` where author CSS may set one, else the tag's default.
Content nested more than 200 levels below the element is taken as plain text (Python's stack
is the limit).

The element's own name is a fact, computed once; the content of a subtree is memoised too
while computing names from content, so names of nested elements cost linear time.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vngpublish.check.dom import collapse, text_content
from vngpublish.check.facts.aria_tables import NAME_FROM_CONTENT_ROLES, is_presentational
from vngpublish.check.facts.content_model import BLOCK_LEVEL, LABELABLE
from vngpublish.check.facts.control_values import TEXTBOX_ROLES, embedded_value
from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.facts.html_roles import input_type, markup_role
from vngpublish.check.facts.labels import labels_of
from vngpublish.check.facts.style import (
    computed_style,
    generated_style,
    may_display,
    may_generate,
)
from vngpublish.check.facts.visibility import is_hidden, is_invisible_only

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

# SVG elements named by a `title` child (SVG-AAM); none of these names is an HTML element.
_SVG_TITLED = frozenset(
    {"svg", "g", "circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "use"}
)
_RECURSION_HOST_TAGS = frozenset({"img", "area", "input", "optgroup", "option"}) | _SVG_TITLED
_MAX_DEPTH = 200
# Never part of a name, even inside a hidden element that aria-labelledby points to.
_NEVER_TEXT = frozenset({"script", "style", "template", "noscript"})
_PLACEHOLDER_TYPES = frozenset({"text", "email", "tel", "url", "search", "password", "number"})


@dataclass(slots=True)
class _Walk:
    """State of one name computation."""

    root: Element
    active: set[Element] = field(default_factory=set)
    depth: int = 0


@element_fact
def accessible_name(page: Page, el: Element) -> str:
    """The accessible name of `el`, whitespace-collapsed; "" when it has none."""
    if not isinstance(el.tag, str):
        return ""
    if (
        el.tag in _TEXT_ONLY_TAGS
        and not any(map(el.get, _NAMING_ATTRIBUTES))
        and not may_generate(page, el)
    ):
        if not len(el):
            return _text_only_name(page, el)
        flat = _flat_name(page, el)
        if flat is not None:
            return flat
    walk = _Walk(el)
    return collapse(
        _compute(
            page, el, walk, recursion=False, in_labelledby=False, hidden_ok=False, cacheable=False
        )
    )


# Most links and headings: no child nodes at all and none of the attributes that take part in
# the computation before name from content (their host language gives them no name).
_TEXT_ONLY_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6"})
_NAMING_ATTRIBUTES = ("aria-labelledby", "aria-labeledby", "aria-label", "aria-owns")


def _text_only_name(page: Page, el: Element) -> str:
    """The steps of `_compute` for an element without child nodes or naming attributes."""
    if is_hidden(page, el):
        return ""
    role = markup_role(page, el)
    if role in NAME_FROM_CONTENT_ROLES:
        text = collapse(el.text or "")
        if text:
            return text
    title = el.get("title")
    if title is not None and title.strip():
        return collapse(title)
    placeholder = el.get("aria-placeholder")
    if role in TEXTBOX_ROLES and placeholder is not None and placeholder.strip():
        return collapse(placeholder)
    return ""


# Inline elements that give their text, and nothing else, to a name computed from content
# when they hold only text and carry only attributes that take no part in it.
_FLAT_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i"}
    | {"ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time"}
    | {"u", "var"}
)
_INERT_ATTRIBUTES = frozenset({"href", "class", "id", "lang", "dir", "target", "rel"})


def _flat_name(page: Page, el: Element) -> str | None:
    """The steps of `_compute` for a link or heading whose children are `_FLAT_INLINE`
    elements holding only text (`<h2><bdi>Titel</bdi></h2>`) or comments; None for any other
    element, which then takes the full computation."""
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and (
            tag not in _FLAT_INLINE
            or len(child)
            or not _INERT_ATTRIBUTES.issuperset(child.keys())
            or may_generate(page, child)
        ):
            return None
    if is_hidden(page, el):
        return ""
    role = markup_role(page, el)
    if role not in NAME_FROM_CONTENT_ROLES:
        return None
    pieces = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            pieces.append(" ")  # a comment splits the text in two text nodes
        else:
            text = child.text or ""
            if not text.strip() or is_hidden(page, child):
                text = ""
            pieces.append(f" {text} " if _is_block(page, child) else text)
        if child.tail:
            pieces.append(child.tail)
    text = collapse("".join(pieces))
    if text:
        return text
    title = el.get("title")
    if title is not None and title.strip():
        return collapse(title)
    return ""


@element_fact
def accessible_description(page: Page, el: Element) -> str:
    """The accessible description: `aria-describedby`, else `aria-description`, else a `title`
    that did not already give the name. Whitespace-collapsed."""
    ids = (el.get("aria-describedby") or "").split()
    if ids:
        walk = _Walk(el, {el})
        parts = []
        for element_id in ids:
            ref = page.by_id(element_id)
            if ref is not None and ref is not el:
                parts.append(
                    _compute(
                        page,
                        ref,
                        walk,
                        recursion=True,
                        in_labelledby=True,
                        hidden_ok=is_hidden(page, ref),
                        cacheable=False,
                    )
                )
        text = collapse(" ".join(parts))
        if text:
            return text
    described = el.get("aria-description")
    if described is not None and described.strip():
        return collapse(described)
    title = collapse(el.get("title") or "")
    if title and title != accessible_name(page, el):
        return title
    return ""


@page_fact
def _name_contents(page: Page) -> dict[Element, str]:
    """The content of elements already computed for names, by element (see `_compute`)."""
    return {}


# ------------------------------------------------------------- computation


def _compute(
    page: Page,
    node: Element,
    walk: _Walk,
    *,
    recursion: bool,
    in_labelledby: bool,
    hidden_ok: bool,
    cacheable: bool,
) -> str:
    if node in walk.active and recursion:
        return ""  # the root inside its own label, or a reference cycle
    # A: hidden
    if not hidden_ok and is_hidden(page, node):
        if recursion and is_invisible_only(page, node):
            # Invisible, but a descendant may be visible again: only that part counts.
            return _content(page, node, walk, in_labelledby, hidden_ok, False, own_text=False)
        return ""
    if walk.depth > _MAX_DEPTH:
        # Deeper than any real page nests content in a name: take the plain text instead of
        # recursing further (Python's stack is the limit here).
        return str(text_content(node))
    walk.active.add(node)
    walk.depth += 1
    # The steps after A are in this one function: names recurse once per tree level, and
    # lxml trees can be 256 levels deep, so each level must cost few Python frames.
    try:
        # B: aria-labelledby
        if not in_labelledby:
            text = _labelledby(page, node, walk, hidden_ok)
            if text:
                return text
        role = markup_role(page, node)
        # C: embedded control
        if recursion:
            value = embedded_value(page, node, role)
            if value is not None:
                return value
        # D: aria-label
        label: str | None = node.get("aria-label")
        if label is not None and label.strip():
            return label
        # E: host language
        if not is_presentational(role) and (not recursion or node.tag in _RECURSION_HOST_TAGS):
            text = _host_language_label(page, node, walk, hidden_ok)
            if text:
                return text
        # F: name from content
        if recursion or role in NAME_FROM_CONTENT_ROLES or node.tag == "summary":
            # Content reached from the root's own content (not through a label or a reference)
            # does not depend on the root, so it is computed once per element and page.
            if cacheable:
                contents = _name_contents(page)
                cached = contents.get(node)
                if cached is None:
                    cached = contents[node] = _content(page, node, walk, False, False, True)
                text = cached
            else:
                from_root = not recursion and not in_labelledby and not hidden_ok
                text = _content(page, node, walk, in_labelledby, hidden_ok, from_root)
            if text.strip():
                return text
        # I: tooltip, then placeholder for text fields
        title: str | None = node.get("title")
        if title is not None and title.strip():
            return title
        if node.tag == "textarea" or (
            node.tag == "input" and input_type(node) in _PLACEHOLDER_TYPES
        ):
            placeholder: str | None = node.get("placeholder")
            if placeholder is not None and placeholder.strip():
                return placeholder
        placeholder = node.get("aria-placeholder")
        if role in TEXTBOX_ROLES and placeholder is not None and placeholder.strip():
            return placeholder
        return ""
    finally:
        walk.active.discard(node)
        walk.depth -= 1


def _labelledby(page: Page, node: Element, walk: _Walk, hidden_ok: bool) -> str:
    value = node.get("aria-labelledby")
    if value is None:
        # Browsers also accept the common misspelling (an Interop 2024 decision); the correct
        # spelling wins when both are present.
        value = node.get("aria-labeledby")
    ids = (value or "").split()
    if not ids:
        return ""
    parts = []
    for element_id in ids:
        ref = page.by_id(element_id)
        if ref is None:
            continue
        ref_hidden_ok = hidden_ok or is_hidden(page, ref)
        # The root may label itself: its own aria-label or content then counts.
        if ref is walk.root:
            walk.active.discard(ref)
        try:
            parts.append(
                _compute(
                    page,
                    ref,
                    walk,
                    recursion=True,
                    in_labelledby=True,
                    hidden_ok=ref_hidden_ok,
                    cacheable=False,
                )
            )
        finally:
            if ref is walk.root:
                walk.active.add(ref)
    return collapse(" ".join(parts))


def _content(
    page: Page,
    node: Element,
    walk: _Walk,
    in_labelledby: bool,
    hidden_ok: bool,
    cacheable: bool,
    own_text: bool = True,
) -> str:
    pieces: list[str] = []
    generated = own_text and may_generate(page, node)
    if generated:
        pieces.append(_generated_text(page, node, "before"))
    if own_text and node.text and node.tag not in _NEVER_TEXT:
        pieces.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and child.tag not in _NEVER_TEXT:
            if child.tag == "br":
                pieces.append(" ")
            else:
                text = _compute(
                    page,
                    child,
                    walk,
                    recursion=True,
                    in_labelledby=in_labelledby,
                    hidden_ok=hidden_ok,
                    cacheable=cacheable,
                )
                if _is_block(page, child):
                    pieces.append(f" {text} ")
                else:
                    pieces.append(text)
        elif not isinstance(child.tag, str):
            # A comment or processing instruction splits text into two text nodes, which
            # browsers join with a space.
            pieces.append(" ")
        if own_text and child.tail:
            pieces.append(child.tail)
    for owned_id in (node.get("aria-owns") or "").split():
        owned = page.by_id(owned_id)
        if owned is not None:
            text = _compute(
                page,
                owned,
                walk,
                recursion=True,
                in_labelledby=in_labelledby,
                hidden_ok=hidden_ok,
                cacheable=False,
            )
            pieces.append(f" {text} ")
    if generated:
        pieces.append(_generated_text(page, node, "after"))
    return "".join(pieces)


def _generated_text(page: Page, el: Element, pseudo: str) -> str:
    """The text `el`'s `::before` or `::after` adds to a name: its alternative text when
    given, else its strings, without private-use characters (icon-font glyphs); set apart
    with spaces when it is a block."""
    style = generated_style(page, el, pseudo)
    if not style.generates_box or style.visibility != "visible":
        return ""
    content = style.content
    text = content.alt if content.alt is not None else content.text
    text = "".join(c for c in text if unicodedata.category(c) != "Co")
    if style.display not in ("inline", "contents", "none"):
        return f" {text} "
    return text


def _is_block(page: Page, el: Element) -> bool:
    """Whether the element's box separates its text from its neighbours': its computed
    display where an author rule or its `style` attribute may set one, else the default
    display of its tag."""
    if not may_display(page, el):
        return el.tag in BLOCK_LEVEL
    return computed_style(page, el).display not in ("inline", "contents", "none")


def _host_language_label(page: Page, node: Element, walk: _Walk, hidden_ok: bool) -> str:
    tag = node.tag
    if tag in ("img", "area"):
        return collapse(node.get("alt") or "")
    if tag == "input":
        kind = input_type(node)
        if kind == "image":
            # HTML-AAM: its labels, then alt, then value (an empty alt is no name here: an
            # image button is never decorative); title comes later (step I). Its "Submit
            # Query" default is left out: it describes nothing.
            return (
                _label_text(page, node, walk)
                or collapse(node.get("alt") or "")
                or collapse(node.get("value") or "")
            )
        text = _label_text(page, node, walk)
        if text or kind not in ("button", "submit", "reset"):
            return text
        value = node.get("value")
        if value is not None:
            return collapse(value)
        return {"submit": "Submit", "reset": "Reset"}.get(kind, "")
    if tag in LABELABLE:
        return _label_text(page, node, walk)
    if tag == "fieldset":
        return _first_child_content(page, node, "legend", walk, hidden_ok)
    if tag == "table":
        return _first_child_content(page, node, "caption", walk, hidden_ok)
    if tag == "figure":
        return _first_child_content(page, node, "figcaption", walk, hidden_ok)
    if tag in _SVG_TITLED:
        title = next((c for c in node if c.tag == "title"), None)
        return collapse(text_content(title)) if title is not None else ""
    if tag in ("optgroup", "option"):
        return collapse(node.get("label") or "")
    return ""


def _label_text(page: Page, node: Element, walk: _Walk) -> str:
    parts = []
    for label in labels_of(page, node):
        parts.append(
            _compute(
                page,
                label,
                walk,
                recursion=True,
                in_labelledby=False,
                hidden_ok=is_hidden(page, label),
                cacheable=False,
            )
        )
    return collapse(" ".join(parts))


def _first_child_content(page: Page, node: Element, tag: str, walk: _Walk, hidden_ok: bool) -> str:
    child = next((c for c in node if c.tag == tag), None)
    if child is None:
        return ""
    return collapse(
        _compute(
            page,
            child,
            walk,
            recursion=True,
            in_labelledby=False,
            hidden_ok=hidden_ok,
            cacheable=False,
        )
    )
