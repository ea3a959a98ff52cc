"""The council in public: the council page, meetings, recommendations, papers and the
iCalendar feed of the meetings."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from icalendar import Calendar, Event

from advisory import rules
from advisory.models import (
    AgendaItem,
    CouncilMembership,
    Meeting,
    MeetingStatus,
    Paper,
    ProgressUpdate,
    Proposal,
)
from advisory.signals import CONTENT_NAMESPACE
from advisory.views.common import file_response
from portal.caching import cached_fragment

LISTED = 10
PAGE_SIZE = 25


def _page(request, template: str, key: list[str], build):
    """A public page whose content is rendered once per audience and language and kept for
    a few seconds (portal.caching; every change of the council's objects bumps its
    version). `build()` fetches and checks the object and returns the page's title and
    context; a cached copy exists only where it passed for this audience, so a cache hit
    needs no query at all. The council see closed items and decisions: never cached."""
    council = rules.is_council(request.user)

    def render_content() -> str:
        title, context = build()
        html = render_to_string(f"advisory/includes/{template}_content.html", context, request)
        return json.dumps({"title": str(title), "html": html})

    if council:
        payload = render_content()
    else:
        audience = "user" if request.user.is_authenticated else "anonymous"
        payload = cached_fragment(CONTENT_NAMESPACE, [template, audience, *key], render_content)
    content = json.loads(payload)
    page_context = {
        "page_title": content["title"],
        "content_html": mark_safe(content["html"]),  # noqa: S308  (our own template)
    }
    response = render(request, f"advisory/{template}.html", page_context)
    if council:
        response["Cache-Control"] = "private, no-store"
    return response


def _recommendations():
    return Proposal.objects.recommendations().annotate(
        responsible=Count("follow_ups"),
        answered=Count("follow_ups", filter=Q(follow_ups__answered_at__isnull=False)),
    )


def council(request):
    return _page(
        request,
        "council",
        [],
        lambda: (_("The social enterprise council"), _council_context(request)),
    )


def _council_context(request) -> dict:
    today = timezone.localdate()
    now = timezone.now()
    memberships = CouncilMembership.objects.select_related("user")
    meetings = Meeting.objects.public().only("pk", "title", "starts_at", "place", "status")
    return {
        "current_members": memberships.current(today).in_council_order(),
        "former_members": memberships.former(today).order_by("-term_end", "pk")[:50],
        "upcoming": meetings.upcoming(now)[:LISTED],
        "past": meetings.past(now)[:LISTED],
        "decisions": Proposal.objects.published_decisions()
        .only("pk", "title", "outcome", "published_at")
        .order_by("-published_at", "-pk")[:LISTED],
        "recommendations": _recommendations()
        .only("pk", "title", "published_at")
        .order_by("-published_at", "-pk")[:LISTED],
        "is_council": rules.is_council(request.user),
    }


def decisions(request):
    """Every published decision, newest first."""

    def build():
        rows = (
            Proposal.objects.published_decisions()
            .annotate(
                responsible=Count("follow_ups"),
                answered=Count("follow_ups", filter=Q(follow_ups__answered_at__isnull=False)),
            )
            .only("pk", "title", "outcome", "published_at")
            .order_by("-published_at", "-pk")
        )
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        return _("The council's decisions"), {"page_obj": page}

    return _page(request, "decisions", [str(request.GET.get("page", ""))[:20]], build)


@dataclass(frozen=True)
class ItemView:
    """What the user may see of one agenda item."""

    item: AgendaItem
    details: bool
    decision: object | None
    papers: list


def _items_for(user, meeting: Meeting) -> list[ItemView]:
    items = meeting.items.select_related("proposal", "decision").prefetch_related(
        Prefetch("papers", queryset=Paper.objects.only("pk", "item_id", "title", "size")),
        "decision__not_participating",
    )
    views = []
    for item in items:
        item.meeting = meeting
        details = rules.can_see_item_details(user, item)
        decision = getattr(item, "decision", None) if rules.can_see_decision(user, item) else None
        views.append(ItemView(item, details, decision, list(item.papers.all()) if details else []))
    return views


def meeting(request, pk):
    def build():
        meeting = rules.get_meeting_for_view(request.user, pk)
        context = {
            "meeting": meeting,
            "items": _items_for(request.user, meeting),
            "is_secretary": rules.is_secretary(request.user),
        }
        return meeting.title, context

    return _page(request, "meeting", [str(pk)], build)


def paper(request, pk, paper_pk):
    return file_response(rules.get_paper(request.user, pk, paper_pk))


def recommendation(request, pk):
    def build():
        proposal = rules.get_recommendation(pk)
        return proposal.title, _recommendation_context(proposal)

    return _page(request, "recommendation", [str(pk)], build)


def _recommendation_context(proposal) -> dict:
    follow_ups = proposal.follow_ups.select_related("administration").prefetch_related(
        Prefetch("updates", queryset=ProgressUpdate.objects.order_by("created_at"))
    )
    return {
        "proposal": proposal,
        "administrations": proposal.administrations.all(),
        "events": proposal.events.filter(is_public=True),
        "follow_ups": follow_ups,
        "items": proposal.agenda_items.select_related("meeting", "decision").filter(
            meeting__agenda_published_at__isnull=False
        ),
    }


def _ical_event(meeting: Meeting, request) -> Event:
    event = Event()
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    event.add("uid", f"council-meeting-{meeting.pk}@{host.lstrip('.') or 'localhost'}")
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    event.add("url", request.build_absolute_uri(reverse("advisory:meeting", args=[meeting.pk])))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


@cache_control(public=True, max_age=300)
def calendar(request):
    """Every public meeting as iCalendar (RFC 5545): a stable UID per meeting, SEQUENCE
    counting its changes, and STATUS:CANCELLED for a cancelled one."""
    cal = Calendar()
    cal.add("prodid", "-//Københavns Kommune//Socialt Virksomhedsråd//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("The social enterprise council's meetings"))
    for meeting in Meeting.objects.public().order_by("starts_at"):
        cal.add_component(_ical_event(meeting, request))
    return HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
