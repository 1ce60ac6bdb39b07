"""Only regular files are read, and only so many bytes of them."""

import os
import threading

import pytest

from generator.errors import BriefingError
from generator.files import read_regular_file


def test_a_regular_file_is_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"text")
    assert read_regular_file(tmp_path / "a.txt", 100) == b"text"


def test_a_symbolic_link_is_refused_unless_followed(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"secret")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(BriefingError, match="symbolic link"):
        read_regular_file(tmp_path / "link.txt", 100)
    assert read_regular_file(tmp_path / "link.txt", 100, follow_links=True) == b"secret"


def test_a_fifo_is_refused_at_once_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(
        pytest.raises(BriefingError, read_regular_file, fifo, 100)), daemon=True)
    reader.start()
    reader.join(5)
    assert outcome and "not a regular file" in str(outcome[0].value)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(device):
    with pytest.raises(BriefingError, match="not a regular file"):
        read_regular_file(device, 100, follow_links=True)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(BriefingError, match="folder"):
        read_regular_file(tmp_path, 100)


def test_the_limit_counts_the_bytes_read_not_the_reported_size():
    """/proc files report a size of 0 however much they hold."""
    with pytest.raises(BriefingError, match="too large"):
        read_regular_file("/proc/self/status", 10, follow_links=True)


def test_a_missing_file_is_said_to_be_missing(tmp_path):
    """Not "vanished while reading": a mistyped path was never there."""
    with pytest.raises(BriefingError, match="file not found") as error:
        read_regular_file(tmp_path / "nonexistent.txt", 100)
    assert "check the path" in str(error.value)
