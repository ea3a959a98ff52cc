import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from organisations.validators import is_valid_cvr, normalise_cvr


@pytest.mark.parametrize("number", ["64942212", "62601817", "31993512"])
def test_valid_cvr_numbers_pass_the_modulus_11_check(number):
    assert is_valid_cvr(number)


@pytest.mark.parametrize(
    "number", ["64942213", "12345678", "6494221", "649422120", "abcdefgh", "04942212"]
)
def test_invalid_cvr_numbers_fail(number):
    assert not is_valid_cvr(number)


def test_cvr_normalisation_accepts_spaces_and_dk_prefix():
    assert normalise_cvr("DK 64 94 22 12") == "64942212"


def _registration_data(**overrides):
    data = {
        "name": "Grøn Genbrug Amager",
        "cvr": "64942212",
        "legal_form": "amba",
        "purpose": "Reparation og genbrug med ledige.",
        "website": "",
        "email": "",
    }
    data.update(overrides)
    return data


def test_wrong_check_digit_gets_a_danish_message_next_to_the_field_and_keeps_the_input(
    client, outsider
):
    client.force_login(outsider)
    response = client.post(
        reverse("organisations:create"), _registration_data(cvr="64942213", name="Min Virksomhed")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Dette er ikke et gyldigt CVR-nummer" in content
    assert 'value="64942213"' in content
    assert 'value="Min Virksomhed"' in content
    assert 'aria-invalid="true"' in content
    assert not Organisation.objects.exists()


def test_cvr_with_wrong_length_gets_its_own_message(client, outsider):
    client.force_login(outsider)
    response = client.post(reverse("organisations:create"), _registration_data(cvr="1234"))
    assert "Et CVR-nummer består af præcis 8 cifre" in response.content.decode()


def test_english_message_on_english_pages(client, outsider):
    client.force_login(outsider)
    with translation.override("en"):
        url = reverse("organisations:create")
    with_english = client.post(url, _registration_data(cvr="64942213"))
    assert "This is not a valid CVR number" in with_english.content.decode()


def test_valid_cvr_with_prefix_registers_the_organisation_and_makes_the_user_its_administrator(
    client, outsider
):
    client.force_login(outsider)
    response = client.post(reverse("organisations:create"), _registration_data(cvr="DK 6494 2212"))
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.cvr == "64942212"
    assert organisation.memberships.get().user == outsider


def test_a_cvr_number_can_be_registered_once(client, outsider, organisation):
    client.force_login(outsider)
    response = client.post(
        reverse("organisations:create"), _registration_data(cvr=organisation.cvr)
    )
    assert "allerede registreret" in response.content.decode()
    assert Organisation.objects.count() == 1
