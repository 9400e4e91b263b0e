"""The build's configuration: `[tool.vngpublish.build]` in `pyproject.toml`::

    [tool.vngpublish.build]
    fail-on = "error"                  # error | warning | never (default error)
    lang = "nl"                        # en | nl: the language of messages
    base-url = "https://example.org/nieuwsbrief/"
    templates = "huisstijl"            # a folder of templates, relative to this file
    format = "text"                    # how findings are printed, as the checker's --format

    [tool.vngpublish.build.email]      # every issue's defaults; issue.yml `email:` wins
    sender = "VNG <nieuwsbrief@vng.nl>"
    unsubscribe = "*|UNSUB|*"

    [tool.vngpublish.build.style]      # every issue's house style; issue.yml `style:` wins
    accent = "#00527a"
    font = "Arial, Helvetica, sans-serif"
    logo = { src = "huisstijl/logo.png", alt = "" }   # relative to this file

The file is the nearest `pyproject.toml` with a `[tool.vngpublish]` table, looking in the
current folder and then its parents; `--config FILE` names one instead. Without `fail-on` or
`lang` in the build's table, those of `[tool.vngpublish.check]` apply, so one setting serves
the checker and the build. Command-line options override the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vngpublish.content import prepare_image
from vngpublish.errors import ContentError, ContentErrors, PublishError
from vngpublish.i18n import N_
from vngpublish.model import Email, Style
from vngpublish.render import FAIL_ON
from vngpublish.site import SiteSettings

__all__ = ["LANGS", "BuildConfig", "find_config", "load_config"]

LANGS = ("en", "nl")
_KEYS = ("fail-on", "lang", "base-url", "templates", "format", "email", "style")
_TABLE = "tool.vngpublish.build"


@dataclass(frozen=True)
class BuildConfig:
    """Settings from a configuration file (None where the file sets nothing)."""

    path: Path | None = None
    fail_on: str | None = None
    lang: str | None = None
    base_url: str | None = None
    templates: str | None = None
    format: str | None = None
    settings: SiteSettings = field(default_factory=SiteSettings)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml with a `[tool.vngpublish]` table, from `start` (default the
    current folder) up; None when there is none."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if re.search(r"^\s*\[\s*tool\.vngpublish[.\]]", text, re.MULTILINE):
                return path
    return None


def declared_lang(path: Path) -> str | None:
    """The `lang` the file sets for the build (or the checker), read leniently: for the
    language of the errors about the rest of the file. None when unreadable or unset."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    tables = _tables(data, path)
    for table in tables:
        if isinstance(table, dict) and table.get("lang") in LANGS:
            return str(table["lang"])
    return None


def _tables(data: dict[str, Any], path: Path) -> tuple[Any, Any]:
    """The build's table and the checker's table of a parsed file."""
    if path.name != "pyproject.toml":
        return data, {}
    tool = data.get("tool", {}).get("vngpublish", {}) if isinstance(data.get("tool"), dict) else {}
    if not isinstance(tool, dict):
        return {}, {}
    return tool.get("build", {}), tool.get("check", {})


def load_config(path: Path) -> BuildConfig:
    """Read the configuration in `path`: a pyproject.toml, or a TOML file with the build's
    keys at the top level. Raises PublishError naming the file, line and key."""
    shown = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PublishError(
            N_("cannot be read ({reason})"), shown, reason=error.strerror or str(error)
        ) from None
    except UnicodeDecodeError:
        raise PublishError(N_("is not UTF-8 text; save the file as UTF-8"), shown) from None
    except tomllib.TOMLDecodeError as error:
        raise PublishError(N_("invalid TOML: {problem}"), shown, problem=str(error)) from None
    build, check = _tables(data, path)
    if not isinstance(build, dict):
        raise PublishError(N_("[{table}] must be a table"), shown, table=_TABLE)
    for key in build:
        if key not in _KEYS:
            raise _error(path, key, N_("unknown key; the keys are {keys}"), keys=", ".join(_KEYS))
    fail_on = _choice(path, build, "fail-on", FAIL_ON)
    lang = _choice(path, build, "lang", LANGS)
    if isinstance(check, dict):
        if fail_on is None and check.get("fail-on") in FAIL_ON:
            fail_on = str(check["fail-on"])
        if lang is None and check.get("lang") in LANGS:
            lang = str(check["lang"])
    templates = _text(path, build, "templates")
    if templates is not None:
        templates = str(path.parent / templates)
    return BuildConfig(
        path=path,
        fail_on=fail_on,
        lang=lang,
        base_url=_text(path, build, "base-url"),
        templates=templates,
        format=_text(path, build, "format"),
        settings=SiteSettings(email=_email(path, build), style=_style(path, build)),
    )


def _error(path: Path, key: str, message: str, **fields: Any) -> PublishError:
    """An error about `key` of the build's table: `pyproject.toml:7: [tool...] key: ...`."""
    return PublishError(
        N_("[{table}] {key}: {problem}"),
        str(path),
        key_line(path, key),
        table=_TABLE,
        key=key,
        problem=PublishError(message, **fields),
    )


def _choice(path: Path, table: dict[str, Any], key: str, choices: tuple[str, ...]) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if value not in choices:
        raise _error(
            path,
            key,
            N_("must be one of {choices}, got {value}"),
            choices=", ".join(choices),
            value=repr(value),
        )
    return str(value)


def _text(path: Path, table: dict[str, Any], key: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise _error(path, key, N_("must be text in quotes, got {value}"), value=repr(value))
    return value


def _email(path: Path, table: dict[str, Any]) -> Email:
    data = table.get("email", {})
    if not isinstance(data, dict):
        raise _error(path, "email", N_("must be a table of keys and values"))
    try:
        return Email.model_validate(data)
    except ValidationError as error:
        raise _model_errors(path, "email", error) from None


def _style(path: Path, table: dict[str, Any]) -> Style:
    data = table.get("style", {})
    if not isinstance(data, dict):
        raise _error(path, "style", N_("must be a table of keys and values"))
    data = dict(data)
    problems: list[ContentError] = []
    file = None
    if isinstance(data.get("logo"), dict):
        data["logo"] = dict(data["logo"])

        def report(message: str, shown: str, line: int | None, **fields: Any) -> None:
            problems.append(ContentError(message, shown, line, **fields))

        file = prepare_image(data["logo"], path.parent, str(path), key_line(path, "logo"), report)
    if problems:
        raise ContentErrors(problems)
    try:
        style = Style.model_validate(data)
    except ValidationError as error:
        raise _model_errors(path, "style", error) from None
    if file is not None and style.logo is not None:
        style = style.model_copy(update={"logo": style.logo.with_file(file)})
    return style


def _model_errors(path: Path, table: str, error: ValidationError) -> ContentErrors:
    from vngpublish.content import describe

    problems = []
    for detail in error.errors():
        message, fields = describe(detail)
        key = str(detail["loc"][0]) if detail["loc"] else table
        problems.append(
            ContentError(
                N_("[{table}] {problem}"),
                str(path),
                key_line(path, key, f"{_TABLE}.{table}"),
                table=f"{_TABLE}.{table}",
                problem=PublishError(message, **fields),
            )
        )
    return ContentErrors(problems)


_HEADER = re.compile(r"^\s*\[([^\[\]]+)\]\s*(?:#.*)?$")


def key_line(path: Path, key: str, table: str = _TABLE) -> int | None:
    """The line where `key` is set in `table` of the TOML file (or the line of the table
    `table.key` itself); None when it cannot be found."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    wanted = table if path.name == "pyproject.toml" else ""
    current = ""
    setting = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    for number, text in enumerate(lines, start=1):
        header = _HEADER.match(text)
        if header:
            current = re.sub(r"[\s\"']", "", header.group(1))
            if current == f"{wanted}.{key}".lstrip("."):
                return number
        elif current == wanted and setting.match(text):
            return number
    return None
