"""Every page that names an area links to the area page (components/area_links.html)."""

from django.template import Context, Template
from django.urls import reverse

from portal.models import LocalCommitteeArea


def render(areas):
    template = Template('{% include "components/area_links.html" with areas=areas %}')
    return template.render(Context({"areas": areas}))


def test_each_area_is_a_link(db):
    areas = LocalCommitteeArea.objects.filter(slug__in=["valby", "vesterbro"])
    html = render(areas)
    assert f'<a href="{reverse("areas:detail", args=["valby"])}">Valby</a>' in html
    assert f'<a href="{reverse("areas:detail", args=["vesterbro"])}">Vesterbro</a>' in html


def test_no_area_is_the_whole_city(db):
    assert render(LocalCommitteeArea.objects.none()).strip() == "Hele byen"
