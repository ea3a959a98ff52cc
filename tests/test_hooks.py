"""`portal/` knows no app: apps plug in through their hooks modules (portal/hooks.py)."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

from portal import hooks
from tests.helpers import en

PORTAL = Path(settings.BASE_DIR) / "portal"
OUR_APPS = {
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == Path(settings.BASE_DIR) and config.name != "portal"
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, function-local imports too."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def test_portal_imports_no_app():
    assert {"challenges", "enquiries", "organisations", "solutions", "advisory"} <= OUR_APPS
    offending = {
        str(path.relative_to(PORTAL)): sorted(
            module for module in imported_modules(path) if module.split(".")[0] in OUR_APPS
        )
        for path in PORTAL.rglob("*.py")
        if "migrations" not in path.parts and "settings" not in path.parts
    }
    assert {path: modules for path, modules in offending.items() if modules} == {}


def test_each_apps_hooks_are_found_in_installed_apps_order():
    found = [function.__module__ for function in hooks.implementations("export_user_data")]
    ours = [module for module in found if module.split(".")[0] in OUR_APPS]
    order = [f"{config.name}.hooks" for config in apps.get_app_configs()]
    assert ours == sorted(ours, key=order.index)
    assert {"organisations.hooks", "challenges.hooks", "enquiries.hooks"} <= set(ours)


def test_the_staff_overview_shows_each_apps_links_in_their_order(
    client, contact_officer, civil_servant_bif, council_member
):
    client.force_login(contact_officer)
    content = client.get(en("portal:staff_overview")).content.decode()
    assert en("enquiries:staff_queue") in content
    assert en("challenges:mine") not in content

    client.force_login(civil_servant_bif)
    content = client.get(en("portal:staff_overview")).content.decode()
    inbox, mine = content.index(en("enquiries:inbox")), content.index(en("challenges:mine"))
    assert inbox < mine
    assert en("enquiries:staff_queue") not in content

    client.force_login(council_member)
    content = client.get(en("portal:staff_overview")).content.decode()
    assert en("advisory:member") in content
    assert en("challenges:mine") not in content
    assert en("enquiries:inbox") not in content


def test_the_profile_shows_each_apps_part_under_its_heading(client, entrepreneur, organisation):
    client.force_login(entrepreneur)
    content = client.get(en("portal:profile")).content.decode()
    organisations = content.index('<h2 id="profile-organisations">Organisations</h2>')
    enquiries = content.index('<h2 id="profile-enquiries">Enquiries</h2>')
    assert organisations < content.index(organisation.name) < enquiries
    assert organisations < content.index(en("challenges:my_responses")) < enquiries
    assert enquiries < content.index(en("enquiries:mine"))
