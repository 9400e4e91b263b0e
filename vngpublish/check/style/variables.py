"""`var()` substitution (CSS Custom Properties 1).

Custom properties are inherited token lists. A `var()` is replaced by the custom property's
tokens, or by its fallback when the property is the guaranteed-invalid value; when neither
exists the whole value is invalid at computed-value time. Custom properties that depend on
each other in a cycle are all invalid. Like browsers, substitution is capped: a value that
would grow beyond `MAX_TOKENS` tokens is invalid (this stops the "billion laughs" expansion of
`--b: var(--a) var(--a)`, `--c: var(--b) var(--b)` ...). `env()` is always replaced by its
fallback (environment variables such as safe-area insets are unknown statically).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from tinycss2 import ast

MAX_TOKENS: Final = 10_000
"""The largest value, in tokens (nested ones counted), substitution may produce."""

Lookup = Callable[[str], "tuple[Any, ...] | None"]


class _TooLong(Exception):
    pass


def substitute(tokens: tuple[Any, ...] | list[Any], lookup: Lookup) -> list[Any] | None:
    """`tokens` with every `var()` and `env()` replaced, or None when the value is invalid at
    computed-value time. `lookup` gives a custom property's computed tokens (None for the
    guaranteed-invalid value)."""
    try:
        return _substitute(tokens, lookup, [0], 0)
    except (_TooLong, RecursionError):
        return None


def count(tokens: tuple[Any, ...] | list[Any]) -> int:
    """The number of tokens, nested ones included."""
    total = 0
    stack = [tokens]
    while stack:
        current = stack.pop()
        total += len(current)
        for t in current:
            if t.type == "function":
                stack.append(t.arguments)
            elif t.type in ("() block", "[] block", "{} block"):
                stack.append(t.content)
    return total


def _substitute(tokens: Any, lookup: Lookup, size: list[int], depth: int) -> list[Any] | None:
    if depth > 64:
        return None
    result: list[Any] = []
    for token in tokens:
        kind = token.type
        if kind == "function" and token.lower_name in ("var", "env"):
            replaced = _reference(token, lookup, size, depth)
            if replaced is None:
                return None
            result.extend(replaced)
            continue
        size[0] += 1
        if size[0] > MAX_TOKENS:
            raise _TooLong
        if kind == "function":
            arguments = _substitute(token.arguments, lookup, size, depth + 1)
            if arguments is None:
                return None
            token = ast.FunctionBlock(token.source_line, token.source_column, token.name, arguments)
        elif kind in ("() block", "[] block", "{} block"):
            content = _substitute(token.content, lookup, size, depth + 1)
            if content is None:
                return None
            block = {"() block": ast.ParenthesesBlock, "[] block": ast.SquareBracketsBlock}.get(
                kind, ast.CurlyBracketsBlock
            )
            token = block(token.source_line, token.source_column, content)
        result.append(token)
    return result


def _reference(token: Any, lookup: Lookup, size: list[int], depth: int) -> list[Any] | None:
    arguments = token.arguments
    index = 0
    while index < len(arguments) and arguments[index].type in ("whitespace", "comment"):
        index += 1
    if index >= len(arguments) or arguments[index].type != "ident":
        return None
    name = arguments[index].value
    rest = arguments[index + 1 :]
    fallback: list[Any] | None = None
    for position, t in enumerate(rest):
        if t.type in ("whitespace", "comment"):
            continue
        if t.type == "literal" and t.value == ",":
            fallback = list(rest[position + 1 :])
            break
        return None  # something other than a comma after the name
    value = None
    if token.lower_name == "var":
        if not name.startswith("--"):
            return None
        value = lookup(name)
    if value is not None:
        size[0] += count(value)
        if size[0] > MAX_TOKENS:
            raise _TooLong
        return list(value)
    if fallback is None:
        return None
    return _substitute(fallback, lookup, size, depth + 1)
