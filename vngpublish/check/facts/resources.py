"""What a URL in a page (an iframe's `src`, an object's `data`, an image's `src`) points to: a
file next to the page, a remote resource, or something that cannot be known statically.

Relative URLs resolve against the page's folder (or its `<base href>`), root-relative ones
against the site root given with `--root`; without a site root, a root-relative URL cannot be
placed. Remote resources (`http:`, `https:`, `//host`) are never fetched.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urljoin

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.links import normalise_url

if TYPE_CHECKING:
    from vngpublish.check.page import Page

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")

Kind = Literal["local", "remote", "blank", "unknown"]


@dataclass(frozen=True, slots=True)
class Resource:
    """Where a URL leads.

    `kind` is "local" (a file under the page's folder or the site root: `file` says which,
    whether or not it exists), "remote" (another server), "blank" (`about:blank`, or an
    empty URL: an empty document) or "unknown" (a `data:` or `javascript:` URL, a
    root-relative URL without a site root). `key` compares resources: two URLs with the same
    key are the same resource.
    """

    kind: Kind
    key: str
    file: Path | None = None

    @property
    def exists(self) -> bool:
        """True for a local resource whose file exists."""
        return self.file is not None and self.file.is_file()


def resolve(page: Page, url: str) -> Resource:
    """Where `url`, as written in `page`, leads."""
    url = url.strip()
    base = _base(page)
    if base is not None and not _SCHEME.match(url) and not url.startswith("//"):
        url = urljoin(base, url)
    if not url:
        return Resource("blank", "about:blank")
    scheme = _SCHEME.match(url)
    if scheme is not None:
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            return Resource("remote", _normalised(url))
        if url.lower().startswith("about:blank"):
            return Resource("blank", "about:blank")
        return Resource("unknown", url)
    if url.startswith("//"):
        return Resource("remote", _normalised("https:" + url))
    path = unquote(re.split(r"[?#]", url, maxsplit=1)[0])
    if not path:
        # A fragment or query only: the page itself.
        return Resource("local", str(Path(page.path).resolve()), Path(page.path))
    if path.startswith("/"):
        if page.site_root is None:
            return Resource("unknown", url)
        file = Path(page.site_root) / path.lstrip("/")
    else:
        file = Path(page.path).parent / path
    file = Path(os.path.normpath(file))
    if file.is_dir():
        file = file / "index.html"
    return Resource("local", str(file.resolve()), file)


def _normalised(url: str) -> str:
    try:
        return normalise_url(url)
    except ValueError:
        return url


@page_fact
def _base(page: Page) -> str | None:
    """The page's `<base href>` when it names another server; None otherwise (relative bases
    are rare, and a base on the same site changes nothing that is compared here)."""
    for base in page.by_tag("base"):
        href = (base.get("href") or "").strip()
        if href:
            match = _SCHEME.match(href)
            if (match and match.group(1).lower() in ("http", "https")) or href.startswith("//"):
                return href
            return None
    return None


_IMAGE = {"apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp"}
_AUDIO = {"aac", "flac", "m4a", "mp3", "oga", "ogg", "opus", "wav", "weba"}
_VIDEO = {"avi", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "ogv", "webm"}


def media_kind(url: str, declared_type: str | None) -> str | None:
    """ "image", "audio" or "video" for a resource of that kind, by its declared MIME type
    (an object's `type`), else by the extension of its URL; None for anything else or when it
    cannot be told."""
    if declared_type:
        major = declared_type.strip().lower().split("/", 1)[0]
        return major if major in ("image", "audio", "video") else None
    path = re.split(r"[?#]", url.strip(), maxsplit=1)[0]
    extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if extension in _IMAGE:
        return "image"
    if extension in _AUDIO:
        return "audio"
    if extension in _VIDEO:
        return "video"
    return None
