"""Accessible names (accname 1.2 and the HTML-AAM rules), the way assistive technology gets them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vngpublish.check.dom import Element
from vngpublish.check.facts.labels import labels_of
from vngpublish.check.facts.names import accessible_description, accessible_name
from vngpublish.check.page import Page


def page_of(body: str, head: str = "") -> Page:
    return Page(f"<!doctype html><html lang=nl><head>{head}</head><body>{body}</body></html>")


def name_of(body: str, element_id: str = "x", head: str = "") -> str:
    page = page_of(body, head)
    el = page.by_id(element_id)
    assert el is not None, f"no #{element_id} in {body}"
    return accessible_name(page, el)


# ------------------------------------------------------------ aria-labelledby
def test_labelledby_wins_and_joins_references_in_order() -> None:
    body = (
        "<span id=a>Raadsvergadering</span><span id=b>14 maart</span>"
        '<a id=x href=/r aria-labelledby="b a" aria-label="negeer">Lees meer</a>'
    )
    assert name_of(body) == "14 maart Raadsvergadering"


def test_misspelt_labeledby_works_as_in_browsers_but_the_right_spelling_wins() -> None:
    refs = "<span id=a>Agenda</span><span id=b>Notulen</span>"
    assert name_of(refs + '<a id=x href=/ aria-labeledby="a">x</a>') == "Agenda"
    assert name_of(refs + '<a id=x href=/ aria-labelledby="b" aria-labeledby="a">x</a>') == (
        "Notulen"
    )


def test_labelledby_skips_missing_ids_and_falls_through_when_empty() -> None:
    assert name_of('<span id=a>Agenda</span><a id=x href=/ aria-labelledby="zz a">x</a>') == (
        "Agenda"
    )
    assert name_of('<a id=x href=/ aria-labelledby="zz" aria-label="Agenda">x</a>') == "Agenda"
    assert name_of('<span id=e></span><a id=x href=/ aria-labelledby="e">Agenda</a>') == ("Agenda")


def test_labelledby_is_not_followed_twice() -> None:
    # The referenced element's own aria-labelledby is ignored: its content counts.
    body = (
        '<span id=c>Derde</span><span id=b aria-labelledby="c">Tweede</span>'
        '<button id=x aria-labelledby="b">Eerste</button>'
    )
    assert name_of(body) == "Tweede"


def test_labelledby_uses_aria_label_of_the_reference() -> None:
    body = '<span id=b aria-label="Sluiten">×</span><button id=x aria-labelledby="b">x</button>'
    assert name_of(body) == "Sluiten"


def test_element_can_reference_itself() -> None:
    body = '<span id=l>Bestand</span><a id=x href=/f aria-labelledby="x l">Download</a>'
    assert name_of(body) == "Download Bestand"


def test_hidden_referenced_content_is_used() -> None:
    body = '<span id=h hidden>Verborgen label</span><button id=x aria-labelledby="h">x</button>'
    assert name_of(body) == "Verborgen label"
    body = (
        '<div id=h style="display:none">Eerst <span>dan</span></div>'
        '<button id=x aria-labelledby="h">x</button>'
    )
    assert name_of(body) == "Eerst dan"


def test_visible_descendant_of_an_invisible_element_counts() -> None:
    body = (
        "<h2 id=x>Zichtbaar, <span style='visibility: hidden'>onzichtbaar, "
        "<span style='visibility: visible'>weer zichtbaar</span> niet</span></h2>"
    )
    assert name_of(body) == "Zichtbaar, weer zichtbaar"


def test_scripts_and_styles_never_count_even_in_hidden_references() -> None:
    body = (
        "<div id=h hidden>Zoek<script>var x = 1;</script><style>p{}</style></div>"
        '<button id=x aria-labelledby="h">x</button>'
    )
    assert name_of(body) == "Zoek"


def test_hidden_parts_of_a_visible_reference_are_skipped() -> None:
    body = (
        '<div id=l>Zichtbaar <span aria-hidden="true">onzichtbaar</span></div>'
        '<button id=x aria-labelledby="l">x</button>'
    )
    assert name_of(body) == "Zichtbaar"


# ----------------------------------------------------------------- aria-label
def test_aria_label_beats_content_but_not_when_only_whitespace() -> None:
    assert name_of('<a id=x href=/ aria-label="Agenda raad">Lees meer</a>') == "Agenda raad"
    assert name_of('<a id=x href=/ aria-label="  ">Lees meer</a>') == "Lees meer"
    assert name_of('<a id=x href=/ aria-label="  Agenda \n raad ">x</a>') == "Agenda raad"


# -------------------------------------------------------------- embedded controls
def test_embedded_textbox_value_is_part_of_the_label() -> None:
    body = "<label for=x>Stuur mij <input id=n value=5> berichten</label><input id=x type=checkbox>"
    assert name_of(body) == "Stuur mij 5 berichten"


def test_embedded_select_gives_its_selected_option() -> None:
    body = (
        '<label for=x>Bericht per</label><input id=x type=checkbox aria-labelledby="l s">'
        "<span id=l>Bericht per</span>"
        "<select id=s><option>dag</option><option selected>week</option></select>"
    )
    assert name_of(body) == "Bericht per week"


def test_embedded_select_without_selection_gives_the_first_option() -> None:
    body = (
        "<span id=l>Elke</span><select id=s><option>dag</option><option>week</option></select>"
        '<input id=x type=checkbox aria-labelledby="l s">'
    )
    assert name_of(body) == "Elke dag"


def test_embedded_range_gives_valuetext_then_valuenow() -> None:
    body = (
        '<span id=l>Volume</span><div id=s role=slider aria-valuenow="3" aria-valuetext="laag">'
        '</div><button id=x aria-labelledby="l s">x</button>'
    )
    assert name_of(body) == "Volume laag"
    body = body.replace(' aria-valuetext="laag"', "")
    assert name_of(body) == "Volume 3"


def test_the_control_itself_does_not_count_its_value() -> None:
    assert name_of('<label>Zoek <input id=x value="raad"></label>') == "Zoek"


# ------------------------------------------------------------- host language
def test_image_alt_and_title_fallback() -> None:
    assert name_of('<img id=x src=a.png alt="Logo VNG">') == "Logo VNG"
    assert name_of('<img id=x src=a.png title="Logo">') == "Logo"
    assert name_of("<img id=x src=a.png>") == ""


def test_link_named_by_its_image() -> None:
    assert name_of('<a id=x href=/><img src=logo.png alt="Naar de voorpagina"></a>') == (
        "Naar de voorpagina"
    )
    assert name_of('<a id=x href=/><img src=logo.png alt=""></a>') == ""
    assert name_of('<a id=x href=/><img src=logo.png title="Home"></a>') == "Home"


def test_area_alt() -> None:
    assert name_of('<map name=m><area id=x href=/a alt="Noord"></map>') == "Noord"


def test_input_buttons() -> None:
    assert name_of('<input id=x type=submit value="Verstuur">') == "Verstuur"
    assert name_of("<input id=x type=submit>") == "Submit"
    assert name_of("<input id=x type=reset>") == "Reset"
    assert name_of("<input id=x type=button>") == ""
    assert name_of('<input id=x type=button title="Help">') == "Help"
    assert name_of('<input id=x type=image src=z.png alt="Zoeken">') == "Zoeken"
    assert name_of('<input id=x type=image src=z.png alt="" value="Zoeken">') == "Zoeken"
    assert name_of('<input id=x type=image src=z.png title="Zoeken">') == "Zoeken"
    assert name_of("<input id=x type=image src=z.png>") == ""


def test_image_button_label_comes_before_alt() -> None:
    # HTML-AAM: aria-labelledby, aria-label, its labels, alt, then title.
    body = '<label for=x>Zoeken in het archief</label><input id=x type=image src=z.png alt="Zoek">'
    assert name_of(body) == "Zoeken in het archief"
    assert name_of('<label>Verstuur <input id=x type=image src=z.png alt=""></label>') == (
        "Verstuur"
    )


def test_svg_shapes_are_named_by_their_title_child() -> None:
    body = (
        '<svg><circle id=x role="graphics-symbol" r="4"><title>Eén cirkel</title></circle>'
        '<g id=g role="graphics-object"><title>Legenda</title><rect/></g></svg>'
    )
    assert name_of(body) == "Eén cirkel"
    assert name_of(body, "g") == "Legenda"


def test_label_for_and_wrapping_label() -> None:
    assert name_of("<label for=x>E-mailadres</label><input id=x type=email>") == "E-mailadres"
    assert name_of("<label>Naam <input id=x></label>") == "Naam"
    assert (
        name_of("<label for=x>Voornaam</label><label>Achternaam <input id=x></label>")
        == "Voornaam Achternaam"
    )
    # A wrapping label whose `for` points elsewhere does not label this control.
    assert name_of('<label for=y>Ander<input id=x title="Eigen"></label><input id=y>') == ("Eigen")
    assert name_of("<label for=x>Opmerking</label><textarea id=x></textarea>") == "Opmerking"
    assert name_of("<label for=x>Gemeente</label><select id=x></select>") == "Gemeente"


def test_hidden_label_still_names_its_control() -> None:
    assert name_of("<label for=x hidden>Zoekterm</label><input id=x>") == "Zoekterm"


def test_label_content_skips_hidden_parts() -> None:
    body = '<label for=x>Naam <span aria-hidden="true">*</span></label><input id=x>'
    assert name_of(body) == "Naam"


def test_title_then_placeholder_for_text_fields() -> None:
    assert name_of('<input id=x title="Zoekterm" placeholder="Zoek...">') == "Zoekterm"
    assert name_of('<input id=x placeholder="Zoek...">') == "Zoek..."
    assert name_of('<input id=x type=checkbox placeholder="Zoek...">') == ""


def test_fieldset_legend_table_caption_figure_figcaption() -> None:
    assert name_of("<fieldset id=x><legend>Adres</legend><input></fieldset>") == "Adres"
    assert name_of("<table id=x><caption>Vergaderingen</caption><tr><td>a</td></tr></table>") == (
        "Vergaderingen"
    )
    assert (
        name_of("<figure id=x><img src=a.png alt=Kaart><figcaption>Gemeenten</figcaption></figure>")
        == "Gemeenten"
    )


def test_svg_title_child() -> None:
    assert name_of("<svg id=x><title>Grafiek</title><rect/></svg>") == "Grafiek"


def test_iframe_title() -> None:
    assert name_of('<iframe id=x title="Kaart" src="k.html"></iframe>') == "Kaart"


def test_optgroup_label() -> None:
    assert (
        name_of('<select><optgroup id=x label="Noord"><option>a</option></optgroup></select>')
        == "Noord"
    )


def test_presentational_image_gives_no_alt_in_content() -> None:
    assert name_of('<a id=x href=/>Nieuws<img src=a.png role="presentation" alt="icoon"></a>') == (
        "Nieuws"
    )


# --------------------------------------------------------------- from content
def test_content_of_nested_inline_elements_is_joined_without_spaces() -> None:
    assert name_of("<a id=x href=/>Lees<b>meer</b></a>") == "Leesmeer"
    assert name_of("<a id=x href=/>Lees <b>meer</b> over <em>de raad</em></a>") == (
        "Lees meer over de raad"
    )


def test_a_comment_separates_text_nodes() -> None:
    assert name_of("<h2 id=x>Raads<!-- opmerking -->nieuws</h2>") == "Raads nieuws"


@pytest.mark.parametrize(
    "control",
    [
        f'<input id=x type="{kind}">'
        for kind in ("text", "checkbox", "radio", "range", "number", "password", "date", "email")
    ]
    + ['<input id=x type="button" value="Knop">', "<select id=x></select>", "<textarea id=x>"],
)
@pytest.mark.parametrize(
    "hiding", ['style="display: none"', 'style="visibility: hidden"', "aria-hidden=true", "hidden"]
)
def test_a_hidden_label_still_names_every_kind_of_control(control: str, hiding: str) -> None:
    assert name_of(f"<label for=x {hiding}>Invoer</label>{control}") == "Invoer"


def test_block_children_are_separated_by_spaces() -> None:
    assert name_of("<a id=x href=/><div>Nieuws</div><div>Maart</div></a>") == "Nieuws Maart"
    assert name_of("<a id=x href=/>Nieuws<br>Maart</a>") == "Nieuws Maart"


def test_css_display_decides_whether_children_are_set_apart() -> None:
    head = "<style>.regel { display: block } .inline { display: inline }</style>"
    body = '<a id=x href=/><span class="regel">Nieuws</span><span class="regel">Maart</span></a>'
    assert name_of(body, head=head) == "Nieuws Maart"
    body = '<a id=x href=/><div class="inline">Nieuws</div><div class="inline">brief</div></a>'
    assert name_of(body, head=head) == "Nieuwsbrief"
    body = '<a id=x href=/><span style="display:inline-block">Lees</span><span>meer</span></a>'
    assert name_of(body) == "Lees meer"


def test_content_skips_aria_hidden_and_display_none_children() -> None:
    body = (
        '<a id=x href=/>Agenda<span aria-hidden="true"> →</span>'
        '<span style="display: none"> (oud)</span><span hidden>verborgen</span></a>'
    )
    assert name_of(body) == "Agenda"


def test_visually_hidden_text_is_part_of_the_name() -> None:
    head = (
        "<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;"
        "clip:rect(0 0 0 0)}</style>"
    )
    body = '<a id=x href=/>Lees meer<span class="sr-only"> over de begroting</span></a>'
    assert name_of(body, head=head) == "Lees meer over de begroting"


def test_content_uses_aria_label_of_descendants() -> None:
    body = '<button id=x><span aria-label="Zoeken">🔍</span></button>'
    assert name_of(body) == "Zoeken"


def test_roles_that_do_not_take_their_name_from_content() -> None:
    assert name_of("<nav id=x>Menu</nav>") == ""
    assert name_of('<nav id=x title="Hoofdmenu">Menu</nav>') == "Hoofdmenu"
    assert name_of("<div id=x>tekst</div>") == ""
    assert name_of("<ul id=x><li>a</li></ul>") == ""


def test_heading_and_cell_take_content() -> None:
    assert name_of("<h2 id=x>Financiën <small>maart</small></h2>") == "Financiën maart"
    assert name_of("<table><tr><td id=x>Raad <b>14:00</b></td></tr></table>") == "Raad 14:00"


def test_title_is_the_last_fallback() -> None:
    assert name_of('<a id=x href=/ title="Agenda"></a>') == "Agenda"
    assert name_of('<a id=x href=/ title="Agenda">Lees</a>') == "Lees"


def test_whitespace_is_collapsed_including_no_break_spaces() -> None:
    assert name_of("<a id=x href=/>\n  Lees\t\tmeer\n</a>") == "Lees meer"
    assert name_of("<a id=x href=/>&nbsp;</a>") == ""


def test_aria_owns_content_comes_after_children() -> None:
    body = '<button id=x aria-owns="o">Open</button><span id=o>menu</span>'
    assert name_of(body) == "Open menu"


def test_summary_takes_its_content() -> None:
    assert name_of("<details><summary id=x>Meer <b>info</b></summary>x</details>") == ("Meer info")


def test_labelledby_cycle_terminates() -> None:
    body = '<span id=a aria-labelledby="b">A</span><span id=b aria-labelledby="a">B</span>'
    body += '<button id=x aria-labelledby="a b">x</button>'
    assert name_of(body) == "A B"


# ---------------------------------------------------------------- description
def test_description() -> None:
    page = page_of(
        "<p id=d>Opent in een nieuw venster</p>"
        '<a id=x href=/ aria-describedby="d" title="t">Agenda</a>'
        '<a id=y href=/ title="Naar de agenda">Agenda</a><a id=z href=/ title="Agenda"></a>'
    )

    def description(element_id: str) -> str:
        el = page.by_id(element_id)
        assert el is not None
        return accessible_description(page, el)

    assert description("x") == "Opent in een nieuw venster"
    assert description("y") == "Naar de agenda"
    assert description("z") == ""  # the title already gave the name


def test_labels_of() -> None:
    page = page_of("<label for=x>A</label><label>B <input id=x></label><label for=q>C</label>")
    el = page.by_id("x")
    assert el is not None
    assert [label.text for label in labels_of(page, el)] == ["A", "B "]


# ------------------------------------------------------------------- speed
def test_names_from_content_of_nested_cells_take_linear_time(
    steps: Callable[[Callable[[], object]], int],
) -> None:
    # Names computed from content are memoised per subtree: asking every level of a deep
    # nest of table cells must not walk the whole subtree again at each level. (lxml keeps at
    # most 256 levels of elements, hence at most 80 levels of table/tr/td.)
    width = 50

    def cells(depth: int) -> tuple[Page, list[Element]]:
        inner = "kern"
        for _ in range(depth):
            words = "".join(f"<span>w{i} </span>" for i in range(width))
            inner = f"<table><tr><td>{words}{inner}</td></tr></table>"
        page = page_of(inner)
        return page, page.by_tag("td")

    page, tds = cells(80)
    found = [accessible_name(page, td) for td in tds]
    assert all(name.endswith("kern") for name in found)
    assert len(found[0].split()) == 80 * width + 1
    # Twice the depth: twice the work if each subtree is walked once, four times if each
    # level walks its whole subtree again.
    work = []
    for depth in (40, 80):
        page, tds = cells(depth)
        work.append(steps(lambda page=page, tds=tds: [accessible_name(page, td) for td in tds]))
    assert work[1] < 2.6 * work[0], work


@pytest.mark.parametrize(
    ("css", "body", "name"),
    [
        # accname 1.2 step F: ::before, the content, then ::after.
        (
            '.ext::after { content: " (externe link)" }',
            '<a id="x" class="ext" href="/">VNG</a>',
            "VNG (externe link)",
        ),
        (
            '.nieuw::before { content: "Nieuw: " }',
            '<a id="x" class="nieuw" href="/">Agenda</a>',
            "Nieuw: Agenda",
        ),
        # The alternative text after "/" replaces what is shown (an icon).
        (
            '.zoek::before { content: url(zoek.svg) / "Zoeken" }',
            '<button id="x" class="zoek"></button>',
            "Zoeken",
        ),
        # An icon-font glyph from the private-use area is no name.
        ('.icon::before { content: "\\e001" }', '<a id="x" class="icon" href="/"></a>', ""),
        # Generated content of a hidden or display: none pseudo-element is no part of it.
        (
            '.x::before { content: "weg"; display: none }',
            '<a id="x" class="x" href="/">ja</a>',
            "ja",
        ),
        # The browser's own sheet quotes q.
        ("", '<a id="x" href="/"><q>Samen sterk</q></a>', "\u201cSamen sterk\u201d"),
    ],
)
def test_generated_content_joins_names(css: str, body: str, name: str) -> None:
    page = Page(f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    assert accessible_name(page, page.by_id("x")) == name
