"""The style package stands alone: its modules import only the standard library, lxml,
tinycss2, cssselect2 and each other — none of the checker's page, rules, engine or report
modules — so the facts layer can build on it without cycles."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import vngpublish.check.style as style

PACKAGE = Path(style.__file__).parent
ALLOWED = {"lxml", "tinycss2", "cssselect2", "webencodings"}


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_package_imports_nothing_of_the_checker() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 10
    for path in modules:
        for module in imported_modules(path):
            top = module.split(".")[0]
            if module.startswith("vngpublish"):
                assert module.startswith("vngpublish.check.style"), (path.name, module)
            else:
                assert top in ALLOWED or top in sys.stdlib_module_names, (path.name, module)


def test_public_api_is_documented() -> None:
    for name in style.__all__:
        assert getattr(style, name).__doc__, name
