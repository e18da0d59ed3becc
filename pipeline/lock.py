"""One writer at a time: an exclusive lock beside an output file, and file modes from the umask."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputLockedError(RuntimeError):
    """Another run holds the lock on the same output."""


def lock_path(path: Path) -> Path:
    """The lock file of an output: hidden, beside it."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def exclusive(path: Path, verb: str) -> Iterator[None]:
    """Hold an exclusive lock on path for the block; raise OutputLockedError at once when
    another process holds it. The lock file is removed on release; a process that locked
    a file that was removed meanwhile retries on the new one, so two runs never both hold it.
    After kill -9 the kernel drops the lock, and the stale file is simply locked again."""
    target = lock_path(path)
    while True:
        fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputLockedError(f"{path} is in use by another `warta {verb}` run "
                                    f"(lock {target}); wait for it to finish") from None
        try:
            same = os.fstat(fd).st_ino == os.stat(target).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        try:
            os.unlink(target)
        finally:
            os.close(fd)


def default_file_mode() -> int:
    """The mode a new file gets under the user's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def apply_umask(path: Path | str) -> None:
    """Give a file made by mkstemp (always 0600) the mode the umask asks for."""
    os.chmod(path, default_file_mode())
