"""The search lexicon: words are added as text is saved, and looked up when searching.

Full-text search with the `danish` configuration stems words but does not split compounds,
and finds nothing for a typo. So each search word is widened, before the full-text query,
to the words of the texts (the lexicon, `SearchWord`) that it was probably meant as:

- its **prefix** (`skole:*` finds "skolebørn", "skolerne"), written into the query itself;
- **compounds that end with it**: the word's base ("skole" → "skol", "pensionister" →
  "pensionist") after at least one letter and before at most five ("folkeskoler",
  "cykelværksteder", "førtidspensionister"); a regular expression served by the lexicon's
  trigram index;
- **similar words** by trigram word similarity (≥ 0.6, pg_trgm's `%>`): the word found
  inside another word with a letter or two different ("bydelsmor" → "bydelsmødre");
- **typos**: only for a word of six or more letters that is in no text, every lexicon word
  at most two edits away (`levenshtein_less_equal`, fuzzystrmatch): "cykelværkstd",
  "ensomhde".

Words the prefix already covers are not repeated, so a common stem ("skole…") no longer
crowds out the compound that was meant; no fixed number of similar words is taken. Each
kind is bounded only by `SAFETY_LIMIT`, which protects the query's size from a lexicon
gone wrong, not the ranking. One query for all the search words, and only for the words no
search has widened since the lexicon last grew: each word's result is kept per process
under the lexicon's version, which `remember_words` bumps when it adds a word.
"""

import re
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import connection

from portal.caching import ROW_SECONDS, bump_content_version, content_version, digest

WORD = re.compile(r"\w+")
MIN_LENGTH = 4
MAX_LENGTH = 100
TYPO_MIN_LENGTH = 6
TYPO_MAX_EDITS = 2
COMPOUND_TAIL = 5  # letters an inflection may add after the base: "erne", "ernes"
SAFETY_LIMIT = 200
ENDINGS = ("ernes", "erne", "ene", "ers", "er", "en", "et", "es", "e", "s")
LEXICON_NAMESPACE = "lexicon"


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
        added = cursor.rowcount
    if added:
        bump_content_version(LEXICON_NAMESPACE)  # the widened search words may change


def base_of(term: str) -> str:
    """The term without a Danish inflection ending, keeping at least four letters."""
    for ending in ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= MIN_LENGTH:
            return term[: -len(ending)]
    return term


def _like_prefix(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# Per term: compounds ending with it, then similar words beyond its prefix. Parameters:
# index, regex, prefix, limit, index, term, prefix, term, limit.
_TERM_SQL = (
    "(SELECT %s, word FROM portal_searchword WHERE word ~ %s AND word NOT LIKE %s "
    "ORDER BY length(word), word LIMIT %s) "
    "UNION (SELECT %s, word FROM portal_searchword WHERE word %%> %s AND word NOT LIKE %s "
    "ORDER BY word_similarity(%s, word) DESC, word LIMIT %s)"
)
# Typos of a word in no text. Parameters: index, min length, max length, prefix, term,
# edits, edits, term, limit.
_TYPO_SQL = (
    " UNION (SELECT %s, word FROM portal_searchword WHERE length(word) BETWEEN %s AND %s "
    "AND word NOT LIKE %s AND levenshtein_less_equal(word, %s, %s) <= %s "
    "AND NOT EXISTS (SELECT 1 FROM portal_searchword WHERE word = %s) LIMIT %s)"
)


def _term_sql(index: int, term: str) -> tuple[str, list]:
    """The lexicon words for one term: compounds ending with it, similar words, typos."""
    prefix = _like_prefix(term)
    compound = f"^.+{re.escape(base_of(term))}.{{0,{COMPOUND_TAIL}}}$"
    sql = _TERM_SQL
    params: list = [index, compound, prefix, SAFETY_LIMIT, index, term, prefix, term, SAFETY_LIMIT]
    if len(term) >= TYPO_MIN_LENGTH:
        sql += _TYPO_SQL
        edits = TYPO_MAX_EDITS
        params += [index, len(term) - edits, len(term) + edits, prefix, term, edits, edits, term]
        params.append(SAFETY_LIMIT)
    return sql, params


def _lexicon_key(version: int, term: str) -> str:
    return f"lexicon:{version}:{digest([term])}"


def related_words(terms: list[str]) -> list[list[str]]:
    """For each term, the lexicon words it widens to (besides its prefix): at most one query,
    for the terms not kept since the lexicon last grew."""
    version = content_version(LEXICON_NAMESPACE)
    keys = {term: _lexicon_key(version, term) for term in terms if len(term) >= MIN_LENGTH}
    pages = caches["pages"]
    known = pages.get_many(list(keys.values()))
    missing = [term for term, key in keys.items() if key not in known]
    if missing:
        parts, params = [], []
        for index, term in enumerate(missing):
            sql, term_params = _term_sql(index, term)
            parts.append(sql)
            params += term_params
        words: list[list[str]] = [[] for _ in missing]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ".join(parts) + " ORDER BY 1, 2", params)
            for index, word in cursor.fetchall():
                words[index].append(word)
        found = {keys[term]: words[index] for index, term in enumerate(missing)}
        pages.set_many(found, timeout=ROW_SECONDS)
        known.update(found)
    return [list(known[keys[term]]) if term in keys else [] for term in terms]


def similar_words(term: str) -> list[str]:
    """The lexicon words one search word widens to (see the module's docstring)."""
    return related_words([term.lower()])[0]


@dataclass
class Expansion:
    """What the search words were widened to: for the query and for highlighting."""

    terms: list[str]
    words: list[list[str]] = field(default_factory=list)

    def tsquery_groups(self) -> list[str]:
        """For each term, `term:* | word | word …` (raw tsquery; words are \\w+ only)."""
        return [
            " | ".join([f"{term}:*", *words])
            for term, words in zip(self.terms, self.words, strict=True)
        ]

    @property
    def matched_words(self) -> frozenset[str]:
        return frozenset(word for words in self.words for word in words)


def expand(terms: list[str]) -> Expansion:
    terms = [term.lower() for term in terms]
    return Expansion(terms=terms, words=related_words(terms))


def search_alternatives(terms: list[str]) -> list[str]:
    return expand(terms).tsquery_groups()
