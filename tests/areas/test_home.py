"""The front page: the newest open challenges and solutions, and one search box."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from challenges.models import Status
from portal import caching
from solutions.models import Status as SolutionStatus
from tests.organisations_public.makers import make_challenge, make_organisation, make_solution


def test_newest_open_challenges_and_solutions(client, civil_servant_bif):
    organisation = make_organisation(name="Kaffe og Kompetencer")
    now = timezone.now()
    for number in range(5):
        make_solution(
            organisation, title=f"Løsning {number}", published_at=now + timedelta(minutes=number)
        )
        make_challenge(
            civil_servant_bif,
            title=f"Udfordring {number}",
            published_at=now + timedelta(minutes=number),
        )
    make_solution(organisation, title="Udkast til løsning", status=SolutionStatus.DRAFT)
    make_challenge(civil_servant_bif, title="Lukket udfordring", status=Status.CLOSED)
    page = client.get("/").content.decode()
    assert "Nyeste åbne udfordringer" in page
    assert "Nyeste løsninger" in page
    assert "Udfordring 4" in page and "Løsning 4" in page
    assert page.index("Udfordring 4") < page.index("Udfordring 3")
    assert "Udfordring 0" not in page  # four of each
    assert "Udkast til løsning" not in page
    assert "Lukket udfordring" not in page


def test_one_search_box_leading_to_the_combined_search(client, db):
    page = client.get("/").content.decode()
    assert page.count('type="search"') == 1
    assert 'action="/soeg/"' in page
    assert 'action="/en/search/"' in client.get("/en/").content.decode()


def test_query_count_is_the_same_at_two_sizes(client, civil_servant_bif):
    organisation = make_organisation(name="Kaffe og Kompetencer")
    make_solution(organisation, title="Første")
    make_challenge(civil_servant_bif, title="Første")

    def count():
        caching._local_versions.clear()  # content versions are re-read once a second
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        return len(captured)

    small = count()
    for number in range(8):
        make_solution(make_organisation(name=f"Org {number}"), title=f"Løsning {number}")
        make_challenge(civil_servant_bif, title=f"Udfordring {number}")
    assert count() == small
