"""Locate the data that ships with vngpublish: templates and the rule catalogue.

In a source checkout the folders `templates/` and `checks/` sit at the top of the repository;
in an installed wheel they are packaged as `vngpublish/_data/templates` and
`vngpublish/_data/checks`. Everything that needs them asks this module, so both layouts work.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder `name` ("templates" or "checks") for this installation.

    Raises FileNotFoundError naming both places looked in when neither exists, which means the
    installation is broken.
    """
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"vngpublish cannot find its '{name}' folder (looked in {installed} and {checkout}); "
        "reinstall the package"
    )


def templates_dir() -> Path:
    """The folder with the Jinja templates (newsletter variants and the report)."""
    return data_dir("templates")


def checks_dir() -> Path:
    """The folder with the rule catalogue: cases, presets and word lists."""
    return data_dir("checks")
