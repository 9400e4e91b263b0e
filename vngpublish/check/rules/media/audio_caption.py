"""audio-caption."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import media_label
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AudioCaption(Rule):
    """Applies to `audio` elements (not in a `template`) that can be played: rendered with
    `controls`, or playing by themselves with `autoplay`.

    Always needs review: whether a transcript of the audio (everything said, and meaningful
    sounds) is on the page or linked from it, or whether the audio only repeats text on the
    page and says so, can only be judged by a person who listened to it.
    """

    id = "audio-caption"
    title = N_("Audio has a text alternative")
    level = "A"
    wcag = ("1.2.1",)
    act = ("2eb176", "e7aa44", "afb423")
    axe = ("audio-caption",)
    tags = ("media",)
    why = N_(
        "Deaf and hard-of-hearing people cannot follow a podcast or a recorded speech without "
        "a transcript."
    )
    fix = N_(
        "Put a transcript next to the audio or link to it: everything that is said, who says "
        "it, and meaningful sounds."
    )
    messages = {
        "check-transcript": N_(
            "Check that a transcript of {media} (everything said and every meaningful sound) "
            "is on the page or linked next to it, or that it only repeats text on the page and "
            "says so."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("audio")
            if not in_template(page, el)
            and (
                el.get("autoplay") is not None
                or (el.get("controls") is not None and is_rendered(page, el))
            )
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            yield self.cant_tell(el, "check-transcript", media=media_label(el))
