"""The council at /raadet/ (English /en/council/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from advisory.views import follow_up, proposals, public, secretary

app_name = "advisory"

urlpatterns = [
    path("", public.council, name="council"),
    path(_("decisions/"), public.decisions, name="decisions"),
    path(_("meetings.ics"), public.calendar, name="calendar"),
    path(_("meetings/<int:pk>/"), public.meeting, name="meeting"),
    path(_("meetings/<int:pk>/papers/<int:paper_pk>/"), public.paper, name="paper"),
    path(_("recommendations/<int:pk>/"), public.recommendation, name="recommendation"),
    # The submitter, the members and the secretary on a proposal.
    path(_("proposals/"), proposals.my_proposals, name="my_proposals"),
    path(_("proposals/new/"), proposals.proposal_create, name="proposal_create"),
    path(_("proposals/<int:pk>/"), proposals.proposal_detail, name="proposal"),
    path(_("proposals/<int:pk>/edit/"), proposals.proposal_edit, name="proposal_edit"),
    path(
        _("proposals/<int:pk>/attachments/<int:attachment_pk>/"),
        proposals.attachment,
        name="attachment",
    ),
    path(_("proposals/<int:pk>/<slug:action>/"), proposals.proposal_action, name="proposal_action"),
    path(_("member/"), follow_up.member_home, name="member"),
    # The secretary.
    path(_("secretariat/"), secretary.queue, name="queue"),
    path(_("secretariat/meetings/"), secretary.meetings, name="meetings_manage"),
    path(_("secretariat/meetings/<int:pk>/"), secretary.meeting_manage, name="meeting_manage"),
    path(
        _("secretariat/meetings/<int:pk>/<slug:action>/"),
        secretary.meeting_action,
        name="meeting_action",
    ),
    path(
        _("secretariat/meetings/<int:pk>/items/<int:item_pk>/<slug:action>/"),
        secretary.item_action,
        name="item_action",
    ),
    path(_("secretariat/members/"), secretary.members, name="members"),
    path(_("secretariat/members/<int:pk>/end/"), secretary.membership_end, name="membership_end"),
    path(_("secretariat/follow-up/"), secretary.follow_ups, name="follow_ups_manage"),
    # The administrations' answers.
    path(_("follow-up/"), follow_up.follow_ups, name="follow_ups"),
    path(_("follow-up/<int:pk>/"), follow_up.follow_up, name="follow_up"),
]
