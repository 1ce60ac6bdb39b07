"""Is there anything to do? A stamp of every file a run reads and writes.

A generation whose inputs (the configuration, the sources, the generator itself) and outputs
(every file under the pages folder, ``mkdocs.yml``) are byte for byte as the last run left them
would write nothing, so it is skipped. The stamp hashes the files' contents, not their times:
reading a thousand articles and their pages costs a few hundredths of a second, and a change
made within the clock's resolution is never missed. The last run's messages are kept with the
stamp and said again.
"""

from __future__ import annotations

import hashlib
import json
import functools
import os
from pathlib import Path

from generator import __version__

GENERATOR_DIR = Path(__file__).parent


def _row(path: str | Path) -> str:
    if os.path.islink(path) or not os.path.isfile(path):
        return f"{path}\0{'link' if os.path.islink(path) else 'not a file'}"
    try:
        with open(path, "rb") as stream:
            digest = hashlib.file_digest(stream, "sha1").hexdigest()
    except OSError:
        return f"{path}\0unreadable"
    return f"{path}\0{digest}"


def _entries(folder: Path, recursive: bool) -> list[str]:
    if not folder.is_dir():
        return [_row(folder)]
    if not recursive:
        return sorted(_row(folder / name) for name in os.listdir(folder))
    return sorted(_row(os.path.join(base, name)) for base, folders, names in os.walk(folder)
                  for name in folders + names)


@functools.cache
def code_digest() -> str:
    """The generator's own code and default rules, hashed by content (not by path, so two
    checkouts of one commit share their caches); read once per process, as the code is."""
    rows = [__version__, *(row.split("\0", 1)[1] + name for name, row in sorted(
        (name, _row(GENERATOR_DIR / name)) for name in os.listdir(GENERATOR_DIR)))]
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogateescape")).hexdigest()


def stamp(files: list[Path], folders: list[Path], trees: list[Path]) -> str:
    """One hash of the state of these files, of what lies directly in these folders and of
    everything in these trees (the generator's own code always counts)."""
    rows = [code_digest()]
    rows += [_row(path) for path in files]
    for folder in folders:
        rows += _entries(folder, recursive=False)
    for tree in trees:
        rows += _entries(tree, recursive=True)
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogateescape")).hexdigest()


def last_run(record: Path, current: str) -> dict | None:
    """What the last run recorded, if its stamp is the current one."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("stamp") == current else None


def remember(record: Path, current: str, said: dict) -> None:
    """Record the stamp after a run (best effort: a cache that cannot be written is no error)."""
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"stamp": current, **said}), encoding="utf-8")
    except OSError:
        pass
