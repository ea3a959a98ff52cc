"""The queue and the inbox at scale: the short-lived list cache never shows a stale or a
foreign list, the free-text search, the capped count, and the indexes the lists rely on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enquiries import bench as enquiry_bench
from enquiries import services, staff_services, staff_views
from enquiries.domain import Status
from enquiries.models import Enquiry
from enquiries.staff_forms import QueueFilterForm
from portal import caching
from tests.enquiry_helpers import administration, en, submit


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _get(client, name, params=None):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(en(name), params or {})
    assert page.status_code == 200
    return page.content.decode(), len(queries.captured_queries)


class TestListCache:
    def test_a_repeated_queue_is_served_from_the_cache(self, client, contact_officer, page_cache):
        submit(name="Karen Cache")
        client.force_login(contact_officer)
        first, cold = _get(client, "enquiries:staff_queue")
        second, warm = _get(client, "enquiries:staff_queue")
        assert "Karen Cache" in first
        assert "Karen Cache" in second
        # Only the session, the user, roles and two-factor are read again.
        assert warm <= cold - 4

    def test_a_change_shows_at_once(
        self, client, contact_officer, page_cache, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            enquiry, _token = submit(name="Rune Rute")
        client.force_login(contact_officer)
        before, _ = _get(client, "enquiries:staff_queue")
        assert ">Received</td>" in before
        with django_capture_on_commit_callbacks(execute=True):
            staff_services.enquiry_route(
                enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
            )
        after, _ = _get(client, "enquiries:staff_queue")
        assert ">Received</td>" not in after
        assert ">Routed</td>" in after
        assert ">BIF</td>" in after
        with django_capture_on_commit_callbacks(execute=True):
            submit(name="Nanna Ny")
        assert "Nanna Ny" in _get(client, "enquiries:staff_queue")[0]

    def test_anonymisation_empties_the_cached_list(
        self, client, contact_officer, page_cache, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            enquiry, _token = submit(name="Greta Glemt")
        client.force_login(contact_officer)
        assert "Greta Glemt" in _get(client, "enquiries:staff_queue", {"status": "all"})[0]
        with django_capture_on_commit_callbacks(execute=True):
            services.enquiry_anonymise(enquiry=enquiry)
        assert "Greta Glemt" not in _get(client, "enquiries:staff_queue", {"status": "all"})[0]

    def test_one_administrations_cached_inbox_is_never_shown_to_another(
        self,
        client,
        contact_officer,
        civil_servant_bif,
        civil_servant_tmf,
        page_cache,
        django_capture_on_commit_callbacks,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            ours, _ = submit(name="Bodil BIF")
            theirs, _ = submit(name="Tage TMF")
            staff_services.enquiry_route(
                enquiry=ours, lead=administration("BIF"), actor=contact_officer
            )
            staff_services.enquiry_route(
                enquiry=theirs, lead=administration("TMF"), actor=contact_officer
            )
        client.force_login(civil_servant_bif)
        bif, _ = _get(client, "enquiries:inbox")
        client.force_login(civil_servant_tmf)
        tmf, _ = _get(client, "enquiries:inbox")
        assert "Bodil BIF" in bif and "Tage TMF" not in bif
        assert "Tage TMF" in tmf and "Bodil BIF" not in tmf

    def test_the_lists_are_never_stored_by_the_browser(
        self, client, contact_officer, civil_servant_bif
    ):
        client.force_login(contact_officer)
        assert "no-store" in client.get(en("enquiries:staff_queue"))["Cache-Control"]
        client.force_login(civil_servant_bif)
        assert "no-store" in client.get(en("enquiries:inbox"))["Cache-Control"]


class TestSearch:
    @pytest.fixture
    def enquiries(self, db):
        kitchen, _ = submit(name="Karl Køkkenchef", message="Vi søger et KØKKEN til 40 ældre.")
        park, _ = submit(name="Pia Park", message="Må vi dyrke grøntsager i parken?")
        return {"kitchen": kitchen, "park": park}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("køkken", {"kitchen"}),  # the word, in another case than in the message
            ("KØKKENCHEF", {"kitchen"}),  # part of the name, in capitals
            ("grøntsag", {"park"}),  # part of a word
            ("anna.enquirer@example", {"kitchen", "park"}),  # the e-mail address
            ("kompetencer aps", {"kitchen", "park"}),  # the organisation
            ("ingen-match", set()),
        ],
    )
    def test_free_text(self, client, contact_officer, enquiries, text, expected):
        client.force_login(contact_officer)
        page = client.get(en("enquiries:staff_queue"), {"q": text})
        found = {e.pk for e in page.context["enquiries"]}
        assert found == {enquiries[key].pk for key in expected}

    def test_the_reference_number_in_any_case(self, client, contact_officer, enquiries):
        client.force_login(contact_officer)
        reference = enquiries["park"].reference.lower()
        page = client.get(en("enquiries:staff_queue"), {"q": f"  {reference} "})
        assert [e.pk for e in page.context["enquiries"]] == [enquiries["park"].pk]

    def test_a_search_too_long_is_refused_with_a_message_and_kept(
        self, client, contact_officer, enquiries
    ):
        client.force_login(contact_officer)
        page = client.get(en("enquiries:staff_queue"), {"q": "x" * 201})
        assert page.status_code == 200
        content = page.content.decode()
        assert "x" * 201 in content  # what was typed stays in the field
        assert "200" in content  # the error says how long it may be
        # An invalid form filters nothing but the open enquiries.
        assert len(page.context["enquiries"]) == 2


def test_more_than_the_cap_asks_for_a_narrower_filter(client, contact_officer, monkeypatch):
    monkeypatch.setattr(staff_views, "MAX_LISTED", 3)
    monkeypatch.setattr(staff_views, "PAGE_SIZE", 2)
    for number in range(5):
        submit(name=f"Person {number}")
    client.force_login(contact_officer)
    page = client.get(en("enquiries:staff_queue"))
    content = page.content.decode()
    assert "More than 3 enquiries" in content
    assert page.context["page_obj"].paginator.num_pages == 2
    page = client.get(en("enquiries:staff_queue"), {"q": "Person 4"})
    assert "1 enquiry" in page.content.decode()


@pytest.fixture
def thousands_of_enquiries(db):
    """The bench data at a small size, with fresh statistics: the planner's choices on an
    empty table say nothing and change with what earlier tests left in the statistics."""
    enquiry_bench.populate(3000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE enquiries_enquiry")


def _plan(queryset, *, index_scans=True) -> str:
    """The plan with sequential scans (and, if asked, plain index scans) made as dear as
    possible."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not index_scans:
            cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("params", "index"),
    [
        ({}, "enquiry_queue_due"),  # open enquiries, the first due first
        ({"overdue": "on"}, "enquiry_queue_due"),
        ({"status": Status.CLOSED}, "enquiry_status_due"),
    ],
)
def test_the_lists_use_their_indexes(thousands_of_enquiries, params, index):
    """The expressions in the queries must be those the indexes are built on."""
    form = QueueFilterForm(params)
    queryset = form.filter(Enquiry.objects.with_due(), timezone.localdate())[:25]
    assert index in _plan(queryset)


def test_the_free_text_search_can_use_its_trigram_index(thousands_of_enquiries):
    form = QueueFilterForm({"q": "køkken", "status": "all"})
    queryset = form.filter(Enquiry.objects.with_due(), timezone.localdate())[:25]
    assert "enquiry_search_trgm" in _plan(queryset, index_scans=False)


def test_the_content_version_is_read_at_most_once_a_second(db, page_cache):
    caching.content_version("enquiries")
    with CaptureQueriesContext(connection) as queries:
        caching.content_version("enquiries")
    assert len(queries.captured_queries) == 0
