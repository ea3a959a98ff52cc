"""The iCalendar feed of the council's meetings."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from advisory import services
from tests.advisory.conftest import make_meeting

pytestmark = pytest.mark.django_db


def _published(secretary, title):
    meeting = make_meeting(secretary, title=title)
    services.agenda_item_add(meeting=meeting, actor=secretary, title="Orientering")
    return services.meeting_publish_agenda(meeting=meeting, actor=secretary)


def _events(client):
    response = client.get(reverse("advisory:calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_feed_has_one_event_per_public_meeting_with_stable_uids(client, secretary):
    first = _published(secretary, "Rådsmøde i marts")
    _published(secretary, "Rådsmøde i juni")
    make_meeting(secretary, title="Endnu ikke offentliggjort")
    events = _events(client)
    assert set(events) == {"Rådsmøde i marts", "Rådsmøde i juni"}
    uid = str(events["Rådsmøde i marts"]["uid"])
    assert str(events["Rådsmøde i marts"]["status"]) == "CONFIRMED"
    sequence = int(events["Rådsmøde i marts"]["sequence"])
    # Moved and then cancelled: the same UID, a higher SEQUENCE, STATUS:CANCELLED.
    services.meeting_update(
        meeting=first,
        actor=secretary,
        title=first.title,
        starts_at=first.starts_at,
        ends_at=first.ends_at,
        place="Rådhuset, Festsalen",
    )
    services.meeting_cancel(meeting=first, actor=secretary, reason="Ikke nok punkter")
    events = _events(client)
    event = events["Rådsmøde i marts"]
    assert str(event["uid"]) == uid
    assert int(event["sequence"]) > sequence
    assert str(event["status"]) == "CANCELLED"
    assert str(event["location"]) == "Rådhuset, Festsalen"
    assert event.decoded("dtstart") == first.starts_at
