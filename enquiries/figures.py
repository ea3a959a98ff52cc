"""Figures for the contact officer: volume and response times, as server-rendered SVG
charts with the same numbers in tables (no JavaScript)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, DurationField, ExpressionWrapper, F, FloatField, Q
from django.db.models.aggregates import Aggregate
from django.db.models.functions import Extract, TruncWeek
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from enquiries import rules
from enquiries.domain import Status
from enquiries.models import Enquiry, Topic
from portal.caching import short_lived
from portal.decorators import staff_member_required

WEEKS = 12
CHART_WIDTH = 600
BAR_HEIGHT = 22
# Aggregating twelve weeks of enquiries takes a noticeable time; the page says how old
# its figures may be.
FIGURES_CACHE_SECONDS = 60


class PercentileCont(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(%(percentile)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, percentile, **extra):
        super().__init__(expression, percentile=float(percentile), **extra)


def _days(start, end):
    """The time between two timestamps in days (epoch seconds / 86,400)."""
    return (
        Extract(ExpressionWrapper(F(end) - F(start), output_field=DurationField()), "epoch") / 86400
    )


def _bars(rows):
    """Rows of (label, value) as a chart: bars scaled to the widest one, and its height."""
    largest = max((value for _label, value in rows), default=0) or 1
    bars = [
        {
            "label": label,
            "value": value,
            "width": round(CHART_WIDTH * 0.6 * value / largest),
            "y": index * (BAR_HEIGHT + 8),
        }
        for index, (label, value) in enumerate(rows)
    ]
    return {"bars": bars, "height": len(bars) * (BAR_HEIGHT + 8)}


def _weeks(since, today) -> list:
    """The Monday of every week from the one holding `since` to this week."""
    monday = since - timedelta(days=since.weekday())
    weeks = []
    while monday <= today:
        weeks.append(monday)
        monday += timedelta(weeks=1)
    return weeks


def compute(today=None) -> dict:
    today = today or timezone.localdate()
    # From a Monday, so that the first week of the weekly chart is a whole one.
    since = today - timedelta(weeks=WEEKS)
    since -= timedelta(days=since.weekday())
    # Spam is not an enquiry, and a duplicate is one already counted.
    recent = Enquiry.objects.filter(created_at__date__gte=since).exclude(
        status__in=(Status.SPAM, Status.DUPLICATE)
    )
    weekly = (
        recent.annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(count=Count("pk"))
        .order_by("week")
    )
    per_topic = (
        recent.values("topic__name_da", "topic__name_en")
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    per_administration = (
        recent.filter(lead_administration__isnull=False)
        .values("lead_administration__code")
        .annotate(count=Count("pk"))
        .order_by("-count")
    )
    times = recent.aggregate(
        first_answer_median=PercentileCont(_days("created_at", "first_answered_at"), 0.5),
        first_answer_p90=PercentileCont(_days("created_at", "first_answered_at"), 0.9),
        close_median=PercentileCont(_days("created_at", "closed_at"), 0.5),
        close_p90=PercentileCont(_days("created_at", "closed_at"), 0.9),
        answered=Count("pk", filter=Q(first_answered_at__isnull=False)),
        answered_in_time=Count("pk", filter=Q(first_answered_at__date__lte=F("answer_due"))),
        total=Count("pk"),
    )
    topic_rows = [
        (Topic(name_da=row["topic__name_da"], name_en=row["topic__name_en"]).name, row["count"])
        for row in per_topic
    ]
    per_week = {timezone.localdate(row["week"]): row["count"] for row in weekly}
    share = (
        round(100 * times["answered_in_time"] / times["answered"]) if times["answered"] else None
    )
    return {
        "since": since,
        # Every week of the period, with no enquiries too: an even time axis.
        "weekly": _bars([(week, per_week.get(week, 0)) for week in _weeks(since, today)]),
        "per_topic": _bars(topic_rows),
        "per_administration": _bars(
            [(row["lead_administration__code"], row["count"]) for row in per_administration]
        ),
        "times": times,
        "share_in_time": share,
        "chart_width": CHART_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


@staff_member_required
def figures_page(request):
    if not rules.can_open_figures(request.user):
        raise PermissionDenied
    today = timezone.localdate()

    def rendered() -> str:
        """The figures and their charts, the same for everyone who may open the page."""
        figures = compute(today)
        return render_to_string("enquiries/includes/figures_content.html", {"figures": figures})

    # Kept per language (short_lived) as long as the figures themselves: drawing the three
    # charts cost more than the rest of the page.
    figures_html = short_lived(
        f"enquiry-figures:{today.isoformat()}", rendered, FIGURES_CACHE_SECONDS
    )
    return render(
        request,
        "enquiries/figures.html",
        {"figures_html": mark_safe(figures_html)},  # noqa: S308
    )
