"""What an image's name and file name say: whether the name is a file name, a camera or
hash name, or a word that names no content, and the file names an image is shown from.

Shared by the rules that judge image names and images of text; word lists are Dutch and
English.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vngpublish.check.facts.media import file_name

if TYPE_CHECKING:
    from vngpublish.check.dom import Element

IMAGE_EXTENSION = re.compile(
    r"\.(?:jpe?g|jfif|png|gif|webp|svg|avif|bmp|tiff?|heic|ico)$", re.IGNORECASE
)
# Names cameras, phones and screenshot tools give files, and content hashes.
_MACHINE_NAME = re.compile(
    r"^(?:(?:img|dsc[nf]?|pxl|mvimg|dji|gopr|vid|wp|p)[-_ ]?\d{3,}[\w-]*"
    r"|(?:screenshot|schermafbeelding|screen shot)[\s_-]*[\d][\d\s_.:-]*"
    r"|[0-9a-f]{16,}|[0-9a-f-]{32,}|\d{6,})$",
    re.IGNORECASE,
)
# Names that say only that there is an image.
PLACEHOLDERS = frozenset(
    {
        "image", "img", "picture", "pic", "photo", "graphic", "icon", "placeholder",
        "untitled", "spacer", "alt", "alt text", "image description",
        "afbeelding", "plaatje", "foto", "icoon", "naamloos", "beeld",
    }
)  # fmt: skip
# Names that say what kind of image it is but not what it shows.
GENERIC = frozenset({"logo", "banner", "header", "beeldmerk", "illustratie", "illustration"})
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def normalised(name: str) -> str:
    """A name lower-cased, with surrounding spaces and punctuation removed."""
    return name.strip().strip(".:;,!?-_()[]\"'").strip().casefold()


def is_file_name(name: str) -> bool:
    """True when the name is a file name of an image ("IMG_2034.jpg") or a name a camera,
    phone or hash gives a file ("DSC_0042", a long hexadecimal number)."""
    text = normalised(name)
    if " " not in text and IMAGE_EXTENSION.search(text):
        return True
    return bool(_MACHINE_NAME.match(text))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased (letters and digits; `_` and `-` separate)."""
    return [w.casefold() for w in _WORDS.findall(text)]


def stem(url: str) -> str:
    """A file's name without extension, as words joined by spaces ("w3c logo")."""
    name = file_name(url)
    name = name.rsplit(".", 1)[0] if "." in name else name
    return " ".join(words(name))


def image_files(el: Element) -> list[str]:
    """The URLs an image element is shown from: `src` (or `data` of an object), every URL
    of its `srcset`, and those of the `<source>` elements of its `<picture>`."""
    urls = [u for attr in ("src", "data") if (u := (el.get(attr) or "").strip())]
    sets = [el.get("srcset") or ""]
    parent = el.getparent()
    if parent is not None and parent.tag == "picture":
        sets += [s.get("srcset") or "" for s in parent if s.tag == "source"]
    for srcset in sets:
        for candidate in srcset.split(","):
            parts = candidate.split()
            if parts:
                urls.append(parts[0])
    return urls
