"""The rule base class: a rule's metadata and the results it gives.

A rule is one module under `vngpublish/check/rules/<topic>/` defining one subclass of `Rule`
(`vngpublish.check.registry` finds them; there is no central list to edit). The class
docstring is the rule's documentation (shown by `--list-rules` and in the report).

A rule follows the ACT Rules Format: `check()` picks its applicable elements from the page's
indexes and yields a `Result` only for elements that fail or that need a person to look
(`cantTell`). Passing and inapplicable elements yield nothing.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from vngpublish.check.finding import Outcome, Severity

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

Level = Literal["A", "AA", "AAA", "best-practice"]


@dataclass(frozen=True, slots=True)
class Result:
    """What a rule says about one element.

    `message` is an English source string (marked for translation with `N_`) whose
    `{placeholders}` are filled from `args`.
    """

    element: Element
    outcome: Outcome
    message: str
    args: dict[str, Any] = field(default_factory=dict)


class Rule:
    """Base class for every check. Subclasses set the metadata and implement `check`."""

    id: ClassVar[str]
    title: ClassVar[str]
    level: ClassVar[Level]
    severity: ClassVar[Severity] = Severity.ERROR
    wcag: ClassVar[tuple[str, ...]] = ()
    act: ClassVar[tuple[str, ...]] = ()
    tags: ClassVar[tuple[str, ...]] = ()
    why: ClassVar[str] = ""
    """Why it matters, in one or two sentences for people reviewing a report (marked with N_)."""
    fix: ClassVar[str] = ""
    """How to fix a failure, in one or two sentences (marked with N_)."""

    def check(self, page: Page) -> Iterator[Result]:
        """Yield a result for every applicable element that fails or needs review."""
        raise NotImplementedError

    # Helpers so rules read like their definitions.
    def fail(self, element: Element, message: str, **args: Any) -> Result:
        """A definite violation on `element`."""
        return Result(element, Outcome.FAILED, message, args)

    def cant_tell(self, element: Element, message: str, **args: Any) -> Result:
        """`element` needs a person to decide; `message` says what to look at."""
        return Result(element, Outcome.CANT_TELL, message, args)

    @classmethod
    def description(cls) -> str:
        """The rule's documentation: its class docstring, dedented."""
        return inspect.cleandoc(cls.__doc__ or "")


class RuleDefinitionError(Exception):
    """A rule is defined wrongly (two rules share an id, metadata is missing or unknown): a
    mistake in the checker's code, reported when the rules are loaded."""
