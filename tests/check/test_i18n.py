"""Every message exists in Dutch: the catalogue covers the code, and the committed .mo is current.

When this fails after adding strings, run `scripts/update-catalogs`, fill in the empty Dutch
texts in vngpublish/locale/nl/LC_MESSAGES/vngpublish.po, and run it again to compile.
"""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from vngpublish.check.docs import catalog_texts
from vngpublish.check.registry import load_rules
from vngpublish.i18n import (
    KEYWORDS,
    LOCALE_DIR,
    NP_,
    format_message,
    format_plural,
    placeholders,
    translate,
)

PACKAGE = Path(__file__).resolve().parents[2] / "vngpublish"
PO = LOCALE_DIR / "nl" / "LC_MESSAGES" / "vngpublish.po"
MO = PO.with_suffix(".mo")


def extracted() -> dict[str | tuple[str, str], str]:
    """Every marked string in the package, and every text of the rules' documentation, with
    the first place it occurs."""
    found: dict[str | tuple[str, str], str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        key = message if isinstance(message, str) else tuple(message)
        found.setdefault(key, f"vngpublish/{filename}:{lineno}")  # type: ignore[arg-type]
    for item in catalog_texts(load_rules()):
        found.setdefault(item.text, f"{item.location} ({item.comment})")
    return found


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with PO.open("rb") as handle:
        result: Catalog = read_po(handle)
    return result


def test_extraction_finds_the_strings() -> None:
    messages = extracted()
    assert "The page has no level-one heading (h1)." in messages
    assert ("{count} error", "{count} errors") in messages


def test_every_string_in_the_code_has_a_dutch_translation(catalog: Catalog) -> None:
    problems = []
    for message, where in extracted().items():
        msgid = message if isinstance(message, str) else message[0]
        entry = catalog.get(msgid)
        if entry is None:
            problems.append(f"{where}: not in the catalogue: {message!r}")
        elif entry.fuzzy:
            problems.append(f"{where}: fuzzy (check it, then remove the flag): {message!r}")
        elif not all(entry.string if isinstance(entry.string, tuple) else (entry.string,)):
            problems.append(f"{where}: no Dutch translation: {message!r}")
    assert not problems, "run scripts/update-catalogs and translate:\n" + "\n".join(problems)


def test_translations_keep_the_placeholders(catalog: Catalog) -> None:
    problems = []
    for entry in catalog:
        if not entry.id or not entry.string:
            continue
        english = [str(e) for e in (entry.id if isinstance(entry.id, tuple) else (entry.id,))]
        dutch = [
            str(d) for d in (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        ]
        wanted = set().union(*(placeholders(e) for e in english))
        for text in dutch:
            if text and placeholders(text) != wanted:
                problems.append(f"{entry.id!r} -> {text!r}")
    assert not problems, "placeholders differ:\n" + "\n".join(problems)


def table(catalog: Catalog) -> dict[object, str]:
    """The translated messages as gettext looks them up: msgid, or (msgid, plural index)."""
    result: dict[object, str] = {}
    for entry in catalog:
        if not entry.id or entry.fuzzy or not entry.string:
            continue
        if isinstance(entry.id, (tuple, list)):
            for index, text in enumerate(entry.string or ()):
                result[(entry.id[0], index)] = str(text)
        else:
            result[entry.id] = str(entry.string)
    return result


def test_committed_mo_matches_the_po(catalog: Catalog) -> None:
    with MO.open("rb") as handle:
        mo = read_mo(handle)
    assert table(mo) == table(catalog), "the .mo is stale: run scripts/update-catalogs"
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)  # the module vngpublish reads it with
    assert compiled.ngettext("{count} error", "{count} errors", 2) == "{count} fouten"


def test_format_message_in_both_languages() -> None:
    message = "cannot be decoded as {encoding}: byte 0x{byte} at line {line}, column {column}"
    args = {"encoding": "utf-8", "byte": "E9", "line": 3, "column": 7}
    assert (
        format_message(message, args, "en")
        == "cannot be decoded as utf-8: byte 0xE9 at line 3, column 7"
    )
    assert (
        format_message(message, args, "nl")
        == "niet te decoderen als utf-8: byte 0xE9 op regel 3, kolom 7"
    )


def test_untranslated_falls_back_to_english_and_empty_stays_empty() -> None:
    assert translate("A string nobody translated", "nl") == "A string nobody translated"
    assert translate("", "nl") == ""


def test_plural_forms() -> None:
    errors = NP_("{count} error", "{count} errors")
    assert [format_plural(errors, n, "nl") for n in (0, 1, 2)] == ["0 fouten", "1 fout", "2 fouten"]
    assert format_plural(errors, 1, "en") == "1 error"


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        translate("x", "de")


def test_update_catalogs_keeps_existing_translations(tmp_path: Path) -> None:
    """scripts/update-catalogs, run on a miniature copy of the project layout."""
    repo = PACKAGE.parent
    (tmp_path / "scripts").mkdir()
    shutil.copy(repo / "scripts" / "update-catalogs", tmp_path / "scripts")
    shutil.copy(repo / "scripts" / "rule-catalog", tmp_path / "scripts")
    shutil.copy(repo / "babel.cfg", tmp_path)
    package = tmp_path / "vngpublish"
    (package / "locale" / "nl" / "LC_MESSAGES").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "version.py").write_text('__version__ = "9.9"\n')
    (package / "mod.py").write_text(
        "from vngpublish.i18n import N_, NP_\n"
        'OLD = N_("Old message")\n'
        'NEW = N_("New message about {name}")\n'
        'PAGES = NP_("{count} page", "{count} pages")\n'
    )
    po = package / "locale" / "nl" / "LC_MESSAGES" / "vngpublish.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Old message"\nmsgstr "Oud bericht"\n'
    )
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run(
        [str(tmp_path / "scripts" / "update-catalogs")],
        env={**os.environ, "PYBABEL": str(pybabel), "PYTHON": sys.executable},
        check=True,
        capture_output=True,
    )
    with po.open("rb") as handle:
        updated = read_po(handle)
    assert updated["Old message"].string == "Oud bericht"
    assert updated["New message about {name}"].string == ""
    assert updated["{count} page"].id == ("{count} page", "{count} pages")
    with po.with_suffix(".mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Old message") == "Oud bericht"
