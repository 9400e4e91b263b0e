"""video-transcript."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import media_label
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class VideoTranscript(Rule):
    """Applies to rendered `video` elements (not in a `template`).

    Always needs review: whether a transcript of everything the video says and shows is on
    the page or linked from it, and whether it is complete, can only be judged by a person
    who watched the video.
    """

    id = "video-transcript"
    title = N_("Videos have a full transcript")
    level = "AAA"
    wcag = ("1.2.8",)
    act = ("1a02b0",)
    tags = ("media",)
    why = N_(
        "A transcript of what is said and shown serves deafblind people, who read it in "
        "braille, and anyone who would rather read than watch."
    )
    fix = N_(
        "Put a transcript next to the video, or link to it: everything that is said, who says "
        "it, and what is shown."
    )
    messages = {
        "check-transcript": N_(
            "Check that a transcript of {media}, with everything said and shown, is on the "
            "page or linked next to it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el for el in page.by_tag("video") if is_rendered(page, el) and not in_template(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            yield self.cant_tell(el, "check-transcript", media=media_label(el))
