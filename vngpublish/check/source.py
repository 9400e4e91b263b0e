"""Finding the files to check and reading them as text.

Every path that cannot be checked becomes a `FileError` (reported, exit status 2); nothing is
skipped silently.

Decoding follows the order browsers use, simplified: a byte order mark wins; else a
`<meta charset>` or `<meta http-equiv="content-type" content="...; charset=...">` in the first
1024 bytes; else UTF-8. A declared label means what the WHATWG Encoding Standard says it means
(the table of the `webencodings` package): "latin1" is windows-1252, and a name that is only a
Python codec ("undefined", "base64", "rot13") is no encoding at all. Decoding is strict: an
invalid byte is an error naming its line, column and value, not a replacement character that
would hide the defect.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from typing import Any

import webencodings

from vngpublish.i18n import N_

SUFFIXES = (".html", ".htm", ".xhtml")
PRESCAN_BYTES = 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_ENCODING = re.compile(rb"""<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE
)
# What HTML's prescan does with some encodings a document declares (HTML, "prescan a byte
# stream"): a <meta> cannot declare UTF-16, since it was read as ASCII bytes; and x-user-defined
# is read as windows-1252.
_DECLARED_INSTEAD = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "windows-1252"}


@dataclass(frozen=True)
class FileError:
    """A path that could not be checked.

    `message` is an English source string (marked with `N_`) whose `{placeholders}` are filled
    from `args`; `line` is set when the problem is at a place in the file.
    """

    path: str
    message: str
    args: dict[str, Any] = field(default_factory=dict)
    line: int | None = None


class SourceError(Exception):
    """Raised when a file cannot be read or decoded; carries the `FileError` to report."""

    def __init__(self, error: FileError) -> None:
        super().__init__(f"{error.path}: {error.message.format(**error.args)}")
        self.error = error


def collect(paths: list[str]) -> tuple[list[str], list[FileError]]:
    """The files to check for the command-line `paths`, and an error for each bad path.

    A folder contributes every `*.html`, `*.htm` and `*.xhtml` file under it (recursively); a
    file named directly is checked whatever its name. Only regular files are read: a FIFO,
    device or socket (named directly or found in a folder) is an error, never waited on.
    Files come back sorted, spelled as the user gave the path (relative stays relative), and
    each file once: paths that resolve to the same file keep the first spelling given.
    """
    files: dict[str, str] = {}  # resolved path -> spelling
    errors: list[FileError] = []

    failed: set[str] = set()

    def add(path: str) -> None:
        resolved = os.path.realpath(path)
        if os.path.isfile(path):
            files.setdefault(resolved, path)
        elif resolved not in failed:
            failed.add(resolved)
            broken = not os.path.exists(path)
            errors.append(FileError(path, N_("broken symbolic link") if broken else NOT_REGULAR))

    for given in paths:
        if os.path.isdir(given):
            found = _walk(given)
            if not found:
                errors.append(FileError(given, N_("no .html, .htm or .xhtml files in this folder")))
            for path in found:
                add(path)
        elif os.path.lexists(given):
            add(given)
        else:
            errors.append(FileError(given, N_("no such file or folder")))
    return sorted(files.values()), errors


NOT_REGULAR = N_("not a regular file (a FIFO, device or socket); only files are checked")
"""The error for a path that exists but is neither a file nor a folder."""


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for parent, dirs, names in os.walk(folder):
        dirs.sort()
        for name in names:
            if name.lower().endswith(SUFFIXES):
                found.append(os.path.join(parent, name))
    return found


def read_source(path: str) -> str:
    """The text of the file at `path`; raises SourceError saying why it cannot be checked."""
    if os.path.isdir(path):
        raise SourceError(FileError(path, N_("is a folder, not a file")))
    if os.path.exists(path) and not os.path.isfile(path):
        # Opening a FIFO would wait for a writer forever.
        raise SourceError(FileError(path, NOT_REGULAR))
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        if os.path.lexists(path) and not os.path.exists(path):
            raise SourceError(FileError(path, N_("broken symbolic link"))) from exc
        reason = exc.strerror or str(exc)
        raise SourceError(
            FileError(path, N_("cannot read the file: {reason}"), {"reason": reason})
        ) from exc
    return decode(data, path)


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode an HTML file's bytes (BOM, then `<meta>` charset, else UTF-8), strictly."""
    encoding, start = sniff_encoding(data, xml=path.lower().endswith(".xhtml"))
    if not data[start:] or data[start:].isspace():  # nothing, or only a byte order mark
        raise SourceError(FileError(path, N_("the file is empty")))
    if encoding == "replacement":
        label, offset = declared_label(data, xml=path.lower().endswith(".xhtml")) or ("", 0)
        line = data.count(b"\n", 0, offset) + 1
        raise SourceError(
            FileError(
                path,
                N_(
                    "line {line} declares the encoding {label}, which browsers do not decode "
                    "(they show one replacement character instead of the page): save the file "
                    'as UTF-8 and declare <meta charset="utf-8">'
                ),
                {"line": line, "label": label},
                line=line,
            )
        )
    try:
        return data[start:].decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise SourceError(
            FileError(
                path,
                N_(
                    "cannot be decoded as {encoding}: byte 0x{byte} at line {line}, column {column}"
                ),
                {
                    "encoding": encoding,
                    "byte": f"{data[offset]:02X}",
                    "line": line,
                    "column": column,
                },
                line=line,
            )
        ) from exc


def sniff_encoding(data: bytes, xml: bool = False) -> tuple[str, int]:
    """The encoding of `data` (a Python codec name) and how many bytes of byte order mark to
    skip; "replacement" for a declared encoding that nothing decodes.

    With `xml` (an XHTML file), the XML declaration's `encoding` comes after the byte order
    mark, as XML parsers read it; HTML parsers ignore that declaration.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    declared = declared_label(data, xml)
    found = webencodings.lookup(declared[0]) if declared else None
    if found is None:  # nothing declared, or an unknown label, which browsers ignore
        return "utf-8", 0
    name = _DECLARED_INSTEAD.get(found.name, found.name)
    if name == "replacement":
        return name, 0
    return codecs.lookup(webencodings.lookup(name).codec_info.name).name, 0


def declared_label(data: bytes, xml: bool = False) -> tuple[str, int] | None:
    """The encoding label the page declares and its offset in `data`, if any: the XML
    declaration's (with `xml`), else a `<meta>` charset in the first 1024 bytes."""
    match = _XML_ENCODING.match(data) if xml else None
    match = match or _META_CHARSET.search(data[:PRESCAN_BYTES])
    return (match.group(1).decode("ascii"), match.start(1)) if match else None
