"""Configuration from pyproject.toml, per-file-ignores, and presets."""

from __future__ import annotations

from pathlib import Path

import pytest

from vngpublish.check.config import Config, ConfigError, find_config, ignored_for, load_config
from vngpublish.check.finding import Severity
from vngpublish.check.presets import (
    DEFAULT_PRESET,
    PresetError,
    load_presets,
    preset_rule_ids,
    selection,
)
from vngpublish.check.registry import load_rules
from vngpublish.check.rule import Rule


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_find_config_walks_up_to_the_nearest_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.vngpublish.check]\nlang = "nl"\n')
    # A pyproject.toml without our table on the way up is passed over.
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "x"\n')
    deep = tmp_path / "site" / "nieuws"
    deep.mkdir()
    assert find_config(deep) == tmp_path / "pyproject.toml"


def test_find_config_without_any(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None


def test_load_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.vngpublish.check]
preset = "email"
select = ["page-has-heading-one"]
ignore = "link-name"
fail-on = "warning"
lang = "nl"

[tool.vngpublish.check.per-file-ignores]
"archief/*.html" = ["link-name", "heading-order"]
""",
    )
    config = load_config(path)
    assert config == Config(
        path=path,
        preset="email",
        select=("page-has-heading-one",),
        ignore=("link-name",),
        per_file_ignores=(("archief/*.html", ("link-name", "heading-order")),),
        fail_on="warning",
        lang="nl",
    )
    assert config.base_dir == tmp_path


def test_select_all_in_config(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.vngpublish.check]\nselect = "all"\n')
    assert load_config(path).select == ("all",)


def test_other_toml_file_has_the_keys_at_the_top(tmp_path: Path) -> None:
    path = write(tmp_path / "vngpublish.toml", 'fail-on = "never"\n')
    assert load_config(path).fail_on == "never"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[tool.vngpublish.check]\nfail_on = "error"\n',
            'fail_on: unknown key (did you mean "fail-on"?)',
        ),
        (
            '[tool.vngpublish.check]\nfail-on = "errors"\n',
            "fail-on: must be one of error, warning, never",
        ),
        ("[tool.vngpublish.check]\nlang = 1\n", "lang: must be a string"),
        ("[tool.vngpublish.check]\nignore = [1]\n", "ignore: must be a list of rule ids"),
        ('[tool.vngpublish.check]\nper-file-ignores = "x"\n', "per-file-ignores: must be a table"),
        ("[tool.vngpublish.check\n", "not valid TOML"),
        (
            '[tool.vngpublish.check]\ndocs-url = "https://example.org/rules/"\n',
            "docs-url: must contain {rule} where the rule id goes",
        ),
        ('[project]\nname = "x"\n', "has no [tool.vngpublish.check] table"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(path) in str(raised.value)
    assert expected in str(raised.value)


def test_config_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder"):
        load_config(tmp_path)


def test_per_file_ignores_globs(tmp_path: Path) -> None:
    ignores = (("archief/*.html", ("link-name",)), ("index.html", ("heading-order",)))
    (tmp_path / "archief" / "2023").mkdir(parents=True)
    for name in [
        "archief/maart.html",
        "archief/2023/mei.html",
        "index.html",
        "nieuws/index.html",
        "los.html",
    ]:
        write(tmp_path / name, "<p>x</p>")
    assert ignored_for(str(tmp_path / "archief/maart.html"), ignores, tmp_path) == {"link-name"}
    # `*` crosses folders, as in fnmatch.
    assert ignored_for(str(tmp_path / "archief/2023/mei.html"), ignores, tmp_path) == {"link-name"}
    # A glob without "/" matches the file name in any folder.
    assert ignored_for(str(tmp_path / "nieuws/index.html"), ignores, tmp_path) == {"heading-order"}
    assert ignored_for(str(tmp_path / "los.html"), ignores, tmp_path) == frozenset()


# ------------------------------------------------------------------ presets
def fake_rule(rule_id: str, level: str, tags: tuple[str, ...] = ()) -> type[Rule]:
    # Not a Rule subclass with an `id`, so it is not registered; presets only read metadata.
    return type(rule_id, (), {"level": level, "tags": tags, "severity": Severity.ERROR})


FAKE = {
    "a-rule": fake_rule("a-rule", "A"),
    "aa-rule": fake_rule("aa-rule", "AA"),
    "aaa-rule": fake_rule("aaa-rule", "AAA"),
    "practice": fake_rule("practice", "best-practice"),
    "landmark-rule": fake_rule("landmark-rule", "A", ("landmarks", "not-email")),
    "not-for-mail": fake_rule("not-for-mail", "AA", ("not-email",)),
    "suppression-invalid": fake_rule("suppression-invalid", "best-practice", ("suppression",)),
}


def test_shipped_presets_select_by_level_and_tag() -> None:
    assert DEFAULT_PRESET == "wcag-aa"
    assert {"wcag-a", "wcag-aa", "email", "all"} <= set(load_presets())
    assert preset_rule_ids("wcag-a", FAKE) == {"a-rule", "landmark-rule", "suppression-invalid"}
    assert preset_rule_ids("wcag-aa", FAKE) == set(FAKE) - {"aaa-rule"}
    assert preset_rule_ids("email", FAKE) == {
        "a-rule",
        "aa-rule",
        "practice",
        "suppression-invalid",
    }
    assert preset_rule_ids("all", FAKE) == set(FAKE)


def test_every_shipped_preset_resolves_against_the_real_rules() -> None:
    for name in load_presets():
        assert preset_rule_ids(name, load_rules()) <= set(load_rules())
    assert "suppression-invalid" in preset_rule_ids("wcag-a", load_rules())


def test_selection_select_replaces_preset_and_ignore_takes_away() -> None:
    assert selection(FAKE, "wcag-a", ["aaa-rule"], []) == {"aaa-rule"}
    assert selection(FAKE, "wcag-a", ["all"], ["practice"]) == set(FAKE) - {"practice"}
    assert selection(FAKE, None, None, ["a-rule"]) == set(FAKE) - {"aaa-rule", "a-rule"}
    with pytest.raises(KeyError, match="no-such-rule"):
        selection(FAKE, None, None, ["no-such-rule"])


def test_unknown_preset_and_extends_loop(tmp_path: Path) -> None:
    write(tmp_path / "een.yml", "extends: twee\n")
    write(tmp_path / "twee.yml", "extends: een\nlevels: [A]\n")
    presets = load_presets(tmp_path)
    with pytest.raises(PresetError, match="loop: een -> twee -> een"):
        preset_rule_ids("een", FAKE, presets)
    with pytest.raises(PresetError, match="did you mean 'een'"):
        preset_rule_ids("eem", FAKE, presets)


def test_malformed_preset_file(tmp_path: Path) -> None:
    write(tmp_path / "fout.yml", "level: [A]\n")
    with pytest.raises(PresetError, match="unknown key 'level' \\(did you mean 'levels'\\?\\)"):
        load_presets(tmp_path)


# ------------------------------------------------------------------ review fixes
def test_a_pyproject_that_is_not_toml_stops_the_search(tmp_path: Path) -> None:
    # The parent's settings must not be used in place of the broken nearer file.
    write(tmp_path / "pyproject.toml", '[tool.vngpublish.check]\nfail-on = "never"\n')
    child = write(
        tmp_path / "child" / "pyproject.toml",
        '[tool.vngpublish.check]\nselect = ["link-text-generic"\n',
    )
    with pytest.raises(ConfigError, match="not valid TOML") as raised:
        find_config(child.parent)
    assert str(child) in str(raised.value)


def test_an_empty_select_in_the_config_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.vngpublish.check]\nselect = []\n")
    with pytest.raises(ConfigError, match="select: names no rules"):
        load_config(path)


@pytest.mark.parametrize(
    ("page", "ignored"),
    [
        ("site/top.html", True),  # `**/` matches no folder too, as in ruff and .gitignore
        ("site/a/page.html", True),
        ("site/a/b/page.html", True),
        ("other/top.html", False),
        ("site/top.css", False),
    ],
)
def test_double_star_matches_zero_or_more_folders(tmp_path: Path, page: str, ignored: bool) -> None:
    write(tmp_path / page, "<p>x</p>")
    ignores = (("site/**/*.html", ("link-name",)),)
    expected = {"link-name"} if ignored else set()
    assert ignored_for(str(tmp_path / page), ignores, tmp_path) == expected


def test_double_star_at_the_start_matches_the_top_folder(tmp_path: Path) -> None:
    write(tmp_path / "index.html", "<p>x</p>")
    write(tmp_path / "a" / "index.html", "<p>x</p>")
    ignores = (("**/index.html", ("link-name",)),)
    assert ignored_for(str(tmp_path / "index.html"), ignores, tmp_path) == {"link-name"}
    assert ignored_for(str(tmp_path / "a" / "index.html"), ignores, tmp_path) == {"link-name"}


def test_errors_name_the_line_of_the_key(tmp_path: Path) -> None:
    def error_of(path: Path) -> str:
        with pytest.raises(ConfigError) as raised:
            load_config(path)
        return str(raised.value)

    pyproject = tmp_path / "pyproject.toml"
    write(pyproject, '[project]\nname = "x"\n\n[tool.vngpublish.check]\n# CI\nfail-on = "often"\n')
    assert error_of(pyproject).startswith(f"{pyproject}:6: [tool.vngpublish.check] fail-on:")

    # A glob of the per-file-ignores table, written as its own table.
    write(
        pyproject,
        '[tool.vngpublish.check]\nlang = "nl"\n\n[tool.vngpublish.check.per-file-ignores]\n'
        '"archief/*.html" = ["link-name"]\n"oud/*.html" = 3\n',
    )
    assert error_of(pyproject).startswith(f"{pyproject}:6: ")

    # Another TOML file holds the keys at the top.
    other = write(tmp_path / "vngpublish.toml", 'preset = "wcag-aa"\nlang = "fr"\n')
    assert error_of(other) == f"{other}:2: lang: must be one of en, nl (not 'fr')"

    # A key that cannot be found on a line of its own (a dotted key) still names the file.
    write(pyproject, '[tool]\nvngpublish.check.lang = "fr"\n')
    assert error_of(pyproject).startswith(f"{pyproject}: [tool.vngpublish.check] lang:")


def test_the_screen_decides_which_media_queries_apply(tmp_path: Path) -> None:
    from vngpublish.check import check_html

    page = (
        '<!doctype html><html lang="nl"><head><title>T</title><style>'
        "@media (max-width: 600px) { .breed { display: none } }</style></head><body><main>"
        '<h1>Nieuws</h1><a class="breed" href="/a"></a></main></body></html>'
    )
    phone = load_config(
        write(tmp_path / "pyproject.toml", '[tool.vngpublish.check]\nscreen = "390x844"\n')
    )
    assert phone.screen == (390, 844)
    # On the default 1280x800 screen the empty link is shown; on a phone the rule hides it.
    assert [f.rule for f in check_html(page, select=["link-name"])] == ["link-name"]
    assert check_html(page, select=["link-name"], config=phone) == []


@pytest.mark.parametrize("value", ['"1280"', '"0x800"', '"wide"', "1280"])
def test_a_screen_that_is_not_width_x_height_is_an_error(tmp_path: Path, value: str) -> None:
    path = write(tmp_path / "pyproject.toml", f"[tool.vngpublish.check]\nscreen = {value}\n")
    with pytest.raises(ConfigError, match="screen"):
        load_config(path)
