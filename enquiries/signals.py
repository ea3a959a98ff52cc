"""Every change of an enquiry or its routing invalidates the cached queue and inbox lists
(portal.caching): saves, deletions and the admin all pass through here. Bulk `update()`s
call `enquiries_changed()` themselves."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from enquiries.models import Enquiry, EnquiryRouting
from portal.caching import bump_content_version

CONTENT_NAMESPACE = "enquiries"


def enquiries_changed() -> None:
    bump_content_version(CONTENT_NAMESPACE)


@receiver(post_save, sender=Enquiry)
@receiver(post_delete, sender=Enquiry)
@receiver(post_save, sender=EnquiryRouting)
@receiver(post_delete, sender=EnquiryRouting)
def _enquiry_changed(sender, **kwargs):
    enquiries_changed()
