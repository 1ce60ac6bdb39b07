from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.load import check_unique_ids, decode, load_source, source_id
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


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01binary\x00", "binary"),
    (b"\xff\xfeh\x00i\x00", "UTF-16"),
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
