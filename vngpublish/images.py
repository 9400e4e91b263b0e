"""The format and size of a PNG, GIF or JPEG file, read from its first bytes (no image library).

The build needs both to publish a local image safely: the format must be one that every e-mail
client shows and must match the file's ending, and `width` and `height` default to the
image's own size.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

__all__ = ["ImageInfo", "read_image_info"]

# JPEG start-of-frame markers (baseline, progressive, lossless ...; not DHT, JPG or DAC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_HEAD = 64 * 1024  # how much of a JPEG to read for its frame header (EXIF comes first)


class ImageInfo(NamedTuple):
    """A readable image: its format ("png", "gif" or "jpeg") and size in pixels."""

    kind: str
    width: int
    height: int


def read_image_info(path: Path) -> ImageInfo | None:
    """The format and size of the image in `path`; None when it is no PNG, GIF or JPEG that
    can be read (raises OSError when the file cannot be opened)."""
    with path.open("rb") as file:
        head = file.read(_HEAD)
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return _sized("png", width, height)
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return _sized("gif", width, height)
    if head.startswith(b"\xff\xd8"):
        return _jpeg(head)
    return None


def _sized(kind: str, width: int, height: int) -> ImageInfo | None:
    return ImageInfo(kind, width, height) if width > 0 and height > 0 else None


def _jpeg(data: bytes) -> ImageInfo | None:
    """Walk the JPEG segments up to the first start-of-frame, which holds the size."""
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if 0xD0 <= marker <= 0xD9 or marker == 0x01:  # markers without a length
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _SOF:
            if index + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return _sized("jpeg", width, height)
        index += 2 + length
    return None
