"""vngpublish: publish accessible newsletters and check HTML for accessibility.

The two halves of the library:

- `vngpublish.render_issue` / `vngpublish.load_issue`: newsletter content to semantic HTML;
- `vngpublish.check`: WCAG 2.2 / EN 301 549 checks over any HTML.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
