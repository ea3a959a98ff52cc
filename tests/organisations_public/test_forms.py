"""The organisation form: the website, long texts and NUL bytes."""

import pytest
from django.urls import reverse

from organisations.forms import OrganisationForm
from organisations.models import LegalForm, Organisation

VALID = {
    "name": "Nyt Værksted ApS",
    "cvr": "62601817",
    "legal_form": LegalForm.APS,
    "purpose": "Vi reparerer cykler med unge.",
    "website": "",
    "email": "",
}


@pytest.mark.parametrize(
    "website",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hej", "ftp://example.dk/"],
)
def test_only_http_and_https_websites(db, website):
    form = OrganisationForm({**VALID, "website": website})
    assert not form.is_valid()
    assert form.errors["website"] == [
        "Skriv en webadresse, der begynder med https:// eller http://."
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("example.dk", "https://example.dk"),
        ("http://example.dk/om", "http://example.dk/om"),
        (" https://www.example.dk ", "https://www.example.dk"),
    ],
)
def test_web_addresses_are_accepted_and_completed(db, typed, stored):
    form = OrganisationForm({**VALID, "website": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["website"] == stored


def test_javascript_website_refused_on_the_page_and_the_rest_kept(client, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("organisations:create"),
        {**VALID, "website": "javascript:alert(document.cookie)"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Skriv en webadresse, der begynder med https:// eller http://." in page
    assert "Nyt Værksted ApS" in page
    assert not Organisation.objects.filter(name="Nyt Værksted ApS").exists()


@pytest.mark.parametrize("field", ["name", "purpose", "website"])
def test_100000_characters_are_refused_at_the_field(db, field):
    form = OrganisationForm({**VALID, field: "a" * 100_000})
    assert not form.is_valid()
    assert "højst" in form.errors[field][0]


@pytest.mark.parametrize("field", ["name", "purpose", "website"])
def test_nul_bytes_are_refused_at_the_field(client, entrepreneur, field):
    client.force_login(entrepreneur)
    response = client.post(reverse("organisations:create"), {**VALID, field: "Hej\x00du"})
    assert response.status_code == 200
    assert "Null-tegn er ikke tilladte." in response.content.decode()


def test_a_saved_profile_keeps_the_filter_arrays_and_words(client, entrepreneur, organisation):
    from portal.models import LocalCommitteeArea, SearchWord

    valby = LocalCommitteeArea.objects.get(slug="valby")
    client.force_login(entrepreneur)
    response = client.post(
        reverse("organisations:edit", args=[organisation.slug]),
        {
            **VALID,
            "name": organisation.name,
            "cvr": organisation.cvr,
            "purpose": "Kajakværksted ved havnen.",
            "districts": [valby.pk],
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.district_ids == [valby.pk]
    assert SearchWord.objects.filter(word="kajakværksted").exists()
