"""State changes of solutions. Each checks through solutions.rules that the actor may do
it, checks the transition, writes the history entry, keeps the filter arrays and the
search lexicon in step and bumps the overview's content version, in one transaction."""

from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matching import services as matching_services
from organisations.models import Organisation
from portal.caching import bump_content_version
from portal.models import User
from portal.search import remember_words
from portal.transitions import check_transition
from solutions import images, rules
from solutions.models import TRANSITIONS, ImpactStatement, Solution, SolutionEvent, Status

CACHE_NAMESPACE = "solutions"
M2M_FIELDS = ("districts", "sdgs")
IMPACT_FIELDS = ("outcome", "figure", "unit", "period", "source_kind", "source_text")
TEXT_FIELDS = ("title", "summary", "description", "problem")


def _sync_filter_arrays(solution: Solution) -> None:
    Solution.objects.filter(pk=solution.pk).update(
        district_ids=sorted(solution.districts.values_list("pk", flat=True)),
        sdg_ids=sorted(solution.sdgs.values_list("pk", flat=True)),
    )


def _ids(values: Iterable[Any]) -> list[int]:
    return sorted(getattr(v, "pk", v) for v in values)


def _impact_key(statement: dict[str, Any]) -> tuple:
    return tuple(
        Decimal(str(statement[f])) if f == "figure" else (statement.get(f) or "").strip()
        for f in IMPACT_FIELDS
    )


def _replace_impact(solution: Solution, statements: list[dict[str, Any]]) -> bool:
    """Make the solution's statements `statements`, in that order; True if they changed."""
    current = [
        _impact_key({f: getattr(s, f) for f in IMPACT_FIELDS})
        for s in solution.impact_statements.all()
    ]
    wanted = [_impact_key(s) for s in statements]
    if current == wanted:
        return False
    made = []
    for position, values in enumerate(wanted):
        statement = ImpactStatement(
            solution=solution, position=position, **dict(zip(IMPACT_FIELDS, values, strict=True))
        )
        statement.full_clean(exclude=["solution"])
        made.append(statement)
    solution.impact_statements.all().delete()
    ImpactStatement.objects.bulk_create(made)
    return True


def _store_image(solution: Solution, upload: UploadedFile) -> None:
    resized = images.resize(images.check_image(upload))
    _delete_image_files(solution)
    solution.image.save("large.webp", resized.large, save=False)
    solution.image_small.save("small.webp", resized.small, save=False)
    solution.image_width, solution.image_height = resized.width, resized.height


def _delete_image_files(solution: Solution) -> None:
    for file_field in (solution.image, solution.image_small):
        if file_field and file_field.name:
            transaction.on_commit(partial(file_field.storage.delete, file_field.name))
    solution.image, solution.image_small = "", ""
    solution.image_width = solution.image_height = None


def _write_new(
    *,
    actor: User | None,
    organisation: Organisation,
    data: dict[str, Any],
    impact: Iterable[dict[str, Any]],
    image: UploadedFile | None,
) -> Solution:
    data = dict(data)
    relations = {field: data.pop(field, []) for field in M2M_FIELDS}
    solution = Solution(**data, organisation=organisation, created_by=actor, status=Status.DRAFT)
    if image:
        _store_image(solution, image)
    solution.full_clean(exclude=["search_vector", "organisation", "created_by"])
    solution.save()
    for field, values in relations.items():
        getattr(solution, field).set(values)
    _replace_impact(solution, list(impact))
    _sync_filter_arrays(solution)
    remember_words(*(getattr(solution, f) for f in TEXT_FIELDS))
    SolutionEvent.objects.create(solution=solution, actor=actor, kind=SolutionEvent.Kind.CREATED)
    bump_content_version(CACHE_NAMESPACE)
    return solution


@transaction.atomic
def solution_create(
    *,
    user: User,
    organisation: Organisation,
    data: dict[str, Any],
    impact_statements: list[dict[str, Any]] = (),  # type: ignore[assignment]
    image: UploadedFile | None = None,
) -> Solution:
    """A new draft of `organisation`'s, written by one of its members."""
    if not rules.can_create_for(user, organisation):
        raise PermissionDenied
    return _write_new(
        actor=user, organisation=organisation, data=data, impact=impact_statements, image=image
    )


def _apply_fields(solution: Solution, data: dict[str, Any]) -> list[str]:
    changed = []
    for field, value in data.items():
        if field in M2M_FIELDS:
            if _ids(getattr(solution, field).all()) != _ids(value):
                changed.append(field)
        elif getattr(solution, field) != value:
            changed.append(field)
            setattr(solution, field, value)
    return changed


def _apply_image(solution: Solution, image: UploadedFile | None, remove_image: bool) -> list[str]:
    if image:
        _store_image(solution, image)
        return ["image"]
    if remove_image and solution.image:
        _delete_image_files(solution)
        return ["image"]
    return []


@transaction.atomic
def solution_update(
    *,
    user: User,
    solution: Solution,
    data: dict[str, Any],
    impact_statements: list[dict[str, Any]] | None = None,
    image: UploadedFile | None = None,
    remove_image: bool = False,
) -> Solution:
    """Change the solution's fields, statements or image; the history names what changed."""
    solution = Solution.objects.select_for_update().get(pk=solution.pk)
    if not rules.can_manage(user, solution):
        raise PermissionDenied
    changed = _apply_fields(solution, data) + _apply_image(solution, image, remove_image)
    solution.full_clean(exclude=["search_vector", "organisation"])
    if impact_statements is not None and _replace_impact(solution, impact_statements):
        changed.append("impact_statements")
    if not changed:
        return solution
    solution.save()
    for field in M2M_FIELDS:
        if field in changed:
            getattr(solution, field).set(data[field])
    if set(M2M_FIELDS) & set(changed):
        _sync_filter_arrays(solution)
    if set(TEXT_FIELDS) & set(changed):
        remember_words(*(getattr(solution, f) for f in TEXT_FIELDS))
    SolutionEvent.objects.create(
        solution=solution, actor=user, kind=SolutionEvent.Kind.EDITED, changed_fields=changed
    )
    bump_content_version(CACHE_NAMESPACE)
    matching_services.schedule_refresh("solution", solution.pk)
    return solution


def _transition(*, actor: User | None, solution: Solution, to_status: str) -> Solution:
    from_status = check_transition(
        Status,
        TRANSITIONS,
        solution.status,
        to_status,
        _("A solution cannot go from %(from)s to %(to)s."),
    )
    if to_status == Status.PUBLISHED and not solution.impact_statements.exists():
        raise ValidationError(
            _("Add at least one statement of what the solution has achieved before publishing."),
            code="no_impact",
        )
    solution.status = to_status
    if to_status == Status.PUBLISHED and solution.published_at is None:
        solution.published_at = timezone.now()
    solution.save(update_fields=["status", "published_at", "updated_at"])
    SolutionEvent.objects.create(
        solution=solution,
        actor=actor,
        kind=SolutionEvent.Kind.STATUS,
        from_status=from_status,
        to_status=to_status,
    )
    bump_content_version(CACHE_NAMESPACE)
    matching_services.schedule_refresh("solution", solution.pk)
    return solution


@transaction.atomic
def solution_change_status(*, user: User, solution: Solution, to_status: str) -> Solution:
    """Publish, archive or publish again. Publishing needs at least one impact statement."""
    solution = Solution.objects.select_for_update().get(pk=solution.pk)
    if not rules.can_manage(user, solution):
        raise PermissionDenied
    return _transition(actor=user, solution=solution, to_status=to_status)


def solution_publish(*, user: User, solution: Solution) -> Solution:
    return solution_change_status(user=user, solution=solution, to_status=Status.PUBLISHED)


def solution_archive(*, user: User, solution: Solution) -> Solution:
    return solution_change_status(user=user, solution=solution, to_status=Status.ARCHIVED)


@transaction.atomic
def solution_import(
    *,
    organisation: Organisation,
    data: dict[str, Any],
    impact_statements: list[dict[str, Any]],
    status: str,
) -> Solution:
    """Load a solution as its organisation would have written it, with no actor: for data
    loading only (`load_demo_data`), never for a request, which goes through the checked
    services above."""
    solution = _write_new(
        actor=None, organisation=organisation, data=data, impact=impact_statements, image=None
    )
    steps: dict[str, list[str]] = {
        Status.DRAFT: [],
        Status.PUBLISHED: [Status.PUBLISHED],
        Status.ARCHIVED: [Status.PUBLISHED, Status.ARCHIVED],
    }
    for step in steps[status]:
        solution = _transition(actor=None, solution=solution, to_status=step)
    return solution
