"""The maintenance scripts keep up with the package: every name a script imports from
vngpublish exists (the scripts that need a browser are not run in every test session, so a
moved function would otherwise only show when someone next takes screenshots)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _python_scripts() -> list[Path]:
    return sorted(
        path
        for path in SCRIPTS.iterdir()
        if path.is_file() and path.read_text(encoding="utf-8").startswith("#!/usr/bin/env python")
    )


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vngpublish")
        for alias in node.names
    ]


def test_there_are_python_scripts_to_look_at() -> None:
    assert {path.name for path in _python_scripts()} >= {"screenshots", "rule-docs"}


@pytest.mark.parametrize("script", _python_scripts(), ids=lambda path: path.name)
def test_every_name_a_script_imports_from_the_package_exists(script: Path) -> None:
    for module, name in _imports(script):
        assert hasattr(importlib.import_module(module), name), f"{script.name}: {module}.{name}"
