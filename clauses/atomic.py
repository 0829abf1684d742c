"""Write outputs whole or not at all."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from clauses.errors import ClausesError

TEMP_PREFIX = ".clauses-"
"""Temporary files are named ``.clauses-<target hash>-<pid>-<random>.tmp``: short whatever the
target's name (a 250-byte name is valid), and recognisable as ours when a killed run left one."""


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    An error, Ctrl-C, SIGTERM or SIGHUP midway leaves any previous file at ``path`` intact and no
    temporary file behind; one left by a killed run (SIGKILL) is removed by the next write. The data
    reaches the disk (fsync) before the rename; a rewritten file keeps its permissions. A missing
    folder is created. A symbolic link keeps pointing where it did (its target is replaced); a
    device or a pipe (``-o /dev/null``, ``-o /dev/stdout``) is written to, never replaced by a file;
    a folder is an error.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    kind = _existing_kind(Path(path))
    if kind == "folder":
        raise ClausesError("is a folder, not a file", path)
    if kind == "special":
        return _write_through(Path(path), payload)
    target = Path(path).resolve() if kind == "file" else Path(path)
    mode = stat.S_IMODE(target.stat().st_mode) if kind == "file" else 0o666 & ~_current_umask()
    prefix = f"{TEMP_PREFIX}{hashlib.sha1(os.fsencode(target.name)).hexdigest()[:12]}-"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target.parent, prefix)
        fd, tmp_name = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ClausesError(f"cannot write here: {exc.strerror or exc}", target) from None
    try:
        with _signals_as_exit(), os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(tmp_name, mode)
            os.replace(tmp_name, target)
    except OSError as exc:  # disk full, file-size limit, quota
        Path(tmp_name).unlink(missing_ok=True)
        raise ClausesError(f"cannot write: {exc.strerror or exc}", target) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(path)


TERMINATING = (signal.SIGTERM, signal.SIGHUP)


def exit_on_signal(signum: int, frame: object) -> None:
    """A signal handler that ends the run like Ctrl-C does, through every cleanup on the way out."""
    raise SystemExit(128 + signum)


@contextmanager
def _signals_as_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit while a temporary file exists, so it is removed."""
    try:
        previous = {sig: signal.signal(sig, exit_on_signal) for sig in TERMINATING}
    except ValueError:  # not the main thread: signals cannot be caught here
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _remove_stale(folder: Path, prefix: str) -> None:
    """Remove temporary files for this target left by runs that no longer exist."""
    for leftover in folder.glob(f"{glob_escape(prefix)}*.tmp"):
        pid = leftover.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _existing_kind(path: Path) -> str | None:
    """What stands at ``path`` (links followed): None, "file", "folder" or "special"."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "special"


def _write_through(path: Path, payload: bytes) -> Path:
    try:
        with open(path, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise ClausesError(f"cannot write here: {exc.strerror or exc}", path) from None
    return path


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
