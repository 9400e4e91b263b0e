"""video-caption."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import (
    file_exists,
    file_name,
    media_label,
    sound,
    sources,
    track_kind,
    tracks,
)
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

CAPTION_KINDS = frozenset({"captions", "subtitles"})


class VideoCaption(Rule):
    """Applies to rendered `video` elements (not in a `template`), except one whose local MP4
    file has no sound track.

    Fails when a caption track (`<track kind="captions">` or `kind="subtitles"`) names a local
    file that does not exist while the video's own file does (if the video is missing too,
    the media are evidently not in the checked folder, and nothing can be concluded). Needs
    review otherwise: whether the captions cover all speech and meaningful sound, or, without
    a caption track, whether the video has speech at all and whether captions are shown in
    the picture or a full text alternative is next to it, only a person watching can tell.
    """

    id = "video-caption"
    title = N_("Videos with sound have captions")
    level = "A"
    wcag = ("1.2.2",)
    act = ("f51b46", "eac66b")
    axe = ("video-caption",)
    tags = ("media",)
    why = N_(
        "Deaf and hard-of-hearing people follow a video through its captions: without them "
        "they miss what is said in a council meeting or an interview."
    )
    fix = N_(
        'Add captions: a WebVTT file in <track kind="captions" srclang="nl" src="...">, or '
        "captions shown in the picture, covering all speech and meaningful sound."
    )
    messages = {
        "missing-file": N_(
            "The captions file {track} of {media} does not exist: the video has no captions. "
            "Add the file or correct the src of the track."
        ),
        "check-captions": N_(
            "Check that the captions of {media} ({track}) cover all speech and meaningful "
            "sound, in sync with the video."
        ),
        "no-track": N_(
            "{media} has no caption track: check whether it has speech or meaningful sound; if "
            "so, check that captions are shown in the picture, or add a captions track."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("video")
            if is_rendered(page, el)
            and not in_template(page, el)
            and sound(page, el).present is not False
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            media = media_label(el)
            captions = [t for t in tracks(el) if track_kind(t) in CAPTION_KINDS]
            urls = [u for t in captions if (u := (t.get("src") or "").strip())]
            if not urls:  # a track without src loads nothing (track-valid reports it)
                yield self.cant_tell(el, "no-track", media=media)
                continue
            videos = sources(el)
            video_here = bool(videos) and file_exists(page, videos[0]) is True
            present = [u for u in urls if file_exists(page, u) is not False]
            if video_here and not present:
                yield self.fail(el, "missing-file", media=media, track=file_name(urls[0]))
            else:
                shown = present[0] if present else urls[0]
                yield self.cant_tell(el, "check-captions", media=media, track=file_name(shown))
