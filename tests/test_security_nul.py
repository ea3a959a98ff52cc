"""Issue 9.1: NUL bytes (which PostgreSQL text cannot hold) and invalid UTF-8 are refused
in one place (portal.middleware.HostileInputMiddleware): a path with a NUL is 404, a
query-string or form value with a NUL, or a query string that is not UTF-8, is 400 with
the styled page. Never a 500."""

import pytest

pytestmark = pytest.mark.django_db

GET_CASES = [
    "/udfordringer/?q=%00",
    "/udfordringer/?q=a%00b&sort=relevance",
    "/udfordringer/feed/?q=x%00",
    "/udfordringer/?q%00=x",
]


@pytest.mark.parametrize("url", GET_CASES)
def test_nul_in_a_query_value_is_a_bad_request_with_the_styled_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert b'class="header"' in response.content
    assert "Ugyldig forespørgsel".encode() in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/kontakt/mine/%00/",
        "/kontakt/mine/EI-2026%00/",
        "/organisationer/invitation/%00/",
        "/kontakt/status/%00/",
    ],
)
def test_nul_in_the_path_is_not_found(client, entrepreneur, url):
    client.force_login(entrepreneur)
    assert client.get(url).status_code == 404


def test_nul_in_the_path_of_a_post_is_not_found(client, entrepreneur):
    client.force_login(entrepreneur)
    assert client.post("/kontakt/mine/%00/slet/").status_code == 404


def test_nul_in_a_form_value_gets_a_message_at_the_field_and_keeps_the_rest(client):
    response = client.post(
        "/kontakt/", {"name": "A\x00B", "email": "a@example.org", "message": "Mit spørgsmål"}
    )
    assert response.status_code == 200
    assert "Null-tegn er ikke tilladte." in response.content.decode()
    assert "Mit spørgsmål" in response.content.decode()


def test_a_query_string_that_is_not_utf8_is_a_bad_request(client):
    assert client.get("/udfordringer/?q=%ff").status_code == 400


def test_invalid_utf8_in_the_path_is_not_found(client, entrepreneur):
    client.force_login(entrepreneur)
    assert client.get("/kontakt/mine/%ff/").status_code == 404


def test_a_session_cookie_with_a_nul_is_forgotten(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/").status_code == 200


def test_ordinary_values_pass(client):
    assert client.get("/udfordringer/?q=k%C3%B8kken").status_code == 200
