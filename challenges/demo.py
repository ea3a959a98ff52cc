"""Demo challenges across the seven administrations (texts in challenges/demo_data.py), with
the responses of the demo organisations (challenges/demo_responses.py), all made through the
services, as users would make them. Afterwards the timestamps are spread over the past
months step by step, so that each challenge's history, its publication date and its
responses tell one consistent story."""

import os
from datetime import timedelta

from django.utils import timezone

from challenges import services
from challenges.demo_data import DEMO_CHALLENGES
from challenges.demo_responses import DEMO_RESPONSES
from challenges.models import (
    Challenge,
    ChallengeEvent,
    Response,
    ResponseEvent,
    ResponseMessage,
    Status,
)
from organisations.models import Organisation
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal
from solutions import demo as solutions_demo
from solutions.models import Solution

# The order in which a demo challenge reaches its status, from a published one.
PATH_FROM_PUBLISHED = {
    Status.PUBLISHED: [],
    Status.IN_DIALOGUE: [Status.IN_DIALOGUE],
    Status.SOLVED: [Status.IN_DIALOGUE, Status.SOLVED],
    Status.CLOSED: [Status.CLOSED],
}

# Links in the demo's e-mails lead to the portal `make run` serves.
DEMO_SITE = os.environ.get("DEMO_SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")


def demo_link(path: str) -> str:
    return DEMO_SITE.rstrip("/") + path


class Steps:
    """Each service call is a step; the rows it wrote get that step's time afterwards."""

    def __init__(self):
        self.ends = []

    def __call__(self, function, **kwargs):
        result = function(**kwargs)
        self.ends.append(timezone.now())
        return result

    def index_of(self, created_at) -> int:
        return next(i for i, end in enumerate(self.ends) if created_at <= end)

    def times(self, published_at):
        """Created two days before publication; the later steps spread up to an hour ago."""
        later = len(self.ends) - 2
        end = max(timezone.now() - timedelta(hours=1), published_at + timedelta(minutes=later))
        gap = (end - published_at) / (later + 1) if later > 0 else timedelta(0)
        return [published_at - timedelta(days=2), published_at] + [
            published_at + gap * (n + 1) for n in range(later)
        ]


def _data(item, contact, deadline):
    return {
        "title": item["title"],
        "summary": item["summary"],
        "description": item["description"],
        "owner": Administration.objects.get(code=item["owner"]),
        "co_owners": list(Administration.objects.filter(code__in=item["co_owners"])),
        "contact_person": contact,
        "districts": list(LocalCommitteeArea.objects.filter(slug__in=item["districts"])),
        "sdgs": list(SustainableDevelopmentGoal.objects.filter(number__in=item["sdgs"])),
        "target_groups": item["target_groups"],
        "collaboration": item["collaboration"],
        "budget": item["budget"],
        "deadline": deadline,
    }


def _solution(entry) -> Solution | None:
    """The published demo solution the response points at, if it names one."""
    if "solution" not in entry:
        return None
    return (
        Solution.objects.published()
        .filter(organisation__slug=entry["organisation"], title=entry["solution"])
        .first()
    )


def _respond(context, steps, challenge, contact, entry):
    member = context.users[entry["member"]]
    response = steps(
        services.response_submit,
        user=member,
        challenge=challenge,
        organisation=Organisation.objects.get(slug=entry["organisation"]),
        message=entry["message"],
        offer=entry["offer"],
        solution=_solution(entry),
        url_builder=demo_link,
    )
    people = {"owner": contact, "member": member}
    for kind, who, *rest in entry["steps"]:
        if kind == "status":
            to_status, message = rest
            steps(
                services.response_change_status,
                user=people[who],
                response=response,
                to_status=to_status,
                message=message,
                url_builder=demo_link,
            )
        else:
            steps(
                services.response_post_message,
                user=people[who],
                response=response,
                body=rest[0],
                url_builder=demo_link,
            )


def _redate(challenge, steps, published_at):
    """Give every row the time of the step that wrote it, and the challenge and its
    responses the times their histories say."""
    times = steps.times(published_at)
    responses = Response.objects.filter(challenge=challenge)
    for model, rows in [
        (ChallengeEvent, ChallengeEvent.objects.filter(challenge=challenge)),
        (ResponseEvent, ResponseEvent.objects.filter(response__challenge=challenge)),
        (ResponseMessage, ResponseMessage.objects.filter(response__challenge=challenge)),
    ]:
        changed = list(rows)
        for row in changed:
            row.created_at = times[steps.index_of(row.created_at)]
        model.objects.bulk_update(changed, ["created_at"])
    for response in responses:
        moments = sorted(
            [e.created_at for e in response.events.all()]
            + [m.created_at for m in response.messages.all()]
        )
        Response.objects.filter(pk=response.pk).update(
            created_at=moments[0], updated_at=moments[-1]
        )
    Challenge.objects.filter(pk=challenge.pk).update(
        created_at=times[0], published_at=published_at, updated_at=times[-1]
    )


def load(context):
    if Challenge.objects.exists():
        return  # loaded before: demo data is loaded once, then left to the users
    # Some responses point at their organisation's solutions, so those come first
    # (solutions.demo needs only the organisations and skips what exists).
    solutions_demo.load(context)
    today = timezone.localdate()
    responses = {}
    for entry in DEMO_RESPONSES:
        responses.setdefault(entry["challenge"], []).append(entry)
    for index, item in enumerate(DEMO_CHALLENGES):
        contact = context.users[item["contact"]]
        deadline = today + timedelta(days=item["deadline_in_days"])
        steps = Steps()
        # Past deadlines are set after publishing (publishing needs an open deadline).
        challenge = steps(
            services.challenge_create,
            user=contact,
            data=_data(item, contact, max(deadline, today)),
        )
        status = Status(item["status"])
        if status == Status.DRAFT:
            continue
        steps(services.challenge_publish, user=contact, challenge=challenge)
        for entry in responses.get(item["slug"], []):
            _respond(context, steps, challenge, contact, entry)
        for step in PATH_FROM_PUBLISHED[status]:
            steps(
                services.challenge_change_status, user=contact, challenge=challenge, to_status=step
            )
        # Spread the publication dates over the last months, so that "newest" means something.
        _redate(challenge, steps, timezone.now() - timedelta(days=3 * index, hours=index))
        if deadline < today:
            Challenge.objects.filter(pk=challenge.pk).update(deadline=deadline)
