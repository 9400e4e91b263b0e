"""Errors in newsletter content and templates, with the file and line they come from."""

from __future__ import annotations


class PublishError(Exception):
    """A problem a user can fix: bad content, a broken template, an unwritable folder.

    `str(error)` is one line, ready to print: ``items/04.md line 3: `url` must be ...``.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f" line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class ContentError(PublishError):
    """Newsletter content that cannot be loaded or does not validate."""


class TemplateError(PublishError):
    """A template that cannot be loaded or rendered."""
