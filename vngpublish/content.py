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
      src: https://vng.nl/beeld.jpg
      alt: Raadsleden in gesprek
      width: 600
      height: 400                # optional
    events:                      # optional
      - date: 2024-05-25
        end: 2024-05-26          # optional, inclusive
        label: Raad op Zaterdag
        mode: physical           # online or physical
        place: Utrecht           # optional
    ---
    Op verzoek van haar leden geeft de VNG een beknopt overzicht ...

An item listed under two themes is shown under both. Markdown is CommonMark without raw HTML
(HTML typed in the text is shown as text); headings and images are not allowed in a summary,
and every link must be an absolute http(s) or mailto URL whose text says where it goes ("Lees
meer" alone is refused).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from vngpublish.errors import ContentError
from vngpublish.model import Event, Footer, Image, Issue, Item, Link, markdown_problems, slugify

__all__ = ["load_issue"]

_ModelT = TypeVar("_ModelT", bound=BaseModel)

_KNOWN_KEYS = sorted(
    {name for model in (Issue, Item, Event, Image, Footer, Link) for name in model.model_fields}
)


def load_issue(path: str | Path) -> Issue:
    """Load the issue folder at `path` (see this module's docstring for the format).

    Raises `ContentError` whose text names the file and line of the first problem, e.g.
    "issue/items/04.md line 3: `url` must be an http(s) or mailto URL, got 'javascript:...'".
    """
    folder = Path(path)
    if not folder.is_dir():
        raise ContentError(
            "is not an issue folder (it does not exist or is not a folder)", str(path)
        )
    issue_file = folder / "issue.yml"
    if not issue_file.is_file():
        raise ContentError("is not an issue folder: issue.yml is missing", str(path))
    shown = str(issue_file)
    data = _load_yaml(_read_text(issue_file, shown), shown, first_line=1)
    if "items" in data:
        raise ContentError(
            "`items` is not a key of issue.yml: write each item as a file in items/",
            shown,
            _line_of(data, ("items",), first_line=1),
        )
    item_files = _item_files(folder / "items")
    if not item_files:
        raise ContentError("has no items: write one Markdown file per item in items/", str(path))
    loaded = [_load_item(item_file) for item_file in item_files]
    _check_distinct_slugs(item_files, loaded)

    themes = data.get("themes")
    if isinstance(themes, list) and all(isinstance(t, str) for t in themes):
        for item_file, (item, front) in zip(item_files, loaded, strict=True):
            _check_themes(item, front, [str(t) for t in themes], str(item_file))
    items = [item for item, _ in loaded]

    issue_data = dict(data)
    issue_data["items"] = items
    issue_data.setdefault("slug", slugify(folder.resolve().name))
    return _validate(Issue, issue_data, data, shown, first_line=1)


def _item_files(items: Path) -> list[Path]:
    """The item files in the folder `items`, sorted by name: `*.md` in any case, not hidden."""
    if not items.is_dir():
        return []
    return sorted(
        path
        for path in items.iterdir()
        if path.suffix.lower() == ".md" and not path.name.startswith(".")
    )


def _check_distinct_slugs(item_files: list[Path], loaded: list[tuple[Item, CommentedMap]]) -> None:
    """Refuse two items with one slug, naming both files: the slug is their anchor."""
    first: dict[str, Path] = {}
    for item_file, (item, front) in zip(item_files, loaded, strict=True):
        if item.slug not in first:
            first[item.slug] = item_file
            continue
        line = _line_of(front, ("slug",), first_line=2) if "slug" in front else None
        raise ContentError(
            f"has the slug {item.slug!r}, like {first[item.slug]}; items need their own "
            "(rename a file, or set `slug:`)",
            str(item_file),
            line,
        )


def _read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(f"cannot be read ({error.strerror})", shown) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            shown,
            line,
        ) from None
    return text.removeprefix("\ufeff")


class _Constructor(RoundTripConstructor):
    """Round-trip construction, but timestamps stay text (as in the YAML 1.2 core schema).

    pydantic then parses dates, so an impossible date ("2024-13-45") is a validation error
    with a line number instead of an exception inside the YAML library.
    """


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


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
        raise ContentError(f"invalid YAML: {problem}", shown, line) from None
    except (YAMLError, ValueError, TypeError, RecursionError) as error:
        raise ContentError(f"invalid YAML: {error}", shown, first_line) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ContentError("must be YAML keys and values (`title: ...`)", shown, first_line)
    return data


def _load_item(path: Path) -> tuple[Item, CommentedMap]:
    """The item in `path`, and its parsed front matter (for line numbers in later checks)."""
    shown = str(path)
    text = _read_text(path, shown)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            "an item must start with a `---` line, then its YAML front matter, another `---` "
            "line and the Markdown summary",
            shown,
            1,
        )
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if close is None:
        raise ContentError("the front matter started on line 1 is never closed by `---`", shown, 1)
    front = _load_yaml("".join(lines[1:close]), shown, first_line=2)
    body = "".join(lines[close + 1 :])
    body_line = close + 2
    if "summary" in front:
        raise ContentError(
            "`summary` is not a front matter key: write the summary after the closing `---`",
            shown,
            _line_of(front, ("summary",), first_line=2),
        )
    if not body.strip():
        raise ContentError(
            "the item has no summary: write it after the closing `---`", shown, body_line
        )
    problems = markdown_problems(body)
    if problems:
        line, message = problems[0]
        raise ContentError(message, shown, body_line + line)
    data = dict(front)
    data["summary"] = body.strip()
    data.setdefault("slug", slugify(re.sub(r"^\d+[-_. ]+", "", path.stem)) or slugify(path.stem))
    if not data["slug"]:
        raise ContentError("the file name needs letters or digits (it is the item's slug)", shown)
    return _validate(Item, data, front, shown, first_line=2), front


def _check_themes(item: Item, front: CommentedMap, themes: list[str], shown: str) -> None:
    for index, theme in enumerate(item.themes):
        if theme in themes:
            continue
        hint = difflib.get_close_matches(theme, themes, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise ContentError(
            f"theme {theme!r} is not listed under `themes` in issue.yml{suggestion}",
            shown,
            _line_of(front, ("themes", index), first_line=2),
        )


def _validate(
    model: type[_ModelT], data: dict[str, Any], source: CommentedMap, shown: str, first_line: int
) -> _ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        detail = error.errors()[0]
        line = _line_of(source, detail["loc"], first_line)
        raise ContentError(_describe(detail), shown, line) from None


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


def _describe(detail: ErrorDetails) -> str:
    """One readable sentence for a pydantic error, naming the key as the author wrote it."""
    field = _dotted(detail["loc"])
    kind = detail["type"]
    message = detail["msg"].removeprefix("Value error, ")
    if kind == "missing":
        return f"`{field}` is required"
    if kind == "extra_forbidden":
        name = str(detail["loc"][-1])
        hint = difflib.get_close_matches(name, _KNOWN_KEYS, n=1)
        suggestion = f" (did you mean `{hint[0]}`?)" if hint else ""
        return f"unknown key `{field}`{suggestion}"
    if not field:
        return message
    if kind == "value_error":
        return f"`{field}`: {message}" if message.startswith("`") else f"`{field}` {message}"
    value = detail.get("input")
    got = f", got {value!r}" if isinstance(value, str | int | float | bool) else ""
    return f"`{field}`: {message[:1].lower()}{message[1:]}{got}"
