"""image-of-text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.image_names import image_files, stem
from vngpublish.check.facts.media import file_name
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Words in file names of images that are usually made of text.
_TEXTUAL = frozenset(
    {
        "text", "tekst", "textimage", "quote", "citaat", "banner", "slide", "flyer", "poster",
        "affiche", "infographic", "infografiek", "uitnodiging", "invitation",
    }
)  # fmt: skip
_BACKGROUND_URL = re.compile(r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?([^'\")]+)", re.I)
_SENTENCE_END = re.compile(r"[.!?]$")
MIN_SENTENCE_WORDS = 8  # a name of this many words ending like a sentence reads as copied text


class ImageOfText(Rule):
    """Applies to rendered `img` and `object` elements and elements with `role="img"`, and to
    elements with a background image in their `style` attribute.

    Never fails: whether an image shows text can only be seen. Needs review when there is a
    sign that it does: its file name has a word such as "tekst", "text", "banner", "quote",
    "citaat", "slide", "poster" or "infographic"; or its name is a sentence of at least eight words
    that ends like one (text copied from the image reads so; a description of a photo
    rarely does). Text in an image cannot be enlarged, recoloured or read aloud as text:
    unless it is a logo or the look of the text is essential, it must be real text.
    """

    id = "image-of-text"
    title = N_("Text is text, not an image of text")
    level = "AA"
    wcag = ("1.4.5",)
    act = ("0va7u6",)
    tags = ("images", "heuristic")
    why = N_(
        "Text in an image blurs when enlarged, keeps its colours when someone needs others, "
        "and cannot be reflowed on a phone or translated."
    )
    fix = N_("Put the text in the page as text, styled with CSS; keep images of text for logos.")
    messages = {
        "textual-file": N_(
            "The file name {file} suggests the image shows text: check whether it does; if so, "
            "and it is not a logo, put that text in the page as text."
        ),
        "sentence-name": N_(
            "The name of the image reads like text copied from it: check whether the image "
            "shows text; if so, and it is not a logo, put that text in the page as text."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        images = [*page.by_tag("img"), *page.by_tag("object")]
        images += [el for el in page.with_attribute("role") if role(page, el) == "img"]
        images += [
            el
            for el in page.with_attribute("style")
            if "url(" in (el.get("style") or "") and _BACKGROUND_URL.search(el.get("style") or "")
        ]
        seen: set[Element] = set()
        found = []
        for el in images:
            if (
                el not in seen
                and is_rendered(page, el)
                and role(page, el) not in ("none", "presentation")
            ):
                seen.add(el)
                found.append(el)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            files = image_files(el)
            match = _BACKGROUND_URL.search(el.get("style") or "")
            if match:
                files.append(match.group(1))
            textual = next(
                (f for f in files if _may_be_textual(f) and _TEXTUAL & set(stem(f).split())), None
            )
            if textual is not None:
                yield self.cant_tell(el, "textual-file", file=file_name(textual))
                continue
            name = accessible_name(page, el).strip() if el.tag in ("img", "object") else ""
            if len(name.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(name):
                yield self.cant_tell(el, "sentence-name")


def _may_be_textual(url: str) -> bool:
    """False when no word of `_TEXTUAL` can be a word of the URL's file name: none is in the
    URL at all (its file name is a part of it, case-folded letter by letter), and no %-escape
    could spell one. Reading the file name's words costs more."""
    if "%" in url:
        return True
    folded = url.casefold()
    return any(word in folded for word in _TEXTUAL)
