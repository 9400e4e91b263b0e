"""The BCP 47 validator: what authors write in lang attributes, and what they are told."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from vngpublish.check import bcp47


def message(tag: str) -> str:
    problem = bcp47.check(tag).problem
    assert problem is not None, f"{tag!r} should have a problem"
    return problem.message.format(**problem.args)


@pytest.mark.parametrize(
    "tag",
    [
        "nl",
        "nl-NL",
        "NL-nl",
        "en-GB",
        "fy",
        "zh-Hant-TW",
        "de-CH-1996",
        "sr-Latn-RS",
        "es-419",
        "zh-yue",
        "qaa",
        "nl-x-gemeente",
        "en-US-u-ca-gregory",
    ],
)
def test_valid_tags(tag: str) -> None:
    verdict = bcp47.check(tag)
    assert verdict.valid and verdict.known_primary and verdict.problem is None


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en_GB", "'en_GB' is not a valid language tag: use a hyphen: 'en-GB'."),
        ("nl_nl", "'nl_nl' is not a valid language tag: use a hyphen: 'nl-NL'."),
        ("nld", "'nld' is not a registered language subtag: use 'nl'."),
        ("dut", "'dut' is not a registered language subtag: use 'nl'."),
        ("eng-GB", "'eng' is not a registered language subtag: use 'en-GB'."),
        ("dutch", "'dutch' is a language name, not a language tag: use 'nl'."),
        ("Nederlands", "'Nederlands' is a language name, not a language tag: use 'nl'."),
        ("i-lux", "'i-lux' is an old, deprecated language tag: use 'lb'."),
    ],
)
def test_unknown_language_with_a_suggestion(tag: str, expected: str) -> None:
    verdict = bcp47.check(tag)
    assert not verdict.known_primary and verdict.primary is None
    assert message(tag) == expected


@pytest.mark.parametrize("tag", ["", "  ", "#1", "em-US", "x-private", "123", "-nl"])
def test_tags_that_name_no_known_language(tag: str) -> None:
    assert not bcp47.check(tag).known_primary
    assert message(tag)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en-US-GB", "'en-US-GB' is not a well-formed language tag"),
        ("nl--NL", "'nl--NL' is not a well-formed language tag"),
        ("en-UK", "'UK' in 'en-UK' is not a registered region subtag: use 'en-GB'."),
        ("nl-NLD", "'NLD' in 'nl-NLD' is not a registered region subtag: use 'nl-NL'."),
        ("de-hello", "'hello' in 'de-hello' is not a registered variant subtag."),
        ("en-Abcd", "'Abcd' in 'en-Abcd' is not a registered script subtag."),
        ("en-yue", "'yue' in 'en-yue' may only follow 'zh'."),
        ("de-1996-1996", "'1996' appears more than once in 'de-1996-1996'."),
    ],
)
def test_known_language_but_invalid_rest(tag: str, expected: str) -> None:
    """Browsers read the language; the tag is still wrong and the message says where."""
    verdict = bcp47.check(tag)
    assert verdict.known_primary and not verdict.valid
    assert message(tag).startswith(expected)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("iw", "'iw' in 'iw' is deprecated: use 'he'."),
        ("de-DD", "'DD' in 'de-DD' is deprecated: use 'de-DE'."),
        ("en-GB-oed", "'en-GB-oed' is an old, deprecated language tag: use 'en-GB-oxendict'."),
    ],
)
def test_deprecated_tags_are_valid_but_have_a_better_form(tag: str, expected: str) -> None:
    verdict = bcp47.check(tag)
    assert verdict.valid and verdict.known_primary
    assert message(tag) == expected


def test_spaces_around_a_tag_are_reported_but_the_language_still_judged() -> None:
    """Whether assistive technology strips the spaces is unknown: a person should look."""
    verdict = bcp47.check(" nl ")
    assert verdict.known_primary and not verdict.valid
    assert message(" nl ") == "' nl ' is not a valid language tag: remove the spaces: 'nl'."
    assert not bcp47.check(" dutch").known_primary


def test_parse_splits_every_part() -> None:
    parsed = bcp47.parse("zh-cmn-Hant-TW-1996-u-ca-chinese-x-vng")
    assert parsed == bcp47.Subtags(
        language="zh",
        extlangs=("cmn",),
        script="hant",
        region="tw",
        variants=("1996",),
        extensions=(("u", ("ca", "chinese")),),
        private_use=("vng",),
    )


@pytest.mark.parametrize(
    "tag", ["", "n", "nl-", "nl_NL", "toolongtag", "nl-x", "en-a", "en-a-b", "é", "nl-NL-NL"]
)
def test_parse_rejects_what_is_not_well_formed(tag: str) -> None:
    assert bcp47.parse(tag) is None


def test_private_use_and_grandfathered_are_well_formed() -> None:
    assert bcp47.parse("x-whatever") == bcp47.Subtags(private_use=("whatever",))
    assert bcp47.parse("i-klingon") == bcp47.Subtags(grandfathered="i-klingon")
    assert bcp47.check("x-whatever").valid and not bcp47.check("x-whatever").known_primary


def test_canonical_case() -> None:
    assert bcp47.canonical("ZH-hant-tw") == "zh-Hant-TW"
    assert bcp47.canonical("nl-nl-x-AB") == "nl-NL-x-ab"
    assert bcp47.canonical("not_a_tag") == "not_a_tag"


def test_primary_language() -> None:
    assert bcp47.primary_language("NL-be") == "nl"
    assert bcp47.primary_language("en-US-GB") == "en"
    assert bcp47.primary_language("dutch") is None


def test_registry_date_is_known() -> None:
    assert bcp47.registry_date() >= "2024-01-01"


def test_the_registry_is_read_from_language_tags_without_importing_it() -> None:
    # Importing language-tags reads its own copy of the registry (about 30 ms of every start).
    for name in ("registry.json", "meta.json"):
        packaged = resources.files("language_tags") / "data" / "json" / name
        assert bcp47._data_file(name) == packaged.read_bytes()
    code = (
        "import sys; from vngpublish.check import bcp47; "
        "assert bcp47.check('nl-NL').valid and bcp47.registry_date(); "
        "assert 'language_tags' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
