"""Declarations: a block's text (a style rule's content or a `style` attribute) parsed
against the property registry into `Decl`s.

Unknown properties are dropped, shorthands expand into their longhands, a value containing
`var()` or `env()` is kept (`Pending`) for substitution when its element's style is
computed, and an invalid value drops the declaration (so an earlier valid one in the same rule
stands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import tinycss2

from vngpublish.check.style.properties import ALIASES, PROPERTIES, SHORTHANDS
from vngpublish.check.style.values import Wide, has_function, significant, wide_keyword


@dataclass(frozen=True, slots=True)
class Pending:
    """A declared value containing `var()` (or `env()`), substituted when computed.

    `tokens` are the value's raw tokens; `via` the property whose grammar the substituted
    tokens must match (the shorthand, for a longhand a shorthand declaration set)."""

    tokens: tuple[Any, ...]
    via: str


@dataclass(slots=True, eq=False)
class Decl:
    """One declaration of a longhand or custom property.

    `value` is the specified value (the registry parser's result), a `Wide` keyword, a
    `Pending` value, or for a custom property (`--name`) its tokens as a tuple. `line` and
    `column` are 1-based positions in the stylesheet's text (or style attribute).
    """

    name: str
    value: Any
    important: bool
    line: int
    column: int
    written: str
    """The property as written: the shorthand's name for a longhand a shorthand set."""
    tokens: tuple[Any, ...]
    source_text: str | None = None
    """The value's text when it does not come from tokens (presentational hints)."""

    @property
    def text(self) -> str:
        """The declared value as written (normalised whitespace)."""
        if self.source_text is not None:
            return self.source_text
        return " ".join(tinycss2.serialize(self.tokens).split())


_SUBSTITUTED: Final = frozenset({"var", "env"})
# tinycss2 reads numbers with int()/float(); int() refuses more than 4,300 digits. No CSS number
# needs more than a few hundred, so longer runs of digits are cut before tokenising.
_LONG_DIGITS = re.compile(r"[0-9]{1000,}")


def tame(css: str) -> str:
    """`css` with runs of more than 1,000 digits cut to 1,000 (keeps tinycss2 working)."""
    if len(css) > 1000 and _LONG_DIGITS.search(css):
        return _LONG_DIGITS.sub(lambda run: run.group()[:1000], css)
    return css


def parse_declarations(block: str, line: int = 1, column: int = 1) -> list[Decl]:
    """The declarations of a block's text (a style rule's content or a `style` attribute),
    as `Decl`s of registered longhands and custom properties, in order. `line` and `column`
    are where the text starts, so that declarations carry their position in the sheet."""
    try:
        nodes = tinycss2.parse_blocks_contents(
            tame(block), skip_comments=True, skip_whitespace=True
        )
    except RecursionError:
        return []
    found: list[Decl] = []
    for node in nodes:
        if node.type != "declaration":
            continue
        decl_line = line + node.source_line - 1
        decl_column = node.source_column + (column - 1 if node.source_line == 1 else 0)
        try:
            found.extend(_declaration(node, decl_line, decl_column))
        except RecursionError:
            continue
    return found


def _declaration(node: Any, line: int, column: int) -> list[Decl]:
    name: str = node.lower_name
    raw = tuple(node.value)
    if name.startswith("--"):
        name = node.name  # custom property names are case-sensitive
        keyword = wide_keyword(significant(node.value))
        tokens_or_keyword = keyword if keyword is not None else _trimmed(raw)
        return [Decl(name, tokens_or_keyword, node.important, line, column, name, raw)]
    name = ALIASES.get(name, name)
    tokens = significant(node.value)
    wide = wide_keyword(tokens)
    substituted = wide is None and has_function(tokens, _SUBSTITUTED)
    prop = PROPERTIES.get(name)
    if prop is not None:
        if wide is not None:
            value: Any = wide
        elif substituted:
            value = Pending(raw, name)
        else:
            value = prop.parse(tokens)
            if value is None:
                return []
        return [Decl(name, value, node.important, line, column, name, raw)]
    shorthand = SHORTHANDS.get(name)
    if shorthand is None:
        return []
    if wide is not None or substituted:
        pending: Wide | Pending = wide if wide is not None else Pending(raw, name)
        return [
            Decl(n, pending, node.important, line, column, name, raw) for n in shorthand.longhands
        ]
    values = shorthand.expand(tokens)
    if values is None:
        return []
    return [
        Decl(n, values[n], node.important, line, column, name, raw) for n in shorthand.longhands
    ]


def _trimmed(tokens: tuple[Any, ...]) -> tuple[Any, ...]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].type in ("whitespace", "comment"):
        start += 1
    while end > start and tokens[end - 1].type in ("whitespace", "comment"):
        end -= 1
    return tokens[start:end]


_INLINE_CACHE: dict[str, tuple[tuple[Decl, ...], tuple[Decl, ...]]] = {}


def parse_style_attribute(text: str) -> tuple[tuple[Decl, ...], tuple[Decl, ...]]:
    """The (normal, important) declarations of a `style` attribute, once per distinct text
    (bounded cache)."""
    found = _INLINE_CACHE.get(text)
    if found is None:
        decls = parse_declarations(text)
        found = (
            tuple(d for d in decls if not d.important),
            tuple(d for d in decls if d.important),
        )
        if len(_INLINE_CACHE) >= 20_000:
            _INLINE_CACHE.clear()
        _INLINE_CACHE[text] = found
    return found


def clear_cache() -> None:
    """Forget the parsed `style` attributes cached in this process."""
    _INLINE_CACHE.clear()
