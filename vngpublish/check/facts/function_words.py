"""What a text's function words say about its language: cheap tests that spare the language
identifier (`text_language.identify`) the texts whose language is plain from their words.

For Dutch, English, German and French: the short, frequent words of a language ("de", "het",
"van" ...) that are not words of the languages it is most often mixed with.
"""

from __future__ import annotations

from itertools import repeat

_PUNCTUATION = ".,;:!?()[]\"'“”‘’«»-"
# Function words of a language that are not words of the languages it is most often mixed
# with (no "in", "is", "of", "die", "over" in the Dutch list): the cheap first test.
FUNCTION_WORDS = {
    "nl": (
        "de het een van en op te dat voor met niet zijn er aan ook als bij door naar om "
        "worden wordt deze dit wat hun ze kan moet je wij uw nog uit tot maar hebben heeft "
        "meer geen zich zoals wel onder tussen waar wanneer omdat alle kunnen zal zullen"
    ),
    "en": (
        "the and of to is that for with are this be by from have has not which or can "
        "will would should their they these was were been it its"
    ),
    "de": (
        "der die das und ist nicht mit sich auf für dem den ein eine einer zu von werden "
        "wird sind auch nach bei oder aus"
    ),
    "fr": (
        "le la les et est une des du dans pour que qui sur avec pas sont par ce cette "
        "aux ou être leur"
    ),
}
_SETS = {code: frozenset(text.split()) for code, text in FUNCTION_WORDS.items()}

# Function words of the languages closest to each listed one that are not words of it: one
# of them in a text means it may be in that neighbour (Frisian, Afrikaans or Low German in a
# text marked Dutch), which only the identifier can tell.
_NEIGHBOURS = {
    code: frozenset(text.split())
    for code, text in {
        "nl": (
            "fan foar hat ek yn binne wurde dizze troch nei wy harren sil wêze "  # Frisian
            "nie vir hulle hierdie jy julle baie sy "  # Afrikaans
            "un nich vun för sünd hebbt ji"  # Low German
        ),
        "en": "tae fae wis nae isnae",  # Scots
        "de": (
            "un nich dat wat ik vun för sünd hebbt "  # Low German
            "ass fir mat och sinn dës gëtt"  # Luxembourgish
        ),
        "fr": (
            "el los las del con por una uma che della els amb não em és"  # Spanish, Italian,
        ),  # Portuguese, Catalan
    }.items()
}
NATIVE_CHARS = 200  # `looks_native` reads this much of a text
NATIVE_SHARE = 0.08  # a text this rich in the declared language's function words is in it
CLEAR_SHARE = 0.15  # `clearly_in`: this share of the words are function words of the language,
CLEAR_DISTINCT = 4  # ... this many different ones,
CLEAR_RATIO = 3  # ... and this many times as many as those of any other language listed


def _tokens(text: str) -> list[str]:
    return list(map(str.strip, text.lower().split(), repeat(_PUNCTUATION)))


def looks_native(text: str, declared: str) -> bool:
    """True when the first 200 characters of `text` have many function words of the declared
    language (at least 8 percent of their words): the cheap first test of a passage."""
    words = _SETS.get(declared)
    if words is None:
        return False
    tokens = text[:NATIVE_CHARS].lower().split()
    if not tokens:
        return False
    # Counted first as the tokens stand (in C): a token that is a function word as it stands
    # is one with its punctuation stripped too, so this is at most the count below.
    if sum(map(words.__contains__, tokens)) / len(tokens) >= NATIVE_SHARE:
        return True
    hits = sum(map(words.__contains__, map(str.strip, tokens, repeat(_PUNCTUATION))))
    return hits / len(tokens) >= NATIVE_SHARE


def clearly_in(text: str, declared: str) -> bool:
    """True when all of `text` is plainly in the declared language by its function words: at
    least 15 percent of its words are function words of that language, at least four
    different ones, and each other language listed has at most a third as many. Text in
    which they are fewer, or mixed with another language's, is left to the identifier.

    Stricter than `looks_native`, for rules that would otherwise identify the text: one word
    shared by two languages ("de" in Dutch and Spanish, "is" in Dutch and English) repeated,
    or a text that mixes two languages, never passes; nor does a text with a function word of
    a close neighbour ("fan", "foar" in Frisian; "nie", "vir" in Afrikaans), however Dutch the
    rest looks. Checked on the texts of the corpus, the rendered newsletters and the ACT test
    pages (and 12,000 slices of them): wherever it is true, the identifier's most likely
    language is the declared one.
    """
    words = _SETS.get(declared)
    if words is None:
        return False
    tokens = _tokens(text)
    own = sum(map(words.__contains__, tokens))
    if (
        own < CLEAR_SHARE * len(tokens)
        or len(words.intersection(tokens)) < CLEAR_DISTINCT
        or not _NEIGHBOURS[declared].isdisjoint(tokens)
    ):
        return False
    return all(
        CLEAR_RATIO * sum(map(other.__contains__, tokens)) <= own
        for code, other in _SETS.items()
        if code != declared
    )
