"""Configuration in `pyproject.toml`, under `[tool.vngpublish.check]`::

    [tool.vngpublish.check]
    preset = "wcag-aa"                 # a name from checks/presets (default wcag-aa)
    select = ["link-name"]             # instead of the preset; "all" = every rule
    ignore = ["page-has-heading-one"]  # never run these
    fail-on = "error"                  # error | warning | never
    lang = "nl"                        # en | nl
    screen = "1280x800"                # the screen media queries are evaluated for (CSS px)

    [tool.vngpublish.check.per-file-ignores]
    "archief/*.html" = ["link-name"]   # glob -> rule ids not run on matching files

The file is the nearest `pyproject.toml` with that table, looking in the current folder and
then its parents; `--config FILE` names one instead (a `pyproject.toml`, or any TOML file with
these keys at the top level). Command-line flags override the file (`--preset` also replaces
its `select`), except `--ignore`, which adds to its `ignore`. per-file-ignores apply even with
`--select all`.

A per-file-ignores glob without a `/` matches the file name in any folder; a glob with a `/`
matches the path relative to the folder of the configuration file (`*` also crosses `/`, and
`**/` matches zero or more folders, as in ruff and .gitignore: `site/**/*.html` matches
`site/top.html` too).

A `pyproject.toml` met during the search that is not valid TOML is an error, not skipped: it
may be the configuration meant for these files.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vngpublish.check.style.media import Screen
from vngpublish.check.suggest import closest
from vngpublish.i18n import N_, format_message

FAIL_ON = ("error", "warning", "never")
LANGS = ("en", "nl")
_KEYS = (
    "preset",
    "select",
    "ignore",
    "per-file-ignores",
    "fail-on",
    "lang",
    "docs-url",
    "screen",
)
_SCREEN = re.compile(r"([0-9]{1,5})x([0-9]{1,5})")
_TABLE = "[tool.vngpublish.check]"


class ConfigError(ValueError):
    """The configuration is wrong; the message names the file, the line and the key.

    `prefix` says where ("pyproject.toml:6: [tool.vngpublish.check] fail-on: "); `message` is
    an English source string (marked with `N_`) whose placeholders come from `args`. Use
    `text(lang)` for the message in English or Dutch; `str()` gives it in English.
    """

    def __init__(self, prefix: str, message: str, **args: Any) -> None:
        super().__init__(prefix + message.format(**args))
        self.prefix = prefix
        self.message = message
        self.fields = args

    def text(self, lang: str) -> str:
        """The whole message, in `lang` ("en" or "nl")."""
        return self.prefix + format_message(self.message, self.fields, lang)


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file (every field None or empty when not set)."""

    path: Path | None = None
    preset: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(default_factory=tuple)
    fail_on: str | None = None
    lang: str | None = None
    docs_url: str | None = None
    """Where the rules' documentation pages are published: a URL with `{rule}` (and
    optionally `{lang}`) in it, which SARIF's `helpUri` and the HTML report link to."""
    screen: tuple[int, int] | None = None
    """The viewport width and height in CSS pixels media queries are evaluated for (the style
    engine's 1280x800 when not set)."""

    @property
    def base_dir(self) -> Path:
        """The folder per-file-ignores globs are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def error(self, key: str, message: str, **args: Any) -> ConfigError:
        """A ConfigError naming this file, the line of `key` in it (when it can be found) and
        `key`: "pyproject.toml:12: [tool.vngpublish.check] fail-on: must be one of ..."."""
        if self.path is None:
            return ConfigError(f"{key}: ", message, **args)
        in_pyproject = self.path.name == "pyproject.toml"
        line = key_line(self.path, key, in_pyproject)
        place = f"{self.path}:{line}" if line else str(self.path)
        table = f"{_TABLE} " if in_pyproject else ""
        return ConfigError(f"{place}: {table}{key}: ", message, **args)


_HEADER = re.compile(r"^\s*\[([^\[\]]+)\]\s*(?:#.*)?$")


def key_line(path: Path, key: str, in_pyproject: bool = True) -> int | None:
    """The 1-based line where `key` of the configuration table is set in the TOML file at
    `path`: `[tool.vngpublish.check]` in a pyproject.toml, the top level in another file.

    `key` is a key of the table ("fail-on"), or "per-file-ignores.'glob'" for one glob of that
    sub-table. None when it cannot be found (the file is read again only for an error).
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    table = "tool.vngpublish.check" if in_pyproject else ""
    name, _, glob = key.partition(".")
    sub_table = f"{table}.{name}".lstrip(".")
    wanted = _key_pattern(name)
    wanted_glob = _key_pattern(glob.strip("'\"")) if glob else None
    current = ""
    for number, text in enumerate(lines, start=1):
        header = _HEADER.match(text)
        if header:
            current = re.sub(r"[\s\"']", "", header.group(1))
            if current == sub_table and wanted_glob is None:
                return number  # the sub-table itself: [tool.vngpublish.check.per-file-ignores]
            continue
        if current == table and wanted.match(text):
            return number
        if wanted_glob is not None and current == sub_table and wanted_glob.match(text):
            return number
    return None


def _key_pattern(key: str) -> re.Pattern[str]:
    """A TOML line that sets `key`, bare or quoted."""
    quoted = re.escape(key)
    return re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*[=.]""")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.vngpublish.check]` table, or None.

    Raises ConfigError for a `pyproject.toml` on the way that cannot be read or is not valid
    TOML: whether it holds the table cannot be known, and skipping it could pick up a parent
    folder's settings (say `fail-on = "never"`) instead.
    """
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and _table(_read_toml(path)) is not None:
            return path
    return None


def declared_lang(path: Path) -> str | None:
    """The `lang` the configuration file at `path` sets, read even when other settings in it
    are wrong, so that their errors can be given in that language; None when the file cannot
    be read, is not TOML, or sets no valid `lang`."""
    try:
        data = _read_toml(path)
    except ConfigError:
        return None
    table = _table(data)
    if table is None and path.name != "pyproject.toml":
        table = data
    lang = table.get("lang") if isinstance(table, dict) else None
    return lang if lang in LANGS else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"{path}: ", N_("cannot read the file: {reason}"), reason=exc.strerror or str(exc)
        ) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: ", N_("not valid TOML: {reason}"), reason=str(exc)) from exc


def _table(data: dict[str, Any]) -> Any:
    return data.get("tool", {}).get("vngpublish", {}).get("check")


def load_config(path: Path) -> Config:
    """Read and validate the configuration in `path`; raises ConfigError naming the file, the
    line and the key."""
    if path.is_dir():
        raise ConfigError(f"{path}: ", N_("is a folder; --config needs a TOML file"))
    data = _read_toml(path)
    table = _table(data)
    if table is None:
        if path.name == "pyproject.toml":
            raise ConfigError(f"{path}: ", N_("has no {table} table"), table=_TABLE)
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: ", N_("{table} must be a table"), table=_TABLE)
    config = Config(path=path)
    for key in table:
        if key not in _KEYS:
            suggestion = closest(key, _KEYS)
            if suggestion:
                raise config.error(
                    key, N_('unknown key (did you mean "{suggestion}"?)'), suggestion=suggestion
                )
            raise config.error(key, N_("unknown key"))
    return Config(
        path=path,
        preset=_string(config, table, "preset", None),
        select=_select(config, table),
        ignore=_ids(config, table, "ignore"),
        per_file_ignores=_per_file_ignores(config, table),
        fail_on=_string(config, table, "fail-on", FAIL_ON),
        lang=_string(config, table, "lang", LANGS),
        docs_url=_docs_url(config, table),
        screen=_screen(config, table),
    )


def _screen(config: Config, table: dict[str, Any]) -> tuple[int, int] | None:
    value = _string(config, table, "screen", None)
    if value is None:
        return None
    match = _SCREEN.fullmatch(value.strip())
    if match is None or not all(int(part) > 0 for part in match.groups()):
        raise config.error(
            "screen",
            N_('must be a width and height in CSS pixels, e.g. "1280x800" (not {value})'),
            value=repr(value),
        )
    return int(match.group(1)), int(match.group(2))


def _docs_url(config: Config, table: dict[str, Any]) -> str | None:
    value = _string(config, table, "docs-url", None)
    if value is not None and "{rule}" not in value:
        raise config.error(
            "docs-url",
            N_(
                "must contain {{rule}} where the rule id goes, e.g. "
                '"https://example.org/vngpublish/rules/{{rule}}.html"'
            ),
        )
    return value


def _string(
    config: Config, table: dict[str, Any], key: str, choices: tuple[str, ...] | None
) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise config.error(key, N_("must be a string, not {value}"), value=repr(value))
    if choices is not None and value not in choices:
        raise config.error(
            key,
            N_("must be one of {choices} (not {value})"),
            choices=", ".join(choices),
            value=repr(value),
        )
    return value


def _select(config: Config, table: dict[str, Any]) -> tuple[str, ...] | None:
    if "select" not in table:
        return None
    if table["select"] == "all":
        return ("all",)
    select = _ids(config, table, "select")
    if not select:
        raise config.error(
            "select", N_('names no rules; leave it out to use the preset, or write "all"')
        )
    return select


def _ids(config: Config, table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise config.error(key, N_("must be a list of rule ids"))
    return tuple(value)


def _per_file_ignores(
    config: Config, table: dict[str, Any]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    value = table.get("per-file-ignores", {})
    if not isinstance(value, dict):
        raise config.error("per-file-ignores", N_("must be a table of glob = [rule ids]"))
    result = []
    for glob, ids in value.items():
        if isinstance(ids, str):
            ids = [ids]
        if not isinstance(ids, list) or not all(isinstance(v, str) for v in ids):
            raise config.error(f"per-file-ignores.{glob!r}", N_("must be a list of rule ids"))
        result.append((glob, tuple(ids)))
    return tuple(result)


def ignored_for(
    path: str, per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...], base_dir: Path
) -> frozenset[str]:
    """The rule ids per-file-ignores switch off for the file at `path`."""
    if not per_file_ignores:
        return frozenset()
    name = os.path.basename(path)
    try:
        relative = Path(os.path.realpath(path)).relative_to(base_dir.resolve()).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    ignored: set[str] = set()
    for glob, ids in per_file_ignores:
        target = relative if "/" in glob else name
        if glob_matches(target, glob.removeprefix("./")):
            ignored.update(ids)
    return frozenset(ignored)


def glob_matches(path: str, glob: str) -> bool:
    """Whether `path` (with `/` separators) matches `glob`.

    `*`, `?` and `[...]` are as in fnmatch (`*` crosses `/`); `**/` also matches no folder at
    all, so `site/**/*.html` matches `site/top.html` as well as `site/a/b/page.html`.
    """
    parts = glob.split("**/")
    # Each `**/` either stays (one or more folders, as `*` crosses `/`) or goes (none).
    patterns = [parts[0]]
    for part in parts[1:]:
        patterns = [*(p + "**/" + part for p in patterns), *(p + part for p in patterns)]
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


def screen_of(config: Config) -> Screen | None:
    """The screen the configuration sets, or None for the style engine's default."""
    if config.screen is None:
        return None
    width, height = config.screen
    return Screen(width=float(width), height=float(height))
