from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal


def test_the_seven_administrations_are_loaded(db):
    codes = set(Administration.objects.values_list("code", flat=True))
    assert codes == {"ØKF", "KFF", "BUF", "SUF", "SOF", "TMF", "BIF"}
    assert (
        Administration.objects.get(code="BIF").name_da
        == "Beskæftigelses- og Integrationsforvaltningen"
    )


def test_the_twelve_local_committee_areas_are_loaded(db):
    assert LocalCommitteeArea.objects.count() == 12
    assert LocalCommitteeArea.objects.filter(name_da="Brønshøj-Husum").exists()


def test_the_seventeen_sdgs_have_danish_and_english_names(db):
    goals = SustainableDevelopmentGoal.objects.order_by("number")
    assert [g.number for g in goals] == list(range(1, 18))
    assert goals.get(number=13).name_da == "Klimaindsats"
    assert goals.get(number=13).name_en == "Climate action"


def test_names_sort_with_danish_collation(db):
    # Danish order: … Z, Æ, Ø, Å; Amager before Østerbro, Østerbro last.
    names = list(LocalCommitteeArea.objects.order_by("name_da").values_list("name_da", flat=True))
    assert names[0] == "Amager Vest" or names[0] == "Amager Øst"
    assert names[-1] == "Østerbro"
    assert names.index("Vesterbro") < names.index("Østerbro")


def test_aa_sorts_as_the_letter_aa_after_oe(db):
    from organisations.models import Organisation
    from tests.factories import OrganisationFactory

    for name in ["Aarhus Kaffe", "Østerbro Cykler", "Zebra ApS", "Bager Berg"]:
        OrganisationFactory(name=name)
    ordered = list(Organisation.objects.order_by("name").values_list("name", flat=True))
    assert ordered == ["Bager Berg", "Zebra ApS", "Østerbro Cykler", "Aarhus Kaffe"]


def test_name_follows_the_active_language(db):
    from django.utils import translation

    goal = SustainableDevelopmentGoal.objects.get(number=4)
    with translation.override("da"):
        assert goal.name == "Kvalitetsuddannelse"
    with translation.override("en"):
        assert goal.name == "Quality education"
