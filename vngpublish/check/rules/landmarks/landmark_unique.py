"""landmark-unique."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.landmarks import landmark_role, landmarks
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.finding import Severity
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# A second banner, contentinfo or main is its own finding (landmark-no-duplicate-...).
_ONE_PER_PAGE = frozenset({"banner", "contentinfo", "main"})


class LandmarkUnique(Rule):
    """Applies to every landmark in the accessibility tree whose role another landmark of the
    page shares (two `nav` elements, two named `section`s, two `aside`s ...).

    Fails for each landmark whose role and accessible name (ignoring case and spaces; no name
    counts as the same empty name) are the same as those of an earlier landmark: in the list
    of landmarks a screen reader shows, the two cannot be told apart. Passes when each has its
    own name (`aria-label="Hoofdmenu"`, `aria-label="Kruimelpad"`). A second banner,
    contentinfo or main landmark is left to the landmark-no-duplicate rules.
    """

    id = "landmark-unique"
    title = N_("Landmarks of the same kind have different names")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("landmark-unique",)
    tags = ("landmarks", "names", "not-email")
    why = N_(
        "Screen readers list landmarks by role and name; two navigation landmarks without "
        "names both read “navigation”, and users cannot tell which is the main menu."
    )
    fix = N_(
        'Give each landmark of the same kind its own name, with aria-label ("Hoofdmenu", '
        '"Kruimelpad") or aria-labelledby pointing at its heading.'
    )
    messages = {
        "same-name": N_(
            "This {role} landmark has the same name (“{name}”) as the one on line {first}: "
            "give each its own name with aria-label or aria-labelledby."
        ),
        "both-unnamed": N_(
            "This {role} landmark and the one on line {first} have no name, so screen readers "
            "cannot tell them apart: give each its own name with aria-label or aria-labelledby."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        by_role: dict[str, list[Element]] = {}
        for el in landmarks(page):
            kind = landmark_role(page, el) or ""
            if kind not in _ONE_PER_PAGE:
                by_role.setdefault(kind, []).append(el)
        return [el for group in by_role.values() if len(group) > 1 for el in group]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        seen: dict[tuple[str, str], Element] = {}
        for el in [t for t in landmarks(page) if t in set(targets)]:
            role_name = landmark_role(page, el) or ""
            name = " ".join(accessible_name(page, el).casefold().split())
            first = seen.get((role_name, name))
            if first is None:
                seen[(role_name, name)] = el
                continue
            if name:
                yield self.fail(
                    el,
                    "same-name",
                    role=role_name,
                    name=accessible_name(page, el).strip(),
                    first=line(first),
                )
            else:
                yield self.fail(el, "both-unnamed", role=role_name, first=line(first))
