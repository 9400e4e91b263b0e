"""Roles: explicit roles with fallback, implicit roles per HTML-AAM, and the ARIA tables."""

from __future__ import annotations

import pytest

from vngpublish.check.facts import aria_tables as aria
from vngpublish.check.facts import focus
from vngpublish.check.facts.roles import role
from vngpublish.check.page import Page


def role_of(body: str, element_id: str = "x") -> str | None:
    page = Page(f"<!doctype html><html lang=nl><body>{body}</body></html>")
    el = page.by_id(element_id)
    assert el is not None, f"no #{element_id} in {body}"
    return role(page, el)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<a id="x" href="/nieuws">Nieuws</a>', "link"),
        ('<a id="x">geen href</a>', "generic"),
        ('<svg><a id="x" xlink:href="/kaart"><text>Kaart</text></a></svg>', "link"),
        ('<map name="m"><area id="x" href="/a" alt="A"></map>', "link"),
        ('<img id="x" src="a.png" alt="Logo VNG">', "img"),
        ('<img id="x" src="a.png">', "img"),
        ('<img id="x" src="a.png" alt="">', "presentation"),
        ('<button id="x">Verstuur</button>', "button"),
        ("<h3 id=x>Kop</h3>", "heading"),
        ("<ul><li id=x>een</li></ul>", "listitem"),
        ("<ol id=x><li>een</li></ol>", "list"),
        ("<div><li id=x>los</li></div>", "generic"),
        ("<nav id=x></nav>", "navigation"),
        ("<main id=x></main>", "main"),
        ("<div id=x></div>", "generic"),
        ("<span id=x></span>", "generic"),
        ("<p id=x>tekst</p>", "paragraph"),
        ("<label id=x>Naam</label>", None),
        ("<hr id=x>", "separator"),
        ("<textarea id=x></textarea>", "textbox"),
        ("<select id=x><option>a</option></select>", "combobox"),
        ("<select id=x multiple><option>a</option></select>", "listbox"),
        ('<select id=x size="4"><option>a</option></select>', "listbox"),
        ('<select id=x size="1"><option>a</option></select>', "combobox"),
        ("<progress id=x></progress>", "progressbar"),
        ("<output id=x></output>", "status"),
        ("<fieldset id=x></fieldset>", "group"),
        ("<details id=x><summary>s</summary></details>", "group"),
        ("<dialog id=x open></dialog>", "dialog"),
        ("<figure id=x></figure>", "figure"),
        ("<svg id=x></svg>", "graphics-document"),
        ("<dl><dt id=x>term</dt><dd>def</dd></dl>", "term"),
        # Where HTML-AAM and ARIA in HTML agree and the checker once differed.
        ("<main><aside id=x>Zie ook</aside></main>", "complementary"),
        ("<article><aside id=x>Zie ook</aside></article>", "generic"),
        ('<div role="list"><li id=x>een</li></div>', "listitem"),
        ('<table role="list"><tr><td id=x>een</td></tr></table>', None),
        ("<vng-kaart id=x>Kaart</vng-kaart>", "generic"),
        ("<font-face id=x></font-face>", None),
        ("<dir><li id=x>een</li></dir>", "listitem"),
        ("<dir id=x><li>een</li></dir>", "list"),
        ("<figure><img src=a.png alt=K><figcaption id=x>Kaart</figcaption></figure>", "caption"),
        ("<details><summary>a</summary><summary id=x>b</summary></details>", "generic"),
        ("<details><summary id=x>a</summary></details>", None),
    ],
)
def test_implicit_roles(body: str, expected: str | None) -> None:
    assert role_of(body) == expected


@pytest.mark.parametrize(
    ("input_type", "expected"),
    [
        ("text", "textbox"),
        ("email", "textbox"),
        ("tel", "textbox"),
        ("url", "textbox"),
        ("search", "searchbox"),
        ("checkbox", "checkbox"),
        ("radio", "radio"),
        ("range", "slider"),
        ("number", "spinbutton"),
        ("button", "button"),
        ("submit", "button"),
        ("reset", "button"),
        ("image", "button"),
        ("password", "textbox"),
        ("date", "textbox"),
        ("time", "textbox"),
        ("color", None),
        ("file", None),
        ("hidden", None),
        ("nonsense", "textbox"),
        ("SUBMIT", "button"),
    ],
)
def test_input_roles_follow_the_type(input_type: str, expected: str | None) -> None:
    assert role_of(f'<input id="x" type="{input_type}">') == expected


@pytest.mark.parametrize("input_type", ["text", "email", "tel", "url", "search"])
def test_text_inputs_with_a_list_are_comboboxes(input_type: str) -> None:
    body = f'<input id="x" type="{input_type}" list="l"><datalist id="l"></datalist>'
    assert role_of(body) == "combobox"


def test_header_and_footer_are_landmarks_only_outside_sectioning_content() -> None:
    assert role_of("<header id=x>kop</header>") == "banner"
    assert role_of("<footer id=x>voet</footer>") == "contentinfo"
    assert role_of("<article><header id=x>kop</header></article>") == "generic"
    assert role_of("<main><footer id=x>voet</footer></main>") == "generic"
    assert role_of("<div><header id=x>kop</header></div>") == "banner"
    assert role_of('<div role="main"><footer id=x>voet</footer></div>') == "generic"


def test_section_is_a_region_only_when_named() -> None:
    assert role_of("<section id=x><h2>Nieuws</h2></section>") == "generic"
    assert role_of('<section id=x aria-label="Nieuws"></section>') == "region"
    assert role_of('<h2 id=h>Nieuws</h2><section id=x aria-labelledby="h"></section>') == "region"
    assert role_of('<section id=x aria-label="   "></section>') == "generic"


def test_aside_inside_sectioning_content_needs_a_name() -> None:
    assert role_of("<aside id=x></aside>") == "complementary"
    assert role_of("<article><aside id=x></aside></article>") == "generic"
    assert role_of('<article><aside id=x aria-label="Zie ook"></aside></article>') == (
        "complementary"
    )


def test_table_cells_take_their_role_from_the_table() -> None:
    table = (
        "<table{attrs}><thead><tr><th id=c>Naam</th><th>Datum</th></tr></thead>"
        "<tbody><tr><th id=r>Raad</th><td id=x>1 mei</td></tr></tbody></table>"
    )
    assert role_of(table.format(attrs=""), "x") == "cell"
    assert role_of(table.format(attrs=""), "c") == "columnheader"
    assert role_of(table.format(attrs=""), "r") == "rowheader"
    assert role_of(table.format(attrs=' role="grid"'), "x") == "gridcell"
    assert role_of(table.format(attrs=' role="presentation"'), "x") == "presentation"
    assert role_of(table.format(attrs=' role="presentation"'), "c") == "presentation"


def test_scope_decides_header_direction() -> None:
    body = '<table><tr><td>a</td><th id=x scope="row">b</th></tr></table>'
    assert role_of(body) == "rowheader"
    body = '<table><tr><td>a</td><th id=x scope="col">b</th></tr></table>'
    assert role_of(body) == "columnheader"


def test_layout_table_of_an_email_passes_presentation_to_nested_parts_only_of_its_own() -> None:
    body = (
        '<table role="presentation"><tr><td>'
        "<table><tr><td id=x>data</td></tr></table>"
        "</td></tr></table>"
    )
    assert role_of(body) == "cell"


def test_list_items_of_a_presentational_list_are_presentational() -> None:
    assert role_of('<ul role="none"><li id=x>a</li></ul>') == "presentation"


def test_explicit_role_uses_the_first_valid_token() -> None:
    assert role_of('<div id=x role="button">a</div>') == "button"
    assert role_of('<div id=x role="BUTTON">a</div>') == "button"
    assert role_of('<div id=x role="nonsense link">a</div>') == "link"
    assert role_of('<div id=x role="doc-noteref">a</div>') == "doc-noteref"
    assert role_of('<div id=x role="graphics-symbol">a</div>') == "graphics-symbol"


def test_abstract_or_unknown_roles_fall_back_to_the_implicit_role() -> None:
    assert role_of('<div id=x role="widget">a</div>') == "generic"
    assert role_of('<nav id=x role="landmark"></nav>') == "navigation"
    assert role_of('<h2 id=x role="foo bar">a</h2>') == "heading"
    assert role_of('<h2 id=x role="">a</h2>') == "heading"


def test_presentation_is_ignored_on_focusable_elements_and_with_global_aria() -> None:
    assert role_of('<div id=x role="presentation">a</div>') == "presentation"
    assert role_of('<span id=x role="none">a</span>') == "none"
    assert role_of('<button id=x role="presentation">a</button>') == "button"
    assert role_of('<h2 id=x role="none" tabindex="-1">a</h2>') == "heading"
    assert role_of('<h2 id=x role="none" aria-label="Kop">a</h2>') == "heading"
    # A non-global attribute does not undo it.
    assert role_of('<h2 id=x role="none" aria-level="2">a</h2>') == "none"
    # A disabled button cannot take focus, so nothing conflicts.
    assert role_of('<button id=x role="none" disabled>a</button>') == "none"


def test_decorative_image_that_takes_focus_or_aria_is_an_image_again() -> None:
    assert role_of('<img id=x src=a.png alt="" tabindex="0">') == "img"
    assert role_of('<img id=x src=a.png alt="" aria-describedby="d"><p id=d>d</p>') == "img"
    assert role_of('<img id=x src=a.png alt="" aria-level="2">') == "presentation"


def test_focusable() -> None:
    page = Page(
        "<html><body>"
        "<a id=a href=x>a</a><a id=b>b</a><button id=c disabled>c</button>"
        "<fieldset disabled><legend><input id=d></legend><input id=e></fieldset>"
        '<div id=f tabindex="-1"></div><div id=g tabindex="x"></div><span id=h contenteditable>'
        "</span><input id=i type=hidden><details><summary id=j>s</summary></details>"
        "<iframe id=k></iframe>"
        "</body></html>"
    )

    def focusable(element_id: str) -> bool:
        el = page.by_id(element_id)
        assert el is not None
        return focus.is_focusable(el)

    assert [focusable(i) for i in "abcdefghijk"] == [
        True, False, False, True, False, True, False, True, False, True, False,
    ]  # fmt: skip
    f = page.by_id("f")
    assert f is not None and not focus.is_sequentially_focusable(f)


def test_iframe_honours_role_none() -> None:
    assert role_of('<iframe id=x role="none" src="a.html"></iframe>') == "none"


def test_role_inheritance() -> None:
    assert aria.is_a("doc-biblioref", "link")
    assert aria.is_a("switch", "checkbox")
    assert aria.is_a("searchbox", "textbox")
    assert aria.is_a("link", "link")
    assert not aria.is_a("button", "link")
    assert not aria.is_a(None, "link")


def test_role_tables_are_consistent() -> None:
    assert not aria.ROLES & aria.ABSTRACT_ROLES
    assert {"button", "none", "presentation", "doc-toc", "graphics-document"} <= aria.ROLES
    assert "section" not in aria.ROLES and "command" not in aria.ROLES
    # Every role named anywhere in the tables is a role the taxonomy knows.
    named: set[str] = set()
    for table in (aria.REQUIRED, aria.REQUIRED_CONTEXT, aria.PROHIBITED_ATTRIBUTES):
        named |= set(table)
    for contexts in aria.REQUIRED_CONTEXT.values():
        named |= contexts
    for owned in aria.REQUIRED_OWNED.values():
        for path in owned:
            named |= {part.strip() for part in path.split(">")}
    named |= aria.NAME_FROM_CONTENT_ROLES | aria.PRESENTATIONAL_CHILDREN_ROLES
    named |= aria.NAME_REQUIRED_ROLES
    assert named <= aria.ROLES
    # Every supported or required attribute is a known ARIA attribute.
    for name, attributes in aria.SUPPORTED.items():
        assert attributes <= aria.ATTRIBUTES.keys(), name
    for name, attributes in aria.REQUIRED.items():
        assert attributes <= aria.SUPPORTED[name], name
    assert aria.ATTRIBUTES.keys() >= aria.GLOBAL_ATTRIBUTES


def test_supported_attributes_are_inherited() -> None:
    assert "aria-checked" in aria.SUPPORTED["switch"]  # from checkbox
    assert "aria-valuenow" in aria.SUPPORTED["slider"]  # from range
    assert "aria-modal" in aria.SUPPORTED["alertdialog"]  # from dialog < window
    assert "aria-label" in aria.SUPPORTED["generic"]  # global (prohibited is a separate table)
    assert "aria-checked" not in aria.SUPPORTED["button"]
    assert "aria-pressed" in aria.SUPPORTED["button"]
    assert "aria-level" in aria.SUPPORTED["heading"]
    assert "aria-sort" in aria.SUPPORTED["columnheader"]
    assert "aria-sort" not in aria.SUPPORTED["cell"]


def test_attribute_value_types() -> None:
    assert aria.ATTRIBUTES["aria-hidden"].kind == "true/false/undefined"
    assert aria.ATTRIBUTES["aria-checked"].kind == "tristate"
    assert aria.ATTRIBUTES["aria-labelledby"].kind == "idrefs"
    assert aria.ATTRIBUTES["aria-current"].tokens >= {"page", "step", "true", "false"}
    assert aria.ATTRIBUTES["aria-relevant"].kind == "token list"
    assert aria.ATTRIBUTES["aria-valuenow"].kind == "number"
    assert aria.ATTRIBUTES["aria-level"].kind == "integer"
