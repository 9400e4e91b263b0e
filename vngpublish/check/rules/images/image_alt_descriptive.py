"""image-alt-descriptive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.html_roles import input_type
from vngpublish.check.facts.image_names import (
    GENERIC,
    PLACEHOLDERS,
    image_files,
    is_file_name,
    normalised,
    stem,
    words,
)
from vngpublish.check.facts.links import link_target
from vngpublish.check.facts.media import file_name
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_IMAGE_ROLES = frozenset({"img", "image"})


class ImageAltDescriptive(Rule):
    """Applies to images in the accessibility tree that have an accessible name: `img`
    elements and elements with `role="img"` that keep the role of an image, and `input
    type="image"`.

    Fails when the name cannot describe anything: it is a file name ("IMG_2034.jpg"), a name
    a camera, phone or hash gives a file ("DSC_0042", a long hexadecimal number), or a word
    that only says there is an image ("image", "afbeelding", "foto"). A file name inside a
    link that downloads or leads to that file may be what the user needs, and needs review.
    Needs review when the name is the image's own file name without extension ("nyhavn"),
    one word that says only what kind of image it is ("logo", "banner"), or names another
    logo than the file name does (alt "ERCIM logo" on "w3c-logo.png"). Other names pass:
    whether they describe the image well is for a person, and is not asked of every image.
    """

    id = "image-alt-descriptive"
    title = N_("Image names describe the image")
    level = "A"
    wcag = ("1.1.1",)
    act = ("qt1vmo", "9eb3f6")
    tags = ("images", "names")
    why = N_(
        "A screen reader reads the text alternative aloud: 'IMG_2034.jpg' or 'afbeelding' "
        "tells a blind visitor nothing about the photo of the council meeting."
    )
    fix = N_(
        'Write in alt what the image shows or does, in a few words, or use alt="" when it '
        "is only decoration."
    )
    messages = {
        "file-name": N_(
            'The name of the image is the file name "{name}": describe what the image shows '
            'instead, or use alt="" if it is only decoration.'
        ),
        "placeholder": N_(
            'The name of the image is "{name}", which says only that there is an image: '
            'describe what it shows instead, or use alt="" if it is only decoration.'
        ),
        "file-name-in-link": N_(
            'The name of the image is the file name "{name}", in a link to a file: check that '
            "the link text says what the file is, not only its name."
        ),
        "same-as-file": N_(
            'The name "{name}" is the image\'s file name ({file}): check that it describes what '
            "the image shows."
        ),
        "generic": N_(
            'The name "{name}" says what kind of image it is, not what it shows: check that it '
            "names what the image shows, such as whose logo."
        ),
        "other-logo": N_(
            'The name "{name}" names another logo than the file {file}: check that it names the '
            "logo this image shows."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        candidates = list(page.by_tag("img"))
        candidates += [el for el in page.by_tag("input") if input_type(el) == "image"]
        candidates += [
            el
            for el in page.with_attribute("role")
            if el.tag not in ("img", "input") and role(page, el) in _IMAGE_ROLES
        ]
        return [
            el
            for el in candidates
            if not is_hidden(page, el)
            and (el.tag == "input" or role(page, el) in _IMAGE_ROLES | {None})
            and accessible_name(page, el).strip()
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            name = accessible_name(page, el).strip()
            text = normalised(name)
            files = image_files(el)
            if is_file_name(name):
                if self._in_link_to_file(page, el, files):
                    yield self.cant_tell(el, "file-name-in-link", name=name)
                else:
                    yield self.fail(el, "file-name", name=name)
            elif text in PLACEHOLDERS:
                yield self.fail(el, "placeholder", name=name)
            elif same := next((f for f in files if stem(f) == " ".join(words(name))), None):
                yield self.cant_tell(el, "same-as-file", name=name, file=file_name(same))
            elif text in GENERIC:
                yield self.cant_tell(el, "generic", name=name)
            elif other := self._other_logo(name, files):
                yield self.cant_tell(el, "other-logo", name=name, file=other)

    @staticmethod
    def _in_link_to_file(page: Page, el: Element, files: list[str]) -> bool:
        """True when the image is in a link that downloads or leads to one of its files."""
        names = {file_name(f).casefold() for f in files}
        for ancestor in el.iterancestors("a"):
            if ancestor.get("download") is not None:
                return True
            target = link_target(page, ancestor)
            return target is not None and file_name(target).casefold() in names
        return False

    @staticmethod
    def _other_logo(name: str, files: list[str]) -> str | None:
        """The file name, when both the name and the file name say "logo" and name it by
        different words (none of the name's other words is in the file name)."""
        said = set(words(name)) - {"logo", "van", "of", "the", "de", "het"}
        if "logo" not in words(name) or not said:
            return None
        for url in files:
            file_words = set(stem(url).split())
            if "logo" in file_words and len(file_words) > 1 and not said & file_words:
                return file_name(url)
        return None
