"""Generation stopped half-way (Ctrl-C, a full disk) leaves the previous pages as they were."""

import os
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest

from generator.write import TEMP_SUFFIX
from tests.conftest import LABELLED, copy_project

EXTRA_SOURCES = 150


def snapshot(project):
    files = {p.relative_to(project.docs_dir).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(project.docs_dir.rglob("*")) if p.is_file()}
    return files, project.mkdocs_path.read_text(encoding="utf-8")


def add_sources(project, count):
    texts = sorted(LABELLED.glob("*.txt")) + sorted((LABELLED / "quotes").glob("*.txt"))
    for number in range(count):
        text = texts[number % len(texts)].read_text(encoding="utf-8")
        (project.sources_dir / f"extra_{number:03d}.txt").write_text(
            f"{text}\n\nDesk note number {number} on this copy.\n", encoding="utf-8")


def run_generate(project, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "generator", "generate", "--project",
                             str(project.root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """A project with committed pages (old) plus new sources, and what a full run makes (new)."""
    base = tmp_path_factory.mktemp("interrupt")
    project = copy_project(base / "project", with_pages=True)
    old = snapshot(project)
    add_sources(project, EXTRA_SOURCES)
    twin = base / "twin"
    shutil.copytree(project.root, twin)
    start = time.perf_counter()
    finished = run_generate(type(project)(twin))
    out, err = finished.communicate()
    assert finished.returncode == 0, err
    duration = time.perf_counter() - start
    new = snapshot(type(project)(twin))
    assert new != old
    return project, old, new, duration


def restore(project, old):
    shutil.rmtree(project.docs_dir)
    shutil.rmtree(project.cache_dir, ignore_errors=True)
    for relative, text in old[0].items():
        target = project.docs_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    project.mkdocs_path.write_text(old[1], encoding="utf-8")


@pytest.mark.parametrize("fraction", [0.35, 0.6, 0.8, 0.9, 0.95, 0.98])
def test_ctrl_c_at_any_moment_leaves_old_or_new_pages_never_a_mix(states, fraction):
    project, old, new, duration = states
    restore(project, old)
    process = run_generate(project)
    time.sleep(duration * fraction)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate()
    assert process.returncode in (0, 130, -signal.SIGINT), err   # -2: during interpreter exit
    assert "Traceback" not in err
    state = snapshot(project)
    if state not in (old, new):
        mixed = sorted(k for k in set(state[0]) | set(old[0]) if state[0].get(k) != old[0].get(k))
        pytest.fail(f"Ctrl-C at {fraction:.0%} left a mix of old and new files: {mixed[:5]}")
    assert not list(project.docs_dir.rglob(f"*{TEMP_SUFFIX}"))


def limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))  # a disk that fills up


def test_a_full_disk_leaves_old_pages_and_says_so_in_one_line(states):
    project, old, _, _ = states
    restore(project, old)
    process = run_generate(project, preexec_fn=limit_file_size)
    _, err = process.communicate()
    assert process.returncode == 1
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("error: ")
    assert "nothing was changed" in err
    assert snapshot(project) == old
    assert not list(project.docs_dir.rglob(f"*{TEMP_SUFFIX}"))
    assert os.environ.get("BRIEFING_DEBUG") is None


def test_a_ctrl_c_while_python_shuts_down_is_ignored():
    """Once the command has returned, the pages are written or left as they were: a Ctrl-C
    then (the interpreter joining its threads at exit) must not print Python's traceback.
    The window is too short to hit on purpose, so the handler in place is what is checked."""
    probe = ("import signal, sys\n"
             "from generator.cli import run\n"
             "sys.argv = ['briefing', '--version']\n"
             "try:\n    run()\nexcept SystemExit:\n    pass\n"
             "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr
