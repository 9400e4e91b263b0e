"""no-autoplay-audio."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import has_script, media_label, sound
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

MAX_SECONDS = 3.0  # WCAG 1.4.2: sound that plays automatically for longer needs a control


class NoAutoplayAudio(Rule):
    """Applies to `audio` and `video` elements (not in a `template`) with `autoplay` and
    without `muted`, except a video whose local MP4 file has no sound track.

    Passes when it plays for at most 3 seconds (from a media fragment such as `#t=8,10`, or
    from the header of a local MP4 or MP3 file), or when it has `controls` and is rendered, so
    the browser's own buttons can pause it. Fails when its sound is known (an `audio`
    element, or a local file with a sound track) to last longer than 3 seconds and the page
    has no script that could offer another control. Needs review otherwise: whether it has
    sound, how long it lasts, or whether a control made with script is there, can be seen
    only by playing the page.
    """

    id = "no-autoplay-audio"
    title = N_("Sound does not play automatically without a way to stop it")
    level = "A"
    wcag = ("1.4.2",)
    act = ("80f0bf", "aaa1bf", "4c31df")
    axe = ("no-autoplay-audio",)
    tags = ("media", "timing")
    why = N_(
        "Sound that starts by itself drowns out the screen reader of a blind visitor, who then "
        "cannot find the way to stop it."
    )
    fix = N_(
        "Do not start sound automatically: remove autoplay, or add muted, or give the element "
        "controls so it can be paused."
    )
    messages = {
        "no-control": N_(
            "{media} plays sound automatically for {seconds} seconds and nothing on the page "
            "can pause or stop it: remove autoplay, add muted, or add controls."
        ),
        "check-sound": N_(
            "{media} starts playing by itself: check whether it plays sound for more than 3 "
            "seconds; if so, remove autoplay, add muted, or add controls."
        ),
        "check-control": N_(
            "{media} plays sound automatically and has no controls: check that a button near "
            "the start of the page pauses or stops its sound, or turns it down."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("audio", "video")
            if el.get("autoplay") is not None
            and el.get("muted") is None
            and not in_template(page, el)
            and sound(page, el).present is not False
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            heard = sound(page, el)
            if heard.seconds is not None and heard.seconds <= MAX_SECONDS:
                continue
            if el.get("controls") is not None and is_rendered(page, el):
                continue
            media = media_label(el)
            if heard.present is None or heard.seconds is None:
                yield self.cant_tell(el, "check-sound", media=media)
            elif has_script(page):
                yield self.cant_tell(el, "check-control", media=media)
            else:
                yield self.fail(el, "no-control", media=media, seconds=round(heard.seconds))
