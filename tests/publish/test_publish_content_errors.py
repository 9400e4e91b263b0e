"""Bad content gives a clear error that names the file and the line to fix.

Each case writes a small issue folder in tmp_path with one thing wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from publish_helpers import ISSUE_YML, ITEM_MD, MakeIssue

from vngpublish.content import load_issue
from vngpublish.errors import ContentError


def item(front: str, body: str = "De gemeente bouwt een nieuwe woonwijk.\n") -> str:
    return f"---\n{front}---\n{body}"


# (what is wrong, issue.yml, {item file: text}, file the error names, line, words it contains)
CASES = [
    (
        "javascript url",
        ISSUE_YML,
        {"04.md": item("title: Woonwijk\nthemes: [Wonen]\nurl: javascript:alert(1)\n")},
        "items/04.md",
        4,
        "`url` must be an http(s) or mailto URL, got 'javascript:alert(1)'",
    ),
    (
        "relative url",
        ISSUE_YML,
        {"04.md": item("title: Woonwijk\nthemes: [Wonen]\nurl: /woonwijk\n")},
        "items/04.md",
        4,
        "got '/woonwijk'",
    ),
    (
        "missing item title",
        ISSUE_YML,
        {"01.md": item("themes: [Wonen]\nurl: https://voorbeeld.nl/\n")},
        "items/01.md",
        2,  # the first line of the front matter
        "`title` is required",
    ),
    (
        "missing issue title",
        ISSUE_YML.replace("title: Testnieuws\n", ""),
        {"01.md": ITEM_MD},
        "issue.yml",
        1,
        "`title` is required",
    ),
    (
        "unknown theme",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes:\n  - Zorg\n  - Wonnen\n")},
        "items/01.md",
        5,
        "theme 'Wonnen' is not listed under `themes` in issue.yml; did you mean 'Wonen'?",
    ),
    (
        "front matter not opened",
        ISSUE_YML,
        {"01.md": "title: Woonwijk\nthemes: [Wonen]\n\nTekst.\n"},
        "items/01.md",
        1,
        "must start with a `---` line",
    ),
    (
        "front matter never closed",
        ISSUE_YML,
        {"01.md": "---\ntitle: Woonwijk\nthemes: [Wonen]\n\nTekst.\n"},
        "items/01.md",
        1,
        "never closed by `---`",
    ),
    (
        "front matter YAML syntax",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes: [Wonen\nurl: https://voorbeeld.nl/\n")},
        "items/01.md",
        4,  # where the parser finds the unclosed list
        "invalid YAML",
    ),
    (
        "front matter duplicate key",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes: [Wonen]\ntitle: Nog een\n")},
        "items/01.md",
        4,
        "invalid YAML",
    ),
    (
        "front matter is not keys and values",
        ISSUE_YML,
        {"01.md": item("- title\n- themes\n")},
        "items/01.md",
        2,
        "must be YAML keys and values",
    ),
    (
        "item file not UTF-8",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes: [Wonen]\n", "Caf\xe9 open.\n").encode("latin-1")},
        "items/01.md",
        5,
        "is not UTF-8 text (byte 0xe9)",
    ),
    (
        "issue.yml not UTF-8",
        "title: Testnieuws\npublisher: Caf\xe9\n".encode("latin-1"),
        {"01.md": ITEM_MD},
        "issue.yml",
        2,
        "is not UTF-8 text",
    ),
    (
        "NO stays a string (YAML 1.2)",
        ISSUE_YML.replace("publisher:", "language: NO\npublisher:"),
        {"01.md": ITEM_MD},
        "issue.yml",
        3,
        "`language` must be one of nl, en (optionally with a region, like nl-BE), got 'NO'",
    ),
    (
        "unsafe link in the summary",
        ISSUE_YML,
        {
            "01.md": item(
                "title: Woonwijk\nthemes: [Wonen]\n",
                "Eerste alinea.\n\nZie [de kaart](javascript:alert(1)).\n",
            )
        },
        "items/01.md",
        7,
        "link must be an http(s) or mailto URL, got 'javascript:alert(1)'",
    ),
    (
        "generic link text in the summary",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes: [Wonen]\n", "[Lees meer](https://x.nl/)\n")},
        "items/01.md",
        5,
        "link text 'Lees meer' does not say where the link goes",
    ),
    (
        "generic own link text",
        ISSUE_YML,
        {
            "01.md": item(
                "title: Woonwijk\nthemes: [Wonen]\nurl: https://x.nl/\nlink_text: Lees meer\n"
            )
        },
        "items/01.md",
        5,
        "`link_text` 'Lees meer' does not say where the link goes",
    ),
    (
        "heading in the summary",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes: [Wonen]\n", "Tekst.\n\n# Kop\n")},
        "items/01.md",
        7,
        "headings are not allowed",
    ),
    (
        "misspelt key",
        ISSUE_YML,
        {"01.md": item("tilte: Woonwijk\ntitle: Woonwijk\nthemes: [Wonen]\n")},
        "items/01.md",
        2,
        "unknown key `tilte` (did you mean `title`?)",
    ),
    (
        "event mode",
        ISSUE_YML,
        {
            "01.md": item(
                "title: Woonwijk\nthemes: [Wonen]\nevents:\n"
                "  - date: 2024-05-25\n    label: Inloop\n    mode: hybride\n"
            )
        },
        "items/01.md",
        7,
        "`events[0].mode`",
    ),
    (
        "event ends before it starts",
        ISSUE_YML,
        {
            "01.md": item(
                "title: Woonwijk\nthemes: [Wonen]\nevents:\n  - label: Inloop\n    mode: online\n"
                "    date: 2024-05-25\n    end: 2024-05-20\n"
            )
        },
        "items/01.md",
        5,
        "`events[0]`: `end` (2024-05-20) is before `date` (2024-05-25)",
    ),
    (
        "no summary",
        ISSUE_YML,
        {"01.md": "---\ntitle: Woonwijk\nthemes: [Wonen]\n---\n\n"},
        "items/01.md",
        5,
        "the item has no summary",
    ),
    (
        "neither number nor date",
        ISSUE_YML.replace("date: 2024-04-01\n", ""),
        {"01.md": ITEM_MD},
        "issue.yml",
        1,
        "an issue needs a `number` or a `date`",
    ),
    (
        "bad date",
        ISSUE_YML.replace("date: 2024-04-01", "date: 1 april"),
        {"01.md": ITEM_MD},
        "issue.yml",
        2,
        "`date` must be a date written as 2024-03-07, got '1 april'",
    ),
    (
        "slug that cannot be an anchor",
        ISSUE_YML,
        {"01.md": item("title: Woonwijk\nthemes: [Wonen]\nslug: Nieuwe Wijk!\n")},
        "items/01.md",
        4,
        "`slug` must be lower-case letters and digits joined by hyphens, got 'Nieuwe Wijk!'",
    ),
    (
        "impossible date",
        ISSUE_YML.replace("date: 2024-04-01", "date: 2024-13-45"),
        {"01.md": ITEM_MD},
        "issue.yml",
        2,
        "`date` must be a date written as 2024-03-07, got '2024-13-45'",
    ),
    (
        "no items",
        ISSUE_YML,
        {},
        "",
        None,
        "has no items",
    ),
]


@pytest.mark.parametrize(
    ("issue", "items", "where", "line", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_content_gives_one_clear_error_with_file_and_line(
    make_issue: MakeIssue,
    issue: str | bytes,
    items: dict[str, str | bytes],
    where: str,
    line: int | None,
    words: str,
) -> None:
    folder = make_issue(issue=issue, items=items)
    with pytest.raises(ContentError) as caught:
        load_issue(folder)
    message = str(caught.value)
    assert "\n" not in message
    expected_path = str(folder / where) if where else str(folder)
    assert caught.value.path == expected_path
    assert caught.value.line == line
    prefix = f"{expected_path}:{line}: " if line else f"{expected_path}: "
    assert message.startswith(prefix), message
    assert words in message, message


def test_folder_without_issue_yml(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"issue\.yml is missing"):
        load_issue(tmp_path)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="is not an issue folder"):
        load_issue(tmp_path / "nope")


def test_yaml_1_2_keeps_no_and_ja_as_text(make_issue: MakeIssue) -> None:
    folder = make_issue(
        items={"01.md": item("title: NO\nthemes: [Wonen]\nlink_text: ja\nurl: https://x.nl/\n")}
    )
    loaded = load_issue(folder).items[0]
    assert (loaded.title, loaded.link_text) == ("NO", "ja")


def test_item_under_two_themes_is_one_item(make_issue: MakeIssue) -> None:
    folder = make_issue(
        items={"01-zorgwoning.md": item("title: Zorgwoning\nthemes: [Wonen, Zorg]\n")}
    )
    issue = load_issue(folder)
    assert len(issue.items) == 1
    assert issue.items_under("Wonen") == issue.items_under("Zorg") == issue.items
    assert issue.items[0].slug == "zorgwoning"


def test_item_files_ending_in_upper_case_md_are_items(make_issue: MakeIssue) -> None:
    folder = make_issue(
        items={"01-woonwijk.md": ITEM_MD, "02-zorg.MD": item("title: Zorg\nthemes: [Zorg]\n")}
    )
    assert [i.slug for i in load_issue(folder).items] == ["woonwijk", "zorg"]


def test_hidden_files_in_items_are_ignored(make_issue: MakeIssue) -> None:
    folder = make_issue(items={"01-woonwijk.md": ITEM_MD, "._01-woonwijk.md": b"\x00\x05"})
    # An editor's lock file: a symbolic link to nothing.
    (folder / "items" / ".#01-woonwijk.md").symlink_to("gebruiker@host.12345")
    assert [i.slug for i in load_issue(folder).items] == ["woonwijk"]


def test_two_items_with_one_slug_name_both_files(make_issue: MakeIssue) -> None:
    folder = make_issue(items={"01-woonwijk.md": ITEM_MD, "02-woonwijk.md": ITEM_MD})
    with pytest.raises(ContentError) as caught:
        load_issue(folder)
    items = folder / "items"
    assert str(caught.value) == (
        f"{items}/02-woonwijk.md: has the slug 'woonwijk', like {items}/01-woonwijk.md; "
        "items need their own (rename a file, or set `slug:`)"
    )


def test_a_slug_set_twice_names_the_line(make_issue: MakeIssue) -> None:
    other = item("title: Zorg\nthemes: [Zorg]\nslug: woonwijk\n")
    folder = make_issue(items={"01-woonwijk.md": ITEM_MD, "02-zorg.md": other})
    with pytest.raises(ContentError) as caught:
        load_issue(folder)
    assert (caught.value.path, caught.value.line) == (str(folder / "items/02-zorg.md"), 4)


def test_a_url_with_a_space_names_the_line(make_issue: MakeIssue) -> None:
    bad = item("title: Woonwijk\nthemes: [Wonen]\nurl: https://voorbeeld.nl/nieuwe wijk\n")
    with pytest.raises(ContentError) as caught:
        load_issue(make_issue(items={"01.md": bad}))
    assert caught.value.line == 4
    assert "`url` must not contain a space; percent-encode it (a space is %20)" in str(caught.value)


def test_every_broken_item_is_reported_at_once(make_issue: MakeIssue) -> None:
    broken = {
        "01.md": item("title: Woonwijk\nthemes: [Wonen]\nurl: javascript:alert(1)\n"),
        "02.md": item("themes: [Wonen]\n"),
        "03.md": item("title: Zorg\nthemes: [Zorgg]\n"),
        "04.md": "title: geen front matter\n",
        "05.md": item("title: Markt\nthemes: [Wonen]\n", "[Lees meer](https://x.nl/)\n"),
        "06.md": item("title: Goed\nthemes: [Zorg]\n"),
    }
    with pytest.raises(ContentError) as caught:
        load_issue(make_issue(items=broken))
    problems = caught.value.problems
    assert [Path(str(p.path)).name for p in problems] == [
        "01.md",
        "02.md",
        "03.md",
        "04.md",
        "05.md",
    ]
    assert all(p.line for p in problems)
    assert len(str(caught.value).splitlines()) == 5


def test_several_problems_in_one_file_are_all_reported(make_issue: MakeIssue) -> None:
    bad = item("title: Woonwijk\nthemes: [Wonen]\nurl: /x\nlink_txt: Kaart\n", "# Kop\n")
    with pytest.raises(ContentError) as caught:
        load_issue(make_issue(items={"01.md": bad}))
    assert [p.line for p in caught.value.problems] == [4, 5, 7]


def test_problems_in_dutch(make_issue: MakeIssue) -> None:
    broken = {
        "01.md": item("title: Woonwijk\nthemes: [Wonen]\nurl: javascript:alert(1)\n"),
        "02.md": item("themes: [Wonen]\n"),
        "03.md": item("title: Zorg\nthemes: [Zorgg]\n"),
    }
    with pytest.raises(ContentError) as caught:
        load_issue(make_issue(items=broken))
    dutch = caught.value.text("nl").splitlines()
    assert "`url` moet een http(s)- of mailto-URL zijn, maar is 'javascript:alert(1)'" in dutch[0]
    assert dutch[1].endswith("`title` is verplicht")
    assert "bedoelt u 'Zorg'?" in dutch[2]
