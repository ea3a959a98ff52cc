"""Final reports of the pools' grants over HTTP with the real forms: the grantee writes and
submits, the pool's secretary asks for more and accepts, the figures reach the grant's page
and the organisation's profile; every persona on every report view, file and action; the
reminders, each once; bad input; query counts at two sizes."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from advisory import pool_reports, pool_rules
from advisory.models import (
    ExpectedImpact,
    FinalReport,
    FinalReportStatus,
    Grant,
    LocalPoolSecretary,
    ReportEvent,
    ReportReminder,
    ReportStatus,
)
from advisory.pool_reports import ReportContent
from advisory.tasks import send_report_reminders
from portal.models import LocalCommitteeArea, OutgoingEmail, Role
from portal.workdays import add_working_days
from tests.factories import UserFactory, civil_servant, with_role, with_totp
from tests.helpers import query_counts
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db
FR = FinalReportStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def granted(pool, secretary, submitter, organisation, title="Cykelværksted", amount=30_000):
    application = make_application(pool, amount * KR, submitter=submitter, title=title)
    application.proposal.organisation = organisation
    application.proposal.save(update_fields=["organisation"])
    ExpectedImpact.objects.create(
        application=application, label="Unge i job", figure=Decimal(40), unit="personer"
    )
    return award(application, secretary)


@pytest.fixture
def grant(city_pool, pool_secretary, entrepreneur, organisation):
    fund(city_pool, pool_secretary, 1_000_000 * KR)
    return granted(city_pool, pool_secretary, entrepreneur, organisation)


def _expected(grant):
    return grant.application.expected_impacts.get()


def _report_data(grant, **extra):
    data = {
        "what_was_done": "Vi åbnede værkstedet og havde 40 unge igennem.",
        f"achieved_{_expected(grant).pk}": "38",
        "extra": "Cykler solgt; 1.250; cykler",
        "action": "save",
    }
    data.update(extra)
    return data


def _write(grant, user, *, submit=True, with_file=True):
    content = ReportContent(
        what_was_done="Vi åbnede værkstedet.",
        achieved={_expected(grant).pk: Decimal(38)},
        extra=[("Cykler solgt", Decimal(1250), "cykler")],
        attachments=[SimpleUploadedFile("regnskab.pdf", PDF)] if with_file else [],
    )
    report = pool_reports.report_save(grant=grant, actor=user, content=content)
    if submit:
        report = pool_reports.report_submit(grant=grant, actor=user)
    return report


def _url(name, grant, *args):
    return reverse(f"pool:{name}", args=[grant.pk, *args])


# The flow.


def test_the_grantee_saves_a_draft_and_submits_it(client_for, grant, entrepreneur, pool_secretary):
    client = client_for(entrepreneur)
    assert client.get(_url("report", grant)).status_code == 200
    upload = SimpleUploadedFile("regnskab.pdf", PDF, content_type="application/pdf")
    response = client.post(_url("report", grant), {**_report_data(grant), "attachments": upload})
    assert response.status_code == 302
    report = FinalReport.objects.get(grant=grant)
    assert report.status == FR.DRAFT and report.attachments.count() == 1
    assert [(f.label, f.figure) for f in report.figures.all()] == [
        ("Unge i job", Decimal(38)),
        ("Cykler solgt", Decimal(1250)),
    ]
    OutgoingEmail.objects.all().delete()
    response = client.post(_url("report", grant), _report_data(grant, action="submit"))
    assert response.status_code == 302
    report.refresh_from_db()
    grant.refresh_from_db()
    assert report.status == FR.SUBMITTED and report.submitted_by == entrepreneur
    assert grant.report_status == ReportStatus.SUBMITTED
    assert OutgoingEmail.objects.filter(to__contains=[pool_secretary.email]).exists()
    assert OutgoingEmail.objects.filter(to__contains=[entrepreneur.email]).exists()
    # Submitting again (a double click) changes nothing.
    pool_reports.report_submit(grant=grant, actor=entrepreneur)
    assert ReportEvent.objects.filter(report=report, to_status=FR.SUBMITTED).count() == 1


def test_a_report_cannot_be_submitted_without_its_figures(client_for, grant, entrepreneur):
    client = client_for(entrepreneur)
    data = _report_data(grant, action="submit")
    data[f"achieved_{_expected(grant).pk}"] = ""
    response = client.post(_url("report", grant), data)
    assert response.status_code == 400
    form = response.context["report_form"]
    assert f"achieved_{_expected(grant).pk}" in form.errors
    assert "Vi åbnede værkstedet" in response.text  # the text is kept
    assert not FinalReport.objects.filter(grant=grant).exists()  # the whole step undone


def test_more_asked_then_resubmitted_and_accepted(
    client_for, grant, entrepreneur, pool_secretary, organisation, client
):
    _write(grant, entrepreneur)
    entrepreneur.language = "en"
    entrepreneur.save(update_fields=["language"])
    secretary = client_for(pool_secretary)
    response = secretary.post(_url("report_decide", grant), {"decision": "more", "reason": ""})
    assert response.status_code == 400
    assert "reason" in response.context["decision_form"].errors
    OutgoingEmail.objects.all().delete()
    response = secretary.post(
        _url("report_decide", grant), {"decision": "more", "reason": "Vedlæg regnskabet."}
    )
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.report_status == ReportStatus.MORE_ASKED
    mail = OutgoingEmail.objects.get(to__contains=[entrepreneur.email])
    assert mail.subject.startswith("Your final report needs more")  # the user's language
    assert "Vedlæg regnskabet." in mail.body_text

    grantee = client_for(entrepreneur)
    assert (
        grantee.post(_url("report", grant), _report_data(grant, action="submit")).status_code == 302
    )
    secretary = client_for(pool_secretary)
    response = secretary.post(_url("report_decide", grant), {"decision": "accept", "reason": ""})
    assert response.status_code == 302
    report = FinalReport.objects.get(grant=grant)
    grant.refresh_from_db()
    assert (report.status, report.decided_by) == (FR.ACCEPTED, pool_secretary)
    assert grant.report_status == ReportStatus.ACCEPTED
    assert list(report.events.values_list("to_status", flat=True)) == [
        FR.DRAFT,
        FR.SUBMITTED,
        FR.MORE_ASKED,
        FR.SUBMITTED,
        FR.ACCEPTED,
    ]
    # An accepted report is not written any more.
    assert (
        client_for(entrepreneur).post(_url("report", grant), _report_data(grant)).status_code == 403
    )

    client.logout()
    page = client.get(reverse("pool:grant", args=[grant.pk]))
    assert "Unge i job" in page.text and "1.250" in page.text
    assert "Vi åbnede værkstedet" not in page.text  # the text only once published
    profile = client.get(organisation.get_absolute_url())
    assert "Dokumenteret gennem puljen" in profile.text
    assert "Cykler solgt" in profile.text


def test_publishing_makes_the_text_and_attachments_public(
    client_for, grant, entrepreneur, pool_secretary, client
):
    report = _write(grant, entrepreneur)
    attachment = report.attachments.get()
    file_url = _url("report_attachment", grant, attachment.pk)
    assert client.get(file_url).status_code == 404
    pool_reports.report_accept(report=report, actor=pool_secretary)
    assert client.get(file_url).status_code == 404  # accepted, not published
    secretary = client_for(pool_secretary)
    assert secretary.post(_url("report_publish", grant), {"published": "1"}).status_code == 302
    secretary.logout()
    response = client.get(file_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert "Vi åbnede værkstedet" in client.get(reverse("pool:grant", args=[grant.pk])).text
    pool_reports.report_publish(report=report, actor=pool_secretary, published=False)
    assert client.get(file_url).status_code == 404


def test_a_local_pools_reports_are_decided_by_its_own_secretary(
    local_secretary, pool_secretary, entrepreneur, organisation
):
    area = LocalPoolSecretary.objects.get(user=local_secretary).area
    pool = make_pool(area=area)
    fund(pool, local_secretary, 100_000 * KR, payer=area)
    grant = granted(pool, local_secretary, entrepreneur, organisation, amount=20_000)
    report = _write(grant, entrepreneur)
    assert not pool_rules.can_decide_report(pool_secretary, report)
    assert pool_rules.can_decide_report(local_secretary, report)
    with pytest.raises(PermissionDenied):
        pool_reports.report_accept(report=report, actor=pool_secretary)
    pool_reports.report_accept(report=report, actor=local_secretary)
    assert FinalReport.objects.get(pk=report.pk).status == FR.ACCEPTED


# Every persona on every report view, file and action.

PERSONAS = [
    "visitor",
    "applicant",
    "colleague",
    "entrepreneur",
    "member",
    "city_secretary",
    "local_secretary",
    "civil_servant",
    "administrator",
]


@pytest.fixture
def people(entrepreneur, colleague, outsider, council_member, pool_secretary, civil_servant_bif):
    local = with_totp(civil_servant("TMF", email="valby.pool@example.org"))
    LocalPoolSecretary.objects.create(user=local, area=LocalCommitteeArea.objects.last())
    return {
        "visitor": None,
        "applicant": entrepreneur,
        "colleague": colleague,
        "entrepreneur": outsider,
        "member": council_member,
        "city_secretary": pool_secretary,
        "local_secretary": local,
        "civil_servant": civil_servant_bif,
        "administrator": with_totp(with_role(UserFactory(), Role.ADMINISTRATOR)),
    }


GRANTEES = {"applicant", "colleague"}
HIDDEN = {"entrepreneur", "member", "local_secretary", "civil_servant", "administrator"}


def _expect(persona, *, grantee, secretary, hidden=404, visitor=302):
    if persona == "visitor":
        return visitor
    if persona in GRANTEES:
        return grantee
    if persona == "city_secretary":
        return secretary
    return hidden


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_on_a_submitted_report(client, people, grant, persona):
    report = _write(grant, people["applicant"])
    attachment = report.attachments.get()
    user = people[persona]
    if user is not None:
        client.force_login(user)
    page = client.get(_url("report", grant)).status_code
    assert page == _expect(persona, grantee=200, secretary=200)
    # Writing a submitted report: nobody (its grantee is told 403).
    written = client.post(_url("report", grant), _report_data(grant)).status_code
    assert written == _expect(persona, grantee=403, secretary=403)
    file = client.get(_url("report_attachment", grant, attachment.pk)).status_code
    assert file == _expect(persona, grantee=200, secretary=200, visitor=404)
    published = client.post(_url("report_publish", grant), {"published": "1"}).status_code
    assert published == _expect(persona, grantee=403, secretary=403)
    decided = client.post(_url("report_decide", grant), {"decision": "accept"}).status_code
    assert decided == _expect(persona, grantee=403, secretary=302)
    status = FinalReport.objects.get(pk=report.pk).status
    assert status == (FR.ACCEPTED if persona == "city_secretary" else FR.SUBMITTED)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_on_a_grant_without_a_report(client, people, grant, persona):
    user = people[persona]
    if user is not None:
        client.force_login(user)
    written = client.post(_url("report", grant), _report_data(grant)).status_code
    assert written == _expect(persona, grantee=302, secretary=403)
    assert FinalReport.objects.filter(grant=grant).exists() == (persona in GRANTEES)


def test_the_predicates_directly(people, grant):
    report = _write(grant, people["applicant"], submit=False)
    for persona, user in people.items():
        if user is None:
            continue
        assert pool_rules.can_see_report(user, grant) == (
            persona in GRANTEES or persona == "city_secretary"
        ), persona
        assert pool_rules.can_write_report(user, grant, report) == (persona in GRANTEES), persona
        assert not pool_rules.can_decide_report(user, report), persona  # a draft


def test_a_cancelled_grants_report_is_nobodys(people, grant):
    Grant.objects.filter(pk=grant.pk).update(status="cancelled")
    grant.refresh_from_db()
    for user in people.values():
        if user is not None:
            assert not pool_rules.can_see_report(user, grant)


# Reminders.


def _mails_to(user):
    return OutgoingEmail.objects.filter(to__contains=[user.email])


def test_each_reminder_is_sent_once(grant, entrepreneur, pool_secretary):
    today = timezone.localdate()
    OutgoingEmail.objects.all().delete()
    Grant.objects.filter(pk=grant.pk).update(report_due=today + timedelta(days=60))
    assert send_report_reminders.call() == 0
    Grant.objects.filter(pk=grant.pk).update(report_due=add_working_days(today, 3))
    assert send_report_reminders.call() == 1
    assert send_report_reminders.call() == 0  # the task run twice: once
    assert _mails_to(entrepreneur).get().subject.startswith("Slutrapporten skal afleveres")
    assert not _mails_to(pool_secretary).exists()

    Grant.objects.filter(pk=grant.pk).update(report_due=today - timedelta(days=1))
    assert send_report_reminders.call() == 1
    assert send_report_reminders.call() == 0
    assert _mails_to(pool_secretary).count() == 1  # the secretary hears of the overdue one
    grant.refresh_from_db()
    assert grant.report_status == ReportStatus.OVERDUE
    # A week later, and the week after: one each.
    assert pool_reports.report_reminders_send(today + timedelta(days=7)) == 1
    assert pool_reports.report_reminders_send(today + timedelta(days=8)) == 0
    assert pool_reports.report_reminders_send(today + timedelta(days=14)) == 1
    assert set(ReportReminder.objects.values_list("kind", flat=True)) == {
        "before",
        "after",
        "week-1",
        "week-2",
    }
    assert _mails_to(entrepreneur).count() == 4


def test_a_later_due_date_makes_an_overdue_report_not_yet_due(grant):
    today = timezone.localdate()
    Grant.objects.filter(pk=grant.pk).update(report_due=today - timedelta(days=2))
    send_report_reminders.call()
    grant.refresh_from_db()
    assert grant.report_status == ReportStatus.OVERDUE
    Grant.objects.filter(pk=grant.pk).update(report_due=today + timedelta(days=90))
    send_report_reminders.call()
    grant.refresh_from_db()
    assert grant.report_status == ReportStatus.NOT_DUE
    Grant.objects.filter(pk=grant.pk).update(report_due=today - timedelta(days=1))
    assert pool_reports.report_status_sync(grant=grant).report_status == ReportStatus.OVERDUE


def test_a_submitted_report_gets_no_reminders(grant, entrepreneur):
    _write(grant, entrepreneur)
    Grant.objects.filter(pk=grant.pk).update(report_due=timezone.localdate() - timedelta(days=1))
    OutgoingEmail.objects.all().delete()
    assert send_report_reminders.call() == 0
    assert not OutgoingEmail.objects.exists()
    grant.refresh_from_db()
    assert grant.report_status == ReportStatus.SUBMITTED


def test_the_reminder_schedule():
    due = date(2027, 2, 1)
    grant = Grant(report_due=due)
    assert pool_reports.reminder_due(grant, date(2026, 12, 1)) is None
    assert pool_reports.reminder_due(grant, date(2027, 1, 25)) == "before"
    assert pool_reports.reminder_due(grant, due) == "before"
    assert pool_reports.reminder_due(grant, date(2027, 2, 2)) == "after"
    assert pool_reports.reminder_due(grant, date(2027, 2, 8)) == "week-1"
    assert pool_reports.reminder_due(grant, date(2027, 2, 15)) == "week-2"
    assert pool_reports.reminder_due(grant, date(2028, 2, 1)) is None


def test_overdue_reports_are_shown_to_the_secretary(client_for, grant, pool_secretary):
    Grant.objects.filter(pk=grant.pk).update(report_due=timezone.localdate() - timedelta(days=3))
    client = client_for(pool_secretary)
    manage = client.get(reverse("pool:manage", args=[grant.pool_id]))
    assert "Forsinkede slutrapporter" in manage.text
    assert _url("report", grant) in manage.text
    overview = client.get(reverse("matching:overview"))
    assert "Slutrapporter i dine puljer" in overview.text


def test_the_grantee_sees_the_report_to_write_in_the_work_overview(client_for, grant, colleague):
    overview = client_for(colleague).get(reverse("matching:overview"))
    assert _url("report", grant) in overview.text


# Bad input.


def _post(client, grant, **fields):
    return client.post(_url("report", grant), _report_data(grant, **fields))


def test_bad_input_gets_a_message_at_the_field_and_keeps_the_rest(client_for, grant, entrepreneur):
    client = client_for(entrepreneur)
    figure = f"achieved_{_expected(grant).pk}"
    cases = [
        ({"what_was_done": "Vi\x00åbnede"}, "what_was_done"),
        ({"what_was_done": "x" * 20_001}, "what_was_done"),
        ({figure: "mange"}, figure),
        ({figure: "-3"}, figure),
        ({figure: "1" * 40}, figure),
        ({"extra": "Cykler; mange; stk."}, "extra"),
        ({"extra": "kun tekst"}, "extra"),
        ({"extra": "Cykler; 1\x00; stk."}, "extra"),
    ]
    for fields, field in cases:
        response = _post(client, grant, **fields)
        assert response.status_code == 400, fields
        assert field in response.context["report_form"].errors, fields
        assert "Cykler" in response.text or "Vi åbnede" in response.text  # kept
    assert not FinalReport.objects.filter(grant=grant).exists()


def test_forged_ids(client_for, grant, entrepreneur, pool_secretary):
    client = client_for(entrepreneur)
    assert client.get(reverse("pool:report", args=[999_999])).status_code == 404
    # A figure for an expected impact of another application is ignored.
    response = _post(client, grant, achieved_999999="12")
    assert response.status_code == 302
    assert FinalReport.objects.get(grant=grant).figures.count() == 2
    assert client.get(_url("report_attachment", grant, 999_999)).status_code == 404
    other = granted(grant.pool, pool_secretary, pool_secretary, None, title="Andet")
    report = _write(other, pool_secretary)
    own_file = report.attachments.get()
    # Another grant's attachment through this grant's URL: not found.
    assert client.get(_url("report_attachment", grant, own_file.pk)).status_code == 404
    response = client_for(pool_secretary).post(_url("report_decide", grant), {"decision": "maybe"})
    assert response.status_code in (400, 403)


def test_files_that_are_not_what_they_say_or_too_large(client_for, grant, entrepreneur):
    client = client_for(entrepreneur)
    fake = SimpleUploadedFile(
        "regnskab.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(_url("report", grant), {**_report_data(grant), "attachments": fake})
    assert response.status_code == 400
    assert "attachments" in response.context["report_form"].errors
    big = SimpleUploadedFile(
        "stor.pdf", PDF + b"0" * (20 * 1024 * 1024), content_type="application/pdf"
    )
    response = client.post(_url("report", grant), {**_report_data(grant), "attachments": big})
    assert response.status_code == 400
    errors = " ".join(response.context["report_form"].errors["attachments"])
    assert re.search(r"10([,.]0)?\s?MB", errors), errors
    assert not FinalReport.objects.filter(grant=grant).exists()


# Query counts.


def test_query_counts_do_not_grow(
    client_for, client, grant, entrepreneur, pool_secretary, organisation
):
    report = _write(grant, entrepreneur, with_file=False)
    pool_reports.report_accept(report=report, actor=pool_secretary)
    pool_reports.report_publish(report=report, actor=pool_secretary, published=True)
    titles = iter(range(1000))

    def more_figures(n):
        for _ in range(n):
            report.figures.create(label=f"Resultat {next(titles)}", figure=1, unit="stk.")
            report.attachments.create(
                file=SimpleUploadedFile("a.pdf", PDF), original_name="a.pdf", size=len(PDF)
            )

    grant_page = reverse("pool:grant", args=[grant.pk])
    counts = query_counts(client, grant_page, more_figures, sizes=(1, 8))
    assert counts[0] == counts[1]

    def more_grants(n):
        for _ in range(n):
            other = granted(
                grant.pool,
                pool_secretary,
                entrepreneur,
                organisation,
                title=f"G{next(titles)}",
                amount=1_000,
            )
            _write(other, entrepreneur, with_file=False)
            Grant.objects.filter(pk=other.pk).update(report_due=date(2020, 1, 1))

    secretary = client_for(pool_secretary)
    counts = query_counts(
        secretary, reverse("pool:manage", args=[grant.pool_id]), more_grants, sizes=(1, 6)
    )
    assert counts[0] == counts[1]
    counts = query_counts(secretary, _url("report", grant), more_figures, sizes=(1, 8))
    assert counts[0] == counts[1]
    with translation.override("da"):
        grantee = client_for(entrepreneur)
        counts = query_counts(grantee, reverse("matching:overview"), more_grants, sizes=(1, 6))
    assert counts[0] == counts[1]


def test_the_register_shows_each_pools_remaining_amount(client, grant, pool_secretary):
    local = make_pool(area=LocalCommitteeArea.objects.first())
    response = client.get(reverse("pool:register"))
    assert "970.000,00 kr. tilbage" in response.text  # 1,000,000 in, 30,000 granted
    assert "0,00 kr. tilbage" in response.text  # the local pool has nothing yet
    assert str(local) in response.text


def test_the_profiles_query_count_does_not_grow(
    client, grant, entrepreneur, pool_secretary, organisation
):
    titles = iter(range(1000))

    def more_accepted(n):
        for _ in range(n):
            other = granted(
                grant.pool,
                pool_secretary,
                entrepreneur,
                organisation,
                title=f"P{next(titles)}",
                amount=1_000,
            )
            report = _write(other, entrepreneur, with_file=False)
            pool_reports.report_accept(report=report, actor=pool_secretary)

    counts = query_counts(client, organisation.get_absolute_url(), more_accepted, sizes=(1, 5))
    assert counts[0] == counts[1]


def test_the_demo_data_has_two_reports_once(settings, reference):
    from django.core.management import call_command

    settings.DEBUG = True
    for _ in range(2):
        call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    statuses = sorted(FinalReport.objects.values_list("status", flat=True))
    assert statuses == [FR.ACCEPTED, FR.SUBMITTED]
    accepted = FinalReport.objects.get(status=FR.ACCEPTED)
    assert accepted.is_published and accepted.figures.count() == 2
    assert accepted.grant.report_status == ReportStatus.ACCEPTED
