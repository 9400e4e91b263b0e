"""The language model's tables are kept in the cache folder and read back from there.

A cache only saves time: what is read from it must identify languages exactly as the model
file does, and a missing, damaged or unwritable cache must never stop a check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE

from vngpublish.check import cache
from vngpublish.check.api import check_html
from vngpublish.check.facts import langid as _langid
from vngpublish.check.facts import langid_store, text_language

TEXTS = [
    "De gemeenteraad besluit vandaag over de begroting van het komende jaar.",
    "The council decides on next year's budget today, after a long debate.",
    "Le conseil municipal décide aujourd'hui du budget de l'année prochaine.",
    "a",
    "",
]


@pytest.fixture()
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VNGPUBLISH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VNGPUBLISH_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _model_file_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the model file was read, not the cache")

    monkeypatch.setattr(_langid, "load_model", refuse)


def _tables_folder(cache_folder: Path) -> Path:
    (folder,) = (cache_folder / "langid").iterdir()
    return folder


def test_the_cache_is_written_and_then_read_with_the_same_results(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_model = _langid.load_identifier()
    folder = _tables_folder(cache_folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "meta.json",
        "nextmove.npy",
        "output.npy",
        "pc.npy",
        "ptc.npy",
        "row.npy",
    ]
    _model_file_not_read(monkeypatch)
    from_cache = _langid.load_identifier()
    for text in TEXTS:
        assert from_cache.rank(text) == from_model.rank(text)


def test_a_damaged_cache_is_made_again(cache_folder: Path) -> None:
    expected = _langid.load_identifier()
    folder = _tables_folder(cache_folder)
    (folder / "ptc.npy").write_bytes(b"not numpy")
    again = _langid.load_identifier()
    for text in TEXTS:
        assert again.rank(text) == expected.rank(text)
    assert _langid._read_tables(folder) is not None


def test_tables_that_do_not_fit_together_are_not_used(cache_folder: Path) -> None:
    _langid.load_identifier()
    folder = _tables_folder(cache_folder)
    (folder / "meta.json").write_text('{"classes": ["nl"], "depth": 6}', encoding="utf-8")
    assert _langid._read_tables(folder) is None


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("VNGPUBLISH_CACHE_DIR", str(blocker / "cache"))
    identifier = _langid.load_identifier()
    assert identifier.rank(TEXTS[0])[0][0] == "nl"


def test_no_cache_when_turned_off(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNGPUBLISH_NO_CACHE", "1")
    assert cache.cache_dir() is None
    _langid.load_identifier()
    assert not cache_folder.exists()


def test_the_default_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VNGPUBLISH_CACHE_DIR", raising=False)
    monkeypatch.delenv("VNGPUBLISH_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "vngpublish"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "vngpublish"


def test_a_cache_another_process_wrote_meanwhile_is_kept(cache_folder: Path) -> None:
    _langid.load_identifier()
    folder = _tables_folder(cache_folder)
    written = (folder / "ptc.npy").stat().st_ino
    _langid._write_tables(folder, _langid._tables_from_model())  # as a second process would
    assert (folder / "ptc.npy").stat().st_ino == written
    assert [p.name for p in (cache_folder / "langid").iterdir()] == [folder.name]


def test_no_cache_on_a_nearly_full_disk(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_langid, "_SPARE_BYTES", 1 << 62)  # more than any disk has free
    identifier = _langid.load_identifier()
    assert identifier.rank(TEXTS[0])[0][0] == "nl"
    assert not any((cache_folder / "langid").iterdir())


def test_writing_the_cache_says_where_once(
    cache_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache.configure_notes(quiet=False, lang="nl")
    try:
        _langid.load_identifier()
        note = capsys.readouterr().err
        folder = _tables_folder(cache_folder)
        assert note.startswith("vngpublish: notitie: ")
        assert str(folder) in note and "MB" in note and "VNGPUBLISH_NO_CACHE=1" in note
        _langid.load_identifier()  # read from the cache: nothing to say
        assert capsys.readouterr().err == ""
    finally:
        cache.configure_notes(quiet=False, lang="en")


def test_quiet_writes_the_cache_without_a_note(
    cache_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache.configure_notes(quiet=True, lang="en")
    try:
        _langid.load_identifier()
    finally:
        cache.configure_notes(quiet=False, lang="en")
    assert capsys.readouterr().err == ""
    assert _tables_folder(cache_folder).is_dir()


def test_one_copy_per_model_version_and_older_copies_removed(cache_folder: Path) -> None:
    stale = cache_folder / "langid" / "py3langid-0.3.0-123-456"
    stale.mkdir(parents=True)
    (stale / "ptc.npy").write_bytes(b"old")
    _langid.load_identifier()
    (folder,) = (cache_folder / "langid").iterdir()
    # Named by version, size and format only: every installation of this version shares it.
    assert folder.name.count("-") == 3
    assert folder.name.endswith("-f16")
    size = sum(path.stat().st_size for path in folder.iterdir())
    assert size < 75_000_000, size  # the feature table in float16: 28 MB


def test_the_model_file_is_found_without_importing_py3langid() -> None:
    assert langid_store.model_path() == MODEL_DIR / MODEL_FILE


def test_the_labels_kept_beside_the_tables_are_the_models(cache_folder: Path) -> None:
    assert langid_store.cached_labels() is None  # nothing kept yet
    identifier = _langid.load_identifier()
    assert langid_store.cached_labels() == tuple(identifier.nb_classes)


PLAINLY_DUTCH = """<!doctype html><html lang="nl"><head><title>Nieuwsbrief</title></head><body>
<p>De gemeenteraad heeft vandaag besloten de begroting voor het komende jaar goed te keuren.
Het is belangrijk dat alle inwoners van de stad hun mening kunnen geven over de plannen, en de
raad zal ook met de bewoners praten.</p>
<blockquote lang="nl"><p>Wij willen dat de inwoners van onze gemeente mee kunnen praten over
de plannen voor het centrum, en dat zij daar ook de tijd voor krijgen.</p></blockquote>
</body></html>"""


def test_a_plainly_dutch_page_is_checked_without_loading_the_model(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _langid.load_identifier()  # the cache, with the model's labels

    def refuse() -> None:
        raise AssertionError("the model was loaded")

    text_language._labels.cache_clear()
    text_language.equivalents.cache_clear()
    monkeypatch.setattr(text_language, "_identifier", refuse)
    try:
        assert text_language.equivalents("nl")
        rules = "html-lang-matches-text,element-lang-matches-text,language-of-parts"
        assert check_html(PLAINLY_DUTCH, select=rules) == []
    finally:
        text_language._labels.cache_clear()
        text_language.equivalents.cache_clear()
