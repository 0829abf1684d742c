import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clauses.atomic import write_atomic
from clauses.errors import ClausesError


def test_writes_whole_file_and_creates_missing_folder(tmp_path):
    target = tmp_path / "new" / "deeper" / "out.json"
    write_atomic(target, '{"a": 1}\n')
    assert target.read_text() == '{"a": 1}\n'
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_failure_midway_leaves_previous_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new content")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"], "temporary file left behind"


def test_file_mode_follows_umask(tmp_path):
    target = write_atomic(tmp_path / "x.csv", "a,b\n")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_is_one_line_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    with pytest.raises(ClausesError, match="cannot write here"):
        write_atomic(locked / "out.json", "{}")


def test_target_under_a_file_is_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ClausesError) as caught:
        write_atomic(blocker / "out.json", "{}")
    assert str(caught.value).startswith(str(blocker / "out.json"))
    assert "\n" not in str(caught.value)


def test_a_device_is_written_to_never_replaced():
    null = "/dev/null"
    assert os.path.exists(null)
    write_atomic(null, "discarded\n")
    assert os.stat(null).st_mode & 0o170000 == 0o020000, "/dev/null must stay a character device"


def test_a_pipe_receives_the_output(tmp_path):
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_atomic(pipe, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert pipe.is_fifo()


def test_a_link_keeps_pointing_at_its_file(tmp_path):
    real = tmp_path / "reports" / "brief.html"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    assert write_atomic(link, "new") == link
    assert link.is_symlink() and real.read_text() == "new"


def test_a_folder_is_one_line_error(tmp_path):
    with pytest.raises(ClausesError, match="is a folder"):
        write_atomic(tmp_path, "{}")


def test_a_250_byte_name_is_accepted(tmp_path):
    target = tmp_path / ("b" * 245 + ".json")
    write_atomic(target, "{}\n")
    assert target.read_text() == "{}\n"


def test_a_rewrite_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "brief.html"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == "new"


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "brief.pdf"
    script = (
        "import os, sys\nfrom clauses.atomic import write_atomic\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), 9)\n"  # killed between writing and renaming
        f"write_atomic({str(target)!r}, b'x' * 100_000)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], env=_env(), capture_output=True, timeout=60)
    assert run.returncode == -signal.SIGKILL
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "the killed run left nothing"
    write_atomic(target, b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_midway_leave_no_temporary_file(tmp_path, sig):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous")
    script = (
        "import os, sys\nfrom clauses.atomic import write_atomic\n"
        f"os.fsync = lambda fd: os.kill(os.getpid(), {int(sig)})\n"
        f"write_atomic({str(target)!r}, b'x' * 100_000)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], env=_env(), capture_output=True, timeout=60)
    assert run.returncode == 128 + sig, run.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"] and target.read_bytes() == b"previous"


def test_a_file_size_limit_is_a_one_line_error(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous")
    script = (
        "import resource, sys\nfrom clauses.atomic import write_atomic\nfrom clauses.errors import ClausesError\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))\n"
        f"try:\n    write_atomic({str(target)!r}, b'x' * 100_000)\n"
        "except ClausesError as error:\n    print(error)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert run.stdout.strip() == f"{target}: cannot write: File too large", run.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"] and target.read_bytes() == b"previous"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
