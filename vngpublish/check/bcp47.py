"""Language tags (BCP 47 / RFC 5646): a strict parser, validity against the IANA registry, and
helpful messages.

Two notions of "valid" matter to the checker:

* RFC 5646: the tag is well-formed (its grammar) and every subtag is in the IANA Language
  Subtag Registry (`Verdict.valid`).
* ACT Rules ("valid language tag"): the *primary language subtag* - everything before the first
  hyphen - is registered with type `language` (`Verdict.known_primary`). This is what browsers
  and assistive technology act on: `en-US-GB` is read as English although it is not well-formed,
  while `i-lux` (a grandfathered tag) and `x-private` name no language they know.

The registry data comes from the maintained `language-tags` package (its JSON files are read
directly, once per process, without importing the package, which loads its own copy of them).
`check()` is cached, so a page full of `lang="nl"` costs one lookup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from vngpublish.i18n import N_

# What can be wrong with a tag, by kind. Placeholders: {tag} the whole value, {primary} its
# first subtag, {subtag} the offending subtag, {suggestion} a corrected tag, {prefix} the
# subtag an extlang must follow.
MESSAGES: dict[str, str] = {
    "empty": N_("The language tag is empty: use a tag such as 'nl' or 'en'."),
    "spaces-only": N_("'{tag}' contains only spaces: use a language tag such as 'nl' or 'en'."),
    "underscore": N_("'{tag}' is not a valid language tag: use a hyphen: '{suggestion}'."),
    "spaces": N_("'{tag}' is not a valid language tag: remove the spaces: '{suggestion}'."),
    "language-alias": N_("'{primary}' is not a registered language subtag: use '{suggestion}'."),
    "language-name": N_("'{tag}' is a language name, not a language tag: use '{suggestion}'."),
    "unknown-language": N_(
        "'{primary}' is not a registered language subtag, so '{tag}' names no known language."
    ),
    "not-a-tag": N_("'{tag}' is not a language tag: use a tag such as 'nl' or 'en'."),
    "private-use": N_(
        "'{tag}' is a private-use tag: it names no language that browsers and assistive "
        "technology know. Start it with a language subtag, for example 'nl-{tag}'."
    ),
    "grandfathered": N_("'{tag}' is an old, deprecated language tag: use '{suggestion}'."),
    "grandfathered-no-language": N_(
        "'{tag}' is an old (grandfathered) language tag that browsers and assistive technology do "
        "not recognise: use a current tag."
    ),
    "malformed": N_(
        "'{tag}' is not a well-formed language tag: the language '{primary}' is recognised, but "
        "correct the rest of the tag."
    ),
    "deprecated-subtag": N_("'{subtag}' in '{tag}' is deprecated: use '{suggestion}'."),
    "unknown-extlang": N_("'{subtag}' in '{tag}' is not a registered extended language subtag."),
    "extlang-prefix": N_("'{subtag}' in '{tag}' may only follow '{prefix}'."),
    "unknown-script": N_("'{subtag}' in '{tag}' is not a registered script subtag."),
    "unknown-region": N_("'{subtag}' in '{tag}' is not a registered region subtag."),
    "region-alias": N_(
        "'{subtag}' in '{tag}' is not a registered region subtag: use '{suggestion}'."
    ),
    "unknown-variant": N_("'{subtag}' in '{tag}' is not a registered variant subtag."),
    "duplicate-subtag": N_("'{subtag}' appears more than once in '{tag}'."),
}
"""Every problem a language tag can have, by kind: English text marked with N_. Rules about
`lang` attributes take these as their messages."""


@dataclass(frozen=True, slots=True)
class Subtags:
    """A well-formed tag split into its parts (all lower case).

    A grandfathered tag has only `grandfathered` set; a private-use tag (`x-...`) has no
    `language`.
    """

    language: str | None = None
    extlangs: tuple[str, ...] = ()
    script: str | None = None
    region: str | None = None
    variants: tuple[str, ...] = ()
    extensions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    private_use: tuple[str, ...] = ()
    grandfathered: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a tag: its kind (a key of `MESSAGES`) and the message's arguments."""

    kind: str
    args: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English message of this kind of problem (marked with N_)."""
        return MESSAGES[self.kind]


@dataclass(frozen=True, slots=True)
class Verdict:
    """Everything the checker needs to know about one `lang` value.

    `known_primary`: the primary language subtag is registered (the ACT Rules meaning of a
    valid language tag); `primary` is that subtag in lower case, or None.
    `valid`: well-formed and valid per RFC 5646. `problem`: what to tell the author, or None
    when the tag is valid and current (a deprecated but valid tag has a problem).
    """

    tag: str
    known_primary: bool
    primary: str | None
    valid: bool
    problem: Problem | None


# ----------------------------------------------------------------------- registry data
@dataclass(frozen=True, slots=True)
class _Registry:
    language: dict[str, dict[str, Any]]
    extlang: dict[str, dict[str, Any]]
    script: dict[str, dict[str, Any]]
    region: dict[str, dict[str, Any]]
    variant: dict[str, dict[str, Any]]
    grandfathered: dict[str, dict[str, Any]]
    redundant: dict[str, dict[str, Any]]


def _expand_range(low: str, high: str) -> list[str]:
    """'qaa'..'qtz' -> every code in between (letters only, same length)."""

    def to_int(code: str) -> int:
        n = 0
        for ch in code:
            n = n * 26 + (ord(ch) - 97)
        return n

    def to_code(n: int, width: int) -> str:
        chars = []
        for _ in range(width):
            n, rest = divmod(n, 26)
            chars.append(chr(97 + rest))
        return "".join(reversed(chars))

    return [to_code(n, len(low)) for n in range(to_int(low), to_int(high) + 1)]


def _data_file(name: str) -> bytes:
    """A JSON file of the `language-tags` package, found without importing the package (its
    import reads its own copy of the registry: about 30 ms of every process's start)."""
    spec = find_spec("language_tags")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / "json" / name
        if path.is_file():
            return path.read_bytes()
    return (resources.files("language_tags") / "data" / "json" / name).read_bytes()


@cache
def _registry() -> _Registry:
    records: list[dict[str, Any]] = json.loads(_data_file("registry.json"))
    tables: dict[str, dict[str, dict[str, Any]]] = {
        kind: {}
        for kind in (
            "language",
            "extlang",
            "script",
            "region",
            "variant",
            "grandfathered",
            "redundant",
        )
    }
    for record in records:
        table = tables.get(record["Type"])
        if table is None:
            continue
        key = str(record.get("Subtag") or record.get("Tag")).lower()
        if ".." in key:
            low, high = key.split("..")
            for code in _expand_range(low, high):
                table.setdefault(code, record)
        else:
            table[key] = record
    return _Registry(**tables)


def registry_date() -> str:
    """The File-Date of the registry data in use."""
    meta: dict[str, str] = json.loads(_data_file("meta.json"))
    return meta.get("File-Date", "")


# ------------------------------------------------------------------------- parsing
def _alnum(part: str) -> bool:
    return part.isascii() and part.isalnum()


def _alpha(part: str) -> bool:
    return part.isascii() and part.isalpha()


def _digit(part: str) -> bool:
    return part.isascii() and part.isdigit()


@cache
def parse(tag: str) -> Subtags | None:
    """Split `tag` per the RFC 5646 grammar; None when it is not well-formed."""
    lower = tag.lower()
    if lower in _registry().grandfathered:
        return Subtags(grandfathered=lower)
    parts = lower.split("-")
    if any(not (1 <= len(p) <= 8 and _alnum(p)) for p in parts):
        return None
    if parts[0] == "x":
        return Subtags(private_use=tuple(parts[1:])) if len(parts) > 1 else None
    language = parts[0]
    if not (_alpha(language) and 2 <= len(language) <= 8):
        return None
    i = 1
    extlangs: list[str] = []
    if len(language) <= 3:
        while i < len(parts) and len(extlangs) < 3 and len(parts[i]) == 3 and _alpha(parts[i]):
            extlangs.append(parts[i])
            i += 1
    script = None
    if i < len(parts) and len(parts[i]) == 4 and _alpha(parts[i]):
        script = parts[i]
        i += 1
    region = None
    if i < len(parts) and (
        (len(parts[i]) == 2 and _alpha(parts[i])) or (len(parts[i]) == 3 and _digit(parts[i]))
    ):
        region = parts[i]
        i += 1
    variants: list[str] = []
    while i < len(parts) and (len(parts[i]) >= 5 or (len(parts[i]) == 4 and parts[i][0].isdigit())):
        variants.append(parts[i])
        i += 1
    extensions: list[tuple[str, tuple[str, ...]]] = []
    while i < len(parts) and len(parts[i]) == 1 and parts[i] != "x":
        singleton = parts[i]
        i += 1
        body: list[str] = []
        while i < len(parts) and len(parts[i]) >= 2:
            body.append(parts[i])
            i += 1
        if not body:
            return None
        extensions.append((singleton, tuple(body)))
    private_use: tuple[str, ...] = ()
    if i < len(parts) and parts[i] == "x":
        private_use = tuple(parts[i + 1 :])
        if not private_use:
            return None
        i = len(parts)
    if i != len(parts):
        return None
    return Subtags(
        language=language,
        extlangs=tuple(extlangs),
        script=script,
        region=region,
        variants=tuple(variants),
        extensions=tuple(extensions),
        private_use=private_use,
    )


# ------------------------------------------------------------------------ checking
_ASCII_WHITESPACE = "\t\n\f\r "


def _known_primary(tag: str) -> str | None:
    """The primary language subtag, lower-cased, when it is registered (ACT Rules meaning)."""
    primary = tag.split("-", 1)[0].lower()
    if _alnum(primary) and primary in _registry().language:
        return primary
    return None


@cache
def check(tag: str) -> Verdict:
    """Judge a `lang` attribute value. Case-insensitive.

    Spaces around the tag make it invalid, but whether browsers and assistive technology
    still recognise the language is not known, so `known_primary` is judged without them
    (and the problem says to remove them).
    """
    stripped = tag.strip(_ASCII_WHITESPACE)
    primary = _known_primary(stripped)
    subtags = parse(tag)
    problem = _validity_problem(tag, subtags) if subtags is not None else None
    valid = subtags is not None and (problem is None or problem.kind in _STILL_VALID)
    if primary is None:
        problem = _unknown_language_problem(tag, subtags)
    elif stripped != tag:
        problem = Problem("spaces", {"tag": tag, "suggestion": stripped})
    elif subtags is None:
        problem = Problem("malformed", {"tag": tag, "primary": tag.split("-", 1)[0]})
    return Verdict(
        tag=tag, known_primary=primary is not None, primary=primary, valid=valid, problem=problem
    )


def language_record(subtag: str) -> dict[str, Any] | None:
    """The registry record of a primary language subtag (Description, Macrolanguage, ...)."""
    return _registry().language.get(subtag.lower())


def is_valid(tag: str) -> bool:
    """True when `tag` is well-formed and valid per RFC 5646."""
    return check(tag).valid


def primary_language(tag: str) -> str | None:
    """The registered primary language subtag of `tag` in lower case ("nl" for "nl-NL")."""
    return check(tag).primary


# Problems that leave a tag valid per RFC 5646 (it only recommends something better).
_STILL_VALID = frozenset({"deprecated-subtag", "grandfathered", "grandfathered-no-language"})


def _preferred(record: dict[str, Any]) -> str | None:
    if record.get("Deprecated") and record.get("Preferred-Value"):
        return str(record["Preferred-Value"])
    return None


def _validity_problem(tag: str, st: Subtags) -> Problem | None:
    reg = _registry()
    if st.grandfathered is not None:
        record = reg.grandfathered[st.grandfathered]
        suggestion = _preferred(record)
        if suggestion:
            return Problem("grandfathered", {"tag": tag, "suggestion": suggestion})
        if record.get("Deprecated"):
            return Problem("grandfathered-no-language", {"tag": tag})
        return None
    if st.language is None:
        return None  # private use only: valid, and handled as "no known language"
    if st.language not in reg.language:
        return Problem("unknown-language", {"tag": tag, "primary": st.language})
    parts = tag.split("-")
    original = {p.lower(): p for p in parts}

    def show(sub: str) -> str:
        return original.get(sub, sub)

    for ext in st.extlangs:
        extlang = reg.extlang.get(ext)
        if extlang is None:
            region = _region_aliases().get(ext)
            if region is not None and len(st.extlangs) == 1:  # "nl-NLD": a 3-letter country
                fixed = "-".join(region if p.lower() == ext else p for p in parts)
                return Problem(
                    "region-alias", {"tag": tag, "subtag": show(ext), "suggestion": fixed}
                )
            return Problem("unknown-extlang", {"tag": tag, "subtag": show(ext)})
        prefixes = [p.lower() for p in extlang.get("Prefix", [])]
        if prefixes and st.language not in prefixes:
            return Problem(
                "extlang-prefix", {"tag": tag, "subtag": show(ext), "prefix": prefixes[0]}
            )
    if st.script is not None and st.script not in reg.script:
        return Problem("unknown-script", {"tag": tag, "subtag": show(st.script)})
    if st.region is not None and st.region not in reg.region:
        region = _region_aliases().get(st.region)
        if region is not None:
            fixed = "-".join(region if p.lower() == st.region else p for p in parts)
            return Problem(
                "region-alias", {"tag": tag, "subtag": show(st.region), "suggestion": fixed}
            )
        return Problem("unknown-region", {"tag": tag, "subtag": show(st.region)})
    seen: set[str] = set()
    for variant in st.variants:
        if variant not in reg.variant:
            return Problem("unknown-variant", {"tag": tag, "subtag": show(variant)})
        if variant in seen:
            return Problem("duplicate-subtag", {"tag": tag, "subtag": show(variant)})
        seen.add(variant)
    singletons: set[str] = set()
    for singleton, _ in st.extensions:
        if singleton in singletons:
            return Problem("duplicate-subtag", {"tag": tag, "subtag": show(singleton)})
        singletons.add(singleton)
    # Valid; now recommend current subtags over deprecated ones.
    checks = [
        (st.language, reg.language),
        (st.region, reg.region),
        (st.script, reg.script),
        *((v, reg.variant) for v in st.variants),
    ]
    for sub, table in checks:
        if sub is None:
            continue
        suggestion = _preferred(table[sub])
        if suggestion:
            fixed = "-".join(suggestion if p.lower() == sub else p for p in parts)
            return Problem(
                "deprecated-subtag", {"tag": tag, "subtag": show(sub), "suggestion": fixed}
            )
    return None


def _unknown_language_problem(tag: str, st: Subtags | None) -> Problem:
    """Why `tag` names no known language, with a correction where one can be derived."""
    if tag == "":
        return Problem("empty")
    if not tag.strip():
        return Problem("spaces-only", {"tag": tag})
    if st is not None and st.grandfathered is not None:
        problem = _validity_problem(tag, st)
        return problem or Problem("grandfathered-no-language", {"tag": tag})
    if st is not None and st.language is None:
        return Problem("private-use", {"tag": tag})
    stripped = tag.strip()
    hyphenated = stripped.replace("_", "-")
    if hyphenated != stripped and check(hyphenated).known_primary:
        return Problem("underscore", {"tag": tag, "suggestion": canonical(_best_form(hyphenated))})
    primary, _, rest = hyphenated.partition("-")
    alias = _language_aliases().get(primary.lower())
    if alias is not None:
        suggestion = alias + ("-" + rest if rest else "")
        if check(suggestion).known_primary:
            return Problem(
                "language-alias", {"tag": tag, "primary": primary, "suggestion": suggestion}
            )
    named = _language_names().get(" ".join(stripped.lower().split()))
    if named is not None:
        return Problem("language-name", {"tag": tag, "suggestion": named})
    if primary and _alnum(primary):
        return Problem("unknown-language", {"tag": tag, "primary": primary})
    return Problem("not-a-tag", {"tag": tag})


def _best_form(tag: str) -> str:
    """`tag` with a deprecated subtag replaced, when the registry says so (for suggestions)."""
    verdict = check(tag)
    if verdict.problem is not None and verdict.problem.kind == "deprecated-subtag":
        return verdict.problem.args["suggestion"]
    return tag


def canonical(tag: str) -> str:
    """`tag` in the conventional case (RFC 5646 2.1.1): `nl-NL`, `zh-Hant-TW`, `sr-Latn`.

    A tag that is not well-formed is returned unchanged.
    """
    st = parse(tag)
    if st is None or st.grandfathered is not None:
        return tag
    out: list[str] = []
    after_singleton = False
    for i, part in enumerate(tag.split("-")):
        low = part.lower()
        if i == 0 or after_singleton or len(low) == 1:
            out.append(low)
            after_singleton = after_singleton or (i > 0 and len(low) == 1)
        elif len(low) == 2:
            out.append(low.upper())
        elif len(low) == 4 and low.isalpha():
            out.append(low.title())
        else:
            out.append(low)
    return "-".join(out)


@cache
def _region_aliases() -> dict[str, str]:
    """Unregistered region codes ('nld', 'uk') -> the registered one ('NL', 'GB'), from CLDR."""
    from babel.core import get_global

    reg = _registry()
    aliases: dict[str, str] = {}
    for code, targets in get_global("territory_aliases").items():
        code = code.lower()
        if code in reg.region or not targets:
            continue
        target = str(targets[0])
        if target.lower() in reg.region:
            aliases[code] = target
    return aliases


@cache
def _language_aliases() -> dict[str, str]:
    """Unregistered language codes (ISO 639-2/3 such as 'nld', 'dut', 'eng') -> registered.

    From Babel's CLDR alias table, keeping only targets the registry knows.
    """
    from babel.core import get_global

    reg = _registry()
    aliases: dict[str, str] = {}
    for code, target in get_global("language_aliases").items():
        code = code.lower()
        target = str(target).replace("_", "-")
        if "_" in code or code in reg.language:
            continue
        if target.split("-", 1)[0].lower() in reg.language:
            aliases[code] = target
    return aliases


@cache
def _language_names() -> dict[str, str]:
    """Language names in English and Dutch ('dutch', 'nederlands', 'engels') -> their subtag."""
    from babel import Locale

    reg = _registry()
    names: dict[str, str] = {}
    for locale in ("en", "nl"):
        for code, name in Locale(locale).languages.items():
            if code in reg.language and not reg.language[code].get("Deprecated"):
                names.setdefault(name.lower(), code)
    # Registry descriptions ("Flemish" -> nl) where a name belongs to exactly one language.
    counts: dict[str, list[str]] = {}
    for code, record in reg.language.items():
        if record.get("Deprecated") or record.get("Scope") in ("private-use", "special"):
            continue
        for description in record.get("Description", []):
            counts.setdefault(description.lower(), []).append(code)
    for name, codes in counts.items():
        if len(set(codes)) == 1:
            names.setdefault(name, codes[0])
    return names
