"""`--format sarif`: valid SARIF 2.1.0 that GitHub code scanning can take in.

The output is validated against the official schema (tests/data/sarif-schema-2.1.0.json; its
source is in tests/data/README.md).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from vngpublish.check import cli

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
PAGE = """<!DOCTYPE html>
<html>
<head><title>Nieuws</title></head>
<body>
<main>
<h1>Nieuws</h1>
<a href="/raad">Lees meer</a>
<img src="kaart.png">
<a href="/a"><img src="x.png"></a>
</main>
</body>
</html>
"""


def sarif(*argv: str) -> tuple[int, dict[str, Any], str]:
    """Run the command line with `--format sarif`; the status, the log and stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([*argv, "--format", "sarif"], stdout=out, stderr=err)
    return status, json.loads(out.getvalue()), err.getvalue()


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`site/nieuws maart.html` (a space in the name) in the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    path = tmp_path / "site" / "nieuws maart.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def results_by_rule(log: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"]}


def test_the_log_is_valid_against_the_sarif_schema(page: Path) -> None:
    (page.parent / "kapot.html").write_bytes(b"<p>caf\xe9</p>")
    status, log, _ = sarif("site", "--select", "all")
    assert status == 2
    jsonschema.validate(log, SCHEMA)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"]


def test_a_failed_error_is_an_error_and_a_cant_tell_is_a_review(page: Path) -> None:
    _, log, _ = sarif("site", "--select", "image-alt,link-text-generic,html-has-lang")
    by_rule = results_by_rule(log)
    assert (by_rule["image-alt"]["kind"], by_rule["image-alt"]["level"]) == ("fail", "error")
    # "Lees meer" after nothing that explains it: the rule cannot tell, a person must look.
    review = by_rule["link-text-generic"]
    assert review["properties"]["outcome"] == "cantTell"
    # SARIF §3.27.10: a result whose kind is not "fail" has level "none".
    assert (review["kind"], review["level"]) == ("review", "none")


def test_a_failed_warning_is_a_warning(page: Path) -> None:
    page.write_text(PAGE.replace("<h1>Nieuws</h1>", "<h2>Nieuws</h2>"), encoding="utf-8")
    _, log, _ = sarif("site", "--select", "page-has-heading-one")
    result = results_by_rule(log)["page-has-heading-one"]
    assert (result["kind"], result["level"]) == ("fail", "warning")


def test_results_point_at_file_line_column_snippet_and_selector(page: Path) -> None:
    _, log, _ = sarif("site", "--select", "image-alt")
    run = log["runs"][0]
    first = run["results"][0]
    location = first["locations"][0]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "site/nieuws%20maart.html",
        "uriBaseId": "SRCROOT",
    }
    assert physical["region"]["startLine"] == 8
    assert physical["region"]["startColumn"] == 1
    assert physical["region"]["snippet"]["text"] == '<img src="kaart.png">'
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "body > main > img"
    # The base id resolves to the working directory.
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == Path.cwd().as_uri() + "/"
    # ruleIndex points at the rule's descriptor.
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "image-alt"


def test_rules_carry_help_tags_and_default_levels(page: Path) -> None:
    _, log, _ = sarif("site", "--select", "image-alt")
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    image_alt = rules["image-alt"]
    assert (
        image_alt["helpUri"] == "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html"
    )
    assert {"accessibility", "wcag1.1.1", "wcag2a"} <= set(image_alt["properties"]["tags"])
    assert image_alt["defaultConfiguration"]["level"] == "error"
    assert image_alt["shortDescription"]["text"]
    assert image_alt["fullDescription"]["text"]
    assert "non-text-content" in image_alt["help"]["markdown"]
    assert rules["heading-order"]["defaultConfiguration"]["level"] == "warning"
    assert "best-practice" in rules["heading-order"]["properties"]["tags"]
    assert "helpUri" not in rules["heading-order"]  # no success criterion to point at


def test_each_rules_help_is_its_documentation_page(page: Path) -> None:
    _, log, _ = sarif("site", "--select", "image-alt", "--lang", "nl")
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    markdown = rules["link-name"]["help"]["markdown"]
    assert markdown.startswith("# link-name: Links hebben een toegankelijke naam\n")
    assert "## Wat de regel controleert" in markdown and "## Zo los je het op" in markdown


def test_messages_have_ids_and_numbered_arguments(page: Path) -> None:
    _, log, _ = sarif("site", "--select", "image-alt,link-text-generic")
    run = log["runs"][0]
    by_rule = results_by_rule(log)
    message = by_rule["link-text-generic"]["message"]
    assert message["id"] == "heading-context"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    template = rules["link-text-generic"]["messageStrings"]["heading-context"]["text"]
    assert "{0}" in template and "{1}" in template and "{name}" not in template
    # A viewer that fills the template with the arguments shows the text of the result.
    filled = template
    for index, value in enumerate(message["arguments"]):
        filled = filled.replace("{" + str(index) + "}", value)
    assert filled == message["text"]


def test_help_uri_is_the_published_page_when_the_configuration_says_where(
    page: Path, tmp_path: Path
) -> None:
    config = tmp_path / "vngpublish.toml"
    config.write_text('docs-url = "https://example.org/toegankelijkheid/{lang}/{rule}"\n')
    _, log, _ = sarif("site", "--select", "image-alt", "--config", str(config))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["image-alt"]["helpUri"] == "https://example.org/toegankelijkheid/en/image-alt"
    assert rules["heading-order"]["helpUri"] == (
        "https://example.org/toegankelijkheid/en/heading-order"
    )


def test_fingerprints_do_not_change_when_lines_move(page: Path) -> None:
    _, before, _ = sarif("site", "--select", "all")
    page.write_text(
        PAGE.replace("<main>\n", "<main>\n<p>Een nieuwe alinea.</p>\n\n"), encoding="utf-8"
    )
    _, after, _ = sarif("site", "--select", "all")

    def prints(log: dict[str, Any]) -> dict[tuple[str, str], int]:
        return {
            (r["ruleId"], r["partialFingerprints"]["vngpublishElement/v1"]): r["locations"][0][
                "physicalLocation"
            ]["region"]["startLine"]
            for r in log["runs"][0]["results"]
        }

    old, new = prints(before), prints(after)
    assert old.keys() == new.keys()
    moved = [key for key in old if new[key] == old[key] + 2]
    assert moved, "the findings in main moved down two lines"


def test_unreadable_paths_are_error_notifications(page: Path) -> None:
    (page.parent / "kapot.html").write_bytes(b"<p>caf\xe9</p>")
    status, log, err = sarif("site", "--select", "image-alt")
    assert status == 2
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/kapot.html"
    assert "utf-8" in note["message"]["text"]
    assert "site/kapot.html" in err


def test_a_clean_run_is_successful_with_no_results(page: Path) -> None:
    page.write_text(PAGE.replace('<img src="kaart.png">', ""), encoding="utf-8")
    status, log, _ = sarif("site", "--select", "image-alt")
    assert status == 1  # the image in the link still has no alt
    page.write_text(
        PAGE.replace('<img src="kaart.png">', "").replace('<img src="x.png">', "Agenda"),
        encoding="utf-8",
    )
    status, log, _ = sarif("site", "--select", "image-alt")
    assert status == 0
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    jsonschema.validate(log, SCHEMA)


def test_messages_in_dutch(page: Path) -> None:
    _, english, _ = sarif("site", "--select", "image-alt")
    _, dutch, _ = sarif("site", "--select", "image-alt", "--lang", "nl")
    assert dutch["runs"][0]["tool"]["driver"]["language"] == "nl"
    message = dutch["runs"][0]["results"][0]["message"]["text"]
    assert message and message != english["runs"][0]["results"][0]["message"]["text"]
