"""Demo challenges across the seven administrations (texts in challenges/demo_data.py)."""

from datetime import timedelta

from django.utils import timezone

from challenges import services
from challenges.demo_data import DEMO_CHALLENGES
from challenges.models import Challenge, Status
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal

# The order in which a demo challenge reaches its status, from a published one.
PATH_FROM_PUBLISHED = {
    Status.PUBLISHED: [],
    Status.IN_DIALOGUE: [Status.IN_DIALOGUE],
    Status.SOLVED: [Status.IN_DIALOGUE, Status.SOLVED],
    Status.CLOSED: [Status.CLOSED],
}


def load(context):
    if Challenge.objects.exists():
        return  # loaded before: demo data is loaded once, then left to the users
    today = timezone.localdate()
    for index, item in enumerate(DEMO_CHALLENGES):
        contact = context.users[item["contact"]]
        deadline = today + timedelta(days=item["deadline_in_days"])
        challenge = services.challenge_create(
            user=contact,
            data={
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
                # Past deadlines are set after publishing (publishing needs an open deadline).
                "deadline": max(deadline, today),
            },
        )
        status = Status(item["status"])
        if status == Status.DRAFT:
            continue
        services.challenge_publish(user=contact, challenge=challenge)
        # Spread the publication dates over the last months, so that "newest" means something.
        Challenge.objects.filter(pk=challenge.pk).update(
            published_at=timezone.now() - timedelta(days=3 * index, hours=index)
        )
        for step in PATH_FROM_PUBLISHED[status]:
            services.challenge_change_status(user=contact, challenge=challenge, to_status=step)
        if deadline < today:
            Challenge.objects.filter(pk=challenge.pk).update(deadline=deadline)
