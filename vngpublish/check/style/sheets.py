"""Reading stylesheets, once per process for each distinct text or file: `read_sheet` for
a `<style>` element's text, `read_sheet_file` for a linked or imported file (by path,
modification time and size), both from small LRU caches bounded by entries and characters.
How a sheet's text becomes rules is `sheet_reader`'s job.
"""

from __future__ import annotations

import re
import stat
from collections import OrderedDict
from pathlib import Path
from typing import Any, Final

from vngpublish.check.style.declarations import clear_cache as _clear_declarations
from vngpublish.check.style.declarations import tame
from vngpublish.check.style.sheet_reader import read_text
from vngpublish.check.style.stylesheet import Sheet

# ------------------------------------------------------------------------------ limits
MAX_SHEET_CHARS: Final = 16_000_000
"""Stylesheet files larger than this (in bytes) are not read (recorded as a problem)."""
_TEXT_CACHE_ENTRIES = 512
_FILE_CACHE_ENTRIES = 256
_CACHE_CHARS = 32_000_000  # text kept by each cache


# ------------------------------------------------------------------------------- caches
class _Cache:
    """A small LRU cache of sheets, bounded by entries and by the characters they hold."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.items: OrderedDict[Any, Sheet] = OrderedDict()
        self.chars = 0

    def get(self, key: Any) -> Sheet | None:
        """The cached sheet for `key`, marked as recently used."""
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: Any, sheet: Sheet) -> None:
        """Cache a sheet, dropping the least recently used beyond the bounds."""
        self.items[key] = sheet
        self.chars += len(sheet.text)
        while len(self.items) > 1 and (len(self.items) > self.entries or self.chars > _CACHE_CHARS):
            _key, dropped = self.items.popitem(last=False)
            self.chars -= len(dropped.text)


_TEXTS = _Cache(_TEXT_CACHE_ENTRIES)
_FILES = _Cache(_FILE_CACHE_ENTRIES)


def clear_caches() -> None:
    """Forget every cached stylesheet (for tests and long-running processes)."""
    for cache in (_TEXTS, _FILES):
        cache.items.clear()
        cache.chars = 0
    _clear_declarations()
    _RESOLVED.clear()


def read_sheet(text: str) -> Sheet:
    """The parsed sheet of `text` (a `<style>` element's content), from the cache when the
    same text was read before in this process."""
    found = _TEXTS.get(text)
    if found is None:
        found = read_text(tame(text))  # offsets refer to the tamed text
        _TEXTS.put(text, found)
    return found


class SheetFileError(Exception):
    """A stylesheet file that could not be read; the message says why."""


def read_sheet_file(path: Path) -> Sheet:
    """The parsed sheet of a stylesheet file, from the cache when the same file (path,
    modification time and size) was read before. Raises `SheetFileError`."""
    try:
        resolved = resolve(path)
        status = resolved.stat()
    except (OSError, RuntimeError) as error:
        raise SheetFileError(_reason(error)) from error
    if not stat.S_ISREG(status.st_mode):
        raise SheetFileError("not a file")
    if status.st_size > MAX_SHEET_CHARS:
        raise SheetFileError(f"larger than {MAX_SHEET_CHARS} bytes")
    key = (str(resolved), status.st_mtime_ns, status.st_size)
    found = _FILES.get(key)
    if found is None:
        try:
            data = resolved.read_bytes()
        except OSError as error:
            raise SheetFileError(_reason(error)) from error
        found = read_text(tame(decode_sheet(data)))
        _FILES.put(key, found)
    return found


_RESOLVED: dict[Path, Path] = {}


def resolve(path: Path) -> Path:
    """`path` made absolute with symbolic links resolved, remembered per process: the pages
    of a site name the same stylesheets over and over. Raises OSError or RuntimeError as
    `Path.resolve` does."""
    found = _RESOLVED.get(path)
    if found is None:
        found = path.resolve()
        if len(_RESOLVED) >= 4096:
            _RESOLVED.clear()
        _RESOLVED[path] = found
    return found


def _reason(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


_CHARSET = re.compile(rb'^@charset "([^"]{1,40})";')


def decode_sheet(data: bytes) -> str:
    """A stylesheet file's text: by its BOM, else its `@charset`, else UTF-8 (CSS Syntax 3,
    without the referring document's encoding); undecodable bytes become U+FFFD."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    declared = _CHARSET.match(data)
    if declared:
        label = declared.group(1).decode("ascii", "replace").strip().lower()
        if label in ("utf-16be", "utf-16le", "utf-16"):
            label = "utf-8"  # CSS Syntax: a UTF-16 @charset in an ASCII-compatible file means UTF-8
        try:
            return data.decode(label, "replace")
        except LookupError:
            pass
    return data.decode("utf-8", "replace")
