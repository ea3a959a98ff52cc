"""Plain-language explanations of each kind of collaboration, for social enterprises."""

from django.utils.translation import gettext_lazy as _

from challenges.models import Collaboration

COLLABORATION_EXPLANATIONS = {
    Collaboration.CO_CREATION: _(
        "The administration wants to develop a solution together with you. You bring your "
        "knowledge and time; the administration brings its knowledge of the citizens, access "
        "to staff or premises, and sometimes money. There is no tender: the collaboration is "
        "set out in a partnership agreement."
    ),
    Collaboration.PILOT: _(
        "A limited trial, typically three to twelve months, to find out whether a solution "
        "works before the City decides to buy it or use it more widely. Expect a written "
        "agreement with goals and with how the results will be measured."
    ),
    Collaboration.INNOVATION_TENDER: _(
        "A tender in which the City describes the need or the function it wants fulfilled, "
        "not the solution, so that suppliers can compete with different solutions. It follows "
        "the Danish Public Procurement Act (udbudsloven), with deadlines and award criteria "
        "announced in advance."
    ),
    Collaboration.RESERVED_CONTRACT: _(
        "A contract the City reserves for enterprises whose main purpose is the social and "
        "professional integration of people with disabilities or disadvantaged people "
        "(udbudsloven section 20, and section 191 for certain social and health services). "
        "Only such enterprises may bid, so you compete with similar enterprises, not with "
        "large companies."
    ),
    Collaboration.BELOW_THRESHOLD: _(
        "A purchase below the EU tender threshold, which the City can make more simply, often "
        "by asking one or a few suppliers for an offer. The process is quicker and lighter "
        "than a tender, but the City must still treat suppliers fairly."
    ),
    Collaboration.EMPLOYMENT: _(
        "A partnership in which your enterprise employs or trains citizens on the edge of the "
        "labour market, for example in work placements, wage-subsidy jobs or flexible jobs, "
        "together with the job centre."
    ),
    Collaboration.PREMISES: _(
        "The City offers premises, such as an empty room, a kitchen, a school or a library, "
        "that your enterprise can use, usually free of charge or at a reduced rent, in return "
        "for an activity that benefits local citizens."
    ),
    Collaboration.CO_FUNDING: _(
        "The City contributes money to a solution that your enterprise also funds from "
        "elsewhere, for example foundations or its own income. The City's share is granted "
        "under an agreement with conditions on its use and on reporting."
    ),
}
