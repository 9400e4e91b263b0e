"""What importing costs: the checker's package is cheap to import, and a rule module brings
no output format, runner or command line with it (the import contracts say rules must not
import them; this checks what actually gets loaded)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def modules_after(statement: str) -> list[str]:
    """The vngpublish modules loaded by a fresh interpreter after `statement`."""
    code = (
        f"{statement}\nimport sys, json\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('vngpublish'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


@pytest.mark.parametrize(
    "rule",
    [
        "vngpublish.check.rules.images.image_alt",
        "vngpublish.check.rules.links.link_text_generic",
        "vngpublish.check.rules.language.html_lang_matches_text",
    ],
)
def test_a_rule_module_loads_no_output_format_runner_or_cli(rule: str) -> None:
    loaded = modules_after(f"import {rule}")
    unwanted = [
        m
        for m in loaded
        if m.startswith(("vngpublish.check.report", "vngpublish.check.runner"))
        or m in ("vngpublish.check.cli", "vngpublish.check.api", "vngpublish.check.registry")
    ]
    assert rule in loaded
    assert not unwanted, unwanted


def test_importing_the_checker_loads_almost_nothing() -> None:
    loaded = modules_after("import vngpublish.check")
    assert loaded == ["vngpublish", "vngpublish.check", "vngpublish.version"]
