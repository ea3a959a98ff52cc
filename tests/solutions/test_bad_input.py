"""Bad input on the solution form: a clear message at the field, the rest kept, no 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from solutions.models import Solution
from tests.solutions.conftest import image_file


def _data(organisation, **overrides):
    data = {
        "organisation": str(organisation.pk),
        "title": "Sprogcafé for nydanskere",
        "summary": "Samtaler over en kop kaffe.",
        "problem": "Mange nydanskere har ingen at tale dansk med.",
        "description": "Caféen har åbent hver tirsdag.",
        "price_model": "free",
        "price_text": "",
        "image_description": "",
        "impact-TOTAL_FORMS": "1",
        "impact-INITIAL_FORMS": "0",
        "impact-0-outcome": "deltagere talte mere dansk",
        "impact-0-figure": "35",
        "impact-0-unit": "deltagere",
        "impact-0-period": "2024",
        "impact-0-source_kind": "own_measurement",
    }
    data.update(overrides)
    return data


@pytest.fixture
def post(client, entrepreneur, organisation):
    client.force_login(entrepreneur)

    def send(**overrides):
        response = client.post(reverse("solutions:create"), _data(organisation, **overrides))
        assert response.status_code == 200
        assert Solution.objects.count() == 0
        return response.content.decode()

    return send


def _error_at(content, field_id):
    start = content.index(f'id="{field_id}_error"')
    return content[start : content.index("</p>", start)]


@pytest.mark.parametrize("figure", ["tolv", "12 personer", "--3", "1,2,3"])
def test_an_impact_figure_that_is_not_a_number(post, figure):
    content = post(**{"impact-0-figure": figure})
    assert "Skriv tallet som et tal" in _error_at(content, "id_impact-0-figure")
    assert "Sprogcafé for nydanskere" in content
    assert "deltagere talte mere dansk" in content
    assert "Der er et problem" in content


def test_a_figure_too_large(post):
    content = post(**{"impact-0-figure": "1e400"})
    assert "14 cifre" in _error_at(content, "id_impact-0-figure")


def test_a_negative_figure(post):
    content = post(**{"impact-0-figure": "-5"})
    assert "0" in _error_at(content, "id_impact-0-figure")


def test_a_file_that_is_not_an_image(post):
    upload = SimpleUploadedFile("billede.png", b"%PDF-1.4 not a picture", "image/png")
    content = post(image_upload=upload, image_description="Et billede")
    assert "ikke et billede, vi kan vise" in _error_at(content, "id_image_upload")
    assert "Sprogcafé for nydanskere" in content


def test_an_image_of_20_mb(post):
    body = b"\xff\xd8\xff" + b"0" * (20 * 1024 * 1024)
    upload = SimpleUploadedFile("stor.jpg", body, "image/jpeg")
    content = post(image_upload=upload, image_description="Et billede")
    assert "højst fylde 5,0\xa0MB" in _error_at(content, "id_image_upload")


def test_an_image_without_a_description(post):
    content = post(image_upload=image_file())
    assert "Beskriv, hvad billedet viser" in _error_at(content, "id_image_description")


def test_a_tiny_image(post):
    content = post(image_upload=image_file(50, 50), image_description="Et billede")
    assert "for lille" in _error_at(content, "id_image_upload")


@pytest.mark.parametrize("field", ["title", "summary", "problem", "description", "price_text"])
def test_100000_characters(post, field):
    content = post(**{field: "ø" * 100_000})
    assert "100000" in _error_at(content, f"id_{field}")


@pytest.mark.parametrize("field", ["title", "description", "impact-0-outcome"])
def test_nul_bytes(post, field):
    content = post(**{field: "Sprog\x00café"})
    assert "Null-tegn er ikke tilladt" in _error_at(content, f"id_{field}")


def test_invalid_utf8_is_no_500(client, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("solutions:create"),
        data=b"title=%FF%FE&summary=\xff\xfe",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Solution.objects.count() == 0


def test_a_forged_number_of_forms_is_no_500(post):
    content = post(**{"impact-TOTAL_FORMS": "99999999"})
    assert "Sprogcafé for nydanskere" in content


def test_hostile_overview_parameters_are_no_500(client, db):
    # A NUL in the query string is refused before any view, with the styled page.
    assert client.get(reverse("solutions:list"), {"q": "\x00skole"}).status_code == 400
    for params in (
        {"q": "ø" * 5000},
        {"q": "'&|!():*"},
        {"page": "-1"},
        {"sdg": "99", "district": "<script>"},
        {"sort": "drop table"},
    ):
        assert client.get(reverse("solutions:list"), params).status_code == 200
        assert client.get(reverse("solutions:feed"), params).status_code == 200
