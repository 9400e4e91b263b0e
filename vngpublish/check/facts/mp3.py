"""How long an MP3 file plays, from its first frame header (and a Xing or Info header where
the encoder wrote one).

Only the first few kilobytes are read: the ID3v2 tag's size is skipped, the first MPEG audio
frame header gives the bit rate and sample rate, and the frame count of a Xing/Info header
(variable bit rate) or else the file size and bit rate give the duration. A file that is not
MP3 gives None.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HEAD = 64 * 1024  # bytes read after the ID3 tag to find the first frame

# MPEG-1 layer III and MPEG-2/2.5 layer III bit rates (kbit/s), by the header's index.
_BITRATES_V1 = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_BITRATES_V2 = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@lru_cache(maxsize=256)
def mp3_seconds(path: Path) -> float | None:
    """The duration of the MP3 file at `path` in seconds; None when it cannot be read."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(10)
            skip = 0
            if head[:3] == b"ID3" and len(head) == 10:
                skip = 10 + ((head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9])
            file.seek(skip)
            data = file.read(_HEAD)
    except OSError:
        return None
    for i in range(len(data) - 4):
        if data[i] != 0xFF or data[i + 1] & 0xE0 != 0xE0:
            continue
        version = (data[i + 1] >> 3) & 3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        layer = (data[i + 1] >> 1) & 3  # 1: layer III
        rate_index = data[i + 2] >> 4
        sample_index = (data[i + 2] >> 2) & 3
        if version == 1 or layer != 1 or rate_index in (0, 15) or sample_index == 3:
            continue
        bitrate = (_BITRATES_V1 if version == 3 else _BITRATES_V2)[rate_index] * 1000
        sample_rate = _SAMPLE_RATES[version][sample_index]
        samples = 1152 if version == 3 else 576
        frames = _xing_frames(data[i:], version, data[i + 3] >> 6 == 3)
        if frames is not None:
            return frames * samples / sample_rate
        return (size - skip - i) * 8 / bitrate
    return None


def _xing_frames(frame: bytes, version: int, mono: bool) -> int | None:
    """The frame count in a Xing/Info header of the first frame, if it has one."""
    side_info = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    offset = 4 + side_info
    tag = frame[offset : offset + 4]
    if tag not in (b"Xing", b"Info") or len(frame) < offset + 12:
        return None
    flags = int.from_bytes(frame[offset + 4 : offset + 8], "big")
    return int.from_bytes(frame[offset + 8 : offset + 12], "big") if flags & 1 else None
