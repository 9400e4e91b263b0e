"""The function-word tests that spare the language identifier plainly Dutch (English, German,
French) text: they must say "plainly this language" only where the identifier would agree,
and never for text in a close neighbour, another language sharing a few words, or a mix."""

from __future__ import annotations

import pytest

from vngpublish.check.facts.function_words import clearly_in, looks_native
from vngpublish.check.facts.text_language import equivalents, identify

PLAIN = {
    "nl": "De gemeenteraad heeft vandaag besloten de begroting voor het komende jaar goed te "
    "keuren. Het is belangrijk dat alle inwoners van de stad hun mening kunnen geven over de "
    "plannen, en de raad zal ook met de bewoners praten.",
    "en": "The council decided today to approve the budget for the coming year. It is "
    "important that all residents of the city can give their opinion on the plans, and the "
    "council will also talk with the community.",
    "de": "Der Gemeinderat hat heute beschlossen, den Haushalt für das kommende Jahr zu "
    "genehmigen. Es ist wichtig, dass alle Einwohner der Stadt ihre Meinung zu den Plänen "
    "äußern können, und der Rat wird auch mit der Gemeinschaft sprechen.",
    "fr": "Le conseil municipal a décidé aujourd'hui d'approuver le budget pour l'année "
    "prochaine. Il est important que tous les habitants de la ville puissent donner leur avis "
    "sur les projets, et le conseil parlera aussi avec les habitants du quartier.",
}
NOT_DUTCH = {
    "fy": "De gemeenteried hat hjoed besletten om de begrutting foar it kommende jier goed te "
    "keuren. It is wichtich dat alle ynwenners fan de stêd harren miening jaan kinne oer de "
    "plannen, en de ried sil ek mei de bewenners prate.",
    "af": "Die munisipaliteit het vandag besluit om die begroting vir die volgende jaar goed te "
    "keur. Dit is belangrik dat alle inwoners van die stad hulle menings kan gee oor die "
    "planne, en die raad sal ook met die gemeenskap praat.",
    "nds": "De Gemeenterat hett hüüt besloten, den Huushalt för dat kamen Johr goot to heten. "
    "Dat is wichtig, dat all Inwahners vun de Stadt ehr Meenen to de Plaans seggen köönt, un "
    "de Raat warrt ok mit de Lüüd snacken.",
    "es": "El ayuntamiento ha decidido hoy aprobar el presupuesto de la ciudad para el próximo "
    "año. Es importante que todos los habitantes de la ciudad puedan dar su opinión sobre los "
    "planes de desarrollo, y el consejo también hablará con la comunidad en la plaza.",
    "pt": "A câmara municipal decidiu hoje aprovar o orçamento para o próximo ano. É importante "
    "que todos os habitantes da cidade possam dar a sua opinião sobre os planos de "
    "desenvolvimento, e o conselho também vai falar com a comunidade de moradores.",
}


@pytest.mark.parametrize("language", sorted(PLAIN))
def test_plain_text_is_plainly_its_own_language_only(language: str) -> None:
    text = PLAIN[language]
    assert clearly_in(text, language)
    assert looks_native(text, language)
    assert [other for other in PLAIN if other != language and clearly_in(text, other)] == []
    assert identify(text, equivalents(language)).top == language


@pytest.mark.parametrize("language", sorted(NOT_DUTCH))
def test_a_neighbour_or_a_language_sharing_words_is_never_plainly_dutch(language: str) -> None:
    text = NOT_DUTCH[language]
    assert not clearly_in(text, "nl")
    assert identify(text, equivalents("nl")).top != "nl"  # the identifier then tells


def test_mixed_text_is_left_to_the_identifier() -> None:
    mixed = PLAIN["nl"][:120] + " " + PLAIN["en"][:160]
    assert not clearly_in(mixed, "nl")
    assert not clearly_in(mixed, "en")


def test_languages_without_a_word_list_are_never_plain() -> None:
    assert not clearly_in(NOT_DUTCH["es"], "es")
    assert not looks_native(NOT_DUTCH["es"], "es")
    assert not clearly_in("", "nl")
