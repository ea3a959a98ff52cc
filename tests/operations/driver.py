"""Queues numbered receipts through the outbox while the database may be restarting,
printing the number of each one that was committed (run by the slow tests through
`manage.py shell -c`)."""

import sys
import time

from django.db import DatabaseError, transaction

from portal import mail
from portal.management.commands.worker import close_all_connections


def queue_receipts(count: int, pause: float = 0.15) -> None:
    for number in range(count):
        while True:
            try:
                with transaction.atomic():
                    mail.queue_email(
                        to=[f"receipt-{number}@example.org"],
                        subject=f"Kvittering {number}",
                        body_text=f"Vi har modtaget din henvendelse nr. {number}.",
                    )
            except DatabaseError:
                close_all_connections()
                time.sleep(0.3)
                continue
            print(f"committed {number}", flush=True)
            break
        time.sleep(pause)
    sys.stdout.flush()
