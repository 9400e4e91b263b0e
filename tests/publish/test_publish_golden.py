"""Golden files: the example issue rendered in every variant, compared byte for byte.

A change to the templates, the model or the example shows up here as a diff to review. After
checking that the new output is right, regenerate the golden files with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/publish/test_publish_golden.py

and commit them together with the change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vngpublish.render import Rendered

GOLDEN = Path(__file__).parent / "golden"
FILES = {"web": "index.html", "email": "email.html", "text": "email.txt"}


@pytest.mark.parametrize("variant", sorted(FILES))
def test_variant_matches_golden_file(variant: str, renderings: dict[str, Rendered]) -> None:
    page = renderings[variant]
    output = page.text if variant == "text" else page.html
    golden = GOLDEN / FILES[variant]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with UPDATE_GOLDEN=1 to create it"
    expected = golden.read_text(encoding="utf-8")
    assert output == expected, (
        f"{variant} output differs from {golden.name}; if the change is intended, "
        "regenerate with UPDATE_GOLDEN=1"
    )
