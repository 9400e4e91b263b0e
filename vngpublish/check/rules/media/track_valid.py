"""track-valid."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import TRACK_KINDS, file_exists, file_name, sources, track_kind
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class TrackValid(Rule):
    """Applies to `<track>` elements of `video` and `audio` elements (not in a `template`).

    Fails when the track cannot work as written: it has no `src`; its `kind` is not one of
    subtitles, captions, descriptions, chapters or metadata (browsers then take it for
    metadata and never show it); it is subtitles (also when `kind` is missing) without
    `srclang`, which HTML requires; its `srclang` is not a valid language tag; or its `src`
    names a local file that does not exist while the media file itself does (when the media
    file is missing too, the media are evidently kept elsewhere and nothing is concluded).
    Caption and subtitle files of videos are checked by video-caption instead.
    """

    id = "track-valid"
    title = N_("Text tracks of audio and video are valid")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("media",)
    why = N_(
        "A track that browsers cannot use, because of a misspelt kind, a missing language or "
        "a missing file, shows nothing: the captions or descriptions the author made never "
        "reach anyone."
    )
    fix = N_(
        "Give every track a src that exists, a kind (captions, subtitles, descriptions, "
        'chapters, metadata) and a srclang such as "nl".'
    )
    messages = {
        "no-src": N_("The track has no src: it loads nothing. Point src at its WebVTT file."),
        "unknown-kind": N_(
            'The track\'s kind "{kind}" is not a kind of track: browsers treat it as metadata '
            "and never show it. Use captions, subtitles, descriptions or chapters."
        ),
        "no-srclang": N_(
            "The subtitles track has no srclang: add the language of its text, such as "
            'srclang="nl".'
        ),
        "invalid-srclang": N_(
            'The track\'s srclang "{srclang}" is not a valid language tag: use one such as '
            '"nl" or "en".'
        ),
        "missing-file": N_(
            "The track's file {track} does not exist: add the file or correct its src."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("track")
            if (parent := el.getparent()) is not None
            and parent.tag in ("video", "audio")
            and not in_template(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            kind = (el.get("kind") or "").strip().lower()
            srclang = el.get("srclang")
            src = (el.get("src") or "").strip()
            if el.get("kind") is not None and kind not in TRACK_KINDS:
                yield self.fail(el, "unknown-kind", kind=el.get("kind", ""))
            elif track_kind(el) == "subtitles" and not (srclang or "").strip():
                yield self.fail(el, "no-srclang")
            elif srclang is not None and srclang.strip() and not bcp47.is_valid(srclang.strip()):
                yield self.fail(el, "invalid-srclang", srclang=srclang)
            elif not src:
                yield self.fail(el, "no-src")
            elif self._missing(page, el, src):
                yield self.fail(el, "missing-file", track=file_name(src))

    def _missing(self, page: Page, el: Element, src: str) -> bool:
        parent = el.getparent()
        assert parent is not None
        if parent.tag == "video" and track_kind(el) in ("captions", "subtitles"):
            return False  # video-caption reports it
        media = sources(parent)
        return (
            bool(media) and file_exists(page, media[0]) is True and file_exists(page, src) is False
        )
