"""The search lexicon: words are added as text is saved, and looked up when searching."""

import re

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection

from portal.models import SearchWord

WORD = re.compile(r"\w+")
MIN_LENGTH = 4
MAX_LENGTH = 100
SIMILAR_WORDS_PER_TERM = 8


def words_in(*texts: str) -> set[str]:
    found = set()
    for text in texts:
        for word in WORD.findall((text or "").lower()):
            if MIN_LENGTH <= len(word) <= MAX_LENGTH and not word.isdigit():
                found.add(word)
    return found


def remember_words(*texts: str) -> None:
    """Add the words of `texts` to the lexicon (one statement; existing words are skipped)."""
    words = sorted(words_in(*texts))
    if not words:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_searchword (word) SELECT unnest(%s::varchar[]) "
            "ON CONFLICT DO NOTHING",
            [words],
        )


def similar_words(term: str) -> list[str]:
    """Lexicon words that contain something close to `term` (a typo, part of a compound)."""
    term = term.lower()
    if len(term) < MIN_LENGTH:
        return []
    return list(
        SearchWord.objects.filter(word__trigram_word_similar=term)
        .annotate(similarity=TrigramWordSimilarity(term, "word"))
        .order_by("-similarity", "word")
        .values_list("word", flat=True)[:SIMILAR_WORDS_PER_TERM]
    )
