"""Errors in newsletter content, templates and builds, with the file and line they come from.

Messages are English source strings marked with `N_()` whose `{placeholders}` are filled from
the error's fields, so one error can be shown in English or Dutch (`error.text("nl")`), through
the same catalogue as the checker's messages.
"""

from __future__ import annotations

from typing import Any

from vngpublish.i18n import format_message

__all__ = [
    "ContentError",
    "ContentErrors",
    "PublishError",
    "TemplateError",
    "fill",
]


def fill(fields: dict[str, Any], lang: str) -> dict[str, Any]:
    """`fields` with every value that can show itself in a language (`text(lang)`, as a
    nested problem can) shown in `lang`."""
    return {
        key: value.text(lang) if callable(getattr(value, "text", None)) else value
        for key, value in fields.items()
    }


class PublishError(Exception):
    """A problem a user can fix: bad content, a broken template, an unwritable folder.

    `message` is an English source string with `{placeholders}`, filled from `fields`.
    `str(error)` is one line in English, ready to print: ``items/04.md:3: `url` must be ...``;
    `error.text("nl")` is the same line in Dutch.
    """

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, /, **fields: Any
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.fields = fields
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """The error as one line in `lang` ("en" or "nl"): `path:line: message`."""
        message = format_message(self.message, fill(self.fields, lang), lang)
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {message}" if where else message

    @property
    def problems(self) -> list[PublishError]:
        """Every problem this error stands for (itself; several for `ContentErrors`)."""
        return [self]

    def __str__(self) -> str:
        return self.text("en")


class ContentError(PublishError):
    """Newsletter content that cannot be loaded or does not validate."""


class ContentErrors(ContentError):
    """Several content problems, found in one pass so they can be fixed at once.

    Its `path`, `line` and `message` are those of the first problem; `problems` lists them all
    and `text()` gives one line each.
    """

    def __init__(self, problems: list[ContentError]) -> None:
        if not problems:
            raise ValueError("ContentErrors needs at least one problem")
        self._problems = list(problems)
        first = problems[0]
        super().__init__(first.message, first.path, first.line, **first.fields)

    def text(self, lang: str = "en") -> str:
        """One line per problem, in `lang`."""
        return "\n".join(problem.text(lang) for problem in self._problems)

    @property
    def problems(self) -> list[PublishError]:
        """Every problem, in the order found (files in order, lines in order)."""
        return list(self._problems)


class TemplateError(PublishError):
    """A template that cannot be loaded or rendered."""
