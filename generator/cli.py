"""The ``briefing`` command. Thin: it parses options and calls the pipeline functions tests call."""

from __future__ import annotations

import difflib
import gc
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import click

from generator import __version__
from generator.build import build_site
from generator.check import check
from generator.errors import BriefingError
from generator.pipeline import (Project, extract, generate, is_warning, removal_reason,
                                render_site)
from generator.write import read_page, run_lock

PROJECT_OPTION = click.option(
    "--project", "project_root", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="Project folder (holds content/ and mkdocs.yml).")


TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _echo(text: str, err: bool = False) -> None:
    """Print a message that may quote a file name or source text: control characters (a
    terminal's escape sequences among them) are shown as \\xNN, never sent to the terminal."""
    click.echo(TERMINAL_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text), err=err)


class ProgressBar:
    """A one-line bar with an estimate of the time left, on a terminal only: redirected output
    (CI logs, pipes) stays quiet. Redrawn at most ten times a second."""

    WIDTH = 24

    def __init__(self, stream=None, clock=time.monotonic):
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started: float | None = None
        self.drawn = 0.0
        self.active = self.stream.isatty()

    def __call__(self, number: int, total: int, name: str) -> None:
        if not self.active or total < 2:
            return
        now = self.clock()
        if self.started is None:
            self.started = now
        if number < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        done = number - 1  # the number-th source is starting
        filled = self.WIDTH * done // total
        left = ""
        if done and now > self.started:
            seconds = (now - self.started) / done * (total - done)
            left = f", about {seconds:.0f} s left" if seconds >= 1 else ""
        line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} sources{left}"
        self.stream.write("\r" + line.ljust(60))
        if number == total:
            self.stream.write("\r" + " " * 60 + "\r")
        self.stream.flush()


def _quiet_broken_pipe() -> None:
    """The reader closed the pipe (``briefing extract … | head``): stop without a word, as a
    command killed by SIGPIPE does, and keep Python from complaining while it exits."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)


def _fail(error: BaseException) -> None:
    _echo(f"error: {error}", err=True)
    sys.exit(1)


class _Group(click.Group):
    """Every failure is one line naming what went wrong and where, never a traceback (set
    BRIEFING_DEBUG=1 to see one)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # --help, usage errors (exit 2) and aborts keep click's own messages and codes
        except BrokenPipeError:
            _quiet_broken_pipe()
        except BriefingError as error:
            _fail(error)
        except KeyboardInterrupt:
            _echo("interrupted: the pages and site on disk are as they were before this run "
                       "(or fully updated, if it was already writing)", err=True)
            sys.exit(130)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(BriefingError(f"{where}{error.strerror or error}",
                                hint="check the disk space and the files' permissions"))
        except Exception as error:  # noqa: BLE001 - the last line of defence for the user
            if os.environ.get("BRIEFING_DEBUG"):
                raise
            _fail(BriefingError(f"unexpected {type(error).__name__}: {error}",
                                hint="please report it; BRIEFING_DEBUG=1 shows the traceback"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn raw news articles into a structured, cited briefing site.

    \b
    Typical use, from the project folder:
      briefing generate      write the Markdown pages from content/
      briefing build         generate, then build the site into site/
      briefing check         the editor's report before publishing
      briefing extract FILE --json   print what the pipeline finds in any text file

    Sources live in content/sources/, rules in content/briefing.yml, and the generated pages
    in content/pages/ (MkDocs' docs_dir). Pages you edit by hand are never overwritten.
    """
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def run() -> None:
    """The `briefing` program: main, and then a Ctrl-C that comes while Python shuts down is
    ignored. By then the pages are written or left as they were; the interpreter's own
    traceback from its exit would only alarm.

    The objects still alive are then frozen: at exit Python runs full collections over them all
    (the caches of sentences, dates and readings a run fills), 0.8 s of a cold generate of the
    1,000-article desk, to find cycles that do not matter once the process ends. Frozen, they
    are still freed, just not scanned."""
    try:
        main()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        gc.freeze()


COLLECTOR_THRESHOLDS = (50_000, 20, 100)
"""A run builds millions of small objects that live to its end and makes few cycles; at
CPython's default (700 allocations) the collector rescans them about 12% of the run (issue 13)."""


def _run_generate(project: Project, force: bool, check: bool) -> bool:
    """Generate (or check) and tell the user what happened; True when everything is current."""
    briefing, report, nav_changed = generate(project, force=force, check=check,
                                             progress=ProgressBar())
    notes = briefing.notes + tuple(report.notes)
    for note in notes:
        if not is_warning(note):
            _echo(f"note: {note}", err=True)
    for page in report.kept_edits:
        _echo(f"kept your edits: {page} (see the generator's version with "
                   f"`briefing diff {page}`, take it with `briefing generate --force`)", err=True)
    for page in report.kept_orphans:
        _echo(f"kept edited page of a removed source: {page} (delete it by hand if unwanted)",
                   err=True)
    for page in report.editor_pages:
        _echo(f"left your own page alone: {page} (the generator has a page of that name; "
                   "take its version with `briefing generate --force`)", err=True)
    if not check:
        for page in report.removed:
            _echo(f"removed: {page} ({removal_reason(page, report.generated)})", err=True)
    for note in filter(is_warning, notes):  # last, where the eye falls
        _echo(f"warning: {note}", err=True)
    if check:
        stale = report.stale + (["mkdocs.yml (navigation)"] if nav_changed else [])
        if stale:
            _echo(f"stale: {len(stale)} page(s) differ from content/: {', '.join(stale)} "
                       "(run `briefing generate`)", err=True)
            return False
        _echo(f"up to date: {len(report.unchanged)} pages match content/")
        return True
    if report.skipped:
        _echo(f"up to date: nothing changed since the last run ({report.sources} sources, "
              f"{len(report.unchanged)} pages)")
        return True
    _echo(f"generated {report.sources} sources: {len(report.written)} pages written, "
               f"{len(report.unchanged)} unchanged, {len(report.removed)} removed"
               + (f", {len(report.forced)} edited pages replaced (backups: *.md.bak)"
                  if report.forced else "")
               + (", navigation updated" if nav_changed else ""))
    return True


@main.command("generate")
@PROJECT_OPTION
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if the pages are stale against content/ (for CI).")
@click.option("--force", is_flag=True,
              help="Replace pages you edited with the generator's version (keeps a .md.bak).")
def generate_command(project_root: Path, check: bool, force: bool) -> None:
    """Write the briefing's Markdown pages from content/ into content/pages/."""
    if not _run_generate(Project(project_root), force, check):
        sys.exit(1)


@main.command("check")
@PROJECT_OPTION
def check_command(project_root: Path) -> None:
    """The editor's report before publishing: what to look at, written nowhere.

    \b
    Lists where sources disagree (figures, dates), names spelt differently, quotations
    without a speaker, facts several sources report that fit no section, sources without
    an outlet or a date, pages kept because you edited them and what they now miss, and
    the generator's notes. Exits 1 only when generation itself would (bad input), never on
    findings.
    """
    report = check(Project(project_root), progress=ProgressBar())
    _echo(f"briefing check: {report.sources} sources, {report.pages} pages")
    for part in report.parts:
        _echo(f"\n{part.title} ({part.total})")
        for finding in part.findings:
            _echo(f"  {finding}")
        if part.total > len(part.findings):
            _echo(f"  and {part.total - len(part.findings)} more")
        if not part.total:
            _echo("  none")
    if report.stale:
        _echo(f"\n{len(report.stale)} page(s) would change on `briefing generate`: "
              f"{', '.join(report.stale[:10])}" + (" …" if len(report.stale) > 10 else ""))
    _echo(f"\n{report.findings} finding(s) to review; nothing blocks publishing")


@main.command("diff")
@PROJECT_OPTION
@click.argument("pages", nargs=-1)
def diff_command(project_root: Path, pages: tuple[str, ...]) -> None:
    """Show how pages on disk differ from what the generator would write now.

    With no PAGES, every generated page that differs is shown. Take the generator's version
    with `briefing generate --force` (your edited page is kept as PAGE.md.bak).
    """
    project = Project(project_root)
    rendered = render_site(project, cache=False).pages
    shown = 0
    for relative in pages or sorted(rendered):
        if relative not in rendered:
            raise BriefingError(f"'{relative}' is not a generated page", str(project.docs_dir),
                                hint="page paths are relative to content/pages, e.g. taiwan.md")
        current = read_page(project.docs_dir / relative) or ""
        if current != rendered[relative]:
            shown += 1
            click.echo("".join(difflib.unified_diff(
                current.splitlines(keepends=True), rendered[relative].splitlines(keepends=True),
                f"content/pages/{relative} (on disk)", f"content/pages/{relative} (generator)")))
    if not shown:
        _echo("no differences")


@main.command("build")
@PROJECT_OPTION
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the site (default: site/ in the project).")
def build_command(project_root: Path, site_dir: Path | None) -> None:
    """Generate the pages, then build the site with `mkdocs build --strict`.

    The site is built into a temporary folder and swapped in only when the build succeeds with
    no warning, so a failed build never leaves a half-written site. The site folder must be one
    that `briefing build` made (or a new or empty one), never content/ or the project's files.
    """
    project = Project(project_root)
    with run_lock(project.lock_path):
        _run_generate(project, force=False, check=False)
        site = site_dir or project.root / "site"
        pages = build_site(project.root, project.mkdocs_path, project.docs_dir, site)
    _echo(f"site built: {site} ({pages} pages)")


@main.command("extract")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document (the contract).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Rules to use (default: content/briefing.yml if present, "
                                 "else built-in defaults).")
def extract_command(paths: tuple[Path, ...], as_json: bool, config_path: Path | None) -> None:
    """Show what the pipeline finds in any text files: paragraphs, sections, quotes, events,
    people.

    \b
    The JSON document is:
      {"sources": [{"path", "title", "outlet", "date",
                    "paragraphs": [{"line", "text", "kept", "removed_because", "sections"}],
                    "quotes": [{"line", "text", "speaker"}],
                    "events": [{"line", "date", "text"}]}],
       "people": [{"name", "variants", "role"}],
       "statements": [{"text", "section", "sources": [{"path", "line"}]}]}
    """
    if config_path is None and Path("content/briefing.yml").is_file():
        config_path = Path("content/briefing.yml")
    result = extract(paths, config_path)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    for source in result["sources"]:
        kept = [p for p in source["paragraphs"] if p["kept"]]
        _echo(f"{source['path']}: {source['title']} ({source['outlet']}, "
                   f"{source['date'] or 'date unknown'})")
        _echo(f"  {len(kept)} paragraphs kept, {len(source['paragraphs']) - len(kept)} "
                   f"removed, {len(source['quotes'])} quotes, {len(source['events'])} events")
        for paragraph in source["paragraphs"]:
            label = ",".join(paragraph["sections"]) if paragraph["kept"] else \
                f"removed: {paragraph['removed_because']}"
            _echo(f"  {paragraph['line']:>5}  [{label}] {paragraph['text'][:80]}")


if __name__ == "__main__":
    main()
