"""The one list of tags a rule may carry, each with what it means.

Tags group rules by topic and by kind, so presets and people can select them (`presets:
tags:`, `--list-rules`). A rule with a tag not listed here fails to load: a misspelt tag would
silently leave a rule out of a preset. The level of a rule (A, AA, AAA, best-practice) is not
a tag; presets select by level and by tag, never by rule id.
"""

from __future__ import annotations

TAGS: dict[str, str] = {
    # topics
    "aria": "WAI-ARIA roles, states and properties",
    "bypass": "ways to skip blocks that repeat on every page",
    "color": "colour and contrast",
    "forms": "form fields, their labels and their errors",
    "frames": "iframes and other embedded documents",
    "headings": "headings and the outline they form",
    "ids": "id attributes and what refers to them",
    "images": "images and their text alternatives",
    "keyboard": "what keyboard users can reach and operate",
    "landmarks": "landmark regions: header, navigation, main, footer",
    "language": "the language of the page and of its parts",
    "links": "links and where they go",
    "media": "audio and video",
    "names": "accessible names of elements",
    "page": "the page as a whole: title, meta elements",
    "structure": "structure shown by markup: lists, tables, groups",
    "suppression": "inline suppression comments in the checked HTML",
    "tables": "data tables and layout tables",
    "text": "text spacing, size and readability",
    "timing": "time limits, refreshes and moving content",
    "zoom": "zooming and reflow",
    # kinds
    "best-practice": "not required by WCAG, but what makes pages work for more people",
    "heuristic": "recognises a likely problem by its look; the outcome is always for review",
    "not-email": "makes no sense for an e-mail, whose page the mail client supplies",
    "email-only": "only for e-mail HTML, as mail clients show it: left out of the web presets",
}
"""Every tag, with what it means (shown by `--list-tags` and in the documentation)."""
