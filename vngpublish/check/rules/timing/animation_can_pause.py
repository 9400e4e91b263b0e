"""animation-can-pause."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.animation import infinite_animations, reduces_motion
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AnimationCanPause(Rule):
    """Applies to rendered elements (not in a `template`) that the page's own CSS (`<style>`
    and `style` attributes) gives an animation that repeats forever
    (`animation-iteration-count: infinite`, or `infinite` in `animation`).

    Always needs review: whether the animation moves, blinks or scrolls content next to other
    content, and whether there is a way to pause, stop or hide it, can only be seen on the
    page. The CSS is read without the full cascade (a later rule that stops the animation is
    not seen), so an animation that does not run is asked about too.
    """

    id = "animation-can-pause"
    title = N_("Animations that run forever can be paused")
    level = "A"
    wcag = ("2.2.2",)
    act = ("efbfc7",)
    tags = ("timing",)
    why = N_(
        "Movement that never stops pulls the eye away from the text: people with attention "
        "disorders cannot read on, and some people get dizzy or sick from it."
    )
    fix = N_(
        "Let the animation stop after at most 5 seconds, or add a button that pauses it, and "
        "stop it for people who ask for reduced motion."
    )
    messages = {
        "check-animation": N_(
            "This element is animated forever by CSS: check that it stops within 5 seconds "
            "or that a button pauses, stops or hides it (a loading indicator is exempt)."
        ),
        "check-animation-reduced": N_(
            "This element is animated forever by CSS, and the page has rules for people who "
            "ask for reduced motion: check that a button also pauses, stops or hides it, "
            "or that it stops within 5 seconds (a loading indicator is exempt)."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in infinite_animations(page)
            if is_rendered(page, el) and not in_template(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        message = "check-animation-reduced" if reduces_motion(page) else "check-animation"
        for el in targets:
            yield self.cant_tell(el, message)
