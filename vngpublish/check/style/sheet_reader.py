"""Reading a stylesheet's text into its rules (`read_text`).

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
"""

from __future__ import annotations

import re
from typing import Any, Final

import tinycss2

from vngpublish.check.style.stylesheet import Import, Sheet, StyleRule
from vngpublish.check.style.values import significant

MAX_GROUPING_DEPTH: Final = 32
"""`@media`/`@supports`/`@layer` blocks nested deeper than this are ignored."""


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


def read_text(text: str) -> Sheet:
    """The sheet of `text` (offsets in it refer to `text` as given)."""
    return _Reader(text).read()


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
