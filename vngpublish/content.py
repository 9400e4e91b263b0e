"""Load a newsletter issue from a folder; errors name the file and the line to fix.

The content format
==================

An issue is a folder::

    raadsledennieuws-2024-03/
        issue.yml          the issue: title, date, themes, footer
        items/
            01-raad-op-zaterdag.md
            02-kennissessies.md
            ...

All files are UTF-8. YAML follows YAML 1.2 (`NO` and `ja` stay text; only `true`/`false`
are booleans). The folder name is the issue's slug: its folder in the built site.

`issue.yml`::

    title: Raadsledennieuws maart 2024     # required
    date: 2024-03-07                       # a date, or a `number:` (or both);
                                           # building a site needs the date
    number: 3
    language: nl                           # nl (default) or en, optionally nl-BE etc.
    publisher: VNG                         # required
    intro: |                               # optional, Markdown
      Een korte inleiding.
    themes:                                # required: the order of the sections
      - Financiën
      - Informatiesamenleving
    footer:                                # optional
      note: Dit bericht is verzonden door de VNG.
      links:
        - text: vng.nl
          url: https://vng.nl/
    email:                                 # optional; defaults from the site configuration
      sender: VNG <nieuwsbrief@vng.nl>     # From of email.eml
      unsubscribe: https://vng.nl/afmelden # a URL, or your sending service's merge tag
                                           # (Mailchimp: "*|UNSUB|*")
      preheader: Raad op Zaterdag, de begroting en digitale toegankelijkheid
                                           # preview text (default: intro or first titles)
    style:                                 # optional house style; defaults from the site
      logo:                                # configuration
        src: images/logo.png               # PNG, JPEG or GIF in the issue folder, or https
        alt: VNG                           # the organisation's name
      accent: "#00527a"                    # band, links, headings: 4.5:1 against white
      font: Arial, Helvetica, sans-serif   # a CSS font-family list

An item is a Markdown file in `items/` (a name ending in `.md`, in any case), in file-name
order; the file name without `.md` and without a leading number (`07-lokale-ketenaanpak.md`
gives `lokale-ketenaanpak`) is the item's slug, used in the page's anchors, so two items must
not share it (`slug:` in the front matter overrides it). Hidden files (a name starting with
`.`, like an editor's lock file `.#07-lokale-ketenaanpak.md`) and files with other endings
(`notities.txt`, a backup `07-lokale-ketenaanpak.md~`) are ignored.

An item starts with YAML front matter between two `---` lines; the Markdown after it is the
summary::

    ---
    title: Verschil oude en nieuwe accressystematiek toegelicht   # required
    themes: [Financiën]          # required: one or more themes from issue.yml
    url: https://vng.nl/...      # optional: where "Lees meer" goes
    link_text: Lees het overzicht van de accressystematiek   # optional own link text
    image:                       # optional; alt is required ("" if purely decorative)
      src: images/raadzaal.png   # a PNG, JPEG or GIF in the issue folder, or an https URL
      alt: Raadsleden in gesprek
      width: 600                 # pixels; for a local file both default to its own size
      height: 400                # (give one and the other follows the proportions)
    events:                      # optional
      - date: 2024-05-25
        end: 2024-05-26          # optional, inclusive
        label: Raad op Zaterdag
        mode: physical           # online or physical
        place: Utrecht           # optional
    ---
    Op verzoek van haar leden geeft de VNG een beknopt overzicht ...

A local image is copied into the site next to the issue's pages (`<slug>/images/...`); the
e-mail links to it through the site's URL (`--base-url`), so give one when the e-mail is sent.

An item listed under two themes is shown under both. Markdown is CommonMark without raw HTML
(HTML typed in the text is shown as text); headings and images are not allowed in a summary,
and every link must be an absolute http(s) or mailto URL whose text says where it goes ("Lees
meer" alone is refused).

Every file is read and every problem reported at once (`ContentErrors`), each naming its file
and line, in English or Dutch (`error.text("nl")`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from vngpublish.errors import ContentError, ContentErrors
from vngpublish.i18n import N_
from vngpublish.images import read_image_info
from vngpublish.model import (
    Email,
    Event,
    Footer,
    Image,
    Issue,
    Item,
    Link,
    Problem,
    Style,
    check_image_src,
    markdown_problems,
    slugify,
)

__all__ = ["describe", "load_issue", "load_yaml_mapping", "model_errors", "prepare_image"]

_ModelT = TypeVar("_ModelT", bound=BaseModel)

_KNOWN_KEYS = sorted(
    {
        name
        for model in (Issue, Item, Event, Image, Footer, Link, Email, Style)
        for name in model.model_fields
    }
)


class _Problems:
    """The problems found so far while loading, in the order found."""

    def __init__(self) -> None:
        self.found: list[ContentError] = []

    def add(self, message: str, path: str, line: int | None = None, **fields: Any) -> None:
        self.found.append(ContentError(message, path, line, **fields))

    def add_error(self, error: ContentError) -> None:
        self.found.extend(p for p in error.problems if isinstance(p, ContentError))


def load_issue(path: str | Path) -> Issue:
    """Load the issue folder at `path` (see this module's docstring for the format).

    Reads every file and raises `ContentErrors` listing every problem found, each naming its
    file and line, e.g. "issue/items/04.md:3: `url` must be an http(s) or mailto URL, got
    'javascript:...'". (`ContentErrors` is a `ContentError`; its `path` and `line` are those
    of the first problem.)
    """
    folder = Path(path)
    if not folder.is_dir():
        raise ContentErrors(
            [
                ContentError(
                    N_("is not an issue folder (it does not exist or is not a folder)"), str(path)
                )
            ]
        )
    issue_file = folder / "issue.yml"
    if not issue_file.is_file():
        raise ContentErrors(
            [ContentError(N_("is not an issue folder: issue.yml is missing"), str(path))]
        )
    problems = _Problems()
    shown = str(issue_file)
    data: CommentedMap | None = None
    try:
        data = _load_yaml(_read_text(issue_file, shown), shown, first_line=1)
    except ContentError as error:
        problems.add_error(error)
    if data is not None and "items" in data:
        problems.add(
            N_("`items` is not a key of issue.yml: write each item as a file in items/"),
            shown,
            _line_of(data, ("items",), first_line=1),
        )
    item_files = _item_files(folder / "items")
    if not item_files:
        problems.add(N_("has no items: write one Markdown file per item in items/"), str(path))
    loaded: list[tuple[Path, Item, CommentedMap]] = []
    for item_file in item_files:
        try:
            item, front = _load_item(item_file, folder)
        except ContentError as error:
            problems.add_error(error)
            continue
        loaded.append((item_file, item, front))
    _check_distinct_slugs(loaded, problems)

    themes = data.get("themes") if data is not None else None
    if isinstance(themes, list) and all(isinstance(t, str) for t in themes):
        for item_file, item, front in loaded:
            _check_themes(item, front, [str(t) for t in themes], str(item_file), problems)

    issue: Issue | None = None
    if data is not None:
        issue_data = {key: value for key, value in data.items() if key != "items"}
        files = _prepare_images(issue_data, data, folder, shown, problems)
        # Items with a problem reported above are left out, so it is not reported twice.
        flawed = {problem.path for problem in problems.found}
        issue_data["items"] = [item for file, item, _ in loaded if str(file) not in flawed]
        issue_data.setdefault("slug", slugify(folder.resolve().name))
        try:
            skip = ("items",) if len(issue_data["items"]) < max(len(item_files), 1) else ()
            issue = _validate(Issue, issue_data, data, shown, 1, skip=skip)
        except ContentErrors as error:
            problems.add_error(error)
        if issue is not None and files:
            issue = _with_files(issue, files)
    if problems.found:
        raise ContentErrors(sorted(problems.found, key=_place))
    assert issue is not None  # no problems means issue.yml validated
    return issue


def _place(problem: ContentError) -> tuple[str, int]:
    """Problems in file order (issue.yml, then the items), then line order."""
    return (problem.path or "", problem.line or 0)


def _with_files(issue: Issue, files: dict[str, Path]) -> Issue:
    """`issue` whose style's logo knows its file on disk."""
    logo = issue.style.logo
    if logo is None or "logo" not in files:
        return issue
    style = issue.style.model_copy(update={"logo": logo.with_file(files["logo"])})
    return issue.model_copy(update={"style": style})


def _prepare_images(
    data: dict[str, Any], source: CommentedMap, folder: Path, shown: str, problems: _Problems
) -> dict[str, Path]:
    """Check the local logo of issue.yml and fill in its size; {"logo": file} when found."""
    style = data.get("style")
    if not isinstance(style, dict) or not isinstance(style.get("logo"), dict):
        return {}
    style = dict(style)
    data["style"] = style
    style["logo"] = dict(style["logo"])
    line = _line_of(source, ("style", "logo", "src"), first_line=1)
    file = prepare_image(style["logo"], folder, shown, line, problems.add)
    return {"logo": file} if file is not None else {}


def prepare_image(
    image: dict[str, Any],
    folder: Path,
    shown: str,
    line: int | None,
    report: Callable[..., None],
) -> Path | None:
    """For an image's YAML `image` whose `src` is a path: find the file in `folder`, check it
    is a PNG, GIF or JPEG, and fill in a missing `width`/`height` from the file (keeping the
    proportions). Returns the file, or None when `src` is a URL or a problem was reported
    through `report(message, shown, line, **fields)`.
    """
    src = image.get("src")
    if not isinstance(src, str) or "://" in src or ":" in src.split("/")[0]:
        return None
    try:
        check_image_src(src)
    except Problem:
        return None  # the model reports a path of the wrong form
    root = folder.resolve()
    file = (folder / src).resolve()
    if not file.is_relative_to(root):
        report(N_("`src` {src} leads out of the issue folder"), shown, line, src=repr(src))
        return None
    if not file.is_file():
        report(
            N_("`src`: the image {src} is not in the issue folder {folder}"),
            shown,
            line,
            src=repr(src),
            folder=str(folder),
        )
        return None
    try:
        info = read_image_info(file)
    except OSError as error:
        report(
            N_("`src`: the image {src} cannot be read ({reason})"),
            shown,
            line,
            src=repr(src),
            reason=error.strerror or str(error),
        )
        return None
    ending = src.rsplit(".", 1)[-1].lower()
    expected = "jpeg" if ending == "jpg" else ending
    if info is None or info.kind != expected:
        found = info.kind.upper() if info else "?"
        report(
            N_(
                "`src`: {src} is not a {kind} image (found: {found}); save it as PNG, JPEG "
                "or GIF with the right ending"
            ),
            shown,
            line,
            src=repr(src),
            kind=expected.upper(),
            found=found,
        )
        return None
    width, height = image.get("width"), image.get("height")
    if not isinstance(width, int) and not isinstance(height, int):
        image["width"], image["height"] = info.width, info.height
    elif isinstance(width, int) and width > 0 and not isinstance(height, int):
        image["height"] = max(1, round(width * info.height / info.width))
    elif isinstance(height, int) and height > 0 and not isinstance(width, int):
        image["width"] = max(1, round(height * info.width / info.height))
    return file


def _item_files(items: Path) -> list[Path]:
    """The item files in the folder `items`, sorted by name: `*.md` in any case, not hidden."""
    if not items.is_dir():
        return []
    return sorted(
        path
        for path in items.iterdir()
        if path.suffix.lower() == ".md" and not path.name.startswith(".")
    )


def _check_distinct_slugs(
    loaded: list[tuple[Path, Item, CommentedMap]], problems: _Problems
) -> None:
    """Refuse two items with one slug, naming both files: the slug is their anchor."""
    first: dict[str, Path] = {}
    for item_file, item, front in loaded:
        if item.slug not in first:
            first[item.slug] = item_file
            continue
        line = _line_of(front, ("slug",), first_line=2) if "slug" in front else None
        problems.add(
            N_(
                "has the slug {slug}, like {other}; items need their own "
                "(rename a file, or set `slug:`)"
            ),
            str(item_file),
            line,
            slug=repr(item.slug),
            other=str(first[item.slug]),
        )


def _read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(
            N_("cannot be read ({reason})"), shown, reason=error.strerror or str(error)
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            N_("is not UTF-8 text (byte 0x{byte}); save the file as UTF-8"),
            shown,
            line,
            byte=f"{raw[error.start]:02x}",
        ) from None
    return text.removeprefix("\ufeff")


class _Constructor(RoundTripConstructor):
    """Round-trip construction, but timestamps stay text (as in the YAML 1.2 core schema).

    pydantic then parses dates, so an impossible date ("2024-13-45") is a validation error
    with a line number instead of an exception inside the YAML library.
    """


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


def load_yaml_mapping(path: Path) -> CommentedMap:
    """Read the YAML file at `path` as keys and values, keeping line numbers for errors.

    Raises ContentError naming the file and line when it cannot be read or parsed.
    """
    return _load_yaml(_read_text(path, str(path)), str(path), first_line=1)


def _load_yaml(text: str, shown: str, first_line: int) -> CommentedMap:
    """Parse YAML 1.2 keeping line information; `first_line` is the file line of its line 1."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark is not None else first_line
        problem = error.problem or error.context or "not valid YAML"
        raise ContentError(N_("invalid YAML: {problem}"), shown, line, problem=problem) from None
    except (YAMLError, ValueError, TypeError, RecursionError) as error:
        raise ContentError(
            N_("invalid YAML: {problem}"), shown, first_line, problem=str(error)
        ) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ContentError(N_("must be YAML keys and values (`title: ...`)"), shown, first_line)
    return data


def _load_item(path: Path, folder: Path) -> tuple[Item, CommentedMap]:
    """The item in `path`, and its parsed front matter (for line numbers in later checks).

    Raises ContentErrors with every problem found in the file.
    """
    shown = str(path)
    text = _read_text(path, shown)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            N_(
                "an item must start with a `---` line, then its YAML front matter, another "
                "`---` line and the Markdown summary"
            ),
            shown,
            1,
        )
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if close is None:
        raise ContentError(
            N_("the front matter started on line 1 is never closed by `---`"), shown, 1
        )
    front = _load_yaml("".join(lines[1:close]), shown, first_line=2)
    body = "".join(lines[close + 1 :])
    body_line = close + 2
    problems = _Problems()
    if "summary" in front:
        problems.add(
            N_("`summary` is not a front matter key: write the summary after the closing `---`"),
            shown,
            _line_of(front, ("summary",), first_line=2),
        )
    if not body.strip():
        problems.add(
            N_("the item has no summary: write it after the closing `---`"), shown, body_line
        )
    for line, problem in markdown_problems(body):
        problems.add(problem.message, shown, body_line + line, **problem.fields)
    data = {key: value for key, value in front.items() if key != "summary"}
    data["summary"] = body.strip() or "-"
    data.setdefault("slug", slugify(re.sub(r"^\d+[-_. ]+", "", path.stem)) or slugify(path.stem))
    if not data["slug"]:
        problems.add(N_("the file name needs letters or digits (it is the item's slug)"), shown)
        data["slug"] = "item"
    file = None
    if isinstance(data.get("image"), dict):
        data["image"] = dict(data["image"])
        line = _line_of(front, ("image", "src"), first_line=2)
        file = prepare_image(data["image"], folder, shown, line, problems.add)
    try:
        # Summary problems are reported above, with the line in the file.
        item = _validate(Item, data, front, shown, 2, skip=("summary",))
    except ContentErrors as error:
        problems.add_error(error)
        item = None
    if problems.found or item is None:
        raise ContentErrors(sorted(problems.found, key=_place))
    if file is not None and item.image is not None:
        item = item.model_copy(update={"image": item.image.with_file(file)})
    return item, front


def _check_themes(
    item: Item, front: CommentedMap, themes: list[str], shown: str, problems: _Problems
) -> None:
    for index, theme in enumerate(item.themes):
        if theme in themes:
            continue
        hint = difflib.get_close_matches(theme, themes, n=1)
        line = _line_of(front, ("themes", index), first_line=2)
        if hint:
            problems.add(
                N_("theme {theme} is not listed under `themes` in issue.yml; did you mean {hint}?"),
                shown,
                line,
                theme=repr(theme),
                hint=repr(hint[0]),
            )
        else:
            problems.add(
                N_("theme {theme} is not listed under `themes` in issue.yml"),
                shown,
                line,
                theme=repr(theme),
            )


def _validate(
    model: type[_ModelT],
    data: dict[str, Any],
    source: CommentedMap,
    shown: str,
    first_line: int,
    skip: tuple[str, ...] = (),
) -> _ModelT | None:
    """Validate `data` as `model`; raise ContentErrors with every problem. Problems under the
    keys in `skip` are left out (they are reported elsewhere): None when only they remain."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        found = model_errors(error, source, shown, first_line, skip)
        if not found:
            return None
        raise ContentErrors(found) from None


def model_errors(
    error: ValidationError,
    source: CommentedMap,
    shown: str,
    first_line: int,
    skip: tuple[str, ...] = (),
) -> list[ContentError]:
    """One ContentError per problem pydantic found, with the line of its key in `source`."""
    found: list[ContentError] = []
    for detail in error.errors():
        if detail["loc"] and detail["loc"][0] in skip:
            continue
        line = _line_of(source, detail["loc"], first_line)
        message, fields = describe(detail)
        found.append(ContentError(message, shown, line, **fields))
    found.sort(key=lambda problem: problem.line or 0)
    return found


def _line_of(node: Any, loc: tuple[int | str, ...], first_line: int) -> int:
    """The file line of the deepest part of `loc` found in the parsed YAML `node`."""
    line = first_line
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line = first_line + node.lc.key(key)[0]
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = first_line + node.lc.item(key)[0]
            node = node[key]
        else:
            break
    return line


def _dotted(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


# pydantic's error types, as messages the catalogue can translate.
_TYPES: dict[str, str] = {
    "string_type": N_("`{field}` must be text, got {value}"),
    "string_too_short": N_("`{field}` must not be empty"),
    "string_too_long": N_("`{field}` must be at most {max_length} characters long"),
    "int_type": N_("`{field}` must be a whole number, got {value}"),
    "int_parsing": N_("`{field}` must be a whole number, got {value}"),
    "int_from_float": N_("`{field}` must be a whole number, got {value}"),
    "greater_than": N_("`{field}` must be more than {gt}, got {value}"),
    "less_than_equal": N_("`{field}` must be at most {le}, got {value}"),
    "date_type": N_("`{field}` must be a date written as 2024-03-07, got {value}"),
    "date_parsing": N_("`{field}` must be a date written as 2024-03-07, got {value}"),
    "date_from_datetime_parsing": N_("`{field}` must be a date written as 2024-03-07, got {value}"),
    "date_from_datetime_inexact": N_("`{field}` must be a date written as 2024-03-07, got {value}"),
    "list_type": N_("`{field}` must be a list (`[a, b]` or lines starting with `- `)"),
    "too_short": N_("`{field}` must list at least {min_length}"),
    "literal_error": N_("`{field}` must be one of {expected}, got {value}"),
    "model_type": N_("`{field}` must be keys and values"),
    "model_attributes_type": N_("`{field}` must be keys and values"),
    "dict_type": N_("`{field}` must be keys and values"),
}


def describe(detail: ErrorDetails) -> tuple[str, dict[str, Any]]:
    """A translatable message and its fields for one pydantic error, naming the key as the
    author wrote it."""
    field = _dotted(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    shown_value = repr(value) if isinstance(value, str | int | float | bool) else "-"
    context = dict(detail.get("ctx") or {})
    if kind == "missing":
        return N_("`{field}` is required"), {"field": field}
    if kind == "extra_forbidden":
        name = str(detail["loc"][-1])
        hint = difflib.get_close_matches(name, _KNOWN_KEYS, n=1)
        if hint:
            return N_("unknown key `{field}` (did you mean `{hint}`?)"), {
                "field": field,
                "hint": hint[0],
            }
        return N_("unknown key `{field}`"), {"field": field}
    problem = context.get("error")
    if kind in ("value_error", "assertion_error") and isinstance(problem, Problem):
        if not field:
            return problem.message, problem.fields
        if problem.message.startswith("`"):
            return N_("`{field}`: {problem}"), {"field": field, "problem": problem}
        return N_("`{field}` {problem}"), {"field": field, "problem": problem}
    if kind in _TYPES and field:
        fields = {"field": field, "value": shown_value}
        fields.update({key: str(item) for key, item in context.items()})
        return _TYPES[kind], fields
    message = detail["msg"].removeprefix("Value error, ")
    if not field:
        return N_("{problem}"), {"problem": message}
    return N_("`{field}`: {problem}"), {
        "field": field,
        "problem": message[:1].lower() + message[1:],
    }
