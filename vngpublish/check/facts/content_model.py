"""What the HTML standard says about each element: its content categories and its rendering.

One table, written once, from the HTML Living Standard: the content categories of §3.2.5
("Kinds of content": metadata, flow, sectioning, heading, phrasing, embedded, interactive),
the form categories of §4.10.2 (labelable), the void elements of §13.1.2, and the default
`display` of the rendering section (§15.3: "Hidden elements", "The page", "Flow content",
"Phrasing content", "Lists", "Tables", "Form controls", "The details element"). Obsolete
elements browsers still render (`font`, `center`, `big` ...) are in it as browsers treat them.

Every module that needs to know "is this a block", "is this text-level", "is this ever
rendered" asks the sets derived here, so the knowledge is not written out again elsewhere.
Conditions the standard attaches (an `a` is interactive only with `href`, an `input` is not
rendered as `type=hidden`) are the business of the facts that look at attributes; the table
holds what follows from the tag alone.
"""

from __future__ import annotations

# element: default display (from the rendering section; "none" = never rendered), then its
# categories. Categories used here besides the standard's own:
#   text-level  an element of the standard's "text-level semantics" section (or `ins`/`del`,
#               `label`, `img`, or obsolete inline formatting), that sits inside a line of text
#   replaced    an element rendered as one box of its own inside a line (an image, a control)
#   resource    an SVG element that defines something to draw elsewhere, never drawn itself
_TABLE = """
a           inline            flow phrasing interactive text-level
abbr        inline            flow phrasing text-level
acronym     inline            flow phrasing
address     block             flow
area        none              flow phrasing
article     block             flow sectioning
aside       block             flow sectioning
audio       inline            flow phrasing embedded interactive replaced
b           inline            flow phrasing text-level
base        none              metadata void
basefont    none              metadata
bdi         inline            flow phrasing text-level
bdo         inline            flow phrasing text-level
big         inline            flow phrasing text-level
blink       inline            flow phrasing
blockquote  block             flow
body        block             flow
br          inline            flow phrasing void text-level replaced
button      inline-block      flow phrasing interactive labelable replaced
canvas      inline            flow phrasing embedded replaced
caption     table-caption
center      block             flow
cite        inline            flow phrasing text-level
code        inline            flow phrasing text-level
col         table-column      void
colgroup    table-column-group
data        inline            flow phrasing text-level
datalist    none              flow phrasing
dd          block
del         inline            flow phrasing text-level
details     block             flow interactive
dfn         inline            flow phrasing text-level
dialog      block             flow
dir         block             flow
div         block             flow
dl          block             flow
dt          block
em          inline            flow phrasing text-level
embed       inline            flow phrasing embedded interactive void replaced
fieldset    block             flow
figcaption  block
figure      block             flow
font        inline            flow phrasing text-level
footer      block             flow
form        block             flow
h1          block             flow heading
h2          block             flow heading
h3          block             flow heading
h4          block             flow heading
h5          block             flow heading
h6          block             flow heading
head        none
header      block             flow
hgroup      block             flow heading
hr          block             flow void
html        block
i           inline            flow phrasing text-level
iframe      inline            flow phrasing embedded interactive replaced
img         inline            flow phrasing embedded void text-level replaced
input       inline-block      flow phrasing interactive labelable void replaced
ins         inline            flow phrasing text-level
kbd         inline            flow phrasing text-level
label       inline            flow phrasing interactive text-level
legend      block
li          list-item
link        none              metadata flow phrasing void
listing     block             flow
main        block             flow
map         inline            flow phrasing
mark        inline            flow phrasing text-level
marquee     inline-block      flow phrasing
math        inline            flow phrasing embedded replaced
menu        block             flow
meta        none              metadata flow phrasing void
meter       inline-block      flow phrasing labelable replaced
nav         block             flow sectioning
nobr        inline            flow phrasing text-level
noembed     none
noframes    none
noscript    none              metadata flow phrasing
object      inline            flow phrasing embedded replaced
ol          block             flow
optgroup    block
option      block
output      inline            flow phrasing labelable
p           block             flow
param       none              void
picture     inline            flow phrasing embedded
plaintext   block             flow
pre         block             flow
progress    inline-block      flow phrasing labelable replaced
q           inline            flow phrasing text-level
rp          none
rt          ruby-text
ruby        ruby              flow phrasing
s           inline            flow phrasing text-level
samp        inline            flow phrasing text-level
script      none              metadata flow phrasing
search      block             flow
section     block             flow sectioning
select      inline-block      flow phrasing interactive labelable replaced
slot        contents          flow phrasing
small       inline            flow phrasing text-level
source      none              void
span        inline            flow phrasing text-level
strike      inline            flow phrasing text-level
strong      inline            flow phrasing text-level
style       none              metadata
sub         inline            flow phrasing text-level
summary     list-item
sup         inline            flow phrasing text-level
svg         inline            flow phrasing embedded replaced
table       table             flow
tbody       table-row-group
td          table-cell
template    none              metadata flow phrasing
textarea    inline-block      flow phrasing interactive labelable replaced
tfoot       table-footer-group
th          table-cell
thead       table-header-group
time        inline            flow phrasing text-level
title       none              metadata
tr          table-row
track       none              void
tt          inline            flow phrasing text-level
u           inline            flow phrasing text-level
ul          block             flow
var         inline            flow phrasing text-level
video       inline            flow phrasing embedded interactive replaced
wbr         inline            flow phrasing void text-level
xmp         block             flow
clippath    none              resource
defs        none              resource
desc        none              resource
filter      none              resource
lineargradient none           resource
marker      none              resource
mask        none              resource
metadata    none              resource
pattern     none              resource
radialgradient none           resource
symbol      none              resource
"""


def _read(table: str) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    display: dict[str, str] = {}
    categories: dict[str, frozenset[str]] = {}
    for row in table.strip().splitlines():
        tag, shown, *kinds = row.split()
        display[tag] = shown
        categories[tag] = frozenset(kinds)
    return display, categories


DEFAULT_DISPLAY, CATEGORIES = _read(_TABLE)
"""The default `display` of each element the table knows, and its categories. Elements it does
not know (custom elements, unknown tags) are inline, with no category."""


def _with(category: str) -> frozenset[str]:
    return frozenset(tag for tag, kinds in CATEGORIES.items() if category in kinds)


PHRASING = _with("phrasing")
"""Phrasing content (§3.2.5.2.5): the text of a document and what marks it up inside a line."""
FLOW = _with("flow")
"""Flow content (§3.2.5.2.2)."""
SECTIONING = _with("sectioning")
"""Sectioning content (§3.2.5.2.3): article, aside, nav, section."""
HEADING = _with("heading")
"""Heading content (§3.2.5.2.4): h1-h6 and hgroup."""
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
"""The heading elements, by level."""
EMBEDDED = _with("embedded")
"""Embedded content (§3.2.5.2.6)."""
INTERACTIVE = _with("interactive")
"""Interactive content (§3.2.5.2.7), before its conditions on attributes."""
LABELABLE = _with("labelable")
"""Labelable elements (§4.10.2): what a `label` can label (an `input` unless type=hidden)."""
VOID = _with("void")
"""Void elements (§13.1.2): no content and no end tag."""
TEXT_LEVEL = _with("text-level")
"""Elements that sit inside a line of text and mark up part of it (text-level semantics,
edits, `label`, `img`, obsolete inline formatting)."""
REPLACED = _with("replaced")
"""Elements rendered as a box of their own inside a line: images, media, form controls, and
`br`, which ends the line. Text on either side of one does not run together."""
NEVER_RENDERED = frozenset(
    tag
    for tag, shown in DEFAULT_DISPLAY.items()
    if shown == "none" and tag not in ("area", "basefont", "noembed", "noframes", "rp")
)
"""Elements browsers never render, nor expose to assistive technology, whatever their
content: `display: none` in the rendering section (and `noscript`, since the checker takes the
view of a browser with scripting on), and the SVG resources. Not `area`, which is
`display: none` but exposed as the link of its image map."""
_INLINE_DISPLAYS = frozenset({"inline", "contents", "none", "ruby", "ruby-text"})
BLOCK_LEVEL = frozenset(
    tag
    for tag, shown in DEFAULT_DISPLAY.items()
    if shown not in _INLINE_DISPLAYS and not shown.startswith("inline")
)
"""Elements whose default box sets their text apart from what comes before and after: the
block-level, list-item and table displays of the rendering section."""


def default_display(tag: object) -> str:
    """The display the rendering section gives an element by its tag ("inline" when unknown)."""
    return DEFAULT_DISPLAY.get(tag, "inline") if isinstance(tag, str) else "none"


# Names with a hyphen that are not valid custom element names (HTML §4.13.2: SVG and MathML
# element names).
_RESERVED_NAMES = frozenset(
    {
        "annotation-xml",
        "color-profile",
        "font-face",
        "font-face-src",
        "font-face-uri",
        "font-face-format",
        "font-face-name",
        "missing-glyph",
    }
)


def is_custom_element_name(tag: object) -> bool:
    """True for the name of an autonomous custom element (§4.13.2): it starts with an ASCII
    letter, has a hyphen, and no specification reserves it (`font-face` ...)."""
    return (
        isinstance(tag, str)
        and "-" in tag
        and tag[:1].isascii()
        and tag[:1].isalpha()
        and tag not in _RESERVED_NAMES
    )
