"""One run writes to a data root at a time: a lock on `<data root>/.lock` held while the run writes.

The lock is `fcntl.flock`, so the kernel drops it when its holder exits for any reason: a killed run never
leaves a stale lock behind. A run is identified by an owner string (the Dagster run id). Steps of the same
run may hold the lock together (the multiprocess executor runs each step in its own process); a different
owner is refused at once with a message naming the data root and the run that holds it, and writes nothing.

How: every holder keeps a shared flock on `.lock`; the owner's id is in `.lock.owner`. A newcomer takes the
short-lived guard `.lock.guard`, tries an exclusive flock on `.lock` (succeeds only when nobody holds it),
and either becomes the owner or, when the owner is its own run, joins it with a shared flock.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_FILE_NAME = ".lock"
OWNER_FILE_NAME = ".lock.owner"
GUARD_FILE_NAME = ".lock.guard"
OWNER_NOTE_MAX_BYTES = 400


class DataRootBusy(RuntimeError):
    """Another run is writing to the same data root."""


class DataRootNotWritable(OSError):
    """The data root (or a file in it) cannot be created or written: read-only, full, or not permitted."""

    def __str__(self) -> str:
        return str(self.strerror)  # the whole sentence, without the "[Errno N]" prefix OSError puts first


ADVICE_BY_ERRNO = {
    errno.ENOSPC: "free some space", errno.EDQUOT: "free some space or raise the quota",
    errno.EROFS: "mount it read-write or set PIPELINE_DATA_DIR to a writable folder",
    errno.EACCES: "fix its permissions or set PIPELINE_DATA_DIR to a writable folder",
    errno.EPERM: "fix its permissions or set PIPELINE_DATA_DIR to a writable folder",
    errno.EFBIG: "free some space or raise the file-size limit",
}


def describe_os_error(error: OSError) -> str:
    """The operating system's reason in words, e.g. "No space left on device"."""
    if error.strerror:
        return error.strerror
    if error.errno:
        return os.strerror(error.errno)
    return str(error)[:200] or type(error).__name__


def not_writable(path: Path, error: OSError, what: str) -> DataRootNotWritable:
    """A DataRootNotWritable naming the path, the system's reason, what to do, and that the last release is intact."""
    advice = ADVICE_BY_ERRNO.get(error.errno or 0, "check the disk and its permissions")
    return DataRootNotWritable(error.errno or errno.EIO,
                               f"cannot {what} {path}: {describe_os_error(error)}; {advice}, then run again. "
                               "The previously published release in curated/ is unchanged.")


class DataRootLock:
    """The data root's writer lock for one owner (a run id); use `with DataRootLock(root, owner):` or acquire()/release()."""

    def __init__(self, data_root: Path, owner: str | None = None) -> None:
        self.data_root = Path(data_root)
        self.owner = owner or f"process {os.getpid()} ({uuid.uuid4().hex[:8]})"
        self.path = self.data_root / LOCK_FILE_NAME
        self._fd: int | None = None
        self.first_holder = False  # true when this holder took the free lock, not joined its own run's steps

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise DataRootBusy (another owner holds it) or DataRootNotWritable."""
        if self._fd is not None:
            return
        try:
            self.data_root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            guard = os.open(self.data_root / GUARD_FILE_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise not_writable(self.data_root, error, "create the lock file in") from None
        try:
            fcntl.flock(guard, fcntl.LOCK_EX)  # held for microseconds: only while deciding who owns the root
            self._join_or_take(fd)
        except BaseException:
            os.close(fd)
            raise
        finally:
            os.close(guard)
        self._fd = fd

    def _join_or_take(self, fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read_owner()
            if holder.split("\n", 1)[0] != self.owner:
                since = holder.split("\n", 1)[1] if "\n" in holder else "unknown time"
                raise DataRootBusy(
                    f"another run is writing to the data root {self.data_root} (run {holder.splitlines()[0] if holder else 'unknown'}, "
                    f"since {since}); wait for it to finish, or give this run its own PIPELINE_DATA_DIR. "
                    "This run wrote nothing.") from None
            fcntl.flock(fd, fcntl.LOCK_SH)  # a step of the run that holds the lock
            self.first_holder = False
            return
        self._write_owner()
        self.first_holder = True
        fcntl.flock(fd, fcntl.LOCK_SH)  # downgrade: later steps of the same run may join; the guard keeps others out meanwhile

    def _owner_path(self) -> Path:
        return self.data_root / OWNER_FILE_NAME

    def _write_owner(self) -> None:
        note = f"{self.owner}\n{time.strftime('%Y-%m-%d %H:%M:%S %Z', time.localtime())}, pid {os.getpid()}"
        try:
            temp = self._owner_path().with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(note, encoding="utf-8")
            os.replace(temp, self._owner_path())
        except OSError as error:
            raise not_writable(self._owner_path(), error, "write") from None

    def _read_owner(self) -> str:
        try:
            with open(self._owner_path(), "rb") as handle:
                return handle.read(OWNER_NOTE_MAX_BYTES).decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def release(self) -> None:
        """Give the lock up (closing the file drops it); harmless when not held."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        os.close(fd)

    def __enter__(self) -> DataRootLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextmanager
def locked_data_root(data_root: Path, owner: str | None = None) -> Iterator[DataRootLock]:
    """Hold the data root's lock for the duration of the block."""
    lock = DataRootLock(data_root, owner)
    with lock:
        yield lock
