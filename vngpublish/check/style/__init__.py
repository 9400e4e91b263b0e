"""Computed CSS style from a static cascade, for rules that need colours, sizes and
visibility: colour contrast, hidden content, text spacing and more.

    from vngpublish.check.style import Cascade

    cascade = Cascade(root, page_path="site/news/index.html", site_root=Path("site"))
    style = cascade.computed(paragraph)
    style.color, style.background_color, style.font_size_px, style.font_weight
    cascade.declared(paragraph, "color")  # which file and line decided
    cascade.remote_sheets, cascade.problems  # what the cascade could not see

The input is an lxml element tree (as `vngpublish.check.page.parse_html` returns it) and where
the page lives; nothing here imports the rest of the checker. Modules, each with one job:

- values: `colors` (sRGB, named and system colours, compositing, WCAG contrast),
  `color_syntax` (CSS colour syntax), `values` (lengths, calc()), `media` (media queries,
  `Screen`), `variables` (var());
- properties: `property_types` (what property definitions share), `text_properties`,
  `box_properties`, and the registry `properties`;
- stylesheets: `declarations` (declaration blocks), `stylesheet` (a sheet's parsed form),
  `sheet_reader` (text to rules), `sheets` (cached reading of texts and files), `sources`
  (which stylesheets a document uses), `ua` (user-agent sheet, presentational hints,
  quirks mode);
- selectors: `selector_syntax` (the simple selector path), `selectors` (what matching a
  selector depends on), `rule_index` (rules by bucket key), `matching`;
- style: `computed` (`ComputedStyle`), `shared_context` (what pages with the same sheets
  share) and `cascade` (`Cascade`).
"""

from vngpublish.check.style.cascade import AuthorRule, Cascade, Declared
from vngpublish.check.style.color_syntax import parse_color
from vngpublish.check.style.colors import (
    RGBA,
    UNKNOWN_COLOR,
    composite,
    contrast_ratio,
    relative_luminance,
)
from vngpublish.check.style.computed import ComputedStyle
from vngpublish.check.style.media import Screen
from vngpublish.check.style.media import clear_cache as _clear_media
from vngpublish.check.style.property_types import ClipRect, Content, Image, LineHeight
from vngpublish.check.style.selectors import clear_cache as _clear_selectors
from vngpublish.check.style.shared_context import clear_contexts
from vngpublish.check.style.sheets import clear_caches as _clear_sheets
from vngpublish.check.style.sources import Problem, RemoteSheet, SheetSource


def clear_caches() -> None:
    """Forget every stylesheet, index, selector analysis and shared style this process
    cached (tests use this; a long-running process may, between sites)."""
    _clear_sheets()
    _clear_selectors()
    _clear_media()
    clear_contexts()


__all__ = [
    "RGBA",
    "UNKNOWN_COLOR",
    "AuthorRule",
    "Cascade",
    "ClipRect",
    "ComputedStyle",
    "Content",
    "Declared",
    "Image",
    "LineHeight",
    "Problem",
    "RemoteSheet",
    "Screen",
    "SheetSource",
    "clear_caches",
    "composite",
    "contrast_ratio",
    "parse_color",
    "relative_luminance",
]
