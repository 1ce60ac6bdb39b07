"""Stage 1: read source files as received and decide what each one is (its metadata)."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.config import Config
from generator.errors import BriefingError
from generator.structure import RawLine, SourceMeta

MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_LINE_CHARS = 100_000  # ~15,000 words: longer is a file that lost its line breaks
DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
SOURCE_SUFFIXES = (".txt", ".text", ".md")


@dataclass(frozen=True)
class LoadedSource:
    meta: SourceMeta
    lines: tuple[RawLine, ...]
    digest: str


def source_id(path: Path) -> str:
    """A URL- and file-safe id from the file name; it can never contain a path separator."""
    stem = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-")
    return stem or "source"


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
    return text, tuple(notes)


def leading_date(lines: tuple[RawLine, ...]) -> str | None:
    for line in lines:
        if line.text.strip():
            match = DATE_LINE.match(line.text)
            return match.group(1) if match else None
    return None


def load_source(path: Path, config: Config) -> LoadedSource:
    """Read one source file and attach its metadata (from configuration, else guessed)."""
    display = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise BriefingError(f"source is too large ({size // (1024 * 1024)} MB; the limit is "
                                f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB)", display,
                                hint="split it into articles")
        data = path.read_bytes()
    except FileNotFoundError:
        raise BriefingError("source file vanished while reading", display,
                            hint="run again once the file is in place") from None
    except IsADirectoryError:
        raise BriefingError("source is a folder, not a file", display) from None
    except OSError as error:
        raise BriefingError(f"cannot read source: {error.strerror}", display,
                            hint="check the file's permissions") from None
    text, notes = decode(data, display)
    lines = tuple(RawLine(n, t) for n, t in enumerate(text.split("\n"), start=1))
    longest = max(lines, key=lambda line: len(line.text))
    if len(longest.text) > MAX_LINE_CHARS:
        raise BriefingError(f"line is {len(longest.text):,} characters long (the limit is "
                            f"{MAX_LINE_CHARS:,}); the file seems to have lost its line breaks",
                            display, longest.number, "put each paragraph on its own line")
    entry = config.sources.get(path.name)
    found_date = leading_date(lines)
    title = entry.title if entry and entry.title else ""  # else the cleaner finds the headline
    date = (entry.date if entry and entry.date else None) or found_date
    notes_list = list(notes)
    if not entry:
        notes_list.append("no metadata in briefing.yml; title taken from its first line")
    if not date:
        notes_list.append("date unknown (add it to briefing.yml or a leading 'date YYYY-MM-DD' line)")
    meta = SourceMeta(
        id=source_id(path),
        path=display,
        title=title,
        outlet=(entry.outlet if entry and entry.outlet else None) or "Unknown outlet",
        date=date,
        url=entry.url if entry else None,
        notes=tuple(notes_list),
    )
    return LoadedSource(meta, lines, hashlib.sha256(data).hexdigest())


def find_sources(folder: Path) -> list[Path]:
    """Source files in a folder, in a stable order; hidden and editor backup files are skipped."""
    if not folder.is_dir():
        raise BriefingError("sources folder not found", str(folder),
                            hint="create it and put the articles in it")
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SOURCE_SUFFIXES)


def check_unique_ids(paths: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in paths:
        sid = source_id(path)
        if sid in seen:
            raise BriefingError(f"two sources have the same id '{sid}' ({seen[sid].name} and "
                                f"{path.name})", str(path), hint="rename one of them")
        seen[sid] = path
