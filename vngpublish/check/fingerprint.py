"""Stable fingerprints of reported elements, shared by every format and by baselines.

A fingerprint names an element without its line number, so it survives unrelated edits:
moving lines, adding paragraphs elsewhere, re-indenting. It is a short hash of

- the tag and `id`;
- key attributes that say what the element is (`href`, `src`, `for`, `name`, `type`, `role`,
  `action`), but not classes or styles, which change with the look;
- the element's whitespace-normalised text (its start: long texts are cut), except for
  `html`, `head` and `body`, whose text is the whole page;
- the chain of landmark and sectioning ancestors (`main`, `nav`, `section`, ...) and of
  ancestors with an `id`, without positions.

Elements that still look alike (three identical "Lees meer" links in one section) are told
apart by an occurrence index among the findings of the same rule with the same key, counted
in document order: the first keeps the bare hash, the next ones get `-1`, `-2`, ...
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from vngpublish.check.dom import Element
from vngpublish.check.facts.fact import inherited_fact
from vngpublish.check.finding import Finding
from vngpublish.check.locate import text_start
from vngpublish.check.page import Page

KEY_ATTRIBUTES = ("href", "src", "for", "name", "type", "role", "action")
"""Attributes that identify an element (what it points at, labels, or is)."""
SECTIONING = frozenset(
    {"main", "nav", "header", "footer", "aside", "section", "article", "form", "dialog", "table"}
)
"""Ancestors that place an element on the page without depending on positions."""
WHOLE_PAGE = frozenset({"html", "head", "body"})
TEXT_LIMIT = 100
"""Characters of text that go into the key: enough to tell elements apart."""


def element_key(page: Page, el: Element) -> str:
    """The readable key of `el` that its fingerprint hashes (no positions, no line numbers)."""
    parts = [str(el.tag)]
    present = el.keys()  # one call; most elements carry none of the key attributes
    if present:
        element_id = el.get("id")
        if element_id:
            parts.append(f"#{element_id}")
        for name in KEY_ATTRIBUTES:
            if name in present:
                parts.append(f"{name}={' '.join(el.get(name).split())}")
    if el.tag not in WHOLE_PAGE:
        parts.append("text=" + text_start(page, el, TEXT_LIMIT))
    parent = el.getparent()
    parts.append("in=" + (_context(page, parent) if parent is not None else ""))
    return "|".join(parts)


@inherited_fact("")
def _context(page: Page, el: Element, parent_chain: str) -> str:
    """The landmark and id chain of `el` and its ancestors, outermost first, joined by ">".

    Kept per element for the page: findings on neighbouring elements share their ancestors.
    """
    label = _label(el)
    if not label:
        return parent_chain
    return f"{parent_chain}>{label}" if parent_chain else label


def _label(el: Element) -> str:
    """How an ancestor appears in the chain: tag#id, a sectioning tag, or "" (left out)."""
    if not isinstance(el.tag, str) or el.tag in WHOLE_PAGE:
        return ""
    ancestor_id = el.get("id")
    if ancestor_id:
        return f"{el.tag}#{ancestor_id}"
    return str(el.tag) if el.tag in SECTIONING else ""


def digest(key: str) -> str:
    """A short hex hash of `key` (16 hex digits: collisions within one page are negligible)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def occurrence_fingerprints(keys: Iterable[tuple[str, str]]) -> list[str]:
    """Fingerprints for (rule, element key) pairs given in document order.

    The first occurrence of a pair gets the bare hash of the key, later ones `-1`, `-2` ...
    """
    seen: dict[tuple[str, str], int] = {}
    result: list[str] = []
    for pair in keys:
        index = seen.get(pair, 0)
        seen[pair] = index + 1
        fingerprint = digest(pair[1])
        result.append(fingerprint if index == 0 else f"{fingerprint}-{index}")
    return result


def with_fingerprints(keyed: Iterable[tuple[Finding, str]]) -> list[Finding]:
    """Findings with `fingerprint` set from their keys and an occurrence index, sorted.

    `keyed` pairs each finding with its element key (`element_key`, or any stable text for
    findings that are not about an element). Findings come back in `Finding.sort_key` order;
    the occurrence index counts, per rule and key, in that order.
    """
    pairs = sorted(keyed, key=lambda pair: pair[0].sort_key())
    prints = occurrence_fingerprints((finding.rule, key) for finding, key in pairs)
    return [
        replace(finding, fingerprint=fingerprint)
        for (finding, _), fingerprint in zip(pairs, prints, strict=True)
    ]


def fill_missing(findings: list[Finding]) -> list[Finding]:
    """Give findings made outside the engine (suppression problems) a fingerprint too.

    Their key is the snippet and the message arguments, which do not depend on the line.
    Findings that already have one keep it.
    """
    if all(finding.fingerprint for finding in findings):
        return findings
    done = [finding for finding in findings if finding.fingerprint]
    missing = [
        (finding, f"{finding.snippet}|{sorted(finding.args.items())}")
        for finding in findings
        if not finding.fingerprint
    ]
    return sorted([*done, *with_fingerprints(missing)], key=Finding.sort_key)
