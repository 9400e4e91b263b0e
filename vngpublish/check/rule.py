"""The rule base class: a rule's metadata, its applicability, its expectations, its messages.

A rule is one module under `vngpublish/check/rules/<topic>/` defining one subclass of `Rule`
(`vngpublish.check.registry` finds them; there is no central list to edit). Its anatomy
follows the ACT Rules Format:

- **metadata**: `id`, `title`, `level`, `severity`, the WCAG success criteria, the ACT rules and
  the axe-core rules it means the same as, `tags` from `vngpublish.check.tags`;
- **documentation**: the class docstring says what the rule checks (its applicability and its
  expectations, in prose); `why` says why it matters and `fix` how to fix a failure, each
  once. `python -m vngpublish.check --explain ID` puts them together with the examples from
  `checks/cases/<id>.yml`;
- **applicability**: `applicable(page)` gives the test targets, the elements the rule is
  about. A page without any is *inapplicable*, which is not the same as passed;
- **expectations**: `expect(page, targets)` yields a `Result` for each target that fails or
  needs a person to look (`cantTell`); targets it does not report passed;
- **messages**: `messages` names each message a result can carry (`"no-alt"`), so cases, SARIF
  and the catalogue of translations refer to it by name, not by its English text;
- **site judgement** (rare): a rule with `judges_site = True` also defines `summarize(page)`,
  a small picklable value per page, and `judge(summaries)`, the results for every page from
  all the pages' summaries (see `vngpublish.check.sitewide`). Checking two or more pages,
  the runner uses these instead of `applicable` and `expect`; a page checked alone is
  decided by `applicable` and `expect`, as for any rule.

Everything is checked when the class is defined: a rule with a missing title, an unknown tag
or no messages cannot be loaded.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args

from vngpublish.check.finding import Outcome, Severity
from vngpublish.check.tags import TAGS

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page
    from vngpublish.check.sitewide import SiteResult

Level = Literal["A", "AA", "AAA", "best-practice"]
LEVELS: tuple[str, ...] = get_args(Level)

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SC = re.compile(r"[1-4]\.[0-9]{1,2}\.[0-9]{1,2}")
_ACT = re.compile(r"[0-9a-z]{6}")


@dataclass(frozen=True, slots=True)
class Result:
    """What a rule says about one target: its outcome, and which of the rule's messages
    explains it (`message_id`, a key of `Rule.messages`), with the values of its
    `{placeholders}` in `args`."""

    element: Element
    outcome: Outcome
    message_id: str
    args: dict[str, Any] = field(default_factory=dict)


class Rule:
    """Base class for every check. Subclasses set the metadata and implement `applicable` and
    `expect`."""

    id: ClassVar[str]
    title: ClassVar[str]
    """A short title, marked with N_ ("Images have a text alternative")."""
    level: ClassVar[Level]
    severity: ClassVar[Severity] = Severity.ERROR
    wcag: ClassVar[tuple[str, ...]] = ()
    """The WCAG 2.2 success criteria a failure fails ("1.1.1")."""
    act: ClassVar[tuple[str, ...]] = ()
    """The W3C ACT rules this rule implements."""
    axe: ClassVar[tuple[str, ...]] = ()
    """The axe-core rules with the same meaning, so people's knowledge carries over."""
    tags: ClassVar[tuple[str, ...]] = ()
    """Tags from `vngpublish.check.tags.TAGS`."""
    why: ClassVar[str]
    """Why it matters, in one or two sentences for people reviewing a report (marked with N_)."""
    fix: ClassVar[str]
    """How to fix a failure, in one or two sentences (marked with N_)."""
    messages: ClassVar[Mapping[str, str]]
    """Every message a result can carry, by name: English text with `{placeholders}`, marked
    with N_ (translations are looked up by it)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "id" in cls.__dict__:
            _check_definition(cls)

    judges_site: ClassVar[bool] = False
    """True for a rule that compares pages: it defines `summarize` and `judge` too."""

    def applicable(self, page: Page) -> Sequence[Element]:
        """The test targets on `page`, in document order; none when the rule does not apply."""
        raise NotImplementedError

    def summarize(self, page: Page) -> Any:
        """What the rule keeps of `page` to judge it together with the site's other pages: a
        small picklable value (only for a rule that `judges_site`)."""
        raise NotImplementedError

    def judge(self, summaries: Mapping[str, Any]) -> Mapping[str, Sequence[SiteResult]]:
        """The results for each page (by path) that fail or need review, from the summaries
        of every checked page (by path); pages without any are left out."""
        raise NotImplementedError

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        """A result for each of `targets` that fails or needs review; the others pass."""
        raise NotImplementedError

    # Helpers so rules read like their definitions.
    def fail(self, element: Element, message_id: str, **args: Any) -> Result:
        """A definite violation on `element`, explained by the message `message_id`."""
        return Result(element, Outcome.FAILED, self._known(message_id), args)

    def cant_tell(self, element: Element, message_id: str, **args: Any) -> Result:
        """`element` needs a person to decide; the message `message_id` says what to look at."""
        return Result(element, Outcome.CANT_TELL, self._known(message_id), args)

    def _known(self, message_id: str) -> str:
        if message_id not in self.messages:
            raise RuleDefinitionError(f"{self.id} has no message {message_id!r}")
        return message_id

    @classmethod
    def description(cls) -> str:
        """What the rule checks: its class docstring, dedented."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def all_tags(cls) -> tuple[str, ...]:
        """Its tags, with "best-practice" for a best-practice rule."""
        extra = ("best-practice",) if cls.level == "best-practice" else ()
        return tuple(dict.fromkeys((*cls.tags, *extra)))


class RuleDefinitionError(Exception):
    """A rule is defined wrongly (two rules share an id, metadata is missing or unknown): a
    mistake in the checker's code, reported when the rules are loaded."""


def _check_definition(rule: type[Rule]) -> None:
    """Raise `RuleDefinitionError` naming what is wrong with `rule`'s definition."""
    problems = []
    if not isinstance(rule.id, str) or not _ID.fullmatch(rule.id):
        problems.append("id must be lower-case words joined by hyphens")
    for name in ("title", "why", "fix"):
        if not isinstance(getattr(rule, name, None), str) or not getattr(rule, name).strip():
            problems.append(f"{name} must be a non-empty string")
    if getattr(rule, "level", None) not in LEVELS:
        problems.append(f"level must be one of {', '.join(LEVELS)}")
    unknown = [tag for tag in rule.tags if tag not in TAGS]
    if unknown:
        problems.append(f"unknown tags {unknown} (see vngpublish/check/tags.py)")
    problems += [
        f"not a WCAG success criterion: {sc!r}" for sc in rule.wcag if not _SC.fullmatch(sc)
    ]
    problems += [f"not an ACT rule id: {act!r}" for act in rule.act if not _ACT.fullmatch(act)]
    messages = getattr(rule, "messages", None)
    if not isinstance(messages, Mapping) or not messages:
        problems.append("messages must name at least one message")
    elif not all(_ID.fullmatch(key) and isinstance(text, str) for key, text in messages.items()):
        problems.append("message names must be lower-case words joined by hyphens")
    if not rule.description():
        problems.append("the class needs a docstring saying what the rule checks")
    if problems:
        raise RuleDefinitionError(f"rule {rule.__module__}.{rule.__name__}: " + "; ".join(problems))
