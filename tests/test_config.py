import pytest

from generator.config import load_config
from generator.errors import BriefingError


def error_for(tmp_path, text):
    path = tmp_path / "briefing.yml"
    path.write_text(text)
    with pytest.raises(BriefingError) as error:
        load_config(path)
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_defaults_alone_are_valid():
    config = load_config(None)
    assert config.pages == ("quotes", "people", "timeline", "glossary", "other", "sources", "full")
    assert config.boilerplate


@pytest.mark.parametrize("text, expected", [
    ("titel: X\n", "did you mean 'title'"),
    ("title: X\nsources:\n  a.txt:\n    date: 2025-13-45\n", ":4: 'date' in briefing.yml.sources.a.txt is not a valid date"),
    ("pages: [backgrund]\nsections:\n  background: {terms: {x: 1}}\n", "did you mean 'background'"),
    ("title: !!python/object/apply:os.system ['echo hi']\n", "YAML tags that build objects"),
    ("- a\n- b\n", "must be a mapping"),
    ("", "empty"),
    ("sections:\n  taiwan:\n    threshold: high\n", "must be a number"),
    ("sections:\n  taiwan:\n    terms: {taiwan: lots}\n", "weight of 'taiwan'"),
    ("title: [unclosed\n", "invalid YAML"),
])
def test_bad_configuration_gets_a_one_line_error(tmp_path, text, expected):
    assert expected in error_for(tmp_path, text)


def test_missing_configuration_says_how_to_fix(tmp_path):
    with pytest.raises(BriefingError, match="not found"):
        load_config(tmp_path / "nope.yml")
