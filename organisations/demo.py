"""Demo organisations: realistic Copenhagen social enterprises with valid CVR numbers."""

from organisations import services
from organisations.demo_data import MORE_ORGANISATIONS
from organisations.models import LegalForm, MembershipRole, Organisation, OrganisationMembership
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal

# (name, slug, CVR, legal form, RSV, districts, SDGs, purpose, website)
DEMO_ORGANISATIONS = [
    (
        "Kaffe & Kompetencer ApS",
        "kaffe-kompetencer",
        "62601817",
        LegalForm.APS,
        True,
        ["noerrebro"],
        [8, 10],
        "Café og kantine på Nørrebro, hvor mennesker med psykisk sårbarhed får et job med "
        "løn og en vej videre til uddannelse eller ordinær beskæftigelse.",
        "https://kaffeogkompetencer.example",
    ),
    (
        "Grøn Genbrug Amager",
        "groen-genbrug-amager",
        "69083013",
        LegalForm.COOPERATIVE,
        True,
        ["amager-oest", "amager-vest"],
        [12, 13],
        "Andelsejet reparations- og genbrugsværksted, der giver møbler og elektronik nyt liv "
        "og oplærer ledige i reparation og salg.",
        "https://groengenbrug.example",
    ),
    (
        "Foreningen Ældre Hjælper Ældre",
        "aeldre-hjaelper-aeldre",
        "76131864",
        LegalForm.ASSOCIATION,
        False,
        ["oesterbro", "indre-by"],
        [3, 10],
        "Frivillige besøgsvenner og fællesspisning, der bryder ensomhed blandt ældre borgere "
        "i eget hjem og på plejecentre.",
        "",
    ),
    (
        "Cykelværkstedet Sydhavn ApS",
        "cykelvaerkstedet-sydhavn",
        "19139093",
        LegalForm.APS,
        True,
        ["kongens-enghave"],
        [4, 8],
        "Cykelværksted, hvor unge uden uddannelse lærer et håndværk og får et fritidsjob, "
        "med mentorer fra lokale virksomheder.",
        "https://cykelsydhavn.example",
    ),
    (
        "Madfællesskabet Valby",
        "madfaellesskabet-valby",
        "72819489",
        LegalForm.ASSOCIATION,
        False,
        ["valby"],
        [2, 12],
        "Folkekøkken, der laver mad af overskudsvarer fra lokale butikker og serverer den til "
        "en pris, alle kan betale.",
        "",
    ),
    (
        "Brobyggerne ApS",
        "brobyggerne",
        "31993512",
        LegalForm.APS,
        True,
        ["bispebjerg", "noerrebro"],
        [8, 10, 16],
        "Mentorforløb, der bygger bro mellem nytilkomne flygtninge og virksomheder, og som "
        "følger den enkelte det første år i job.",
        "https://brobyggerne.example",
    ),
    (
        "Det Grønne Tag Vesterbro",
        "det-groenne-tag",
        "91909375",
        LegalForm.SELF_GOVERNING,
        False,
        ["vesterbro"],
        [11, 15],
        "Taghaver og byhaver, der dyrker grøntsager med beboere og skoleklasser og skaber "
        "grønne mødesteder i tætte boligkvarterer.",
        "",
    ),
    (
        "Læsehesten Fonden",
        "laesehesten",
        "96579756",
        LegalForm.FOUNDATION,
        False,
        ["broenshoej-husum", "vanloese"],
        [4],
        "Frivillige læsevenner hjælper børn i indskolingen, der har svært ved at læse, en time "
        "om ugen på skolebiblioteket.",
        "https://laesehesten.example",
    ),
]

MEMBERS = {
    "kaffe-kompetencer": [("entrepreneur", MembershipRole.ADMIN)],
    "groen-genbrug-amager": [
        ("entrepreneur2", MembershipRole.ADMIN),
        ("entrepreneur", MembershipRole.MEMBER),
    ],
    "brobyggerne": [("entrepreneur2", MembershipRole.MEMBER)],
}


def load(context):
    for row in [*DEMO_ORGANISATIONS, *MORE_ORGANISATIONS]:
        name, slug, cvr, legal_form, rsv, districts, sdgs, purpose, website = row
        organisation, created = Organisation.objects.get_or_create(
            cvr=cvr,
            defaults={
                "name": name,
                "slug": slug,
                "legal_form": legal_form,
                "is_rsv_registered": rsv,
                "purpose": purpose,
                "website": website,
            },
        )
        if created:
            organisation.districts.set(LocalCommitteeArea.objects.filter(slug__in=districts))
            organisation.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
        if created or organisation.district_ids != sorted(
            organisation.districts.values_list("pk", flat=True)
        ):
            services.sync_search_and_filters(organisation)
        for user_key, role in MEMBERS.get(slug, []):
            OrganisationMembership.objects.get_or_create(
                organisation=organisation, user=context.users[user_key], defaults={"role": role}
            )
