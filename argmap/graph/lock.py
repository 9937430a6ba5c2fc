"""Advisory file locks (fcntl) that keep writers and readers of one embedded store apart.

pyoxigraph 0.5 documents that opening a store read-only while another process writes it is
undefined behaviour, and RocksDB lets one read-write handle exist at a time. So:

- ``writer.lock`` is held exclusively for as long as a read-write ``OxigraphStore`` lives:
  a second writer waits (``wait`` seconds) and is then refused with ``StoreLockedError``.
- ``access.lock`` is held while a RocksDB handle is open: shared by readers, exclusive by
  the writer. Opening costs milliseconds (and more as the write-ahead log grows), so a holder
  keeps its handle across operations, until someone of the other kind asks for the store:
  a waiter leaves a request file (``argmap-wants-read`` / ``argmap-wants-write``) and the
  holder closes its handle at the end of its current operation (one article, one query).
  Readers therefore keep working during a long ingest, waiting at most for one article.

The kernel drops flock locks when the process dies, so a killed ingest leaves no stale lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from enum import Enum
from pathlib import Path

from argmap.errors import StoreLockedError

POLL_SECONDS = 0.02
WRITER_LOCK = "argmap-writer.lock"
ACCESS_LOCK = "argmap-access.lock"
# Readers and writers only wait for each other's single operations, so this can be generous.
ACCESS_WAIT_SECONDS = 60.0
WANTS_READ = "argmap-wants-read"
WANTS_WRITE = "argmap-wants-write"
LOCK_FILES = (WRITER_LOCK, ACCESS_LOCK, WANTS_READ, WANTS_WRITE)


class LockMode(Enum):
    SHARED = fcntl.LOCK_SH
    EXCLUSIVE = fcntl.LOCK_EX


class FileLock:
    """One flock on one file; each instance is its own open file description."""

    def __init__(self, path: Path, mode: LockMode, *, record_pid: bool = False) -> None:
        self.path = path
        self.mode = mode
        self.record_pid = record_pid and mode is LockMode.EXCLUSIVE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, wait: float, busy_message: str, request: Path | None = None) -> None:
        """Take the lock, polling up to ``wait`` seconds; ``busy_message`` explains a refusal.

        ``request``: a file created while waiting, asking the holder to let go; removed once held.
        """
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, self.mode.value | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self._holder_note() if self.record_pid else ""
                    os.close(fd)
                    raise StoreLockedError(busy_message + holder) from None
                if request is not None:
                    request.touch()
                time.sleep(POLL_SECONDS)
        self._fd = fd
        if request is not None:
            request.unlink(missing_ok=True)
        if self.record_pid:
            # Who holds it, so that a refused process can tell the user.
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _holder_note(self) -> str:
        try:
            pid = self.path.read_text(encoding="ascii").strip()
        except OSError:
            return ""
        return f" (held by process {pid})" if pid.isdigit() else ""
