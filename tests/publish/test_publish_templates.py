"""A municipality's own templates: override single files, extend ours, clear template errors."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from publish_helpers import MakeIssue

from vngpublish.content import load_issue
from vngpublish.errors import TemplateError
from vngpublish.render import render_issue


def test_a_user_stylesheet_replaces_ours_and_the_rest_stays(
    make_issue: MakeIssue, tmp_path: Path
) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    issue = load_issue(make_issue())
    html = render_issue(issue, "web", templates=house, check=False).html
    assert "#123456" in html
    assert "--accent" not in html  # our stylesheet is replaced, not added to
    assert "<h1>Testnieuws</h1>" in html  # our page template is still used


def test_a_user_template_can_extend_ours_and_change_one_block(
    make_issue: MakeIssue, tmp_path: Path
) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.html").write_text(
        '{% extends "vngpublish/web.html" %}\n'
        "{% block footer %}<footer><p>Gemeente Voorbeeld, Raadhuisplein 1</p></footer>"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    issue = load_issue(make_issue())
    root = lxml.html.document_fromstring(
        render_issue(issue, "web", templates=house, check=False).html
    )
    assert root.find(".//footer/p").text == "Gemeente Voorbeeld, Raadhuisplein 1"
    assert root.find(".//main/h1").text == "Testnieuws"
    # The e-mail, which the folder does not override, is ours.
    email = render_issue(issue, "email", templates=house, check=False).html
    assert "Verzonden door de gemeente." in email


def test_user_html_templates_are_autoescaped(make_issue: MakeIssue, tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.html").write_text(
        '<!DOCTYPE html><html lang="nl"><title>t</title><h1>{{ issue.title }}</h1></html>',
        encoding="utf-8",
    )
    folder = make_issue()
    yml = folder / "issue.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("Testnieuws", "'<b>Test</b>'"), encoding="utf-8"
    )
    html = render_issue(load_issue(folder), "web", templates=house, check=False).html
    assert "<h1>&lt;b&gt;Test&lt;/b&gt;</h1>" in html


def test_template_syntax_error_names_file_and_line(make_issue: MakeIssue, tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "email.txt").write_text("{{ issue.title }}\n\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_issue(load_issue(make_issue()), "text", templates=house)
    assert caught.value.path == str(house.resolve() / "email.txt")
    assert caught.value.line == 3
    assert "\n" not in str(caught.value)


def test_unknown_name_in_a_template_is_an_error_not_blank_output(
    make_issue: MakeIssue, tmp_path: Path
) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "email.txt").write_text("{{ issue.title }}\n{{ issue.subtitle }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="subtitle") as caught:
        render_issue(load_issue(make_issue()), "text", templates=house)
    assert caught.value.line == 2


def test_templates_folder_must_exist(make_issue: MakeIssue, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="is not a folder of templates"):
        render_issue(load_issue(make_issue()), templates=tmp_path / "nope")


def test_the_email_is_checked_with_the_email_preset_and_the_page_with_the_default(
    make_issue: MakeIssue, tmp_path: Path
) -> None:
    # A mail client supplies its own viewport: a zoom-blocking viewport is reported on the web
    # page but not in the e-mail, while an image without alt is reported in both.
    house = tmp_path / "huisstijl"
    house.mkdir()
    page = (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, user-scalable=no">'
        "<title>{{ issue.title }}</title></head><body><main><h1>{{ issue.title }}</h1>"
        '<img src="logo.png"></main></body></html>'
    )
    for name in ("web.html", "email.html"):
        (house / name).write_text(page, encoding="utf-8")
    issue = load_issue(make_issue())
    web = {f.rule for f in render_issue(issue, "web", templates=house).findings}
    email = {f.rule for f in render_issue(issue, "email", templates=house).findings}
    assert web == {"meta-viewport", "image-alt"}
    assert email == {"image-alt"}
