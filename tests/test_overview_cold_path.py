"""The overviews' cold path (a query string nobody asked for in the last seconds): one query
for the ids of a page, ranking bounded by the cap, the indexes used, and rows rendered once
and reused by other pages, never behind a change."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from challenges import bench as challenge_bench
from challenges.overview import ChallengeOverview
from organisations import bench as organisation_bench
from portal import caching
from portal.models import Administration
from solutions import bench as solution_bench
from solutions.overview import SolutionOverview
from tests.challenge_helpers import make_challenge

CAP = 40  # the overviews' max_results in these tests: the bench data has more matches


@pytest.fixture
def bench_rows(db, monkeypatch):
    """The bench data at a small size (about 200 matches of the common word per kind), with
    fresh statistics, and a cap below the number of matches."""
    challenge_bench.populate(800)
    organisation_bench.populate(400)  # 40 organisations for the solutions
    solution_bench.populate(800)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE challenges_challenge")
        cursor.execute("ANALYZE solutions_solution")
    for overview_class in (ChallengeOverview, SolutionOverview):
        monkeypatch.setattr(overview_class, "max_results", CAP)


def _overview(overview_class, queryset, params):
    from django.http import QueryDict

    return overview_class(QueryDict(params), queryset)


def _explain(queryset, *options: str, settings=()) -> dict:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN ({', '.join([*options, 'FORMAT JSON'])}) {sql}", params)
        plan = cursor.fetchone()[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def _nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _querysets():
    from challenges.views import _list_queryset as challenges
    from solutions.views import _list_queryset as solutions

    return [(ChallengeOverview, challenges), (SolutionOverview, solutions)]


@pytest.mark.parametrize("kind", [0, 1], ids=["challenges", "solutions"])
def test_a_search_ranks_only_the_newest_matches_up_to_the_cap(bench_rows, kind):
    overview_class, queryset = _querysets()[kind]
    overview = _overview(overview_class, queryset(), "q=borgere")
    assert overview.sort == "relevance"
    plan = _explain(overview.ids_query(), "ANALYZE", "VERBOSE")
    ranking = [node for node in _nodes(plan) if "ts_rank" in json.dumps(node.get("Output", []))]
    assert ranking, "the query computes the rank"
    for node in ranking:
        assert node["Actual Rows"] * node["Actual Loops"] <= CAP + 1, node["Node Type"]
    # The count and the page come from the same ids: the cap plus one.
    assert overview.page.paginator.count == CAP + 1
    assert overview.page.paginator.is_capped


@pytest.mark.parametrize("kind", [0, 1], ids=["challenges", "solutions"])
def test_the_search_condition_is_served_by_the_full_text_index(bench_rows, kind):
    """The condition the overview searches with is the one the GIN index is built on (on a
    small table the planner may prefer another index for the status: left out here)."""
    overview_class, queryset = _querysets()[kind]
    everything = queryset().model.objects.all()
    matches = _overview(overview_class, everything, "q=kajakværksted").matches()
    plan = _explain(matches, settings=["enable_seqscan", "enable_indexscan"])
    index = {0: "challenge_search_vector", 1: "solution_search_vector"}[kind]
    assert index in [node.get("Index Name") for node in _nodes(plan)]


def test_the_solution_filters_are_served_by_one_index_of_the_published(bench_rows):
    """Two array filters read one short list of the published matches from the combined
    partial index instead of intersecting every solution with a common collaboration. (On
    a small table the planner prefers the single-array indexes: left out here, in the
    test's transaction, to show that the overview's condition fits the partial index.)"""
    from portal.models import LocalCommitteeArea

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX solution_districts, solution_collaborations")

    area = LocalCommitteeArea.objects.order_by("pk").first()
    overview_class, queryset = _querysets()[1]
    params = f"district={area.slug}&collaboration=employment"
    matches = _overview(overview_class, queryset(), params).matches()
    plan = _explain(matches, settings=["enable_seqscan", "enable_indexscan"])
    assert "solution_public_filters" in [node.get("Index Name") for node in _nodes(plan)]


def test_a_filtered_solution_page_reads_its_ids_from_the_narrow_listing(bench_rows):
    """Without search words, the ids come from the listing's combined index, not from the
    wide solutions (solutions.models.SolutionListing)."""
    from portal.models import LocalCommitteeArea

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE solutions_solutionlisting")
    area = LocalCommitteeArea.objects.order_by("pk").first()
    overview_class, queryset = _querysets()[1]
    params = f"district={area.slug}&collaboration=employment"
    plan = _explain(
        _overview(overview_class, queryset(), params).ids_query(),
        settings=["enable_seqscan", "enable_indexscan"],
    )
    nodes = list(_nodes(plan))
    assert {node.get("Relation Name") for node in nodes} - {None} == {"solutions_solutionlisting"}
    assert "listing_filters" in [node.get("Index Name") for node in nodes]


@pytest.mark.parametrize("kind", [0, 1], ids=["challenges", "solutions"])
@pytest.mark.parametrize(
    "params", ["", "q=borgere", "q=kajakværksted", "sort=title", "sort=deadline&q=borgere"]
)
def test_the_ids_of_a_page_are_those_of_the_ordered_results(bench_rows, kind, params):
    """The ids are read by a plain cursor: the same ids in the same order as the QuerySet."""
    overview_class, queryset = _querysets()[kind]
    overview = _overview(overview_class, queryset(), params)
    expected = list(overview.results().values_list("pk", flat=True)[:CAP])
    assert expected
    assert overview.result_ids()[:CAP] == expected
    assert len(overview.result_ids()) == min(overview.matches().count(), CAP + 1)


def test_the_lexicon_is_searched_through_its_trigram_index(db):
    from portal.search import _term_sql

    sql, params = _term_sql(0, "værksted")
    with connection.cursor() as cursor:
        # Only bitmap scans: an index that serves the condition, or none.
        for setting in ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert plan.count("search_word_trgm") >= 2  # the compounds and the similar words


def test_a_page_reads_the_ids_of_one_query_and_no_other_list_query(bench_rows, client):
    """Besides the filter choices and the lexicon: the ids, then the rows of the page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("challenges:list"), {"q": "borgere", "page": "2"})
    assert response.status_code == 200
    on_challenges = [q["sql"] for q in queries if 'FROM "challenges_challenge"' in q["sql"]]
    assert len(on_challenges) == 2, on_challenges  # the ids, the rows of the page (by id)
    assert "LIMIT 41" in on_challenges[0]
    assert '"challenges_challenge"."id" IN' in on_challenges[1]


def _result_list(html: str) -> str:
    start = html.index('<ul class="nobullet-list overview-results">')
    return html[start : html.index("</ul>", start)]


def test_another_query_string_renders_from_the_cached_rows(bench_rows, client, page_cache):
    first = client.get(reverse("challenges:list"))
    with CaptureQueriesContext(connection) as queries:
        second = client.get(reverse("challenges:list"), {"sort": "newest", "page": "1"})
    on_challenges = [q["sql"] for q in queries if '"challenges_challenge"' in q["sql"]]
    assert len(on_challenges) == 1, on_challenges  # the ids only: no rows, no co-owners
    assert not [q for q in queries if "co_owners" in q["sql"]]
    assert _result_list(second.content.decode()) == _result_list(first.content.decode())


def test_cached_rows_follow_the_highlighted_words(bench_rows, client, page_cache):
    client.get(reverse("challenges:list"), {"q": "borgere"})
    page = client.get(reverse("challenges:list"), {"q": "borgere", "sort": "newest"})
    plain = client.get(reverse("challenges:list"), {"sort": "newest"})
    assert "<mark>borgere</mark>" in page.content.decode()
    assert "<mark>" not in plain.content.decode()


def test_a_renamed_administration_shows_at_once_in_cached_rows(
    client, civil_servant_bif, page_cache, django_capture_on_commit_callbacks
):
    make_challenge(civil_servant_bif, title="Taghaver på skolerne")
    first = client.get(reverse("challenges:list")).content.decode()
    bif = Administration.objects.get(code="BIF")
    assert bif.name_da in first
    with django_capture_on_commit_callbacks(execute=True):
        bif.name_da = "Forvaltningen med det nye navn"
        bif.save()
    # Another query string: the whole page's fragment is kept a few seconds (as before),
    # the rows only as long as their versions hold.
    after = client.get(reverse("challenges:list"), {"sort": "deadline"}).content.decode()
    assert "Forvaltningen med det nye navn" in _result_list(after)


def test_an_edited_challenge_shows_at_once_in_cached_rows(
    client, civil_servant_bif, page_cache, django_capture_on_commit_callbacks
):
    from challenges import services

    with django_capture_on_commit_callbacks(execute=True):
        challenge = make_challenge(civil_servant_bif, title="Taghaver på skolerne")
    client.get(reverse("challenges:list"))
    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_update(
            user=civil_servant_bif,
            challenge=challenge,
            data={"title": "Taghaver på alle skoler"},
        )
    caching._local_versions.clear()  # as after the one-second trust of another process
    after = client.get(reverse("challenges:list"), {"sort": "deadline"}).content.decode()
    assert "Taghaver på alle skoler" in _result_list(after)


def _titles(response) -> list[str]:
    return [challenge.title for challenge in response.context["page_obj"].object_list]


def test_a_search_word_is_widened_once_until_the_lexicon_grows(
    client, civil_servant_bif, page_cache, django_capture_on_commit_callbacks
):
    from tests.solutions.conftest import make_published_challenge

    with django_capture_on_commit_callbacks(execute=True):
        make_published_challenge(
            civil_servant_bif, title="Cykelværksted i Sydhavnen", summary="Unge reparerer."
        )
    first = client.get(reverse("challenges:list"), {"q": "værksted"})
    assert _titles(first) == ["Cykelværksted i Sydhavnen"]
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("challenges:list"), {"q": "værksted", "sort": "newest"})
    assert not [q for q in queries if "portal_searchword" in q["sql"]]
    # A new word in the lexicon: the next search widens the word again and finds it.
    with django_capture_on_commit_callbacks(execute=True):
        make_published_challenge(
            civil_servant_bif, title="Bådværksted ved kanalen", summary="Træbåde bygges."
        )
    again = client.get(reverse("challenges:list"), {"q": "værksted", "sort": "deadline"})
    assert sorted(_titles(again)) == ["Bådværksted ved kanalen", "Cykelværksted i Sydhavnen"]
