"""video-description."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import file_name, media_label, sound, track_kind, tracks
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class VideoDescription(Rule):
    """Applies to rendered `video` elements (not in a `template`).

    Always needs review: whether what the video shows is also available to people who cannot
    see it can only be judged by watching it. The question asked depends on what the markup
    shows: a video whose local MP4 file has no sound needs a text alternative or an audio
    track that tells what it shows; a video with a `<track kind="descriptions">` needs
    descriptions that cover what is shown; any other video needs an audio description (in
    its own sound or a described version), or a text alternative next to it, or, when it
    only repeats text on the page, a note saying so.
    """

    id = "video-description"
    title = N_("What a video shows is also available to people who cannot see it")
    level = "A"
    wcag = ("1.2.1", "1.2.3", "1.2.5")
    act = (
        "c5a4ea",
        "1ea59c",
        "1ec09b",
        "c3232f",
        "d7ba54",
        "ee13b5",
        "fd26cf",
        "ab4d13",
        "f196ce",
        "ac7dc6",
    )
    tags = ("media",)
    why = N_(
        "Blind and partially sighted people hear a video but do not see it: what is only "
        "shown, such as text on screen, a map or who is speaking, passes them by."
    )
    fix = N_(
        "Describe what is shown: in the spoken text itself, in an audio-described version, or "
        "in a text version next to the video (a transcript with what is shown)."
    )
    messages = {
        "check-silent": N_(
            "{media} has no sound: check that what it shows is told next to it, in text or in "
            "an audio track, or that it only repeats text on the page and says so."
        ),
        "check-descriptions": N_(
            "Check that the descriptions of {media} ({track}) tell everything it shows that "
            "its sound does not."
        ),
        "check-description": N_(
            "Check that what {media} shows and its sound does not tell (text on screen, who "
            "speaks, what happens) is described: in its sound, in a described version, or in "
            "a text version next to it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el for el in page.by_tag("video") if is_rendered(page, el) and not in_template(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            media = media_label(el)
            described = [
                src
                for t in tracks(el)
                if track_kind(t) == "descriptions" and (src := (t.get("src") or "").strip())
            ]
            if sound(page, el).present is False:
                yield self.cant_tell(el, "check-silent", media=media)
            elif described:
                yield self.cant_tell(
                    el, "check-descriptions", media=media, track=file_name(described[0])
                )
            else:
                yield self.cant_tell(el, "check-description", media=media)
