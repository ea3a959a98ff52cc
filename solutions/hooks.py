"""How solutions take part in what the portal does (see portal/hooks.py)."""

from typing import Any

from solutions.models import Solution, SolutionEvent


def export_user_data(user) -> dict[str, Any]:
    """The solutions the user wrote and every change the user made to one (GDPR art. 15).
    The solutions themselves belong to their organisations; the export names them."""
    written = Solution.objects.filter(created_by=user).select_related("organisation")
    events = SolutionEvent.objects.filter(actor=user).select_related("solution")
    return {
        "solutions_written": [
            {
                "id": solution.pk,
                "title": solution.title,
                "organisation": solution.organisation.name,
                "status": solution.status,
                "created_at": solution.created_at.isoformat(),
            }
            for solution in written.order_by("created_at", "pk")
        ],
        "solution_changes": [
            {
                "solution": event.solution.title,
                "kind": event.kind,
                "from_status": event.from_status,
                "to_status": event.to_status,
                "changed_fields": event.changed_fields,
                "at": event.created_at.isoformat(),
            }
            for event in events.order_by("created_at", "pk")
        ],
    }
