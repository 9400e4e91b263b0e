"""Audio and video elements: their sources, their text tracks, the local files they name, and
what those files say about sound and duration.

A media URL is local when it is relative (to the page's folder) or root-relative (to
`page.site_root`, the `--root` folder); a URL with a scheme or a host, and any URL on a page
with a `<base href>`, cannot be looked up and is unknown. Only local files that exist are
read, and only their headers (`mp4`, `mp3`). Whether a file has sound is known only from
such a header; without one, every answer here is "unknown" (None), never a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote

from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.facts.mp3 import mp3_seconds
from vngpublish.check.facts.mp4 import mp4_info

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

TRACK_KINDS = frozenset({"subtitles", "captions", "descriptions", "chapters", "metadata"})
"""The keywords of `<track kind>` (HTML): a missing kind is subtitles, an unknown one
metadata, which browsers never show."""

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Media fragment time (Media Fragments URI 1.0, npt): t=start,end with seconds or h:m:s.
_FRAGMENT_T = re.compile(r"(?:^|&)t=(?:npt:)?([0-9:.]*)(?:,([0-9:.]+))?(?:&|$)")


def track_kind(track: Element) -> str:
    """The state of a `<track>`'s `kind`: its keyword, subtitles when missing, metadata when
    not one of the keywords (HTML's missing and invalid value defaults)."""
    value = track.get("kind")
    if value is None:
        return "subtitles"
    value = value.strip().lower()
    return value if value in TRACK_KINDS else "metadata"


def sources(el: Element) -> list[str]:
    """The URLs an `audio` or `video` element may play, in the order a browser tries them:
    its `src`, or else the `src` of its `<source>` children."""
    src = el.get("src")
    if src is not None:
        return [src.strip()] if src.strip() else []
    return [s.strip() for child in el if child.tag == "source" and (s := child.get("src") or "")]


def tracks(el: Element) -> list[Element]:
    """The `<track>` children of a media element."""
    return [child for child in el if child.tag == "track"]


def file_name(url: str) -> str:
    """The last part of a URL's path, for messages ("film.mp4"); the URL when it has none."""
    path = unquote(url.split("#", 1)[0].split("?", 1)[0]).rstrip("/")
    return path.rsplit("/", 1)[-1] or url


def media_label(el: Element) -> str:
    """What messages call a media element: the file name of its first source, else its tag."""
    found = sources(el)
    return file_name(found[0]) if found else f"<{el.tag}>"


@page_fact
def _page_folder(page: Page) -> Path | None:
    """The folder relative URLs resolve against; None when the page is not a file or has a
    `<base href>` (then where they lead cannot be looked up)."""
    if any(base.get("href") is not None for base in page.by_tag("base")):
        return None
    path = Path(page.path)
    return path.parent if path.is_file() else None


def local_file(page: Page, url: str) -> Path | None:
    """The file a relative or root-relative URL names, whether it exists or not; None when the
    URL is remote or cannot be resolved to the checked folders."""
    url = url.strip()
    if not url or url.startswith("//") or _SCHEME.match(url):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    if path.startswith("/"):
        return None if page.site_root is None else Path(page.site_root) / path.lstrip("/")
    folder = _page_folder(page)
    return None if folder is None else folder / path


def file_exists(page: Page, url: str) -> bool | None:
    """True or False for a local URL's file; None when it cannot be looked up."""
    path = local_file(page, url)
    return None if path is None else _exists(path)


@lru_cache(maxsize=4096)
def _exists(path: Path) -> bool:
    return path.is_file()


class Sound(NamedTuple):
    """What is known of the sound of a media element."""

    present: bool | None  # None: unknown
    seconds: float | None  # how long it plays (after a media fragment), None: unknown


@element_fact
def sound(page: Page, el: Element) -> Sound:
    """Whether the media element has sound and how long it plays, from the header of the first
    of its sources that is a local file that exists, and from a media fragment (`#t=8,10`).
    An `audio` element is taken to have sound unless its file's header says otherwise."""
    found = sources(el)
    played = fragment_seconds(found[0]) if found else None
    present: bool | None = True if el.tag == "audio" else None
    seconds: float | None = None
    for url in found:
        if not file_exists(page, url):
            continue
        path = local_file(page, url)
        assert path is not None
        info = mp4_info(path)
        if info is not None:
            present = info.has_sound
            seconds = info.seconds
        elif path.suffix.lower() == ".mp3":
            seconds = mp3_seconds(path)
        break
    if played is not None:
        seconds = played if seconds is None else min(played, seconds)
    elif seconds is not None and found:
        seconds = max(0.0, seconds - fragment_start(found[0]))
    return Sound(present, seconds)


def fragment_seconds(url: str) -> float | None:
    """How long a media fragment `#t=start,end` plays; None without an end."""
    match = _fragment(url)
    if match is None or not match.group(2):
        return None
    end = _clock(match.group(2))
    if end is None:
        return None
    return max(0.0, end - (_clock(match.group(1)) or 0.0))


def fragment_start(url: str) -> float:
    """Where a media fragment `#t=start` starts playing, in seconds (0 without one)."""
    match = _fragment(url)
    return (_clock(match.group(1)) or 0.0) if match is not None else 0.0


def _fragment(url: str) -> re.Match[str] | None:
    if "#" not in url:
        return None
    return _FRAGMENT_T.search(url.split("#", 1)[1])


def _clock(text: str) -> float | None:
    """Seconds from "12.5", "1:02" or "0:01:02"; None when empty or not a time."""
    if not text:
        return None
    try:
        seconds = 0.0
        for part in text.split(":"):
            seconds = seconds * 60 + float(part)
    except ValueError:
        return None
    return seconds


@page_fact
def has_script(page: Page) -> bool:
    """True when the page can run script (a `<script>` of JavaScript, or an event handler
    attribute on the body or the elements rules ask about): then a control the markup does
    not show may still be provided."""
    for script in page.by_tag("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind in ("", "module") or "javascript" in kind or "ecmascript" in kind:
            return True
    body = page.body
    return body is not None and any(name.startswith("on") for name in body.attrib)
