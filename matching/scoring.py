"""Scoring the pairs of one item in SQL (see ARCHITECTURE.md, "Matchmaking").

score = 3 * shared goals + 2 * shared areas (1 if either side covers the whole city)
      + 2 * shared target groups + 2 * a shared kind of collaboration
      + shared words (lexemes of the Danish full-text vectors), at most 6

Candidates are the public items of the other side that overlap on a GIN-indexed array
(goals, areas, target groups) or match one of the item's title and summary words; the
`SHORTLIST` best on the arrays get their shared words counted, and the best `CANDIDATES` of
those are ranked, all in the same statement.
"""

from dataclasses import dataclass

from django.db import connection

CANDIDATES = 200
# Shortlisted on whether the arrays overlap and a title or summary word matches (cheap
# operators) before the shared items and words are counted for the shortlist only.
SHORTLIST = 1000
KEEP = 10  # rows kept per item; pages show five (a dismissal leaves enough)
MAX_WORDS = 6


@dataclass(frozen=True)
class Side:
    me_table: str
    me_collabs: str  # SQL over `x`, the item itself
    me_open: str
    other_table: str
    other_collabs: str  # SQL over `o`
    other_open: str
    me_column: str  # the Suggestion column naming the item
    other_column: str


CHALLENGE = Side(
    me_table="challenges_challenge",
    me_collabs="ARRAY[x.collaboration]::varchar[]",
    me_open="x.status = 'published' AND x.deadline >= CURRENT_DATE",
    other_table="solutions_solution",
    other_collabs="o.collaborations",
    other_open="o.status = 'published'",
    me_column="challenge_id",
    other_column="solution_id",
)
SOLUTION = Side(
    me_table="solutions_solution",
    me_collabs="x.collaborations",
    me_open="x.status = 'published'",
    other_table="challenges_challenge",
    other_collabs="ARRAY[o.collaboration]::varchar[]",
    other_open="o.status = 'published' AND o.deadline >= CURRENT_DATE",
    me_column="solution_id",
    other_column="challenge_id",
)

_SQL = """
WITH me AS (
    SELECT x.id, x.sdg_ids, x.district_ids, x.target_groups::varchar[] AS target_groups,
           {me_collabs} AS collabs, tsvector_to_array(x.search_vector) AS lexemes,
           to_tsquery('simple', nullif(array_to_string(ARRAY(
               SELECT '''' || replace(l, '''', '''''') || ''''
               FROM unnest(tsvector_to_array(ts_filter(x.search_vector, '{{a,b}}'))) l
           ), ' | '), '')) AS query
    FROM {me_table} x WHERE x.id = %(pk)s AND {me_open}
), structured AS (
    SELECT o.id, o.search_vector, o.sdg_ids, o.district_ids,
        o.target_groups::varchar[] AS target_groups, {other_collabs} AS collabs
    FROM {other_table} o, me
    WHERE {other_open} AND (
        o.sdg_ids && me.sdg_ids OR o.district_ids && me.district_ids
        OR o.target_groups::varchar[] && me.target_groups OR o.search_vector @@ me.query
    )
    ORDER BY
        3 * (o.sdg_ids && me.sdg_ids)::int + 2 * (o.district_ids && me.district_ids)::int
        + 2 * (o.target_groups::varchar[] && me.target_groups)::int
        + 2 * ({other_collabs} && me.collabs)::int
        + {max_words} * coalesce(o.search_vector @@ me.query, false)::int DESC,
        o.id
    LIMIT {shortlist}
), overlap AS (
    SELECT c.id,
        ARRAY(SELECT unnest(c.sdg_ids) INTERSECT SELECT unnest(me.sdg_ids)) AS sdgs,
        ARRAY(SELECT unnest(c.district_ids) INTERSECT SELECT unnest(me.district_ids))
            AS districts,
        (cardinality(c.district_ids) = 0 OR cardinality(me.district_ids) = 0) AS citywide,
        ARRAY(SELECT unnest(c.target_groups) INTERSECT SELECT unnest(me.target_groups))
            AS target_groups,
        ARRAY(SELECT unnest(c.collabs) INTERSECT SELECT unnest(me.collabs)) AS collabs,
        ARRAY(SELECT unnest(tsvector_to_array(c.search_vector))
              INTERSECT SELECT unnest(me.lexemes)) AS words
    FROM structured c, me
), scored AS (
    SELECT v.*,
        3 * cardinality(v.sdgs)
        + CASE WHEN v.citywide THEN 1 ELSE 2 * cardinality(v.districts) END
        + 2 * cardinality(v.target_groups)
        + 2 * least(cardinality(v.collabs), 1) AS partial
    FROM overlap v
), ranked AS (
    SELECT s.*, s.partial + least(cardinality(s.words), {max_words}) AS score,
        row_number() OVER (
            ORDER BY s.partial + least(cardinality(s.words), {max_words}) DESC, s.id
        ) AS rank
    FROM scored s
    WHERE s.partial + least(cardinality(s.words), {max_words}) >= 3
    ORDER BY rank
    LIMIT {candidates}
)
SELECT r.id, r.score, r.sdgs, r.districts, r.target_groups, r.collabs, r.words
FROM ranked r, me
LEFT JOIN LATERAL (
    SELECT s.score FROM matching_suggestion s
    WHERE s.{other_column} = r.id AND s.{me_column} <> me.id AND s.dismissed_at IS NULL
    ORDER BY s.score DESC OFFSET {keep_offset} LIMIT 1
) tenth ON true
WHERE r.rank <= {keep} OR tenth.score IS NULL OR r.score > tenth.score
ORDER BY r.score DESC, r.id
"""


@dataclass(frozen=True)
class Scored:
    other_id: int
    score: float
    sdg_ids: list[int]
    district_ids: list[int]
    target_groups: list[str]
    collaborations: list[str]
    lexemes: list[str]


def score_pairs(side: Side, pk: int) -> list[Scored]:
    """The pairs worth keeping for the item `pk` (none if it is not public): one query."""
    sql = _SQL.format(
        me_table=side.me_table,
        me_collabs=side.me_collabs,
        me_open=side.me_open,
        other_table=side.other_table,
        other_collabs=side.other_collabs,
        other_open=side.other_open,
        me_column=side.me_column,
        other_column=side.other_column,
        max_words=MAX_WORDS,
        candidates=CANDIDATES,
        shortlist=SHORTLIST,
        keep=KEEP,
        keep_offset=KEEP - 1,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"pk": pk})
        return [Scored(*row) for row in cursor.fetchall()]
