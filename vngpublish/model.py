"""The newsletter model: an issue, its themes and items, links, images and events.

Every model validates on construction (pydantic v2) and is immutable afterwards. Field names are
the keys authors write in `issue.yml` and in an item's front matter, so a validation error can
name the key the author has to fix. Loading from disk, with file and line in the errors, is
`vngpublish.content.load_issue`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "Event",
    "Footer",
    "Image",
    "Issue",
    "Item",
    "Link",
    "markdown_parser",
    "markdown_problems",
    "slugify",
]

LANGUAGES = ("nl", "en")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LANGUAGE_TAG = re.compile(r"^(nl|en)(-[A-Z]{2})?$")
# Characters a URL cannot hold as they are (RFC 3986): spaces and control characters, and
# `<>"` and the like, which would break the text part or the markup around a link.
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"`\\{}|^]")

# Link texts that say nothing about where a link goes (WCAG 2.4.4 / 2.4.9). Compared after
# lower-casing and stripping punctuation, so "Lees meer »" matches too.
_GENERIC_LINK_TEXTS = frozenset(
    {
        "lees meer",
        "lees verder",
        "meer",
        "meer informatie",
        "meer info",
        "klik hier",
        "hier",
        "link",
        "read more",
        "more",
        "more information",
        "click here",
        "here",
    }
)


def slugify(text: str) -> str:
    """A lower-case ASCII slug of `text`: letters and digits joined by single hyphens.

    "Financiën/informatiesamenleving" becomes "financien-informatiesamenleving".
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def check_url(url: str, *, mailto: bool = True) -> str:
    """Return `url` when it is an absolute http(s) URL (or mailto, when allowed); else raise.

    Anything else — `javascript:`, `data:`, relative paths — could be unsafe or would break in
    an e-mail client, so it is refused rather than cleaned; so is a URL with a character that
    has to be percent-encoded (a space is `%20`).
    """
    bad = _NOT_IN_URL.search(url.strip())
    if bad:
        what = "a space" if bad.group() == " " else repr(bad.group())
        raise ValueError(
            f"must not contain {what}; percent-encode it (a space is %20), got {url!r}"
        )
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return url.strip()
    if mailto and scheme == "mailto" and parts.path:
        return url.strip()
    allowed = "an http(s) or mailto URL" if mailto else "an http(s) URL"
    raise ValueError(f"must be {allowed}, got {url!r}")


def is_generic_link_text(text: str) -> bool:
    """True when `text` alone does not say where a link goes ("Lees meer", "klik hier")."""
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    return " ".join(words) in _GENERIC_LINK_TEXTS


def _check_link_text(text: str) -> str:
    if is_generic_link_text(text):
        raise ValueError(
            f"{text!r} does not say where the link goes; name the target "
            '("Lees meer over ...") or leave the text out'
        )
    return text


class _Markdown(MarkdownIt):
    """CommonMark that keeps every link destination, so unsafe ones can be reported."""

    def validateLink(self, url: str) -> bool:
        return True


def markdown_parser() -> MarkdownIt:
    """The Markdown parser for summaries and intros: CommonMark with raw HTML switched off.

    Link destinations are not filtered by the parser: `markdown_problems` reports unsafe ones
    as errors instead of letting them turn silently into literal text.
    """
    return _Markdown("commonmark", {"html": False})


_MD = markdown_parser()


def _inline_tokens(tokens: list[Token]) -> Iterator[tuple[int, Token]]:
    """Each inline child token with the 0-based line of the block it is in."""
    for block in tokens:
        line = block.map[0] if block.map else 0
        for child in block.children or ():
            yield line, child


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """Problems in a Markdown summary or intro, as (0-based line in `text`, message).

    Refused: headings (the item title is the heading; more would break the outline), images
    (use the item's `image` field, which has the width e-mail needs), links that are not
    http(s) or mailto, and links whose text says nothing about their target.
    """
    problems: list[tuple[int, str]] = []
    tokens = _MD.parse(text)
    for token in tokens:
        if token.type == "heading_open" and token.map:
            problems.append(
                (token.map[0], "headings are not allowed here; the title is the heading")
            )
    link_text: list[str] | None = None
    for line, token in _inline_tokens(tokens):
        if token.type == "image":
            problems.append((line, "images in the text are not supported; use the `image` field"))
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            try:
                check_url(href)
            except ValueError as error:
                problems.append((line, f"link {error}"))
            link_text = []
        elif token.type == "link_close" and link_text is not None:
            words = "".join(link_text)
            if is_generic_link_text(words):
                problems.append(
                    (
                        line,
                        f"link text {words!r} does not say where the link goes; name the target",
                    )
                )
            link_text = None
        elif link_text is not None and token.type in ("text", "code_inline"):
            link_text.append(token.content)
    return sorted(problems, key=lambda problem: problem[0])


def _check_markdown(text: str) -> str:
    problems = markdown_problems(text)
    if problems:
        line, message = problems[0]
        raise ValueError(f"(line {line + 1} of the text) {message}")
    return text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(_Model):
    """A link with its own text, as in the footer: `{url, text}`."""

    url: str
    text: str = Field(min_length=1)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value)

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        return _check_link_text(value)


class Image(_Model):
    """An image of an item. `alt` is required; an empty `alt` marks it as decorative.

    `width` (and `height`, when known) are pixels; e-mail clients need them to lay out the
    message before (or without) loading the image.
    """

    src: str
    alt: str
    width: int = Field(gt=0, le=4000)
    height: int | None = Field(default=None, gt=0, le=4000)

    @field_validator("src")
    @classmethod
    def _src(cls, value: str) -> str:
        return check_url(value, mailto=False)


class Event(_Model):
    """A date of an item: a meeting, a webinar. `end` (inclusive) for events of several days."""

    date: dt.date
    end: dt.date | None = None
    label: str = Field(min_length=1)
    mode: Literal["online", "physical"]
    place: str | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end is not None and self.end < self.date:
            raise ValueError(f"`end` ({self.end}) is before `date` ({self.date})")
        return self


def _check_slug(value: str) -> str:
    if value and not _SLUG.match(value):
        raise ValueError(f"must be lower-case letters and digits joined by hyphens, got {value!r}")
    return value


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Item(_Model):
    """One newsletter item: a title, one or more themes, a Markdown summary and its link.

    `link_text` is the link's own text; without it the link reads "Lees meer over <title>".
    `slug` identifies the item in ids and anchors (the loader uses the file name).
    """

    title: str = Field(min_length=1)
    themes: list[str] = Field(min_length=1)
    summary: str = Field(min_length=1)
    url: str | None = None
    link_text: str | None = Field(default=None, min_length=1)
    image: Image | None = None
    events: list[Event] = Field(default_factory=list)
    slug: str = ""

    @field_validator("themes", mode="before")
    @classmethod
    def _one_theme(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return None if value is None else check_url(value)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        return _check_slug(value)

    @field_validator("link_text")
    @classmethod
    def _link_text(cls, value: str | None) -> str | None:
        return None if value is None else _check_link_text(value)

    @field_validator("summary")
    @classmethod
    def _summary(cls, value: str) -> str:
        return _check_markdown(value)

    @field_validator("themes")
    @classmethod
    def _unique_themes(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists a theme twice")
        return value

    @model_validator(mode="after")
    def _defaults(self) -> Item:
        if self.link_text is not None and self.url is None:
            raise ValueError("`link_text` is set but `url` is missing")
        if not self.slug:
            object.__setattr__(self, "slug", slugify(self.title))
        return self


class Footer(_Model):
    """The footer: a short note ("Dit bericht is verzonden door ...") and links."""

    note: str | None = None
    links: list[Link] = Field(default_factory=list)


class Issue(_Model):
    """One issue of a newsletter: its items grouped under themes, in the given theme order.

    An issue needs a `number` or a `date` (or both). `language` is `nl` (default) or `en`,
    optionally with a region (`nl-BE`). Every theme an item names must be listed in `themes`.
    """

    title: str = Field(min_length=1)
    number: int | None = Field(default=None, gt=0)
    date: dt.date | None = None
    language: str = "nl"
    publisher: str = Field(min_length=1)
    intro: str = ""
    themes: list[str] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    footer: Footer = Field(default_factory=Footer)
    slug: str = ""

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if not _LANGUAGE_TAG.match(value):
            raise ValueError(
                f"must be one of {', '.join(LANGUAGES)} (optionally with a region, "
                f"like nl-BE), got {value!r}"
            )
        return value

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        return _check_slug(value)

    @field_validator("intro")
    @classmethod
    def _intro(cls, value: str) -> str:
        return _check_markdown(value) if value else value

    @field_validator("themes")
    @classmethod
    def _distinct_themes(cls, value: list[str]) -> list[str]:
        seen: dict[str, str] = {}
        for theme in value:
            slug = slugify(theme)
            if not slug:
                raise ValueError(f"theme {theme!r} has no letters or digits")
            if slug in seen:
                raise ValueError(f"themes {seen[slug]!r} and {theme!r} are the same")
            seen[slug] = theme
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Issue:
        if self.number is None and self.date is None:
            raise ValueError("an issue needs a `number` or a `date`")
        known = set(self.themes)
        slugs: set[str] = set()
        for item in self.items:
            for theme in item.themes:
                if theme not in known:
                    raise ValueError(
                        f"item {item.slug!r} has theme {theme!r}, which is not in `themes`"
                    )
            if item.slug in slugs:
                raise ValueError(f"two items have the slug {item.slug!r}")
            slugs.add(item.slug)
        if not self.slug:
            stamp = self.date.isoformat() if self.date else str(self.number)
            object.__setattr__(self, "slug", slugify(f"{self.title} {stamp}"))
        return self

    @property
    def lang(self) -> str:
        """The primary language subtag (`nl` or `en`), for labels and date formatting."""
        return self.language.split("-")[0]

    def items_under(self, theme: str) -> list[Item]:
        """The items listed under `theme`, in item order."""
        return [item for item in self.items if theme in item.themes]
