from django.urls import path
from django.utils.translation import gettext_lazy as _

from advisory import pool_report_views as report_views
from advisory import pool_views as views

app_name = "pool"

urlpatterns = [
    path("", views.register, name="register"),
    path(_("apply/"), views.apply, name="apply"),
    path(_("grants.csv"), views.grants_csv, name="grants_csv"),
    path(_("grants/<int:pk>/"), views.grant_detail, name="grant"),
    path(_("pools/<int:pk>/"), views.pool_detail, name="pool"),
    path(_("pools/<int:pk>/contributions.csv"), views.contributions_csv, name="contributions_csv"),
    path(_("pools/<int:pk>/manage/"), views.manage, name="manage"),
    path(_("pools/<int:pk>/manage/contribution/"), views.contribution_add, name="contribution_add"),
    path(_("pools/<int:pk>/manage/payout/"), views.payout_add, name="payout_add"),
    path(_("pools/<int:pk>/manage/reversal/"), views.entry_reverse, name="entry_reverse"),
    path(
        _("pools/<int:pk>/manage/applications/<int:application_pk>/"),
        views.application_decide,
        name="application_decide",
    ),
    path(
        _("pools/<int:pk>/manage/grants/<int:grant_pk>/close/"),
        views.grant_close,
        name="grant_close",
    ),
    # Final reports and the pools' private files.
    path(_("grants/<int:pk>/report/"), report_views.report, name="report"),
    path(_("grants/<int:pk>/report/decide/"), report_views.report_decide, name="report_decide"),
    path(_("grants/<int:pk>/report/publish/"), report_views.report_publish, name="report_publish"),
    path(
        _("grants/<int:pk>/report/attachments/<int:attachment_pk>/"),
        report_views.report_attachment,
        name="report_attachment",
    ),
    path(
        _("applications/<int:pk>/attachments/<int:attachment_pk>/"),
        report_views.application_attachment,
        name="application_attachment",
    ),
    # Creating and editing pools, rounds and grant changes (issue 13's leftovers: keep
    # these together; reports and attachments have their own block).
    path(_("pools/"), views.pool_list, name="pools"),
    path(_("pools/new/"), views.pool_create, name="pool_create"),
    path(_("pools/<int:pk>/edit/"), views.pool_edit, name="pool_edit"),
    path(_("pools/<int:pk>/manage/rounds/"), views.round_add, name="round_add"),
    path(
        _("pools/<int:pk>/manage/rounds/<int:round_pk>/remove/"),
        views.round_remove,
        name="round_remove",
    ),
    path(_("pools/<int:pk>/manage/grant-change/"), views.grant_change, name="grant_change"),
]
