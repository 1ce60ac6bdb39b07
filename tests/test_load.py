import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.config import load_config
from generator.errors import BriefingError
from generator.load import check_unique_ids, decode, distinct_ids, load_source, source_id
from tests.conftest import WIRE_SEED


def test_configured_metadata_is_used(config):
    meta = load_source(WIRE_SEED, config).meta
    assert meta.outlet.startswith("Business Standard")
    assert meta.date == "2025-10-29"
    assert meta.title.startswith("Trump, Xi to meet")


def test_unlisted_source_takes_date_from_leading_line_and_says_what_it_guessed(tmp_path, config):
    path = tmp_path / "note.txt"
    path.write_text("date 2025-11-02\nA headline here\n\nBody text of the article.\n")
    meta = load_source(path, config).meta
    assert meta.date == "2025-11-02"
    assert meta.outlet == "Unknown outlet"
    assert any("no metadata" in note for note in meta.notes)


def test_unknown_date_is_reported(tmp_path, config):
    path = tmp_path / "undated.txt"
    path.write_text("Headline\n\nBody.\n")
    meta = load_source(path, config).meta
    assert meta.date is None
    assert any("date unknown" in note for note in meta.notes)


def test_unknown_outlet_is_reported_like_an_unknown_date(tmp_path, config):
    path = tmp_path / "unsigned.txt"
    path.write_text("date 2025-11-02\nHeadline\n\nBody.\n")
    meta = load_source(path, config).meta
    assert meta.outlet == "Unknown outlet"
    assert "outlet unknown (add it to briefing.yml)" in meta.notes
    assert not any("date unknown" in note for note in meta.notes)


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01binary\x00", "binary"),
    (b"\xff\xfeh\x00i\x00", "UTF-16"),
    # no-break, zero-width and other invisible spaces are white space too
    ("\u00a0\u00a0\n\u200b\n\ufeff\u200b\u2060\u3000\n".encode(), "no visible text"),
    ("\ufeff\u200d\u00a0".encode(), "no visible text"), (b"\xa0\xa0\n", "no visible text"),
])
def test_unusable_bytes_give_one_line_errors(data, message):
    with pytest.raises(BriefingError) as error:
        decode(data, "x.txt")
    assert message in str(error.value) and "\n" not in str(error.value)
    assert str(error.value).startswith("x.txt")


def test_bom_crlf_and_windows_1252_are_decoded_and_noted():
    text, notes = decode(b"\xef\xbb\xbfHello\r\nworld\rend \x93quoted\x94", "x.txt")
    assert text == "Hello\nworld\nend \u201cquoted\u201d"
    assert any("byte-order" in n for n in notes)
    assert any("Windows-1252" in n for n in notes)


def test_ids_are_safe_and_unique(tmp_path):
    assert source_id(Path("../../etc/Passwd File.txt")) == "passwd-file"
    with pytest.raises(BriefingError, match="same id"):
        check_unique_ids([tmp_path / "A b.txt", tmp_path / "a-b.txt"])


def test_files_of_one_name_in_different_folders_get_distinct_ids(tmp_path):
    paths = [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", tmp_path / "b" / "y.txt"]
    ids = distinct_ids(paths)
    assert ids[paths[2]] == "y" and len(set(ids.values())) == 3
    assert all(ids[p].startswith("x-") and source_id(Path(ids[p] + ".txt")) == ids[p]
               for p in paths[:2])  # still a file- and URL-safe id
    # found by a review: a third file named like the first one's hashed id took its id
    named_like = tmp_path / "c" / f"{ids[paths[0]]}.txt"
    again = distinct_ids([*paths, named_like])
    assert len(set(again.values())) == 4 and again[named_like] == ids[paths[0]]


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path, config):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)   # sparse: the size is real, the disk use is not
    with pytest.raises(BriefingError) as error:
        load_source(path, config)
    assert "too large (100 MB" in str(error.value) and "split it" in str(error.value)
    assert str(error.value).startswith(str(path))


def test_a_source_that_vanishes_or_is_a_folder_is_named(tmp_path, config):
    gone = tmp_path / "gone.txt"
    with pytest.raises(BriefingError, match="file not found"):
        load_source(gone, config)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(BriefingError, match="folder"):
        load_source(folder, config)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_source_is_named(tmp_path, config):
    path = tmp_path / "locked.txt"
    path.write_text("Some text here.\n")
    path.chmod(0)
    with pytest.raises(BriefingError, match="cannot read source"):
        load_source(path, config)


def test_a_source_vanishing_mid_run_stops_generation_with_its_name(project, monkeypatch):
    from generator import pipeline
    real = pipeline.analyse_cached
    doomed = project.sources_dir / "004_f77be4efbc849815.txt"

    def vanish_then_analyse(path, *args):
        doomed.unlink(missing_ok=True)   # another process removes it while we work
        return real(path, *args)

    monkeypatch.setattr(pipeline, "analyse_cached", vanish_then_analyse)
    with pytest.raises(BriefingError) as error:
        pipeline.generate(project)
    assert "not found" in str(error.value) and doomed.name in str(error.value)
    assert not list(project.docs_dir.rglob("*.md"))   # nothing half-written


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_fail_with_one_line(data):
    try:
        text, notes = decode(data, "x.txt")
    except BriefingError as error:
        assert "\n" not in str(error) and str(error).startswith("x.txt")
    else:
        assert "\r" not in text and isinstance(notes, tuple)


def test_a_5_mb_line_is_refused_with_its_line_number(tmp_path, config):
    path = tmp_path / "oneline.txt"
    unit = '"We will keep talking about soybeans," Jane Roe said, and left. '
    path.write_text("A headline\n\n" + unit * (5 * 1024 * 1024 // len(unit)) + "\n")
    with pytest.raises(BriefingError) as error:
        load_source(path, config)
    message = str(error.value)
    assert message.startswith(f"{path}:3: line is 5,") and "own line" in message


# -- only regular files inside content/sources/ are sources ------------------------------------

from generator.load import check_source_entries, find_sources, ignored_entries  # noqa: E402


def test_a_symbolic_link_among_the_sources_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("An article.\n")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(BriefingError, match="passwd.txt: is a symbolic link"):
        find_sources(tmp_path)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_special_files_with_a_source_name_are_refused(tmp_path, kind):
    odd = tmp_path / "odd.txt"
    os.mkfifo(odd) if kind == "fifo" else odd.mkdir()
    with pytest.raises(BriefingError, match="odd.txt: is a"):
        find_sources(tmp_path)


def test_what_is_not_read_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("An article.\n")
    (tmp_path / "archive").mkdir()
    (tmp_path / "photo.jpg").write_bytes(b"\xff")
    (tmp_path / ".hidden.txt").write_text("An article someone hid.\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "._a.txt").write_bytes(b"\x00")  # macOS's note on a.txt
    assert [p.name for p in find_sources(tmp_path)] == ["a.txt"]
    assert ignored_entries(tmp_path) == [".hidden.txt", "archive/", "photo.jpg"]


def test_a_file_name_that_is_not_utf8_is_named(tmp_path):
    os.close(os.open(os.fsencode(tmp_path) + b"/bad\xff.txt", os.O_CREAT | os.O_WRONLY))
    with pytest.raises(BriefingError, match=r"bad\\xff.txt: file name is not valid UTF-8"):
        find_sources(tmp_path)


def test_ids_stay_distinct_and_short():
    assert source_id(Path("北京.txt")) != source_id(Path("上海.txt"))
    assert source_id(Path("Café.txt")) == source_id(Path("Cafe.txt")) == "cafe"  # accents fold
    # the Sources index's own pages are not a source's: sources/index.md, sources/by-outlet.md
    assert source_id(Path("index.txt")).startswith("index-")
    assert source_id(Path("By Outlet.txt")).startswith("by-outlet-")
    assert source_id(Path("index.txt")) != source_id(Path("index.text"))
    long = source_id(Path("x" * 240 + ".txt"))
    assert len(long) <= 80 and long != source_id(Path("x" * 239 + ".txt"))
    assert re.fullmatch(r"[a-z0-9_-]+", source_id(Path("北京.txt")))


def test_a_source_key_that_matches_no_file_is_reported(tmp_path):
    config_path = tmp_path / "briefing.yml"
    config_path.write_text("title: T\nsources:\n  004_x.text:\n    outlet: Wire\n")
    config = load_config(config_path)
    with pytest.raises(BriefingError, match=r"briefing.yml:3: sources: '004_x.text' matches no "
                                            r"file .*did you mean '004_x.txt'"):
        check_source_entries(config, [tmp_path / "004_x.txt", tmp_path / "other.txt"])


NFD_NAME = "Cafe\u0301 soja n\u0303.txt"  # as macOS saves "Café soja ñ.txt"
NFC_NAME = "Caf\u00e9 soja \u00f1.txt"  # as an editor types it


@pytest.mark.parametrize("on_disk, typed", [(NFD_NAME, NFC_NAME), (NFC_NAME, NFD_NAME)])
def test_a_source_key_matches_its_file_whichever_way_its_accents_are_written(tmp_path, on_disk,
                                                                            typed):
    config_path = tmp_path / "briefing.yml"
    config_path.write_text(f"title: T\nsources:\n  {typed}:\n    outlet: Wire\n",
                           encoding="utf-8")
    config = load_config(config_path)
    article = tmp_path / on_disk
    article.write_text("Headline\n\nThe tariff falls to 10% on Friday, officials said.\n",
                       encoding="utf-8")
    check_source_entries(config, [article])
    loaded = load_source(article, config)
    assert loaded.meta.outlet == "Wire" and loaded.meta.path == str(article)  # opened as named


def test_one_file_named_in_both_forms_is_a_duplicate_key(tmp_path):
    config_path = tmp_path / "briefing.yml"
    config_path.write_text(f"sources:\n  {NFC_NAME}: {{outlet: A}}\n  {NFD_NAME}: {{outlet: B}}\n",
                           encoding="utf-8")
    with pytest.raises(BriefingError, match=r"briefing.yml:3: duplicate key .*also at line 2"):
        load_config(config_path)


def test_a_leading_date_that_does_not_exist_is_an_error_naming_its_line(tmp_path, config):
    import pytest
    from generator.errors import BriefingError
    from generator.load import load_source
    path = tmp_path / "bad.txt"
    path.write_text("date 2025-02-30\nHeadline\n\nText of the story here.\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_source(path, config)
    assert caught.value.line == 1 and "2025-02-30" in caught.value.message
