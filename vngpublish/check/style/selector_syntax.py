"""The simple path of selector parsing: selectors made of type, id, class and attribute
selectors, a few pseudo-classes (some functional) and the four combinators, read without
tinycss2 into `SimpleSelector`s that `matching` tests directly on lxml elements. Anything else
raises `NotSimple` (cssselect2 then parses it) or `InvalidSelectorList`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final, TypeAlias

import tinycss2
from lxml import etree
from tinycss2.nth import parse_nth

from vngpublish.check.style.sheet_reader import split_list

Element: TypeAlias = etree._Element


# How an entry is tested once its bucket matched.
TRIVIAL: Final = 0  # the bucket key is the whole selector
SIMPLE: Final = 1  # this module's matcher
COMPLEX: Final = 2  # cssselect2

NEVER: Final = frozenset(
    {"hover", "active", "focus", "focus-within", "focus-visible", "visited", "target",
     "target-within", "current", "past", "future", "playing", "paused", "seeking", "buffering",
     "stalled", "muted", "volume-locked", "user-valid", "user-invalid", "autofill",
     "-webkit-autofill", "popover-open", "modal", "fullscreen", "picture-in-picture",
     "-webkit-full-screen", "active-view-transition", "open"}
)  # fmt: skip
LINK: Final = frozenset({"link", "any-link", "-webkit-any-link"})
ROOT: Final = frozenset({"root", "scope"})
_STRUCTURAL: Final = frozenset({"first-child", "last-child", "only-child", "empty"})
FORM: Final = frozenset({"checked", "disabled", "enabled", "required", "optional", "defined"})
_SIMPLE_PSEUDO: Final = NEVER | LINK | ROOT | _STRUCTURAL | FORM
_LEGACY_PSEUDO_ELEMENTS: Final = frozenset({"before", "after", "first-line", "first-letter"})
STYLED_PSEUDO_ELEMENTS: Final = frozenset({"before", "after"})
REJECTED_PREFIXES: Final = ("-moz-", "-ms-", "-o-")
FORM_ELEMENTS: Final = frozenset(
    {"button", "input", "select", "textarea", "optgroup", "option", "fieldset"}
)
FORM_ATTRIBUTES: Final = frozenset({"checked", "selected", "type", "disabled", "required"})

_IDENT = r"-?(?:[_a-zA-Z]|[^\x00-\x7f])(?:[\w-]|[^\x00-\x7f])*"
_PIECE = re.compile(
    rf"""\#(?P<id>{_IDENT})
      | \.(?P<cls>{_IDENT})
      | \[\s*(?P<attr>{_IDENT})\s*
          (?:(?P<op>[~|^$*]?=)\s*
             (?:(?P<val>{_IDENT})|"(?P<dq>[^"\\\n]*)"|'(?P<sq>[^'\\\n]*)')\s*
             (?:(?P<flag>[iIsS])\s*)?
          )?\]
      | (?P<colons>::?)(?P<pseudo>{_IDENT})(?P<open>\()?""",
    re.VERBOSE,
)
_TYPE = re.compile(rf"\*|{_IDENT}")
_COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")
NEEDS_CSSSELECT2 = re.compile(r"[\\|]|/\*")
_LOGICAL: Final = frozenset({"not", "is", "where", "-webkit-any"})
NTH: Final = frozenset({"nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"})
MAX_NESTING = 16
PLAIN_COMBINATORS: Final = frozenset({" ", ">"})
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Compound:
    """A compound selector of the simple path (all parts must match)."""

    tag: str | None
    id: str | None
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str | None, str, bool], ...]
    """(name, operator or None for presence, value, case-insensitive)."""
    pseudo_classes: tuple[str, ...]
    functions: tuple[tuple[Any, ...], ...] = ()
    """Functional pseudo-classes: ("not" | "is", selectors), ("nth-child" ..., a, b,
    selectors or ()), ("lang", ranges)."""


@dataclass(frozen=True, slots=True)
class SimpleSelector:
    """A selector of the simple path: compounds right to left, and the combinator to the
    left of each compound but the last."""

    compounds: tuple[Compound, ...]
    combinators: tuple[str, ...]
    pseudo_element: str | None
    specificity: tuple[int, int, int]


class InvalidList(Exception):
    """The selector list is invalid: the whole rule is dropped."""


class NotSimple(Exception):
    """The selector is beyond the simple path."""


def _closing(text: str, start: int) -> int:
    """The index of the `)` closing the parenthesis opened just before `start`."""
    depth = 1
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise NotSimple  # unbalanced: let cssselect2 judge


def parse_simple(text: str, depth: int = 0) -> SimpleSelector:
    """A selector in the simple path's grammar. Raises NotSimple or InvalidList."""
    if depth > MAX_NESTING:
        raise NotSimple
    position = 0
    length = len(text)
    compounds: list[Compound] = []
    combinators: list[str] = []
    pseudo_element: str | None = None
    specificity = [0, 0, 0]
    while True:
        tag = None
        type_match = _TYPE.match(text, position)
        if type_match:
            tag = type_match.group().lower()
            position = type_match.end()
            if tag != "*":
                specificity[2] += 1
            else:
                tag = None
        element_id: str | None = None
        classes: list[str] = []
        attributes: list[tuple[str, str | None, str, bool]] = []
        pseudo_classes: list[str] = []
        functions: list[tuple[Any, ...]] = []
        pieces = 0
        while position < length:
            piece = _PIECE.match(text, position)
            if piece is None:
                break
            if pseudo_element is not None:
                raise NotSimple  # something after a pseudo-element
            pieces += 1
            position = piece.end()
            if piece.group("id") is not None:
                if element_id is not None and element_id != piece.group("id"):
                    element_id = "\x00never"  # #a#b matches nothing
                else:
                    element_id = piece.group("id")
                specificity[0] += 1
            elif piece.group("cls") is not None:
                classes.append(piece.group("cls"))
                specificity[1] += 1
            elif piece.group("attr") is not None:
                value = piece.group("val") or piece.group("dq") or piece.group("sq") or ""
                flag = piece.group("flag")
                operator = piece.group("op")
                attributes.append(
                    (piece.group("attr").lower(), operator, value, bool(flag and flag in "iI"))
                )
                specificity[1] += 1
            else:
                name = piece.group("pseudo").lower()
                if name.startswith(REJECTED_PREFIXES):
                    raise InvalidList
                if piece.group("open"):
                    close = _closing(text, position)
                    function, added = _function(name, text[position:close], depth)
                    functions.append(function)
                    for part in range(3):
                        specificity[part] += added[part]
                    position = close + 1
                    continue
                if piece.group("colons") == "::" or name in _LEGACY_PSEUDO_ELEMENTS:
                    pseudo_element = name
                    specificity[2] += 1
                    continue
                if name not in _SIMPLE_PSEUDO:
                    raise NotSimple
                pseudo_classes.append(name)
                specificity[1] += 1
        if tag is None and not pieces and not type_match:
            raise NotSimple  # an empty compound: malformed, let cssselect2 judge
        compounds.append(
            Compound(
                tag,
                element_id,
                tuple(classes),
                tuple(attributes),
                tuple(pseudo_classes),
                tuple(functions),
            )
        )
        if position >= length:
            break
        combinator = _COMBINATOR.match(text, position)
        if combinator is None or pseudo_element is not None:
            raise NotSimple
        position = combinator.end()
        if position >= length:
            raise NotSimple  # a trailing combinator: let cssselect2 reject it
        combinators.append(combinator.group(1) or " ")
    compounds.reverse()
    combinators.reverse()
    a, b, c = specificity
    return SimpleSelector(tuple(compounds), tuple(combinators), pseudo_element, (a, b, c))


def _function(name: str, argument: str, depth: int) -> tuple[tuple[Any, ...], tuple[int, int, int]]:
    """A functional pseudo-class and the specificity it adds."""
    if name in _LOGICAL:
        arguments: list[SimpleSelector] = []
        for part in split_list(argument):
            try:
                selector = parse_simple(part.strip(), depth + 1)
                if selector.pseudo_element is not None:
                    raise InvalidList
            except InvalidList:
                if name == "not":
                    raise
                continue  # :is() and :where() forgive invalid arguments
            arguments.append(selector)
        if name == "not" and not arguments:
            raise InvalidList
        kind = "not" if name == "not" else "is"
        if name == "where" or not arguments:
            return (kind, tuple(arguments)), (0, 0, 0)
        return (kind, tuple(arguments)), max(s.specificity for s in arguments)
    if name in NTH:
        formula, *rest = _OF.split(argument, maxsplit=1)
        selectors: list[SimpleSelector] = []
        if rest:
            if name not in ("nth-child", "nth-last-child"):
                raise InvalidList
            selectors = [parse_simple(part.strip(), depth + 1) for part in split_list(rest[0])]
        nth = parse_nth(tinycss2.parse_component_value_list(formula))
        if nth is None:
            raise InvalidList
        extra = max((s.specificity for s in selectors), default=(0, 0, 0))
        return (name, nth[0], nth[1], tuple(selectors)), (extra[0], extra[1] + 1, extra[2])
    if name == "has":
        relative = []
        for part in split_list(argument):
            part = part.strip()
            combinator = " "
            if part[:1] in (">", "+", "~"):
                combinator, part = part[0], part[1:].strip()
            selector = parse_simple(part, depth + 1)
            if len(selector.compounds) != 1 or selector.pseudo_element is not None:
                raise NotSimple  # complex relative selectors: cssselect2
            relative.append((combinator, selector))
        if not relative:
            raise InvalidList
        extra = max(s.specificity for _c, s in relative)
        return ("has", tuple(relative)), extra
    if name == "lang":
        ranges = [part.strip().strip("\"'").lower() for part in argument.split(",")]
        if not all(ranges):
            raise InvalidList
        return ("lang", tuple(ranges)), (0, 1, 0)
    raise NotSimple
