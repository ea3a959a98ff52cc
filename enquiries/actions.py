"""The staff actions on an enquiry: one table, one entry per action.

Each entry names the action (its URL slug), its form, the predicate of enquiries.rules
that says who may take it now, the service it performs and the message that confirms it,
with what its panel on the enquiry's page shows. The page, the POST view and the tests
read this table; adding an action is adding an entry (and its service and predicate).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from enquiries import rules, staff_services
from enquiries.models import Enquiry
from enquiries.staff_forms import (
    ActionForm,
    AssignForm,
    ConfirmRoutingForm,
    DuplicateForm,
    EmptyForm,
    HandBackForm,
    NoteForm,
    ReferForm,
    ReplyForm,
    RouteForm,
)
from portal.models import User

# perform(enquiry, cleaned_data, actor, url_builder): calls the action's service.
Perform = Callable[[Enquiry, dict, User, Callable[[str], str]], Any]


@dataclass(frozen=True)
class StaffAction:
    name: str
    form: type[ActionForm]
    may: Callable[[User, Enquiry], bool]
    perform: Perform
    message: Promise
    heading: Promise | None
    button: Promise
    button_class: str = "button-secondary"
    # Shown above the form in the action's panel (a template of its own).
    extra: str = ""
    # Offered somewhere else on the page than the list of actions (the routing table).
    in_panel: bool = True

    def form_for(
        self,
        enquiry: Enquiry,
        user: User,
        data: QueryDict | None = None,
        query: QueryDict | None = None,
    ) -> ActionForm:
        """The bound form for `data`, else the unbound form with its initial values."""
        if data is not None:
            return self.form(data, prefix=self.name, enquiry=enquiry, user=user)
        initial = self.form.initial_for(enquiry, user, query)
        return self.form(prefix=self.name, initial=initial, enquiry=enquiry, user=user)


# In the order the enquiry's page offers them.
ACTIONS = {
    action.name: action
    for action in (
        StaffAction(
            "take",
            EmptyForm,
            rules.can_take,
            lambda enquiry, data, actor, link: staff_services.enquiry_take(
                enquiry=enquiry, actor=actor
            ),
            _("You are now handling the enquiry."),
            heading=None,
            button=_("Take the enquiry"),
            button_class="button-primary",
        ),
        StaffAction(
            "reply",
            ReplyForm,
            rules.can_reply,
            lambda enquiry, data, actor, link: staff_services.enquiry_reply(
                enquiry=enquiry,
                body=data["body"],
                to_status=data["to_status"],
                actor=actor,
                url_builder=link,
            ),
            _("The message has been sent to the enquirer."),
            heading=_("Write to the enquirer"),
            button=_("Send to the enquirer"),
            button_class="button-primary",
            extra="enquiries/staff/_reply_templates.html",
        ),
        StaffAction(
            "note",
            NoteForm,
            rules.can_add_note,
            lambda enquiry, data, actor, link: staff_services.enquiry_add_note(
                enquiry=enquiry, body=data["body"], actor=actor
            ),
            _("The internal note has been added."),
            heading=_("Add an internal note"),
            button=_("Add the note"),
        ),
        StaffAction(
            "triage",
            EmptyForm,
            rules.can_triage,
            lambda enquiry, data, actor, link: staff_services.enquiry_triage(
                enquiry=enquiry, actor=actor
            ),
            _("The enquiry has been triaged."),
            heading=_("Triage"),
            button=_("Mark as triaged"),
        ),
        StaffAction(
            "assign",
            AssignForm,
            rules.can_assign,
            lambda enquiry, data, actor, link: staff_services.enquiry_assign(
                enquiry=enquiry, handler=data["handler"], actor=actor
            ),
            _("The handler has been changed."),
            heading=_("Handler"),
            button=_("Assign"),
        ),
        StaffAction(
            "route",
            RouteForm,
            rules.can_route,
            lambda enquiry, data, actor, link: staff_services.enquiry_route(
                enquiry=enquiry,
                lead=data["lead"],
                participants=list(data["participants"]),
                note=data["note"],
                seen=data["seen"],
                actor=actor,
                url_builder=link,
            ),
            _("The enquiry has been routed. The administrations routed to have been told."),
            heading=_("Route to an administration"),
            button=_("Route"),
            button_class="button-primary",
            extra="enquiries/staff/_route_suggestion.html",
        ),
        StaffAction(
            "confirm",
            ConfirmRoutingForm,
            rules.can_confirm_a_routing,
            lambda enquiry, data, actor, link: staff_services.enquiry_confirm_routing(
                routing=data["routing"], actor=actor
            ),
            _("You have confirmed the routing."),
            heading=None,
            button=_("Confirm"),
            in_panel=False,
        ),
        StaffAction(
            "hand_back",
            HandBackForm,
            rules.can_hand_back,
            lambda enquiry, data, actor, link: staff_services.enquiry_hand_back(
                enquiry=enquiry, note=data["note"], actor=actor, url_builder=link
            ),
            _("The enquiry has been handed back to the contact officers."),
            heading=_("Hand back to the contact officers"),
            button=_("Hand back"),
        ),
        StaffAction(
            "refer",
            ReferForm,
            rules.can_refer,
            lambda enquiry, data, actor, link: staff_services.enquiry_refer(
                enquiry=enquiry, to_whom=data["to_whom"], actor=actor, url_builder=link
            ),
            _("The enquiry has been referred and the enquirer has been told."),
            heading=_("Refer elsewhere"),
            button=_("Refer and tell the enquirer"),
        ),
        StaffAction(
            "duplicate",
            DuplicateForm,
            rules.can_mark_duplicate,
            lambda enquiry, data, actor, link: staff_services.enquiry_mark_duplicate(
                enquiry=enquiry, of=data["of"], actor=actor
            ),
            _("The enquiry has been marked as a duplicate."),
            heading=_("Mark as a duplicate"),
            button=_("Mark as a duplicate"),
        ),
        StaffAction(
            "close",
            EmptyForm,
            rules.can_close,
            lambda enquiry, data, actor, link: staff_services.enquiry_close(
                enquiry=enquiry, actor=actor
            ),
            _("The enquiry has been closed."),
            heading=_("Complete"),
            button=_("Close the enquiry"),
        ),
        StaffAction(
            "spam",
            EmptyForm,
            rules.can_mark_spam,
            lambda enquiry, data, actor, link: staff_services.enquiry_mark_spam(
                enquiry=enquiry, actor=actor
            ),
            _("The enquiry has been marked as spam."),
            heading=_("Spam"),
            button=_("Mark as spam"),
            button_class="button-warning",
        ),
    )
}


def allowed_actions(user: User, enquiry: Enquiry) -> list[StaffAction]:
    """The actions the user may take on the enquiry now, in the page's order."""
    if not rules.can_view(user, enquiry):
        return []
    return [action for action in ACTIONS.values() if action.may(user, enquiry)]
