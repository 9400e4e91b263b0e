"""vngpublish: publish accessible newsletters and check HTML for accessibility.

The two halves of the library:

- `vngpublish.render_issue` / `vngpublish.load_issue`: newsletter content to semantic HTML;
- `vngpublish.check`: WCAG 2.2 / EN 301 549 checks over any HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vngpublish.version import __version__

__all__ = ["__version__", "load_issue", "render_issue"]

if TYPE_CHECKING:
    from vngpublish.content import load_issue
    from vngpublish.render import render_issue


def __getattr__(name: str) -> Any:
    # Imported on first use, so `python -m vngpublish.check` does not pay for the publishing
    # half (pydantic, Jinja, Markdown, Babel).
    if name == "load_issue":
        from vngpublish.content import load_issue

        return load_issue
    if name == "render_issue":
        from vngpublish.render import render_issue

        return render_issue
    raise AttributeError(f"module 'vngpublish' has no attribute {name!r}")
