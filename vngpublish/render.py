"""Render an issue as a web page, an e-mail, or the plain-text part of that e-mail.

    from vngpublish import load_issue, render_issue
    page = render_issue(load_issue("examples/raadsledennieuws-2024-03"))
    page.html, page.findings

Templates live in `templates/newsletter/` (found through `vngpublish.resources`). A
municipality can pass its own folder as `templates=`: a file there replaces ours of the same
name (`web.css` for the house colours, say), and can extend ours as `vngpublish/<name>`
(`{% extends "vngpublish/web.html" %}`) to change single blocks.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Literal

import css_inline
import jinja2
import nh3
from babel import Locale
from babel.dates import format_date
from markdown_it.token import Token
from markupsafe import Markup

from vngpublish.check import Finding, Outcome, Severity, check_html
from vngpublish.errors import PublishError, TemplateError
from vngpublish.i18n import NP_, format_plural
from vngpublish.model import Event, Image, Issue, Item, markdown_parser, slugify
from vngpublish.resources import templates_dir

__all__ = [
    "FAIL_ON",
    "Occurrence",
    "Rendered",
    "Section",
    "SiteLinks",
    "Variant",
    "count_items",
    "environment",
    "failing",
    "labels",
    "long_date",
    "raise_for_findings",
    "render_issue",
    "render_template",
    "sections",
]

WEB_PRESET = "wcag-aa"
"""The checker's preset for web pages (its default); the e-mail is checked with `email`."""
FAIL_ON = ("error", "warning", "never")
"""The thresholds of `--fail-on`, as in the checker."""

Variant = Literal["web", "email", "text"]

_TEMPLATES: dict[str, str] = {"web": "web.html", "email": "email.html", "text": "email.txt"}

# The words the templates write themselves, per interface language.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "skip": "Naar de inhoud",
        "contents": "Thema's in deze nieuwsbrief",
        "read_more": "Lees meer over",
        "number": "nummer",
        "online": "online",
        "physical": "fysiek",
        "until": "tot en met",
        "events": "Data",
        "in_this_issue": "In deze nieuwsbrief",
        "archive": "Nieuwsbrieven",
        "archive_intro": "Alle nummers, de nieuwste eerst.",
        "item": "bericht",
        "items": "berichten",
        "feed": "Volg de nieuwsbrieven met de Atom-feed",
        "view_in_browser": "Bekijk deze nieuwsbrief in uw browser",
        "unsubscribe": "Afmelden voor deze nieuwsbrief",
        "unsubscribe_text": "Afmelden",
        "previous": "Vorige nieuwsbrief",
        "next": "Volgende nieuwsbrief",
        "all_issues": "Alle nieuwsbrieven",
        "other_issues": "Andere nummers",
        "themes": "Thema's",
        "home": "naar het overzicht van alle nieuwsbrieven",
    },
    "en": {
        "skip": "Skip to content",
        "contents": "Themes in this newsletter",
        "read_more": "Read more about",
        "number": "number",
        "online": "online",
        "physical": "in person",
        "until": "to",
        "events": "Dates",
        "in_this_issue": "In this newsletter",
        "archive": "Newsletters",
        "archive_intro": "Every issue, newest first.",
        "item": "item",
        "items": "items",
        "feed": "Follow the newsletters with the Atom feed",
        "view_in_browser": "View this newsletter in your browser",
        "unsubscribe": "Unsubscribe from this newsletter",
        "unsubscribe_text": "Unsubscribe",
        "previous": "Previous newsletter",
        "next": "Next newsletter",
        "all_issues": "All newsletters",
        "other_issues": "Other issues",
        "themes": "Themes",
        "home": "to the list of all newsletters",
    },
}

_ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "br", "blockquote"}
_URL_SCHEMES = {"http", "https", "mailto"}
_TEXT_WIDTH = 72


FAILING = NP_(
    "{count} accessibility finding fails at --fail-on {fail_on}",
    "{count} accessibility findings fail at --fail-on {fail_on}",
)


class AccessibilityError(PublishError):
    """Rendered output with accessibility findings at or above the chosen severity.

    `findings` are the failing findings; `text(lang)` is a count and one line per finding
    (`path:line:col: severity rule-id message`).
    """

    def __init__(self, findings: list[Finding], fail_on: str) -> None:
        self.findings = findings
        self.fail_on = fail_on
        super().__init__("{count}", count=len(findings))

    def text(self, lang: str = "en") -> str:
        """The count, then one line per finding, in `lang`."""
        lines = [format_plural(FAILING, len(self.findings), lang, fail_on=self.fail_on)]
        for finding in self.findings:
            lines.append(
                f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} "
                f"{finding.rule} {finding.text(lang)}"
            )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An item as shown under one theme; `id` is unique in the page even for shared items."""

    item: Item
    id: str
    heading_id: str


@dataclass(frozen=True, slots=True)
class Section:
    """A theme with its items, in the issue's theme order; `id` is its heading's anchor."""

    theme: str
    id: str
    items: list[Occurrence]


@dataclass(frozen=True, slots=True)
class SiteLinks:
    """Where an issue sits in a built site: its neighbours and the site's public URL.

    `base_url` ("https://example.org/nieuwsbrief/", ending in "/"; "" when unknown) gives the
    e-mail its "view in the browser" link and absolute URLs for local images. `previous` is
    the issue before this one, `following` the one after; `archive` says that an archive page
    lists every issue one folder up.
    """

    base_url: str = ""
    previous: Issue | None = None
    following: Issue | None = None
    archive: bool = False

    def web_url(self, issue: Issue) -> str:
        """The public URL of `issue`'s web page; "" when the site's URL is unknown."""
        return f"{self.base_url}{issue.slug}/" if self.base_url else ""


EMAIL_WIDTH = 552
"""The widest an image can be in the e-mail: its 600-pixel column less the padding."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendered variant of an issue.

    `html` holds the web or e-mail HTML ("" for the text variant), `text` the plain text (""
    for the HTML variants). `findings` are the accessibility checker's findings on the HTML
    (empty for text, or when rendered with `check=False`).
    """

    variant: Variant
    html: str = ""
    text: str = ""
    findings: list[Finding] = field(default_factory=list)

    def raise_for_findings(self, fail_on: str = "error") -> Rendered:
        """Return self, or raise `AccessibilityError` when a finding fails at `fail_on`."""
        raise_for_findings(self.findings, fail_on)
        return self


def failing(findings: list[Finding], fail_on: str) -> list[Finding]:
    """The findings that fail at `fail_on` ("error", "warning" or "never"), as the checker
    counts them: failed outcomes at or above that severity (findings to review never fail)."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    if fail_on == "never":
        return []
    threshold = Severity(fail_on).rank
    return [f for f in findings if f.outcome is Outcome.FAILED and f.severity.rank >= threshold]


def raise_for_findings(findings: list[Finding], fail_on: str = "error") -> None:
    """Raise `AccessibilityError` when a finding fails at `fail_on`; for scripts::

    raise_for_findings(render_issue(issue).findings)
    """
    bad = failing(findings, fail_on)
    if bad:
        raise AccessibilityError(bad, fail_on)


def sections(issue: Issue) -> list[Section]:
    """The issue's themes that have items, each with its items and page-unique ids.

    Ids get fixed prefixes (`thema-`, `item-`, `kop-`) so they cannot collide with each other
    or with the page's own ids; an item under two themes gets one id per theme.
    """
    result: list[Section] = []
    for theme in issue.themes:
        items = issue.items_under(theme)
        if not items:
            continue
        theme_slug = slugify(theme)
        occurrences = [
            Occurrence(
                item=item,
                id=f"item-{theme_slug}--{item.slug}",
                heading_id=f"kop-{theme_slug}--{item.slug}",
            )
            for item in items
        ]
        result.append(Section(theme=theme, id=f"thema-{theme_slug}", items=occurrences))
    return result


def labels(language: str) -> dict[str, str]:
    """The template words for `language` (a tag like "nl" or "nl-BE")."""
    return LABELS[language.split("-")[0]]


# ------------------------------------------------------------------ Markdown
_MD = markdown_parser()


def markdown_html(text: str) -> Markup:
    """Markdown to HTML, sanitised: only simple text markup and http(s)/mailto links survive."""
    html = nh3.clean(
        _MD.render(text),
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=_URL_SCHEMES,
    )
    # Safe to mark: nh3 has just removed everything but simple markup and safe links.
    return Markup(html)


def markdown_text(text: str, width: int = _TEXT_WIDTH) -> str:
    """Markdown to plain text for the text part: paragraphs and lists, links as "text (URL)"."""
    # Each block: (first-line prefix, text, the list it is an item of or None).
    blocks: list[tuple[str, str, int | None]] = []
    lists: list[list[int]] = []  # per open list: [next number], or [-1] for bullets
    opened = 0
    list_ids: list[int] = []
    marker: str | None = None
    for token in _MD.parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else -1
            lists.append([start])
            opened += 1
            list_ids.append(opened)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            list_ids.pop()
        elif kind == "list_item_open":
            counter = lists[-1]
            marker = "- " if counter[0] < 0 else f"{counter[0]}. "
            if counter[0] >= 0:
                counter[0] += 1
        elif kind in ("inline", "code_block", "fence"):
            content = _inline_text(token) if kind == "inline" else token.content.rstrip("\n")
            indent = "  " * max(len(lists) - 1, 0)
            prefix = indent + (marker or ("  " if lists else ""))
            blocks.append((prefix, content, list_ids[-1] if marker is not None else None))
            marker = None
    out: list[str] = []
    for index, (prefix, content, list_id) in enumerate(blocks):
        wrapped = textwrap.fill(
            content,
            width=width,
            initial_indent=prefix,
            subsequent_indent=" " * len(prefix),
            break_long_words=False,
            break_on_hyphens=False,
        )
        # Items of one list follow each other line by line; other blocks get a blank line.
        tight = list_id is not None and index > 0 and blocks[index - 1][2] == list_id
        out.append(("\n" if tight else "\n\n") + wrapped if out else wrapped)
    return "".join(out)


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    hrefs: list[tuple[str, int]] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "link_open":
            hrefs.append((str(child.attrGet("href") or ""), len(parts)))
        elif child.type == "link_close" and hrefs:
            href, start = hrefs.pop()
            label = "".join(parts[start:])
            if label.strip() not in (href, href.removeprefix("mailto:")):
                parts.append(f" ({href})")
    return " ".join("".join(parts).split(" ")).strip()


# ------------------------------------------------------------------ filters
def _locale(language: str) -> str:
    return language.replace("-", "_")


def long_date(day: dt.date, language: str) -> str:
    """`day` written out in `language`: "zaterdag 25 mei 2024" (Babel's full format)."""
    return str(format_date(day, format="full", locale=_locale(language)))


def count_items(count: int, language: str) -> str:
    """`count` items in `language`, in the plural form it needs: "1 bericht", "2 berichten"."""
    words = labels(language)
    one = Locale.parse(_locale(language)).plural_form(count) == "one"
    return f"{count} {words['item'] if one else words['items']}"


def _wrap(text: str, width: int = _TEXT_WIDTH, indent: str = "") -> str:
    """`text` in lines of at most `width` (a URL stays whole); `indent` starts every line after
    the first.
    """
    return textwrap.fill(
        " ".join(text.split()),
        width=width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _preheader(issue: Issue) -> str:
    """The preview line an e-mail client shows next to the subject."""
    if issue.email.preheader:
        return issue.email.preheader
    if issue.intro:
        text = " ".join(markdown_text(issue.intro, width=10_000).split())
    else:
        titles = [item.title for item in issue.items[:3]]
        text = f"{labels(issue.language)['in_this_issue']}: " + "; ".join(titles)
    return textwrap.shorten(text, width=140, placeholder=" …")


class _Filters:
    """Template filters bound to one issue's language and place in the site."""

    def __init__(self, language: str, site: SiteLinks | None = None, slug: str = "") -> None:
        self.language = language
        self.words = labels(language)
        self.site = site or SiteLinks()
        self.slug = slug

    def image_src(self, image: Image, absolute: bool = False) -> str:
        """Where a page finds `image`: a local image is next to the issue's page; `absolute`
        (for the e-mail) makes it a URL on the site, when the site's URL is known."""
        if image.is_local and absolute and self.site.base_url:
            return f"{self.site.base_url}{self.slug}/{image.src}"
        return image.src

    def email_size(self, image: Image) -> tuple[int, int]:
        """Width and height of `image` in the e-mail: at most the column's width, in proportion."""
        if image.width <= EMAIL_WIDTH:
            return image.width, image.height
        return EMAIL_WIDTH, max(1, round(image.height * EMAIL_WIDTH / image.width))

    def longdate(self, value: dt.date) -> str:
        return long_date(value, self.language)

    def where(self, event: Event) -> str:
        how = self.words[event.mode]
        return f"{how}, {event.place}" if event.place else how

    def link_text(self, item: Item) -> str:
        return item.link_text or f"{self.words['read_more']} {item.title}"


# ------------------------------------------------------------------ environment
@lru_cache(maxsize=16)
def _environment(user_dir: str | None) -> jinja2.Environment:
    ours = jinja2.FileSystemLoader(templates_dir() / "newsletter")
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders += [ours, jinja2.PrefixLoader({"vngpublish": ours})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = markdown_html
    env.filters["markdown_text"] = markdown_text
    env.filters["wrap"] = _wrap
    env.filters["isodate"] = lambda value: value.isoformat()
    return env


def environment(templates: str | Path | None = None) -> jinja2.Environment:
    """The Jinja environment: `templates` (a folder overriding single templates) first, then ours.

    Raises TemplateError when `templates` is not a folder.
    """
    if templates is None:
        return _environment(None)
    folder = Path(templates)
    if not folder.is_dir():
        raise TemplateError("is not a folder of templates", str(templates))
    return _environment(str(folder.resolve()))


def render_template(env: jinja2.Environment, name: str, **context: object) -> str:
    """Render template `name`, turning Jinja's errors into one-line TemplateErrors."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"template syntax error: {error.message}", error.filename or name, error.lineno
        ) from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"template {error.name!r} not found") from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as error:
        where, line = _template_position(error)
        raise TemplateError(f"error in template: {error}", where or name, line) from None


def _template_position(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an error was raised in, from Jinja's rewritten traceback."""
    where: tuple[str | None, int | None] = (None, None)
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".txt", ".xml", ".css")):
            where = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return where


# ------------------------------------------------------------------ render
def render_issue(
    issue: Issue,
    variant: Variant = "web",
    *,
    templates: str | Path | None = None,
    check: bool = True,
    site: SiteLinks | None = None,
) -> Rendered:
    """Render `issue` as `variant`: "web" (a page), "email" (e-mail HTML) or "text".

    `templates` is a folder whose files override ours by name. `site` places the issue in a
    built site (neighbours, public URL); without it the page stands alone. With `check` (the
    default) the HTML variants are run through `vngpublish.check.check_html` and the findings
    returned: the web page with the default preset (`wcag-aa`), the e-mail with the `email`
    preset, the same rules `python -m vngpublish.check` applies. `Rendered.raise_for_findings()`
    turns failing findings into an exception, for scripts.
    """
    if variant not in _TEMPLATES:
        raise ValueError(f"variant must be one of {', '.join(_TEMPLATES)}, got {variant!r}")
    env = environment(templates)
    links = site or SiteLinks()
    filters = _Filters(issue.language, links, issue.slug)
    context = style_context(issue)
    output = render_template(
        env,
        _TEMPLATES[variant],
        issue=issue,
        sections=sections(issue),
        L=filters.words,
        lang=issue.language,
        dir="ltr",
        preheader=_preheader(issue),
        longdate=filters.longdate,
        where=filters.where,
        link_text=filters.link_text,
        image_src=filters.image_src,
        email_size=filters.email_size,
        site=links,
        web_url=links.web_url(issue),
        unsubscribe=issue.email.unsubscribe,
        **context,
    )
    if variant == "text":
        return Rendered(variant, text=output)
    if variant == "email":
        output = _inline_css(output, render_template(env, "email.css", **context))
    path = f"{issue.slug}/{'index.html' if variant == 'web' else 'email.html'}"
    preset = "email" if variant == "email" else WEB_PRESET
    findings = check_html(output, path, preset=preset) if check else []
    return Rendered(variant, html=output, findings=findings)


DEFAULT_ACCENT = "#00527a"
"""The accent colour without a house style: 8.4:1 against white, 7.6:1 against the light
grey behind the footer, so the example also meets the 7:1 of WCAG 1.4.6 (AAA)."""
DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
DEFAULT_EMAIL_FONT = "Arial, Helvetica, sans-serif"


def style_context(issue: Issue) -> dict[str, object]:
    """The house style as template variables: `accent`, `font`, `email_font` and `logo`."""
    style = issue.style
    return {
        "accent": style.accent or DEFAULT_ACCENT,
        "font": style.font or DEFAULT_FONT,
        "email_font": style.font or DEFAULT_EMAIL_FONT,
        "logo": style.logo,
    }


def _inline_css(html: str, css: str) -> str:
    """Inline `css` into style attributes; the page's own <style> blocks are kept as they are.

    The kept blocks hold what cannot be inlined: dark-mode and small-screen media queries.
    """
    inliner = css_inline.CSSInliner(
        inline_style_tags=False,
        keep_style_tags=True,
        load_remote_stylesheets=False,
        extra_css=css,
    )
    try:
        result: str = inliner.inline(html)
    except ValueError as error:
        raise TemplateError(f"the e-mail CSS cannot be inlined: {error}") from None
    # A file ends with a line end (and a MIME part always does: email.eml's equals this).
    return result if result.endswith("\n") else result + "\n"
