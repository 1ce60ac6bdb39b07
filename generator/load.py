"""Stage 1: read source files as received and decide what each one is (its metadata)."""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
import itertools
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from generator.config import Config
from generator.errors import BriefingError
from generator.files import read_regular_file, same_name
from generator.structure import RawLine, SourceMeta

MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_LINE_CHARS = 100_000  # ~15,000 words: longer is a file that lost its line breaks
DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
SOURCE_SUFFIXES = (".txt", ".text", ".md")
UNKNOWN_OUTLET = "Unknown outlet"  # until provenance.py reads one from the text
# How the notes on missing metadata begin; provenance.py drops one when the text gives it.
DATE_UNKNOWN = "date unknown"
OUTLET_UNKNOWN = "outlet unknown"
# A character a reader can see: not white space of any kind (no-break spaces too), not a
# control or an invisible format character (zero-width space, byte-order mark, joiners).
VISIBLE = regex.compile(r"[^\s\p{Cc}\p{Cf}]")


@dataclass(frozen=True)
class LoadedSource:
    meta: SourceMeta
    lines: tuple[RawLine, ...]
    digest: str


MAX_ID_CHARS = 80  # page file names and URLs stay short, far under the 255-byte name limit
GENERATED_IDS = frozenset({"index", "by-outlet"})
"""Names of the pages the generator writes in sources/ itself (the Sources index, by date and
by outlet): a source with one of them gets a hashed id rather than replace that page."""


def source_id(path: Path) -> str:
    """A URL- and file-safe id from the file name; it can never contain a path separator.
    Accents are folded (``Café`` → ``cafe``); a name that loses letters on the way (``北京``) or
    is very long, or one the Sources index's own pages use (GENERATED_IDS), gets a short hash
    of the whole name, so different names keep different ids."""
    folded = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9_-]+", "-", folded.lower()).strip("-")
    lossy = any(not unicodedata.combining(c) and not c.isascii()
                for c in unicodedata.normalize("NFKD", path.stem))
    if not stem or lossy or len(stem) > MAX_ID_CHARS or stem in GENERATED_IDS:
        digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:8]
        stem = "-".join(filter(None, (stem[:MAX_ID_CHARS - 9].strip("-"), digest)))
    return stem


def decode(data: bytes, display: str) -> tuple[str, tuple[str, ...]]:
    """Bytes to text. UTF-8 (with or without BOM); Windows-1252 as a stated fallback."""
    notes: list[str] = []
    if not data.strip():
        raise BriefingError("source is empty", display, hint="remove the file or add the article text")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise BriefingError("source is UTF-16 text", display, 1, "save it as UTF-8")
    if b"\x00" in data[:65536]:
        raise BriefingError("source looks binary (it contains NUL bytes)", display,
                            hint="only plain-text articles can be sources")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        notes.append("byte-order mark removed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        notes.append(f"not UTF-8 (first bad byte on line {line}); read as Windows-1252")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("line ends normalised")
    if not VISIBLE.search(text):
        raise BriefingError("source has no visible text (only spaces, no-break or zero-width "
                            "spaces, or other invisible characters)", display,
                            hint="remove the file or add the article text")
    return text, tuple(notes)


def leading_date(lines: tuple[RawLine, ...], display: str = "") -> str | None:
    """The ``date YYYY-MM-DD`` a source may open with; a date that does not exist stops the
    run with its line, like any other bad input."""
    for line in lines:
        if line.text.strip():
            match = DATE_LINE.match(line.text)
            if not match:
                return None
            try:
                dt.date.fromisoformat(match.group(1))
            except ValueError:
                raise BriefingError(f"no such date {match.group(1)}", display, line.number,
                                    hint="write an existing date as YYYY-MM-DD") from None
            return match.group(1)
    return None


def load_source(path: Path, config: Config, follow_links: bool = False,
                given_id: str | None = None) -> LoadedSource:
    """Read one source file and attach its metadata (from configuration, else guessed);
    ``given_id`` replaces the id its name gives (see distinct_ids)."""
    display = str(path)
    data = read_regular_file(path, MAX_SOURCE_BYTES, follow_links)
    text, notes = decode(data, display)
    texts = text.split("\n")
    lines = tuple(map(RawLine, itertools.count(1), texts))
    if max(map(len, texts)) > MAX_LINE_CHARS:
        longest = max(lines, key=lambda line: len(line.text))
        raise BriefingError(f"line is {len(longest.text):,} characters long (the limit is "
                            f"{MAX_LINE_CHARS:,}); the file seems to have lost its line breaks",
                            display, longest.number, "put each paragraph on its own line")
    entry = config.sources.get(same_name(path.name))
    found_date = leading_date(lines, display)
    title = entry.title if entry and entry.title else ""  # else the cleaner finds the headline
    date = (entry.date if entry and entry.date else None) or found_date
    notes_list = list(notes)
    if not entry:
        notes_list.append("no metadata in briefing.yml")
    if not date:
        notes_list.append(f"{DATE_UNKNOWN} (add it to briefing.yml or a leading "
                          "'date YYYY-MM-DD' line)")
    if not (entry and entry.outlet):
        notes_list.append(f"{OUTLET_UNKNOWN} (add it to briefing.yml)")
    meta = SourceMeta(
        id=given_id or source_id(path),
        path=display,
        title=title,
        outlet=(entry.outlet if entry and entry.outlet else None) or UNKNOWN_OUTLET,
        date=date,
        url=entry.url if entry else None,
        notes=tuple(notes_list),
    )
    return LoadedSource(meta, lines, hashlib.sha256(data).hexdigest())


def _is_candidate(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SOURCE_SUFFIXES


def find_sources(folder: Path) -> list[Path]:
    """Source files in a folder, in a stable order; hidden and editor backup files are skipped.
    Only regular files are sources: a symbolic link, folder, device or FIFO with a source's
    name is refused, so nothing outside the folder is ever read or published."""
    if folder.is_symlink() or not folder.is_dir():
        raise BriefingError("sources folder not found (or a symbolic link)", str(folder),
                            hint="create it as a folder and put the articles in it")
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not _is_candidate(entry.name):
                continue
            path = folder / entry.name
            try:
                entry.name.encode("utf-8")
            except UnicodeEncodeError:
                shown = os.fsencode(entry.name).decode("utf-8", "backslashreplace")
                raise BriefingError("file name is not valid UTF-8", str(folder / shown),
                                    hint="rename the file") from None
            if entry.is_symlink():
                raise BriefingError("is a symbolic link; only regular files inside the sources "
                                    "folder are read", str(path),
                                    hint="copy the article itself into the folder") from None
            if not entry.is_file(follow_symlinks=False):
                kind = "a folder" if entry.is_dir(follow_symlinks=False) else \
                    "a device, FIFO or socket"
                raise BriefingError(f"is {kind}, not a regular file", str(path),
                                    hint="only plain-text article files can be sources")
            found.append(path)
    return sorted(found)


def ignored_entries(folder: Path) -> list[str]:
    """What the sources folder holds that is not read (other files, subfolders, a hidden
    article), to say so; hidden files of other kinds (``.DS_Store``, ``.gitkeep``) go unsaid."""
    if not folder.is_dir():
        return []
    return sorted(f"{entry.name}/" if entry.is_dir(follow_symlinks=False) else entry.name
                  for entry in os.scandir(folder)
                  if not _is_candidate(entry.name) and (
                      not entry.name.startswith(".")
                      or Path(entry.name).suffix.lower() in SOURCE_SUFFIXES
                      and not entry.name.startswith(("._", ".#"))))  # macOS, Emacs files


def check_source_entries(config: Config, paths: list[Path]) -> None:
    """Every file named under ``sources:`` in briefing.yml is there: a misspelt key would
    silently leave its article without outlet and date."""
    names = sorted(path.name for path in paths)
    compared = {same_name(name) for name in names}
    for key, entry in config.sources.items():
        if key not in compared:
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.5)
            raise BriefingError(f"sources: '{key}' matches no file in content/sources/",
                                config.path, entry.line,
                                f"did you mean '{close[0]}'?" if close else
                                "remove the entry or add the file")


def distinct_ids(paths: list[Path]) -> dict[Path, str]:
    """Ids for files named anywhere (``briefing extract a/x.txt b/x.txt``): two files whose
    names give one id also get a short hash of where they are, as no one can be asked to
    rename files of two folders; a hashed id that another file's name gives already (a
    ``c/x-1a2b3c4d.txt``) takes a count too."""
    ids = {path: source_id(path) for path in paths}
    named = Counter(ids.values())
    taken = {sid for sid in ids.values() if named[sid] == 1}
    for path, sid in ids.items():
        if named[sid] > 1:
            digest = hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:8]
            base = f"{sid[:MAX_ID_CHARS - 12].strip('-')}-{digest}"
            ids[path] = next(candidate for candidate in itertools.chain(
                (base,), (f"{base}-{n}" for n in itertools.count(2))) if candidate not in taken)
            taken.add(ids[path])
    return ids


def check_unique_ids(paths: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in paths:
        sid = source_id(path)
        if sid in seen:
            raise BriefingError(f"two sources have the same id '{sid}' ({seen[sid].name} and "
                                f"{path.name})", str(path), hint="rename one of them")
        seen[sid] = path
