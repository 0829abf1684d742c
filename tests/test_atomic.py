import os

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
