"""Stylesheets: reading one into its rules, once per process for each distinct text or file.

A stylesheet is first skimmed: one regular expression finds its braces (skipping comments,
strings, escapes and unquoted `url()`s), and the rule structure is read from them: style rules
with their selector text and the span of their declaration block, `@media`, `@supports` and
`@layer` blocks (their rules get the block's condition or layer), `@import` and `@layer`
statements. A rule's declarations are tokenised with tinycss2 only when one of its selectors
first matches an element, so a large shared stylesheet costs little on pages that use a small
part of it. Error recovery follows CSS Syntax 3 where it decides which rules exist: a stray `}`
at the top level makes the next rule's selector invalid, an unclosed block ends at the end of the
sheet (recorded as a problem), `<!--` and `-->` at the top level are ignored.

Nested style rules (CSS Nesting) are read too: `&` stands for the parent's selector list as
`:is(...)` (so its specificity is that of the most specific parent selector), a nested
selector without `&` is a descendant of the parent, and `@media`, `@supports` and `@layer`
blocks inside a style rule hold declarations for the parent selector.

What does not apply: rules in `@container`, `@scope`, `@starting-style`, `@document` and
unknown at-rules. `@supports` conditions are all taken as supported (so `not (...)` is
false). `@import` after a style rule is ignored, as browsers do. `@namespace` is ignored.

Declarations are parsed against the property registry: unknown properties are dropped,
shorthands expand into their longhands, a value containing `var()` or `env()` is kept for
substitution when its element's style is computed, and an invalid value drops the declaration
(so an earlier valid one in the same rule stands).
"""

from __future__ import annotations

import bisect
import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import tinycss2

from vngpublish.check.style.properties import ALIASES, PROPERTIES, SHORTHANDS
from vngpublish.check.style.values import Wide, has_function, significant, wide_keyword

# ------------------------------------------------------------------------------ limits
MAX_SHEET_CHARS: Final = 16_000_000
"""Stylesheet files larger than this (in bytes) are not read (recorded as a problem)."""
MAX_GROUPING_DEPTH: Final = 32
"""`@media`/`@supports`/`@layer` blocks nested deeper than this are ignored."""
_TEXT_CACHE_ENTRIES = 512
_FILE_CACHE_ENTRIES = 256
_CACHE_CHARS = 32_000_000  # text kept by each cache


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

# Braces outside comments, strings, escapes and unquoted url() tokens.
_BRACES = re.compile(
    r"""/\*.*?(?:\*/|\Z)
      | "(?:[^"\\\n]|\\.)*"?
      | '(?:[^'\\\n]|\\.)*'?
      | \\.
      | (?<![\w-])url\(\s*[^\s"'()\\]*\s*\)
      | ([{}])""",
    re.DOTALL | re.VERBOSE | re.IGNORECASE,
)
# A semicolon outside comments, strings, escapes and url() tokens.
_SEMICOLON = re.compile(
    r"""/\*.*?(?:\*/|\Z)
      | "(?:[^"\\\n]|\\.)*"?
      | '(?:[^'\\\n]|\\.)*'?
      | \\.
      | (?<![\w-])url\(\s*[^\s"'()\\]*\s*\)
      | (;)""",
    re.DOTALL | re.VERBOSE | re.IGNORECASE,
)
_LEADING = re.compile(r"(?:\s+|/\*.*?(?:\*/|\Z)|<!--|-->)*", re.DOTALL)
_AT_NAME = re.compile(r"@(-?[\w-]+)")
_CDO_CDC = re.compile(r"<!--|-->")
_COMMENT_OR_STRING = re.compile(
    r"""/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?""", re.DOTALL
)


def _drop_comment(match: re.Match[str]) -> str:
    text = match.group()
    return " " if text.startswith("/*") else text


_LAYER_NAME = re.compile(r"^-?[_a-zA-Z\u0080-\U0010ffff][\w\u0080-\U0010ffff-]*$")
_SKIPPED_BLOCKS = frozenset(
    {"container", "scope", "starting-style", "document", "-moz-document", "font-face",
     "keyframes", "-webkit-keyframes", "-moz-keyframes", "page", "counter-style", "property",
     "font-feature-values", "font-palette-values", "view-transition", "position-try"}
)  # fmt: skip


class _Reader:
    """Builds a `Sheet` from its text (one use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sheet = Sheet(text)
        self.events: list[tuple[int, str]] = [
            (m.start(1), m.group(1)) for m in _BRACES.finditer(text) if m.group(1)
        ]
        self.partner: list[int] = [-1] * len(self.events)
        stack: list[int] = []
        for index, (_position, brace) in enumerate(self.events):
            if brace == "{":
                stack.append(index)
            elif stack:
                opening = stack.pop()
                self.partner[opening] = index
                self.partner[index] = opening
        if stack:
            self.sheet.problems.append(
                (self.sheet.line_at(self.events[stack[0]][0]), "unclosed block (truncated?)")
            )
        self.imports_allowed = True
        self.anonymous_layers = 0

    def read(self) -> Sheet:
        """The sheet read from the whole text."""
        self._rules(0, len(self.events), 0, len(self.text), (), (), 0)
        return self.sheet

    def _rules(
        self,
        first: int,
        last: int,
        start: int,
        end: int,
        media: tuple[str, ...],
        layer: tuple[str, ...],
        depth: int,
    ) -> None:
        """Read the rules between text offsets start and end, whose braces are
        events[first:last]."""
        text = self.text
        position = start
        index = first
        while True:
            # Stray closing braces (top level only) stay in the next prelude, which makes its
            # selector invalid, as CSS Syntax 3 does.
            while index < last and self.events[index][1] == "}":
                index += 1
            opening = self.events[index][0] if index < last else None
            limit = opening if opening is not None else end
            position = self._statements(position, limit, layer)
            if opening is None:
                return
            closing = self.partner[index]
            block_end = self.events[closing][0] if closing != -1 else end
            self._block(
                text[position:opening],
                position,
                opening + 1,
                block_end,
                index + 1,
                closing if closing != -1 else last,
                media,
                layer,
                depth,
            )
            if closing == -1:
                return
            index = closing + 1
            position = block_end + 1

    def _statements(self, position: int, limit: int, layer: tuple[str, ...]) -> int:
        """Read at-rule statements (`@import ...;`) from `position`; where the next rule
        starts."""
        text = self.text
        while True:
            skipped = _LEADING.match(text, position, limit)
            begin = skipped.end() if skipped else position
            if begin >= limit or text[begin] != "@":
                return position
            semicolon = None
            for match in _SEMICOLON.finditer(text, begin, limit):
                if match.group(1):
                    semicolon = match.start(1)
                    break
            if semicolon is None:
                if limit == len(text):  # an at-rule the end of the sheet closes
                    self._statement(text[begin:limit], begin, layer)
                    return limit
                return position  # an at-rule with a block
            self._statement(text[begin:semicolon], begin, layer)
            position = semicolon + 1

    def _statement(self, rule: str, offset: int, layer: tuple[str, ...]) -> None:
        name_match = _AT_NAME.match(rule)
        name = name_match.group(1).lower() if name_match else ""
        rest = rule[name_match.end() :] if name_match else ""
        if name == "import":
            if self.imports_allowed:
                found = _parse_import(rest, self.sheet.line_at(offset), self._anonymous)
                if found is not None:
                    self.sheet.imports.append(found)
                    self.sheet.layer_events.append(found)
            return
        if name == "layer":
            for part in rest.split(","):
                words = part.strip()
                if _valid_layer(words):
                    self.sheet.layer_events.append(layer + tuple(words.split(".")))
            return
        if name not in ("charset", "namespace"):
            self.imports_allowed = False

    def _anonymous(self) -> str:
        self.anonymous_layers += 1
        return f"\x00anonymous-{self.anonymous_layers}"

    def _block(
        self,
        prelude: str,
        offset: int,
        start: int,
        end: int,
        first: int,
        last: int,
        media: tuple[str, ...],
        layer: tuple[str, ...],
        depth: int,
    ) -> None:
        skipped = _LEADING.match(prelude)
        lead = skipped.end() if skipped else 0
        if lead < len(prelude) and prelude[lead] == "@":
            self._at_block(
                prelude[lead:], offset + lead, start, end, first, last, media, layer, depth
            )
            return
        self.imports_allowed = False
        if "/*" in prelude:
            prelude = _COMMENT_OR_STRING.sub(_drop_comment, prelude)
        selector = _CDO_CDC.sub(" ", prelude).strip() if depth == 0 else prelude.strip()
        if selector:
            rule = StyleRule(
                self.sheet, selector, start, end, media, layer, len(self.sheet.rules), offset + lead
            )
            self.sheet.rules.append(rule)
            if first < last:
                self._nested(selector, start, end, first, last, media, layer, depth + 1)

    def _nested(
        self,
        parent: str,
        start: int,
        end: int,
        first: int,
        last: int,
        media: tuple[str, ...],
        layer: tuple[str, ...],
        depth: int,
    ) -> None:
        """Read the rules nested in a style rule's block (CSS Nesting): their selectors are
        resolved against `parent` (`&` is `:is(parent)`, no `&` means a descendant), and
        nested `@media`, `@supports` and `@layer` blocks hold declarations for `parent`."""
        if depth >= MAX_GROUPING_DEPTH:
            line = self.sheet.line_at(start)
            self.sheet.problems.append((line, f"rules nested more than {MAX_GROUPING_DEPTH} deep"))
            return
        text = self.text
        boundary = start
        index = first
        while index < last:
            position, brace = self.events[index]
            if brace != "{":
                index += 1
                continue
            closing = self.partner[index]
            block_end = self.events[closing][0] if closing != -1 else end
            segment = text[boundary:position]
            cut = 0
            for match in _SEMICOLON.finditer(segment):
                if match.group(1):
                    cut = match.end(1)
            prelude = _COMMENT_OR_STRING.sub(_drop_comment, segment[cut:]).strip()
            inner_last = closing if closing != -1 else last
            if prelude.startswith("@"):
                self._nested_group(parent, prelude, position + 1, block_end, index + 1,
                                   inner_last, media, layer, depth)  # fmt: skip
            else:
                selector = _resolve_nested(parent, prelude)
                if selector:
                    rule = StyleRule(self.sheet, selector, position + 1, block_end, media, layer,
                                     len(self.sheet.rules), boundary + cut)  # fmt: skip
                    self.sheet.rules.append(rule)
                    if index + 1 < inner_last:
                        self._nested(selector, position + 1, block_end, index + 1, inner_last,
                                     media, layer, depth + 1)  # fmt: skip
            if closing == -1:
                return
            index = closing + 1
            boundary = block_end + 1

    def _nested_group(
        self,
        parent: str,
        prelude: str,
        start: int,
        end: int,
        first: int,
        last: int,
        media: tuple[str, ...],
        layer: tuple[str, ...],
        depth: int,
    ) -> None:
        name_match = _AT_NAME.match(prelude)
        name = name_match.group(1).lower() if name_match else ""
        rest = prelude[name_match.end() :].strip() if name_match else ""
        if name == "media":
            media = (*media, rest)
        elif name == "supports":
            if not supports(rest):
                return
        elif name == "layer":
            if not rest:
                layer = (*layer, self._anonymous())
            elif _valid_layer(rest):
                layer = layer + tuple(rest.split("."))
            else:
                return
            self.sheet.layer_events.append(layer)
        else:
            return
        rule = StyleRule(self.sheet, parent, start, end, media, layer, len(self.sheet.rules), start)
        self.sheet.rules.append(rule)
        if first < last:
            self._nested(parent, start, end, first, last, media, layer, depth + 1)

    def _at_block(
        self,
        prelude: str,
        offset: int,
        start: int,
        end: int,
        first: int,
        last: int,
        media: tuple[str, ...],
        layer: tuple[str, ...],
        depth: int,
    ) -> None:
        name_match = _AT_NAME.match(prelude)
        name = name_match.group(1).lower() if name_match else ""
        rest = prelude[name_match.end() :].strip() if name_match else ""
        self.imports_allowed = False
        if name not in ("media", "supports", "layer"):
            return  # font-face, keyframes, container, scope ... contribute no style rules
        if depth >= MAX_GROUPING_DEPTH:
            self.sheet.problems.append(
                (self.sheet.line_at(offset), f"@{name} nested more than {MAX_GROUPING_DEPTH} deep")
            )
            return
        if name == "media":
            self._rules(first, last, start, end, (*media, rest), layer, depth + 1)
        elif name == "supports":
            if supports(rest):
                self._rules(first, last, start, end, media, layer, depth + 1)
        else:
            if not rest:
                inner = (*layer, self._anonymous())
            elif _valid_layer(rest):
                inner = layer + tuple(rest.split("."))
            else:
                return
            self.sheet.layer_events.append(inner)
            self._rules(first, last, start, end, media, inner, depth + 1)


def _resolve_nested(parent: str, nested: str) -> str:
    """A nested rule's selector list made absolute: `&` becomes `:is(parent)`; a selector
    without `&` (relative, or starting with a combinator) is a descendant of the parent."""
    resolved = []
    for part in split_list(nested):
        part = part.strip()
        if not part:
            return ""
        if "&" in part:
            resolved.append(part.replace("&", f":is({parent})"))
        else:
            resolved.append(f":is({parent}) {part}")
    return ", ".join(resolved)


_NESTING_CHARACTERS = re.compile("[([\"']")


def split_list(text: str) -> list[str]:
    """A selector list's selectors: `text` split at commas outside parentheses, brackets
    and strings."""
    if not _NESTING_CHARACTERS.search(text):
        return text.split(",")
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _valid_layer(name: str) -> bool:
    return bool(name) and all(_LAYER_NAME.match(part) for part in name.split("."))


def _parse_import(rest: str, line: int, anonymous: Any) -> Import | None:
    tokens = significant(tinycss2.parse_component_value_list(rest))
    if not tokens:
        return None
    first = tokens[0]
    if first.type in ("string", "url"):
        url = first.value
    elif first.type == "function" and first.lower_name == "url":
        strings = [t for t in first.arguments if t.type == "string"]
        if len(strings) != 1:
            return None
        url = strings[0].value
    else:
        return None
    tokens = tokens[1:]
    layer: tuple[str, ...] | None = None
    if tokens and tokens[0].type == "ident" and tokens[0].lower_value == "layer":
        layer = (anonymous(),)
        tokens = tokens[1:]
    elif tokens and tokens[0].type == "function" and tokens[0].lower_name == "layer":
        name = tinycss2.serialize(tokens[0].arguments).strip()
        if not _valid_layer(name):
            return None
        layer = tuple(name.split("."))
        tokens = tokens[1:]
    supported = True
    if tokens and tokens[0].type == "function" and tokens[0].lower_name == "supports":
        supported = supports(tinycss2.serialize(tokens[0].arguments))
        tokens = tokens[1:]
    return Import(url, tinycss2.serialize(tokens).strip(), layer, line, supported)


def supports(condition: str) -> bool:
    """An `@supports` condition, every feature taken as supported (`not` still negates)."""
    return _supports_tokens(significant(tinycss2.parse_component_value_list(condition)), 0)


def _supports_tokens(tokens: list[Any], depth: int) -> bool:
    if depth > 16 or not tokens:
        return True
    if tokens[0].type == "ident" and tokens[0].lower_value == "not" and len(tokens) == 2:
        return not _supports_in_parens(tokens[1], depth)
    result = _supports_in_parens(tokens[0], depth)
    for index in range(1, len(tokens) - 1, 2):
        word = tokens[index].lower_value if tokens[index].type == "ident" else ""
        operand = _supports_in_parens(tokens[index + 1], depth)
        result = (result and operand) if word == "and" else (result or operand)
    return result


def _supports_in_parens(token: Any, depth: int) -> bool:
    if token.type == "() block":
        inner = significant(token.content)
        if inner and (
            inner[0].type == "() block"
            or (inner[0].type == "ident" and inner[0].lower_value == "not")
        ):
            return _supports_tokens(inner, depth + 1)
    return True  # a declaration, selector(), font-tech(): supported


# ------------------------------------------------------------------------- declarations
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


# ------------------------------------------------------------------------------- caches
class _Cache:
    """A small LRU cache of sheets, bounded by entries and by the characters they hold."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.items: OrderedDict[Any, Sheet] = OrderedDict()
        self.chars = 0

    def get(self, key: Any) -> Sheet | None:
        """The cached sheet for `key`, marked as recently used."""
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: Any, sheet: Sheet) -> None:
        """Cache a sheet, dropping the least recently used beyond the bounds."""
        self.items[key] = sheet
        self.chars += len(sheet.text)
        while len(self.items) > 1 and (len(self.items) > self.entries or self.chars > _CACHE_CHARS):
            _key, dropped = self.items.popitem(last=False)
            self.chars -= len(dropped.text)


_TEXTS = _Cache(_TEXT_CACHE_ENTRIES)
_FILES = _Cache(_FILE_CACHE_ENTRIES)


def clear_caches() -> None:
    """Forget every cached stylesheet (for tests and long-running processes)."""
    for cache in (_TEXTS, _FILES):
        cache.items.clear()
        cache.chars = 0
    _INLINE_CACHE.clear()


def read_sheet(text: str) -> Sheet:
    """The parsed sheet of `text` (a `<style>` element's content), from the cache when the
    same text was read before in this process."""
    found = _TEXTS.get(text)
    if found is None:
        found = _Reader(tame(text)).read()  # offsets refer to the tamed text
        _TEXTS.put(text, found)
    return found


class SheetFileError(Exception):
    """A stylesheet file that could not be read; the message says why."""


def read_sheet_file(path: Path) -> Sheet:
    """The parsed sheet of a stylesheet file, from the cache when the same file (path,
    modification time and size) was read before. Raises `SheetFileError`."""
    try:
        resolved = path.resolve()
        status = resolved.stat()
    except (OSError, RuntimeError) as error:
        raise SheetFileError(_reason(error)) from error
    if not os.path.isfile(resolved):
        raise SheetFileError("not a file")
    if status.st_size > MAX_SHEET_CHARS:
        raise SheetFileError(f"larger than {MAX_SHEET_CHARS} bytes")
    key = (str(resolved), status.st_mtime_ns, status.st_size)
    found = _FILES.get(key)
    if found is None:
        try:
            data = resolved.read_bytes()
        except OSError as error:
            raise SheetFileError(_reason(error)) from error
        found = _Reader(tame(decode_sheet(data))).read()
        _FILES.put(key, found)
    return found


def _reason(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


_CHARSET = re.compile(rb'^@charset "([^"]{1,40})";')


def decode_sheet(data: bytes) -> str:
    """A stylesheet file's text: by its BOM, else its `@charset`, else UTF-8 (CSS Syntax 3,
    without the referring document's encoding); undecodable bytes become U+FFFD."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    declared = _CHARSET.match(data)
    if declared:
        label = declared.group(1).decode("ascii", "replace").strip().lower()
        if label in ("utf-16be", "utf-16le", "utf-16"):
            label = "utf-8"  # CSS Syntax: a UTF-16 @charset in an ASCII-compatible file means UTF-8
        try:
            return data.decode(label, "replace")
        except LookupError:
            pass
    return data.decode("utf-8", "replace")
