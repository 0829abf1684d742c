"""Write outputs whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from clauses.errors import ClausesError


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    An error or Ctrl-C midway leaves any previous file at ``path`` intact.
    A missing folder is created. A symbolic link keeps pointing where it did (its target is
    replaced); a device or a pipe (``-o /dev/null``, ``-o /dev/stdout``) is written to, never
    replaced by a file; a folder is an error.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    kind = _existing_kind(Path(path))
    if kind == "folder":
        raise ClausesError("is a folder, not a file", path)
    if kind == "special":
        return _write_through(Path(path), payload)
    target = Path(path).resolve() if kind == "file" else Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ClausesError(f"cannot write here: {exc.strerror or exc}", target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(path)


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
