"""Constants and helpers shared by the publishing tests (the fixtures are in conftest.py).

A module of its own, with a unique name, so tests can import it whatever other conftest.py
files the test suite has.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "raadsledennieuws-2024-03"
ISSUE_YML = """\
title: Testnieuws
date: 2024-04-01
publisher: Gemeente Voorbeeld
themes:
  - Wonen
  - Zorg
footer:
  note: Verzonden door de gemeente.
  links:
    - text: voorbeeld.nl
      url: https://voorbeeld.nl/
"""

ITEM_MD = """\
---
title: Nieuwe woonwijk
themes: [Wonen]
url: https://voorbeeld.nl/woonwijk
---
De gemeente bouwt een nieuwe woonwijk.
"""

MakeIssue = Callable[..., Path]


def write(path: Path, text: str | bytes) -> None:
    """Write `text` to `path`; bytes as they are (to make files that are not UTF-8)."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
