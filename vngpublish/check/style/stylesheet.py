"""The parsed form of a stylesheet: its style rules (selector text, where the declaration
block is, the `@media` conditions and cascade layer around it), its imports and layer
statements. Declarations are parsed only when a rule first matches (`StyleRule.declarations`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from vngpublish.check.style.declarations import Decl, parse_declarations


@dataclass(slots=True, eq=False)
class StyleRule:
    """A style rule: its selector text, where its block is, and its context."""

    sheet: Sheet
    selector: str
    start: int
    """Offset of the block's content in the sheet's text."""
    end: int
    media: tuple[str, ...]
    """Media query lists of the enclosing `@media` blocks; all must match."""
    layer: tuple[str, ...]
    """The cascade layer's name parts (empty: not in a layer)."""
    order: int
    """Position among the sheet's style rules."""
    offset: int
    """Offset of the selector in the sheet's text."""
    _declarations: tuple[tuple[Decl, ...], tuple[Decl, ...]] | None = None

    @property
    def line(self) -> int:
        """1-based line of the selector in the sheet's text."""
        return self.sheet.line_at(self.offset)

    def declarations(self) -> tuple[tuple[Decl, ...], tuple[Decl, ...]]:
        """(normal, important) declarations, parsed on first use."""
        found = self._declarations
        if found is None:
            line, column = self.sheet.position_at(self.start)
            decls = parse_declarations(self.sheet.text[self.start : self.end], line, column)
            found = (
                tuple(d for d in decls if not d.important),
                tuple(d for d in decls if d.important),
            )
            self._declarations = found
        return found


@dataclass(frozen=True, slots=True)
class Import:
    """An `@import` rule: the URL as written, its media query list (text; empty for all),
    the layer it imports into, its line, and whether its `supports()` condition holds."""

    url: str
    media: str
    layer: tuple[str, ...] | None
    """None when the import is not layered; the name parts otherwise (anonymous: a unique
    name)."""
    line: int
    supported: bool = True


@dataclass(slots=True, eq=False)
class Sheet:
    """A parsed stylesheet, shared by every page that uses the same text or file.

    `layer_events` lists, in source order, the layer names the sheet declares (each a tuple of
    name parts) and its imports (as `Import`), which is what decides the order of layers."""

    text: str
    rules: list[StyleRule] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)
    layer_events: list[tuple[str, ...] | Import] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) of what was wrong with the text (unclosed blocks, too deep nesting)."""
    indexes: dict[Any, Any] = field(default_factory=dict)
    """Rule indexes by screen, built by the selector module."""
    _newlines: list[int] | None = None
    _lowered: str | None = None

    def lowered(self) -> str | None:
        """The text in lower case, when that keeps every character's offset (None when
        lower-casing changes the length, as it does for a few letters such as "İ")."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = lowered if len(lowered) == len(self.text) else ""
        return self._lowered if self._lowered or not self.text else None

    def line_at(self, offset: int) -> int:
        """1-based line of a character offset."""
        return self.position_at(offset)[0]

    def position_at(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        index = bisect.bisect_left(self._newlines, offset)
        line_start = self._newlines[index - 1] + 1 if index else 0
        return index + 1, offset - line_start + 1


_NEWLINE = re.compile("\n")
