"""The cascade: origins, importance, specificity, order, layers, inheritance, the
user-agent sheet, presentational hints, pseudo-elements and style sharing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from vngpublish.check.style import RGBA, ComputedStyle

Style = Callable[..., ComputedStyle]
Page = Callable[..., Any]
RED, GREEN, BLUE = RGBA(255, 0, 0), RGBA(0, 128, 0), RGBA(0, 0, 255)


def colour(style: Style, css: str, body: str = "<p id=t class=c>x</p>") -> RGBA | None:
    return style(f"<!DOCTYPE html><style>{css}</style>{body}").color


# ------------------------------------------------------------------ specificity, order
@pytest.mark.parametrize(
    "css",
    [
        "#t { color: green } .c { color: red } p { color: red }",
        ".c { color: green } p { color: red }",
        "p.c { color: green } .c { color: red }",
        "body p { color: green } p { color: red }",
        "p { color: red } p { color: green }",  # later wins at equal specificity
        ":is(#t, p) { color: green } .c.c { color: red }",  # :is takes its most specific
        ":where(#t) { color: red } p { color: green }",  # :where counts nothing
        "p:not(#x) { color: green } p.c { color: red }",  # (1,0,1) beats (0,1,1)
        "* { color: red } p { color: green }",
        "[id=t] { color: green } p { color: red }",
        ".c, p { color: green } p.c { color: red } .c.c { color: green }",
    ],
)
def test_specificity_and_order(style: Style, css: str) -> None:
    assert colour(style, css) == GREEN


def test_specificity_of_a_rule_is_that_of_its_matching_selector(style: Style) -> None:
    # `#x, p` matches p through `p` only: (0,0,1) loses to .c (0,1,0).
    assert colour(style, ".c { color: green } #x, p { color: red }") == GREEN


# ------------------------------------------------------------------------- importance
def test_important_beats_specificity(style: Style) -> None:
    assert colour(style, "p { color: green !important } #t { color: red }") == GREEN


def test_author_important_beats_inline_normal(style: Style) -> None:
    body = "<p id=t style='color: red'>x</p>"
    assert colour(style, "p { color: green !important }", body) == GREEN


def test_inline_beats_author_normal(style: Style) -> None:
    body = "<p id=t style='color: green'>x</p>"
    assert colour(style, "#t#t#t { color: red }", body) == GREEN


def test_inline_important_beats_everything(style: Style) -> None:
    body = "<p id=t style='color: green !important'>x</p>"
    assert colour(style, "#t { color: red !important }", body) == GREEN


def test_user_agent_important_beats_author_important(style: Style) -> None:
    html = (
        "<!DOCTYPE html><style>input { display: block !important }</style><input id=t type=hidden>"
    )
    assert style(html).display == "none"


def test_invalid_declaration_keeps_the_earlier_one(style: Style) -> None:
    assert colour(style, "p { color: green; color: nonsense }") == GREEN
    assert colour(style, "p { color: green; color: }") == GREEN


# --------------------------------------------------------------------------- inheritance
def test_inherited_and_not_inherited(style: Style) -> None:
    html = "<!DOCTYPE html><div style='color: green; background-color: red'><p id=t>x</p></div>"
    found = style(html)
    assert found.color == GREEN
    assert found.background_color == RGBA(0, 0, 0, 0)


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        ("background-color: inherit", RED),
        ("background-color: initial", RGBA(0, 0, 0, 0)),
        ("background-color: unset", RGBA(0, 0, 0, 0)),  # not inherited: initial
        ("background-color: revert", RGBA(0, 0, 0, 0)),
    ],
)
def test_wide_keywords_on_a_reset_property(style: Style, declaration: str, expected: RGBA) -> None:
    html = f"<!DOCTYPE html><div style='background-color: red'><p id=t style='{declaration}'>x"
    assert style(html).background_color == expected


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        ("color: inherit", GREEN),
        ("color: initial", RGBA(0, 0, 0)),  # CanvasText
        ("color: unset", GREEN),  # inherited: inherit
        ("color: revert", GREEN),  # the user agent sets no colour on p: unset
    ],
)
def test_wide_keywords_on_an_inherited_property(
    style: Style, declaration: str, expected: RGBA
) -> None:
    html = f"<!DOCTYPE html><div style='color: green'><p id=t style='color: blue; {declaration}'>x"
    assert style(html).color == expected


def test_revert_goes_back_to_the_user_agent(style: Style) -> None:
    html = "<!DOCTYPE html><style>h1 { font-size: 10px } #t { font-size: revert }</style><h1 id=t>x"
    assert style(html).font_size_px == 32.0
    html = "<!DOCTYPE html><style>a { color: red } a { color: revert }</style><a id=t href=x>x</a>"
    assert style(html).color == RGBA(0, 0, 0xEE)


# ------------------------------------------------------------------------------- layers
def test_unlayered_beats_layered(style: Style) -> None:
    css = "@layer base { #t { color: red } } p { color: green }"
    assert colour(style, css) == GREEN


def test_later_layer_beats_earlier(style: Style) -> None:
    css = "@layer a, b; @layer b { p { color: green } } @layer a { #t { color: red } }"
    assert colour(style, css) == GREEN


def test_important_in_earlier_layer_wins(style: Style) -> None:
    css = (
        "@layer a, b; @layer a { p { color: green !important } } "
        "@layer b { p { color: red !important } } p { color: red !important }"
    )
    assert colour(style, css) == GREEN


def test_sublayers_precede_their_parent(style: Style) -> None:
    css = "@layer a { p { color: green } @layer inner { p { color: red } } }"
    assert colour(style, css) == GREEN
    css = "@layer a.inner { p { color: green } } @layer a { } @layer b { } @layer a.inner { }"
    assert colour(style, css + "@layer a { p { color: red } }") == RGBA(255, 0, 0)


def test_anonymous_layers_are_distinct(style: Style) -> None:
    css = "@layer { p { color: red } } @layer { p { color: green } }"
    assert colour(style, css) == GREEN


def test_layer_order_spans_style_elements(style: Style) -> None:
    html = (
        "<!DOCTYPE html><style>@layer b, a;</style>"
        "<style>@layer a { p { color: green } } @layer b { #t { color: red } }</style>"
        "<p id=t>x</p>"
    )
    assert style(html).color == GREEN


# -------------------------------------------------------------------- user-agent sheet
def test_user_agent_headings(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><h1 id=h1>a</h1><h2 id=h2>b</h2><h3 id=h3>c</h3><h6 id=h6>d</h6>"
        "<section><h1 id=s>e</h1></section>"
    )
    assert (styled.style("h1").font_size_px, styled.style("h1").font_weight) == (32.0, 700)
    assert styled.style("h2").font_size_px == 24.0
    assert styled.style("h3").font_size_px == pytest.approx(18.72)
    assert styled.style("h6").font_size_px == pytest.approx(10.72)
    assert styled.style("s").font_size_px == 32.0  # no special size in sections any more


def test_user_agent_hidden_and_display(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><div id=d hidden>a</div><span id=s>b</span><li id=l>c</li>"
        "<table><tr id=r><td id=c>x</td></tr></table><script id=j></script>"
        "<div id=u hidden=until-found>u</div><dialog id=g>g</dialog><dialog id=o open>o</dialog>"
        "<details><summary id=m>s</summary><p id=q>hidden</p></details>"
    )
    assert styled.style("d").display == "none"
    assert styled.style("s").display == "inline"
    assert styled.style("l").display == "list-item"
    assert styled.style("r").display == "table-row"
    assert styled.style("c").display == "table-cell"
    assert styled.style("j").display == "none"
    assert styled.style("u").display == "block"
    assert styled.style("u").content_visibility == "hidden"
    assert styled.style("g").display == "none"
    assert styled.style("o").display == "block"
    assert styled.style("m").display == "list-item"
    assert styled.style("q").display == "none"


def test_author_css_can_show_hidden(style: Style) -> None:
    html = "<!DOCTYPE html><style>[hidden] { display: block }</style><div id=t hidden>x</div>"
    assert style(html).display == "block"


def test_user_agent_links_and_bold(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><a id=a href=x>a</a><a id=n>b</a><b id=b>c</b><strong id=s>d</strong>"
    )
    link = styled.style("a")
    assert link.color == RGBA(0, 0, 0xEE)
    assert link.text_decoration_line == frozenset({"underline"})
    assert styled.style("n").color == RGBA(0, 0, 0)  # no href: not a link
    assert styled.style("b").font_weight == 700
    assert styled.style("s").font_weight == 700


def test_dynamic_pseudo_classes_never_match(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>a:hover, a:focus, a:active, a:visited, a:focus-visible "
        "{ color: red } p:focus-within { color: red } a:link { color: green }</style>"
        "<p><a id=t href=x>x</a></p>"
    )
    assert styled.style("t").color == GREEN


def test_form_controls(page: Page) -> None:
    styled = page("<!DOCTYPE html><input id=i><button id=b>x</button>")
    assert styled.style("i").font_size_px == pytest.approx(13.333333)
    assert styled.style("b").background_color == RGBA(0xEF, 0xEF, 0xEF)


# ----------------------------------------------------------------- presentational hints
def test_presentational_hints(page: Page) -> None:
    styled = page(
        "<html><body text=navy link=#ff0000 bgcolor=ffffcc>"
        "<table bgcolor=#123456 width=600><tr><td id=c bgcolor=red width=50%>x</td></tr></table>"
        "<font id=f color=green size=5>y</font><font id=g size=+2>z</font>"
        "<a id=a href=x>link</a><img id=i width=20 height=30>"
    )
    root = styled.root
    body = root.find("body")
    assert styled.cascade.computed(body).color == RGBA(0, 0, 128)
    assert styled.cascade.computed(body).background_color == RGBA(255, 255, 0xCC)
    assert styled.style("c").background_color == RED
    assert styled.style("c").width == "50%"
    assert styled.style("f").color == GREEN
    assert styled.style("f").font_size_px == 24.0  # size 5: x-large
    assert styled.style("g").font_size_px == 24.0  # +2: 3 + 2 = 5
    assert styled.style("a").color == RED  # <body link>
    assert (styled.style("i").width, styled.style("i").height) == (20.0, 30.0)


def test_author_css_beats_hints(style: Style) -> None:
    html = (
        "<!DOCTYPE html><style>td { background-color: blue }</style>"
        "<table><tr><td id=t bgcolor=red>x"
    )
    assert style(html).background_color == BLUE


# ------------------------------------------------------------------------- quirks mode
def test_quirks_mode(page: Page) -> None:
    styled = page(
        "<style>.Note { color: green } body { font-size: 20px; font-weight: bold }</style>"
        "<p id=p class=note>x</p><table><tr><td id=t>y</td></tr></table>"
    )
    assert styled.cascade.quirks
    assert styled.style("p").color == GREEN  # class names match case-insensitively
    assert styled.style("t").font_size_px == 16.0  # tables do not inherit font size
    assert styled.style("t").font_weight == 400
    standards = page("<!DOCTYPE html><style>.Note { color: green }</style><p id=p class=note>x</p>")
    assert not standards.cascade.quirks
    assert standards.style("p").color == RGBA(0, 0, 0)


@pytest.mark.parametrize(
    ("doctype", "quirks"),
    [
        ("", True),
        ("<!DOCTYPE html>", False),
        ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', True),
        (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
            '"http://www.w3.org/TR/html4/loose.dtd">',
            False,
        ),
        (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
            False,
        ),
        ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">', True),
    ],
)
def test_quirks_detection(page: Page, doctype: str, quirks: bool) -> None:
    assert page(f"{doctype}<p>x").cascade.quirks is quirks


# ------------------------------------------------------------------------ pseudo-elements
def test_before_and_after(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>p::before { content: '* ' attr(data-x) ' '; color: red }"
        "p:after { content: url(i.png) / 'icon' } .n::before { content: none }</style>"
        "<p id=t data-x=hello style='color: green'>x</p><p id=n class=n>y</p><q id=q>z</q>"
    )
    before = styled.style("t", "before")
    assert before.content.text == "* hello "
    assert before.color == RED
    assert before.generates_box
    assert before.parent is styled.style("t")
    after = styled.style("t", "after")
    assert after.content.images == ("i.png",) and after.content.alt == "icon"
    assert after.color == GREEN  # inherited from the element
    assert not styled.style("n", "before").generates_box
    assert styled.style("q", "before").content.text == "\u201c"
    assert not page("<!DOCTYPE html><p id=t>x").style("t", "before").generates_box


def test_pseudo_element_rules_do_not_style_the_element(style: Style) -> None:
    assert colour(style, "p::before { color: red } p::placeholder { color: red }") == RGBA(0, 0, 0)


# ------------------------------------------------------------------------ declared()
def test_declared_names_the_source(page: Page) -> None:
    html = (
        "<!DOCTYPE html>\n<html><head>\n<style>\n"
        "p {\n  background: #fff url(x.png);\n}\n</style></head>\n"
        "<body><p id=t style='color: red !important'>x</p><h1 id=h>y</h1>"
    )
    styled = page(html, page_path="/site/index.html")
    declared = styled.cascade.declared(styled.find("t"), "background-color")
    assert declared is not None
    assert (declared.kind, declared.origin, declared.path) == (
        "style",
        "author",
        "/site/index.html",
    )
    assert declared.line == 5
    assert declared.written_as == "background"
    assert declared.value == "#fff url(x.png)"
    assert declared.element is styled.root.find(".//style")
    inline = styled.cascade.declared(styled.find("t"), "color")
    assert inline is not None and inline.kind == "style-attribute" and inline.important
    assert inline.line == 8
    ua = styled.cascade.declared(styled.find("h"), "font-size")
    assert ua is not None and ua.origin == "user-agent" and ua.value == "2.00em"
    assert styled.cascade.declared(styled.find("t"), "font-size") is None


# --------------------------------------------------------------------------- sharing
def test_sharing_respects_ancestors(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>.a .b { color: green } li:first-child span { color: red }"
        "h2 + p { color: blue }</style>"
        "<div class=a><p><span id=one class=b>x</span></p></div>"
        "<div class=z><p><span id=two class=b>x</span></p></div>"
        "<ul><li><span id=first>1</span></li><li><span id=second>2</span></li></ul>"
        "<h2>h</h2><p id=after>p</p><p id=later>q</p>"
    )
    assert styled.style("one").color == GREEN
    assert styled.style("two").color == RGBA(0, 0, 0)
    assert styled.style("first").color == RED
    assert styled.style("second").color == RGBA(0, 0, 0)
    assert styled.style("after").color == BLUE
    assert styled.style("later").color == RGBA(0, 0, 0)


def test_sharing_respects_inline_styles_and_hints(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><table><tr><td id=a style='color: red'>x</td><td id=b>y</td>"
        "<td id=c bgcolor=blue>z</td></tr></table>"
    )
    assert styled.style("a").color == RED
    assert styled.style("b").color == RGBA(0, 0, 0)
    assert styled.style("c").background_color == BLUE
    assert styled.style("b").background_color == RGBA(0, 0, 0, 0)


def test_siblings_share_one_style(page: Page) -> None:
    styled = page("<!DOCTYPE html><ul><li id=a>1</li><li id=b>2</li><li id=c>3</li></ul>")
    assert styled.style("a") is styled.style("b") is styled.style("c")
    assert styled.cascade.elements_matched < 7


def test_attribute_selectors_and_sharing(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>[lang|=nl] span { color: green } a[href$='.pdf'] { color: red }"
        "</style><div lang=nl-NL><span id=nl>x</span></div><div lang=en><span id=en>y</span></div>"
        "<a id=pdf href=a.pdf>p</a><a id=html href=a.html>h</a>"
    )
    assert styled.style("nl").color == GREEN
    assert styled.style("en").color == RGBA(0, 0, 0)
    assert styled.style("pdf").color == RED
    assert styled.style("html").color == RGBA(0, 0, 0xEE)


def test_structural_selectors(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>li:nth-child(2n+1) { color: red } li:last-child { color: green }"
        "li:nth-last-of-type(2) { color: blue } p:empty { display: none }"
        ":lang(nl) em { color: green } td:has(> img) { color: red }</style>"
        "<ul><li id=a>1</li><li id=b>2</li><li id=c>3</li><li id=d>4</li></ul><p id=e></p>"
        "<div lang=nl><em id=f>x</em></div>"
        "<table><tr><td id=g><img></td><td id=h>t</td></tr></table>"
    )
    assert styled.style("a").color == RED
    assert styled.style("b").color == RGBA(0, 0, 0)
    assert styled.style("c").color == BLUE
    assert styled.style("d").color == GREEN
    assert styled.style("e").display == "none"
    assert styled.style("f").color == GREEN
    assert styled.style("g").color == RED
    assert styled.style("h").color == RGBA(0, 0, 0)


def test_complex_selectors_through_cssselect2(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>p:nth-of-type(2):not(:first-child) { color: green }"
        "div > \\66 oo { color: red }</style>"
        "<div><p>1</p><p id=t>2</p><foo id=f>3</foo></div>"
    )
    assert styled.style("t").color == GREEN
    assert styled.style("f").color == RED


def test_invalid_selector_drops_the_rule(style: Style) -> None:
    assert colour(style, "p, p:-moz-any-link { color: red } p { color: green }") == GREEN
    assert colour(style, "p, ::-moz-selection { color: red }") == RGBA(0, 0, 0)
    assert colour(style, "p, [ { color: red }") == RGBA(0, 0, 0)
    # :is() forgives an invalid argument.
    assert colour(style, ":is(p, :-moz-any-link) { color: green }") == GREEN


def test_only_elements_have_styles(page: Page) -> None:
    styled = page("<!DOCTYPE html><p id=t><!-- note -->x</p>")
    comment = styled.find("t")[0]
    with pytest.raises(TypeError):
        styled.cascade.computed(comment)


def test_has_author_styles(page: Page) -> None:
    assert not page("<!DOCTYPE html><p>x").cascade.has_author_styles
    assert page("<!DOCTYPE html><p style='color:red'>x").cascade.has_author_styles
    assert page("<!DOCTYPE html><table bgcolor=red><tr><td>x").cascade.has_author_styles
    assert page("<!DOCTYPE html><style>p{}</style><p>x").cascade.has_author_styles


# ---------------------------------------------------------------------- CSS nesting
def test_nested_rules(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>"
        ".card { color: red; .title { color: green } & > p { color: blue }"
        "  &.wide { font-size: 20px } font-weight: bold;"
        "  @media (min-width: 600px) { background-color: yellow }"
        "  @media print { background-color: red } a { &:hover { color: red } } }"
        ".x { .y, .z & { color: green } }"
        "</style>"
        "<div class='card wide' id=card><h2 class=title id=title>t</h2><p id=p>p</p>"
        "<a id=a href=x>a</a></div><div class=z><span class=x id=zx>z</span></div>"
    )
    card = styled.style("card")
    assert card.color == RED
    assert card.font_size_px == 20.0
    assert card.font_weight == 700  # a declaration after nested rules still applies
    assert card.background_color == RGBA(255, 255, 0)
    assert styled.style("title").color == GREEN
    assert styled.style("p").color == BLUE
    assert styled.style("a").color == RGBA(0, 0, 0xEE)  # &:hover never matches
    assert styled.style("zx").color == GREEN  # `.z &` is `.z :is(.x)`


def test_nested_specificity_is_that_of_is(page: Page) -> None:
    styled = page(
        "<!DOCTYPE html><style>#t, p { & { color: green } } p#t { color: red }</style><p id=t>x"
    )
    # `&` is `:is(#t, p)`, whose specificity (1,0,0) is below that of p#t (1,0,1).
    assert styled.style().color == RED


# ------------------------------------------------------------- sharing across pages
def test_pages_with_the_same_sheets_do_not_leak_into_each_other(page: Page) -> None:
    css = "<style>p { font-size: 2rem } .x a { color: green }</style>"
    one = page(f"<!DOCTYPE html><html style='font-size: 20px'>{css}<p id=t class=x><a id=a>x</a>")
    two = page(f"<!DOCTYPE html><html>{css}<p id=t><a id=a>x</a>")
    three = page(f"<!DOCTYPE html><html>{css}<body link=red><p id=t><a id=a href=y>x</a>")
    assert one.style().font_size_px == 40.0
    assert two.style().font_size_px == 32.0
    assert one.style("a").color == GREEN
    assert two.style("a").color == RGBA(0, 0, 0)
    assert three.style("a").color == RED
    assert one.cascade._context is two.cascade._context
    assert three.cascade._context is not two.cascade._context


def test_declared_names_each_pages_own_style_element(page: Page) -> None:
    one = page("<!DOCTYPE html><style>p { color: red }</style><p id=t>x", page_path="a.html")
    two = page("<!DOCTYPE html>\n\n\n<style>p { color: red }</style><p id=t>x", page_path="b.html")
    first = one.cascade.declared(one.find("t"), "color")
    second = two.cascade.declared(two.find("t"), "color")
    assert first is not None and second is not None
    assert (first.path, first.line) == ("a.html", 1)
    assert (second.path, second.line) == ("b.html", 4)
    assert second.element is two.root.find(".//style")
