"""A local SMTP server (aiosmtpd) that keeps every message it accepts as a file.

    python deploy/mailsink.py --port 8025 --folder .prod/mail

Used by `make prod` when no production mail server is configured, and by the fault
script and the slow tests, which count the files. Each message is written to a temporary
name and renamed, so a file that exists is complete. Stops on SIGTERM or Ctrl-C.
"""

import argparse
import asyncio
import itertools
import os
import signal
import time
from pathlib import Path

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder: Path):
        self.folder = folder
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        stem = f"{time.time_ns()}-{os.getpid()}-{next(self.counter)}"
        partial = self.folder / f".{stem}.tmp"
        partial.write_bytes(envelope.original_content or envelope.content)
        partial.rename(self.folder / f"{stem}.eml")
        return "250 Message accepted for delivery"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--folder", type=Path, required=True)
    arguments = parser.parse_args()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(
        FolderHandler(arguments.folder), hostname=arguments.host, port=arguments.port
    )
    controller.start()
    print(
        f"mailsink: SMTP on {arguments.host}:{arguments.port}, messages in {arguments.folder}",
        flush=True,
    )
    stopped = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopped.set)
    try:
        loop.run_until_complete(stopped.wait())
    finally:
        controller.stop()
        loop.close()


if __name__ == "__main__":
    main()
