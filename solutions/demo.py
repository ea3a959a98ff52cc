"""Demo solutions (loaded by `manage.py load_demo_data` after the organisations)."""

from organisations.models import Organisation
from solutions import services
from solutions.demo_data import SOLUTIONS
from solutions.models import Solution

IMPACT_FIELDS = ("outcome", "figure", "unit", "period", "source_kind", "source_text")


def _data(row, organisation):
    _slug, title, summary, problem, description, groups, kinds, price, price_text, *_ = row
    return {
        "title": title,
        "summary": summary,
        "problem": problem,
        "description": description,
        "target_groups": groups,
        "collaborations": kinds,
        "price_model": price,
        "price_text": price_text,
        "districts": list(organisation.districts.all()),
        "sdgs": list(organisation.sdgs.all()),
    }


def load(context):
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in={r[0] for r in SOLUTIONS})
    }
    existing = set(Solution.objects.values_list("organisation__slug", "title"))
    for row in SOLUTIONS:
        slug, title, *_rest, impact, status = row
        organisation = organisations.get(slug)
        if organisation is None or (slug, title) in existing:
            continue
        services.solution_import(
            organisation=organisation,
            data=_data(row, organisation),
            impact_statements=[dict(zip(IMPACT_FIELDS, i, strict=True)) for i in impact],
            status=status,
        )
