"""Reading files the project does not control: only regular files, only so many bytes.

Sources, the configuration and editors' pages are read through here, so a symbolic link to
``/etc/passwd``, a FIFO that never ends or ``/dev/zero`` can never become part of a site.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from generator.errors import BriefingError


def same_name(name: str) -> str:
    """A file name in the one form names are compared in (Unicode NFC): macOS saves accents
    decomposed (``e`` + U+0301) while an editor types them composed (``é``), and the two must
    match. Only for comparing: files are always opened by the name the folder gives."""
    return unicodedata.normalize("NFC", name)


def read_regular_file(path: Path, limit: int, follow_links: bool = False,
                      too_large: str = "split it into smaller files") -> bytes:
    """The bytes of a regular file, at most ``limit`` of them. Symbolic links (unless asked to
    follow them), folders, devices, FIFOs and sockets are refused before anything is read, and
    the limit counts the bytes actually read (``/proc`` files report a size of 0).
    ``too_large`` is the advice for a file over the limit: what helps depends on the file."""
    display = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | (
        0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:  # never there, or gone since the folder was listed
        raise BriefingError("file not found", display,
                            hint="check the path, or run again once the file is in place") from None
    except IsADirectoryError:
        raise BriefingError("is a folder, not a file", display) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise BriefingError("is a symbolic link; only regular files are read", display,
                                hint="copy the file itself into the folder") from None
        raise BriefingError(f"cannot read: {error.strerror}", display,
                            hint="check the file's permissions") from None
    info = os.fstat(descriptor)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = BriefingError("is a folder, not a file", display)
    elif not stat.S_ISREG(info.st_mode):
        problem = BriefingError("is not a regular file (a device, FIFO or socket); only regular "
                                "files are read", display)
    elif info.st_size > limit:
        problem = BriefingError(f"is too large ({_size(info.st_size, up=True)}; the limit is "
                                f"{_size(limit)})", display, hint=too_large)
    if problem:
        os.close(descriptor)
        raise problem
    os.set_blocking(descriptor, True)
    with os.fdopen(descriptor, "rb") as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise BriefingError(f"cannot read: {error.strerror}", display,
                                hint="check the file's permissions") from None
    if len(data) > limit:
        raise BriefingError(f"is too large (over the limit of {_size(limit)})", display,
                            hint=too_large)
    return data


def _size(count: int, up: bool = False) -> str:
    """Bytes in KB or MB; a file's size rounded ``up``, so one just over the limit never reads
    as the limit itself ("257 KB; the limit is 256 KB")."""
    unit, name = (1024 * 1024, "MB") if count >= 1024 * 1024 else (1024, "KB")
    return f"{-(-count // unit) if up else count // unit} {name}"
