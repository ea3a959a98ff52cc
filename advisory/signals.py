"""Every change of the council's objects invalidates the cached public pages
(portal.caching): saves, deletions and many-to-many changes all pass through here. Bulk
`update()`s (the demo data) happen before anyone reads the pages."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.caching import bump_content_version

CONTENT_NAMESPACE = "advisory"


def council_changed(**kwargs) -> None:
    bump_content_version(CONTENT_NAMESPACE)


def connect() -> None:
    for model in apps.get_app_config("advisory").get_models():
        post_save.connect(
            council_changed, sender=model, dispatch_uid=f"advisory-save-{model.__name__}"
        )
        post_delete.connect(
            council_changed, sender=model, dispatch_uid=f"advisory-delete-{model.__name__}"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                council_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"advisory-m2m-{model.__name__}-{field.name}",
            )
