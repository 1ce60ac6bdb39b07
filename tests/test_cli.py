"""The command tells the truth: exit codes, one-line errors, quiet pipes, one run at a time."""

import io
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from generator.cli import ProgressBar, main
from generator.write import file_hash, run_lock
from tests.conftest import LIVE_SEED, WIRE_SEED

COMMANDS = [[], ["generate"], ["build"], ["check"], ["diff"], ["extract"]]


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, **kwargs)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_exits_0(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and result.output.startswith("Usage:")
    assert "error" not in result.output.lower().split("options:")[0]


@pytest.mark.parametrize("args", [["nope"], ["extract"], ["generate", "--nope"]])
def test_usage_errors_exit_2_with_clicks_message(args):
    result = run(*args)
    assert result.returncode == 2 and "Error:" in result.stderr
    assert "unexpected" not in result.stderr and "report" not in result.stderr


def test_a_closed_pipe_ends_quietly(tmp_path):
    paths = []
    for number in range(40):  # far more output than a pipe holds
        for seed in (WIRE_SEED, LIVE_SEED):
            paths.append(tmp_path / f"{number}-{seed.name}")
            paths[-1].write_bytes(seed.read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "generator", "extract", "--json", *map(str, paths)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(60) in (0, 141) and stderr == ""  # click.echo drops EPIPE itself


@pytest.mark.parametrize("path", ["/dev/zero", "FIFO"])
def test_extract_refuses_what_is_not_a_file_at_once(tmp_path, path):
    if path == "FIFO":
        path = str(tmp_path / "pipe.txt")
        os.mkfifo(path)
    result = run("extract", path, timeout=30)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "not a regular file" in result.stderr


def test_a_symlinked_source_stops_generation_and_publishes_nothing(project):
    (project.sources_dir / "passwd.txt").symlink_to("/etc/passwd")
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 1 and "passwd.txt: is a symbolic link" in result.stderr
    assert not list(project.docs_dir.rglob("*.md"))


def test_an_editors_pattern_that_backtracks_for_ever_stops_the_run_and_names_itself(project):
    """A pattern Python's re takes exponential time on (generator/patterns.py), and a source
    line that makes it: one line of error naming briefing.yml's line and the source, within
    seconds, and nothing published."""
    config = project.config_path.read_text(encoding="utf-8")
    assert "\ncleaning:" not in config
    config += "cleaning:\n  boilerplate:\n    - reason: menu\n      pattern: '^(\\w|\\w\\w)+$'\n"
    project.config_path.write_text(config, encoding="utf-8")
    line = config.count("\n")
    (project.sources_dir / "hostile.txt").write_text("Title\n\n" + "abcdefghij" * 6 + "!\n")
    result = run("generate", "--project", str(project.root), timeout=60)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"error: {project.config_path}:{line}: ")
    assert "took more than 1 s on one line reading " in result.stderr
    assert "hostile.txt" in result.stderr
    assert not list(project.docs_dir.rglob("*.md"))


def test_a_second_run_is_told_another_is_in_progress(project):
    with run_lock(project.lock_path):
        result = run("generate", "--project", str(project.root))
    assert result.returncode == 1
    assert f"another briefing run is in progress (pid {os.getpid()})" in result.stderr
    assert run("generate", "--project", str(project.root)).returncode == 0


def test_a_misspelt_source_key_is_reported_with_the_closest_file(project):
    config = project.config_path.read_text().replace("004_f77be4efbc849815.txt:",
                                                     "004_f77be4efbc849815.text:")
    project.config_path.write_text(config)
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 1
    assert "'004_f77be4efbc849815.text' matches no file" in result.stderr
    assert "did you mean '004_f77be4efbc849815.txt'" in result.stderr


def test_a_source_that_keeps_no_article_text_is_a_warning_after_the_notes(project):
    (project.sources_dir / "banner.txt").write_text(
        "Skip to main content\n\nAccept all cookies\n", encoding="utf-8")
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 0, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"warning: {project.sources_dir / 'banner.txt'}: no article text "
                           "kept: is it the right file?")
    assert "note: " not in last and result.stderr.count("no article text") == 1


def test_a_kept_page_citing_a_removed_source_is_reported(project):
    assert run("generate", "--project", str(project.root)).returncode == 0
    page = project.docs_dir / "background.md"
    page.write_text(page.read_text() + "\nMy note.\n")
    gone = project.sources_dir / "000_36119deba365cd7b.txt"
    gone.unlink()
    config = project.config_path.read_text().split("  000_36119deba365cd7b.txt:")
    project.config_path.write_text(config[0] + "  004_" + config[1].split("  004_", 1)[1])
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 0, result.stderr
    assert "kept your edits: background.md" in result.stderr
    assert "content/pages/background.md:" in result.stderr and \
        "cites sources/000_36119deba365cd7b.md, whose source is no longer" in result.stderr
    assert "removed: sources/000_36119deba365cd7b.md (its source is gone)" in result.stderr


def test_each_removed_page_is_given_its_own_reason(project):
    """A numbered page under more/ has no source: it goes because its page got shorter."""
    assert run("generate", "--project", str(project.root)).returncode == 0
    manifest_path = project.docs_dir / ".briefing-manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for page in ("more/framework-deal-3.md", "trade.md"):  # as earlier runs wrote them
        (project.docs_dir / page).parent.mkdir(exist_ok=True)
        (project.docs_dir / page).write_text("# Old\n", encoding="utf-8")
        manifest["pages"][page] = file_hash("# Old\n")
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 0, result.stderr
    assert "removed: more/framework-deal-3.md (framework-deal.md now needs fewer pages)" \
        in result.stderr
    assert "removed: trade.md (nothing in content/ gives this page any more)" in result.stderr
    assert "its source is gone" not in result.stderr


def test_messages_never_send_a_file_names_control_characters_to_the_terminal(project):
    (project.sources_dir / "evil\x1b]0;pwned\x07.txt").write_text("")
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 1 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b]0;pwned\\x07.txt: source is empty" in result.stderr


def test_non_latin_and_very_long_file_names_each_get_their_own_pages(project):
    article = WIRE_SEED.read_text(encoding="utf-8")
    names = ["北京.txt", "上海.txt", "x" * 240 + ".txt"]
    for number, name in enumerate(names):
        (project.sources_dir / name).write_text(article.replace("Trump", f"Trump{number}"),
                                                encoding="utf-8")
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 0, result.stderr
    pages = list((project.docs_dir / "sources").glob("*.md"))
    assert len(pages) == 2 + len(names) + 2  # the seeds, the new ones, the two indexes
    assert all(len(page.name) < 100 for page in pages)


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_estimates_time_left_on_a_terminal_only():
    now = [0.0]
    bar = ProgressBar(Terminal(), clock=lambda: now[0])
    for number in range(1, 11):
        now[0] += 0.5
        bar(number, 10, "x.txt")
    drawn = bar.stream.getvalue()
    assert "\r[##########" in drawn and "5/10 sources, about 2 s left" in drawn
    assert drawn.endswith("\r" + " " * 60 + "\r")  # cleared for the summary line
    quiet = ProgressBar(io.StringIO())
    quiet(1, 10, "x.txt")
    assert quiet.stream.getvalue() == ""


def test_redirected_output_has_no_progress_lines(project):
    for number in range(30):
        (project.sources_dir / f"copy{number}.txt").write_text(
            WIRE_SEED.read_text(encoding="utf-8").replace("Trump", f"Trump{number}"),
            encoding="utf-8")
    result = run("generate", "--project", str(project.root))
    assert result.returncode == 0 and "sources" in result.stdout
    assert "\r" not in result.stderr and "analysed" not in result.stderr


def test_extract_reads_a_file_named_twice_once(tmp_path):
    """Found by a hostile-input review: the same path given twice was refused as two sources
    with one id."""
    import json
    path = tmp_path / "article.txt"
    path.write_bytes(WIRE_SEED.read_bytes())
    result = run("extract", "--json", str(path), str(tmp_path / "." / "article.txt"), str(path))
    assert result.returncode == 0, result.stderr
    assert [s["path"] for s in json.loads(result.stdout)["sources"]] == [str(path)]


def test_extract_reads_two_files_of_one_name_in_different_folders(tmp_path):
    """Found by a hostile-input review: `extract a/x.txt b/x.txt` was refused ("two sources have
    the same id 'x' (x.txt and x.txt)", rename one of them); each is now its own source, and
    statements cite each by its path."""
    import json
    first, second = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for path, seed in ((first, WIRE_SEED), (second, LIVE_SEED)):
        path.parent.mkdir()
        path.write_bytes(seed.read_bytes())
    result = run("extract", "--json", str(first), str(second))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [s["path"] for s in found["sources"]] == [str(first), str(second)]
    cited = [{s["path"] for s in statement["sources"]} for statement in found["statements"]]
    assert {str(first), str(second)} in cited  # the seeds share facts: one cites both
