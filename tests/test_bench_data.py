"""`make bench` fills its own database with `populate()` of each app's bench module; run
both at a small size here, so that a schema change that breaks them shows in CI and not
first on a newcomer's machine."""

from django.urls import reverse

from challenges import bench as challenge_bench
from challenges.models import Challenge
from enquiries import bench as enquiry_bench
from enquiries.models import Enquiry, EnquiryRouting
from portal.models import Administration


def test_the_bench_data_sets_load_and_their_pages_answer(client, db):
    assert challenge_bench.populate(40) == 40
    assert challenge_bench.populate(40) == 0  # already there
    assert not Challenge.objects.filter(administration_ids=[]).exists()
    assert enquiry_bench.populate(30) == 30
    routed = Enquiry.objects.filter(lead_administration__isnull=False)
    assert routed.exists()
    assert EnquiryRouting.objects.filter(enquiry__in=routed).count() == routed.count()

    bif = Administration.objects.get(code="BIF")
    shown = client.get(reverse("challenges:list"), {"administration": bif.slug})
    assert shown.status_code == 200
    assert shown.context["page_obj"].paginator.count == (
        Challenge.objects.published().filter(administration_ids__contains=[bif.pk]).count()
    )
    for label, path, *user in challenge_bench.pages() + enquiry_bench.pages():
        client.logout()
        if user:
            client.force_login(user[0])
        assert client.get(path).status_code == 200, label
