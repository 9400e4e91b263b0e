"""The newsletter model: an issue, its themes and items, links, images and events.

Every model validates on construction (pydantic v2) and is immutable afterwards. Field names are
the keys authors write in `issue.yml` and in an item's front matter, so a validation error can
name the key the author has to fix. Loading from disk, with file and line in the errors, is
`vngpublish.content.load_issue`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from vngpublish.errors import fill
from vngpublish.i18n import N_, format_message

__all__ = [
    "Email",
    "Event",
    "Footer",
    "Image",
    "Issue",
    "Item",
    "Link",
    "Problem",
    "Style",
    "check_image_src",
    "contrast",
    "markdown_parser",
    "markdown_problems",
    "slugify",
]


class Problem(ValueError):
    """A validation problem: an English message with `{placeholders}` and their values.

    Raised by the validators, so that the loader can show the message in English or Dutch
    (`text(lang)`). A value that is itself a Problem is shown in the same language.
    """

    def __init__(self, message: str, **fields: Any) -> None:
        self.message = message
        self.fields = fields
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """The message in `lang`, placeholders filled."""
        return format_message(self.message, fill(self.fields, lang), lang)


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
        if bad.group() == " ":
            raise Problem(
                N_("must not contain a space; percent-encode it (a space is %20), got {url}"),
                url=repr(url),
            )
        raise Problem(
            N_("must not contain {character}; percent-encode it, got {url}"),
            character=repr(bad.group()),
            url=repr(url),
        )
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return url.strip()
    if mailto and scheme == "mailto" and parts.path:
        return url.strip()
    if mailto:
        raise Problem(N_("must be an http(s) or mailto URL, got {url}"), url=repr(url))
    raise Problem(N_("must be an http(s) URL, got {url}"), url=repr(url))


def is_generic_link_text(text: str) -> bool:
    """True when `text` alone does not say where a link goes ("Lees meer", "klik hier")."""
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    return " ".join(words) in _GENERIC_LINK_TEXTS


def _check_link_text(text: str) -> str:
    if is_generic_link_text(text):
        raise Problem(
            N_(
                "{text} does not say where the link goes; name the target "
                '("Lees meer over ...") or leave the text out'
            ),
            text=repr(text),
        )
    return text


def _one_line(text: str) -> str:
    """Refuse control characters: a title or name with a line break would break the e-mail's
    headers and the text part's layout."""
    bad = re.search(r"[\x00-\x1f\x7f\u2028\u2029]", text)
    if bad and bad.group() in "\r\n\u2028\u2029":
        raise Problem(N_("must be one line: remove the line break"))
    if bad:
        raise Problem(
            N_("must not contain the control character {character}; remove it"),
            character=repr(bad.group()),
        )
    return text


Line = Annotated[str, AfterValidator(_one_line)]
"""Text on one line: titles, names, labels (no line breaks or other control characters)."""


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


def markdown_problems(text: str) -> list[tuple[int, Problem]]:
    """Problems in a Markdown summary or intro, as (0-based line in `text`, problem).

    Refused: headings (the item title is the heading; more would break the outline), images
    (use the item's `image` field, which has the width e-mail needs), links that are not
    http(s) or mailto, and links whose text says nothing about their target.
    """
    problems: list[tuple[int, Problem]] = []
    tokens = _MD.parse(text)
    for token in tokens:
        if token.type == "heading_open" and token.map:
            problems.append(
                (
                    token.map[0],
                    Problem(N_("headings are not allowed here; the title is the heading")),
                )
            )
    link_text: list[str] | None = None
    for line, token in _inline_tokens(tokens):
        if token.type == "image":
            problems.append(
                (line, Problem(N_("images in the text are not supported; use the `image` field")))
            )
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            try:
                check_url(href)
            except Problem as problem:
                problems.append((line, Problem(N_("link {problem}"), problem=problem)))
            link_text = []
        elif token.type == "link_close" and link_text is not None:
            words = "".join(link_text)
            if is_generic_link_text(words):
                problems.append(
                    (
                        line,
                        Problem(
                            N_(
                                "link text {text} does not say where the link goes; name the target"
                            ),
                            text=repr(words),
                        ),
                    )
                )
            link_text = None
        elif link_text is not None and token.type in ("text", "code_inline"):
            link_text.append(token.content)
    return sorted(problems, key=lambda problem: problem[0])


def _check_markdown(text: str) -> str:
    problems = markdown_problems(text)
    if problems:
        line, problem = problems[0]
        raise Problem(N_("(line {line} of the text) {problem}"), line=line + 1, problem=problem)
    return text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(_Model):
    """A link with its own text, as in the footer: `{url, text}`."""

    url: str
    text: Line = Field(min_length=1)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value)

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        return _check_link_text(value)


# A local image: a path below the issue folder, in letters, digits, `_.-/`, no `..`.
_LOCAL_PATH = re.compile(r"^(?!.*(^|/)\.\.?(/|$))[A-Za-z0-9_][A-Za-z0-9_.\-/]*$")
IMAGE_TYPES = ("png", "jpg", "jpeg", "gif")
"""The endings of local images: formats every e-mail client shows (SVG and WebP are not)."""


def check_image_src(value: str) -> str:
    """Return `value` when it is an https URL or a path to a PNG, JPEG or GIF inside the issue
    folder; else raise a Problem."""
    if "://" in value or ":" in value.split("/")[0]:
        return check_url(value, mailto=False)
    if not _LOCAL_PATH.match(value) or "//" in value:
        raise Problem(
            N_(
                "must be an http(s) URL or a path inside the issue folder "
                "(like images/photo.png, without ..), got {src}"
            ),
            src=repr(value),
        )
    if value.rsplit(".", 1)[-1].lower() not in IMAGE_TYPES:
        raise Problem(
            N_("must be a PNG, JPEG or GIF file (e-mail clients do not show others), got {src}"),
            src=repr(value),
        )
    return value


class Image(_Model):
    """An image: an item's picture or the house style's logo. `alt` is required; an empty
    `alt` marks it as decorative.

    `src` is an https URL, or a path relative to the issue folder (`images/raadzaal.png`, a
    PNG, JPEG or GIF) that the build copies into the site. `width` and `height` are pixels:
    e-mail clients need both to lay out the message before (or without) loading the image.
    For a local image the loader reads them from the file when they are left out.
    """

    src: str
    alt: Line
    width: int = Field(gt=0, le=4000)
    height: int = Field(gt=0, le=4000)
    _file: Path | None = PrivateAttr(default=None)

    @field_validator("src")
    @classmethod
    def _src(cls, value: str) -> str:
        return check_image_src(value)

    @property
    def is_local(self) -> bool:
        """True for an image the build copies into the site (a path, not a URL)."""
        return "://" not in self.src

    @property
    def file(self) -> Path | None:
        """The local image's file on disk, when the loader found it (else None)."""
        return self._file

    def with_file(self, file: Path) -> Image:
        """This image, knowing its file on disk (for the loader)."""
        copy = self.model_copy()
        copy._file = file
        return copy


class Event(_Model):
    """A date of an item: a meeting, a webinar. `end` (inclusive) for events of several days."""

    date: dt.date
    end: dt.date | None = None
    label: Line = Field(min_length=1)
    mode: Literal["online", "physical"]
    place: Line | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end is not None and self.end < self.date:
            raise Problem(
                N_("`end` ({end}) is before `date` ({date})"),
                end=self.end.isoformat(),
                date=self.date.isoformat(),
            )
        return self


def _check_slug(value: str) -> str:
    if value and not _SLUG.match(value):
        raise Problem(
            N_("must be lower-case letters and digits joined by hyphens, got {value}"),
            value=repr(value),
        )
    return value


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Item(_Model):
    """One newsletter item: a title, one or more themes, a Markdown summary and its link.

    `link_text` is the link's own text; without it the link reads "Lees meer over <title>".
    `slug` identifies the item in ids and anchors (the loader uses the file name).
    """

    title: Line = Field(min_length=1)
    themes: list[Line] = Field(min_length=1)
    summary: str = Field(min_length=1)
    url: str | None = None
    link_text: Line | None = Field(default=None, min_length=1)
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
            raise Problem(N_("lists a theme twice"))
        return value

    @model_validator(mode="after")
    def _defaults(self) -> Item:
        if self.link_text is not None and self.url is None:
            raise Problem(N_("`link_text` is set but `url` is missing"))
        if not self.slug:
            object.__setattr__(self, "slug", slugify(self.title))
        return self


class Footer(_Model):
    """The footer: a short note ("Dit bericht is verzonden door ...") and links."""

    note: str | None = None
    links: list[Link] = Field(default_factory=list)


# Merge tags of sending services, for an unsubscribe link they fill in per recipient:
# Mailchimp *|UNSUB|*, Brevo/Laposta {{ unsubscribe }}, Campaign Monitor [unsubscribe],
# Salesforce %%unsub_center_url%%, Mailjet [[UNSUB_LINK_NL]].
_MERGE_TAG = re.compile(
    r"^(\*\|[A-Z0-9_:]+\|\*|\{\{\s*[\w.]+\s*\}\}|\[\[?[\w:]+\]\]?|%%[\w]+%%|\{\$?\w+\})$"
)


def is_merge_tag(value: str) -> bool:
    """True for a sending service's merge tag (`*|UNSUB|*`) rather than a URL."""
    return _MERGE_TAG.match(value) is not None


class Email(_Model):
    """How the e-mail is sent: `issue.yml`'s `email:` (or the site configuration's).

    `sender` is the From address ("VNG <nieuwsbrief@vng.nl>"); `unsubscribe` an http(s) or
    mailto URL, or the merge tag of the sending service (Mailchimp's `*|UNSUB|*`);
    `preheader` the preview text mail clients show after the subject (default: the intro, or
    the first titles).
    """

    sender: Line | None = None
    unsubscribe: str | None = None
    preheader: Line | None = Field(default=None, min_length=1, max_length=200)

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str | None) -> str | None:
        if value is None:
            return None
        _, address = email.utils.parseaddr(value)
        local, at, domain = address.partition("@")
        if not (local and at and "." in domain) or " " in address:
            raise Problem(
                N_(
                    "must be an e-mail address, optionally with a name "
                    '("VNG <info@vng.nl>"), got {value}'
                ),
                value=repr(value),
            )
        return value

    @field_validator("unsubscribe")
    @classmethod
    def _unsubscribe(cls, value: str | None) -> str | None:
        if value is None or is_merge_tag(value):
            return value
        try:
            return check_url(value)
        except Problem:
            raise Problem(
                N_(
                    "must be an http(s) or mailto URL, or the merge tag of your sending service "
                    "(like *|UNSUB|*), got {value}"
                ),
                value=repr(value),
            ) from None

    @property
    def unsubscribe_is_tag(self) -> bool:
        """True when `unsubscribe` is a merge tag the sending service fills in."""
        return self.unsubscribe is not None and is_merge_tag(self.unsubscribe)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two `#rrggbb` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_COLOUR = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_FONTS = re.compile(r"""^[A-Za-z0-9 ,'"\-]{1,200}$""")
MIN_CONTRAST = 4.5
LIGHTEST_GREY = "#f3f3f3"
"""The darkest background the accent colour is used on (the e-mail's footer); white and the
web page's light bands are lighter."""


class Style(_Model):
    """A house style: `issue.yml`'s `style:` (or the site configuration's).

    `logo` is shown in the header band of the web page, the archive and the e-mail (its `alt`
    names the organisation). `accent` (`#rrggbb`) colours the band, under white text, and the
    links and headings on white and light grey: it needs a contrast of 4.5:1 with #f3f3f3.
    `font` is a CSS font-family list ("Rijksoverheid Sans Web, Arial, sans-serif").
    """

    logo: Image | None = None
    accent: str | None = None
    font: str | None = None

    @field_validator("accent")
    @classmethod
    def _accent(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _COLOUR.match(value):
            raise Problem(N_("must be a colour written as #rrggbb, got {value}"), value=repr(value))
        if len(value) == 4:
            value = "#" + "".join(c * 2 for c in value[1:])
        value = value.lower()
        ratio = contrast(value, LIGHTEST_GREY)
        if ratio < MIN_CONTRAST:
            raise Problem(
                N_(
                    "{value} has a contrast of {ratio}:1 with the light grey (#f3f3f3) behind "
                    "links in the footer; text and links need at least 4.5:1, so choose a "
                    "darker colour"
                ),
                value=value,
                ratio=f"{ratio:.2f}",
            )
        return value

    @field_validator("font")
    @classmethod
    def _font(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _FONTS.match(value) or value.count('"') % 2 or value.count("'") % 2:
            raise Problem(
                N_(
                    "must be a list of font names separated by commas (letters, digits, spaces, "
                    "hyphens, quotes), got {value}"
                ),
                value=repr(value),
            )
        return value


class Issue(_Model):
    """One issue of a newsletter: its items grouped under themes, in the given theme order.

    An issue needs a `number` or a `date` (or both). `language` is `nl` (default) or `en`,
    optionally with a region (`nl-BE`). Every theme an item names must be listed in `themes`.
    """

    title: Line = Field(min_length=1)
    number: int | None = Field(default=None, gt=0)
    date: dt.date | None = None
    language: str = "nl"
    publisher: Line = Field(min_length=1)
    intro: str = ""
    themes: list[Line] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    footer: Footer = Field(default_factory=Footer)
    email: Email = Field(default_factory=Email)
    style: Style = Field(default_factory=Style)
    slug: str = ""

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if not _LANGUAGE_TAG.match(value):
            raise Problem(
                N_(
                    "must be one of {languages} (optionally with a region, like nl-BE), got {value}"
                ),
                languages=", ".join(LANGUAGES),
                value=repr(value),
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
                raise Problem(N_("theme {theme} has no letters or digits"), theme=repr(theme))
            if slug in seen:
                raise Problem(
                    N_("themes {first} and {second} are the same"),
                    first=repr(seen[slug]),
                    second=repr(theme),
                )
            seen[slug] = theme
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Issue:
        if self.number is None and self.date is None:
            raise Problem(N_("an issue needs a `number` or a `date`"))
        known = set(self.themes)
        slugs: set[str] = set()
        for item in self.items:
            for theme in item.themes:
                if theme not in known:
                    raise Problem(
                        N_("item {item} has theme {theme}, which is not in `themes`"),
                        item=repr(item.slug),
                        theme=repr(theme),
                    )
            if item.slug in slugs:
                raise Problem(N_("two items have the slug {slug}"), slug=repr(item.slug))
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

    def images(self) -> list[Image]:
        """Every image of the issue: the logo, then the items' images."""
        found = [self.style.logo] if self.style.logo else []
        return found + [item.image for item in self.items if item.image]
