"""What an MP4 (ISO base media) file's header says: whether it has a sound track, and how long
it lasts.

Only the `moov` box is read (its `mvhd` for the duration, and the `hdlr` of each `trak` for
the kind of track: `soun` is sound, `vide` picture); the media data is skipped, so a file of
any size costs a few small reads. A file that is not MP4, or whose header is damaged or
larger than `_MAX_MOOV`, gives None: nothing is guessed.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, NamedTuple

_MAX_MOOV = 16 << 20  # a header larger than this is not read
_MAX_BOXES = 1000  # top-level boxes looked at before giving up


class Mp4Info(NamedTuple):
    """What the header of an MP4 file says."""

    has_sound: bool
    has_picture: bool
    seconds: float | None  # None when the header gives no duration


@lru_cache(maxsize=256)
def mp4_info(path: Path) -> Mp4Info | None:
    """The header facts of the MP4 file at `path`; None when it is not a readable MP4 file.
    Cached per process: the pages of a site share their media."""
    try:
        with path.open("rb") as file:
            moov = _find_moov(file)
    except OSError:
        return None
    if moov is None:
        return None
    return _read_moov(moov)


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """The boxes in `data[start:end]`: (type, start of payload, end)."""
    found = []
    offset = start
    while offset + 8 <= end:
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        header = 8
        if size == 1:
            if offset + 16 > end:
                break
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            break
        found.append((kind, offset + header, offset + size))
        offset += size
    return found


def _find_moov(file: BinaryIO) -> bytes | None:
    """The payload of the file's top-level `moov` box (seeking past everything else)."""
    first = file.read(8)
    if len(first) < 8 or first[4:8] not in (b"ftyp", b"moov", b"free", b"mdat", b"wide", b"skip"):
        return None
    file.seek(0)
    for _ in range(_MAX_BOXES):
        head = file.read(8)
        if len(head) < 8:
            return None
        size, kind = struct.unpack(">I4s", head)
        header = 8
        if size == 1:
            size = struct.unpack(">Q", file.read(8))[0]
            header = 16
        elif size == 0:
            return file.read(_MAX_MOOV) if kind == b"moov" else None
        if size < header:
            return None
        if kind == b"moov":
            if size - header > _MAX_MOOV:
                return None
            payload = file.read(size - header)
            return payload if len(payload) == size - header else None
        file.seek(size - header, 1)
    return None


def _read_moov(moov: bytes) -> Mp4Info:
    seconds: float | None = None
    kinds: set[bytes] = set()
    for kind, start, end in _boxes(moov, 0, len(moov)):
        if kind == b"mvhd":
            seconds = _duration(moov[start:end])
        elif kind == b"trak":
            for media, m_start, m_end in _boxes(moov, start, end):
                if media != b"mdia":
                    continue
                for box, b_start, b_end in _boxes(moov, m_start, m_end):
                    if box == b"hdlr" and b_end - b_start >= 12:
                        kinds.add(moov[b_start + 8 : b_start + 12])
    return Mp4Info(b"soun" in kinds, b"vide" in kinds, seconds)


def _duration(mvhd: bytes) -> float | None:
    """The duration in an `mvhd` payload, in seconds (version 0: 32-bit fields, 1: 64-bit)."""
    if not mvhd:
        return None
    if mvhd[0] == 1 and len(mvhd) >= 32:
        scale, length = struct.unpack(">IQ", mvhd[20:32])
    elif len(mvhd) >= 20:
        scale, length = struct.unpack(">II", mvhd[12:20])
    else:
        return None
    return length / scale if scale else None
