"""portal.search: what a search word widens to, in the lexicon."""

import pytest

from portal.search import base_of, remember_words, similar_words


@pytest.fixture
def lexicon(db):
    remember_words(
        "folkeskolerne skolebørn skolegård cykelværksteder værkstedet kajakværksted "
        "madspild madpakke førtidspensionister pension bydelsmødre"
    )


@pytest.mark.parametrize(
    ("term", "base"),
    [("skole", "skol"), ("pensionister", "pensionist"), ("værksted", "værksted"), ("bus", "bus")],
)
def test_base_of(term, base):
    assert base_of(term) == base


def test_compounds_that_end_with_the_word_but_not_what_the_prefix_covers(lexicon):
    words = similar_words("skole")
    assert "folkeskolerne" in words
    assert "skolebørn" not in words  # skole:* finds it already


def test_compounds_and_inflections_of_a_longer_word(lexicon):
    assert set(similar_words("værksted")) >= {"cykelværksteder", "kajakværksted"}
    assert "førtidspensionister" in similar_words("pensionister")
    assert "bydelsmødre" in similar_words("bydelsmor")


def test_typos_only_for_words_in_no_text(lexicon):
    assert "madspild" in similar_words("madspuld")
    assert "cykelværksteder" in similar_words("cykelværksetder")
    assert similar_words("madpakke") == []  # a known word is not widened to its neighbours
    assert "madspild" not in similar_words("madpakke")


def test_short_words_are_not_widened(lexicon):
    assert similar_words("mad") == []
