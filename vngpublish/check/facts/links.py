"""The page's links and where they go.

A link here is what assistive technology sees: an element whose role is `link` (or a DPUB role
that inherits from it, such as `doc-noteref`) and that is in the accessibility tree.
"""

from __future__ import annotations

import contextlib
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.roles import role, with_tag_or_role
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

LINK_ROLES = frozenset({"link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"})
_DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21"}
# Pages are given a made-up origin so relative and root-relative URLs resolve the same way
# for every link of a page; only equality of resolved URLs matters.
_SITE = "http://site.invalid/"
_PAGE = "http://page.invalid/"

# A URL with its own host: "//" and a host, after a scheme or not (RFC 3986).
_WITH_HOST = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]")

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@page_fact
def links(page: Page) -> list[Element]:
    """The page's links in the accessibility tree, in document order."""
    return [
        el
        for el in with_tag_or_role(page, ("a", "area"), LINK_ROLES)
        if role(page, el) in LINK_ROLES and not is_hidden(page, el)
    ]


def _page_url(page: Page) -> str:
    if page.site_root is not None:
        try:
            relative = Path(page.path).resolve().relative_to(Path(page.site_root).resolve())
        except (ValueError, OSError):
            pass
        else:
            return _SITE + quote(relative.as_posix())
    return _PAGE + quote(Path(page.path).name)


@page_fact
def base_url(page: Page) -> str:
    """The URL relative links of the page resolve against (honours `<base href>`)."""
    found = _page_url(page)
    for base in page.by_tag("base"):
        href = base.get("href")
        if href is not None:
            # A base URL that does not parse ("http://[") is not used, as in browsers.
            with contextlib.suppress(ValueError):
                found = urljoin(found, href.strip())
            break
    return found


def href_of(el: Element) -> str | None:
    """The element's `href` (or SVG `xlink:href`), stripped; None when it has none."""
    href = el.get("href")
    if href is None:
        href = el.get("xlink:href")
    return None if href is None else href.strip()


def normalise_url(url: str) -> str:
    """A canonical form of an absolute URL for "is this the same resource" comparisons.

    Lower-cases scheme and host, drops default ports and the fragment, and treats `dir`,
    `dir/` and `dir/index.html` as the same resource.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https", "ftp", "file"):
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # not a number: keep the address as written
        port = None
    netloc = host if port is None or str(port) == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = parts.path or "/"
    for index in ("/index.html", "/index.htm"):
        if path.endswith(index):
            path = path[: -len(index) + 1]
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def link_target(page: Page, el: Element) -> str | None:
    """The normalised resource the link leads to, or None when it cannot be known statically."""
    href = href_of(el)
    if href is None or href.lower().startswith("javascript:"):
        return None
    return _resolved(*_resolution_key(page, href))


@page_fact
def _resolution_bases(page: Page) -> tuple[str, str, str, str]:
    """The page's base URL, and the parts of it that `_resolution_key` takes for each kind of
    href: the scheme only, the origin, and the folder."""
    base = base_url(page)
    if base.startswith(_PAGE) and "/" not in base[len(_PAGE) :]:
        # The usual page URL, a file name under the made-up origin: all of these are the origin.
        return (base, _PAGE, _PAGE, _PAGE)
    parts = urlsplit(base)
    folder = parts.path[: parts.path.rfind("/") + 1] or "/"
    return (
        base,
        parts.scheme + "://page.invalid/",
        urlunsplit((parts.scheme, parts.netloc, "/", "", "")),
        urlunsplit((parts.scheme, parts.netloc, folder, "", "")),
    )


def _resolution_key(page: Page, href: str) -> tuple[str, str]:
    """A base and an href that resolve to the same resource as `href` against the page's base
    URL, with as little of the page's URL as that allows.

    The cache of resolved URLs is shared by all pages, so the less of the page's URL a key
    holds, the more pages share it: an absolute URL takes at most the scheme from the base,
    a root-relative one the origin, a relative path the folder, and a fragment leads to the
    page itself, whichever fragment it names.
    """
    bases = _resolution_bases(page)
    base, scheme_only, origin, folder = bases
    if not scheme_only.startswith(("http:", "https:")):
        return base, href  # a base of another kind: leave every case to urljoin
    if _WITH_HOST.match(href):
        return scheme_only, href
    if not href or href.startswith("#"):
        return base, ""
    if href.startswith(("?", "//")) or _SCHEME.match(href):
        return base, href
    return (origin if href.startswith("/") else folder), href


# Resolving is the costly part, and the pages of a site repeat their hrefs (navigation,
# footer): each distinct (base, href) is resolved once per process.
@lru_cache(maxsize=8192)
def _resolved(base: str, href: str) -> str | None:
    simple = _SIMPLE_ABSOLUTE.fullmatch(_simply_joined(base, href))
    if simple is not None and base.startswith(("http:", "https:")):
        scheme, host, path, query = simple.group(1, 2, 3, 4)
        if path is None or ("/." not in path and "//" not in path):
            # Most links: what urljoin and normalise_url would give, without either.
            return _simple_normalised(scheme, host, path, query)
    try:
        return normalise_url(urljoin(base, href))
    except ValueError:
        return None


def _simply_joined(base: str, href: str) -> str:
    """`href` appended to the origin or the folder of `base` as written: what urljoin gives
    for a path without dot segments or empty segments, if `base` is a plain URL (the caller
    checks both). An href with a scheme, host, query or fragment only is returned as it is."""
    if not href or href.startswith(("#", "?", "//")) or _SCHEME.match(href):
        return href
    plain = _SIMPLE_ABSOLUTE.fullmatch(base)
    if plain is None:
        return href  # not an http(s) URL then, and `base` is: urljoin decides
    scheme, host, path = plain.group(1, 2, 3)
    if href.startswith("/"):
        return f"{scheme}://{host}{href}"
    folder = (path or "/")[: (path or "/").rfind("/") + 1]
    return f"{scheme}://{host}{folder}{href}"


# An http(s) URL with a lower-case host name and nothing that urljoin or normalise_url would
# rewrite: no port, user, parameters (";"), backslashes, white space or control characters.
_SIMPLE_ABSOLUTE = re.compile(
    r"(https?)://([a-z0-9-]+(?:\.[a-z0-9-]+)*)(/[^?#;\\\s\x00-\x1f\x7f]*)?"
    r"(\?[^#\s\x00-\x1f\x7f]*)?(?:#[^\s\x00-\x1f\x7f]*)?"
)


def _simple_normalised(scheme: str, host: str, path: str | None, query: str | None) -> str:
    path = path or "/"
    for index in ("/index.html", "/index.htm"):
        if path.endswith(index):
            path = path[: -len(index) + 1]
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return (
        f"{scheme}://{host}{path}?{query[1:]}"
        if query and len(query) > 1
        else f"{scheme}://{host}{path}"
    )
