"""Cross-source steps of the pipeline: speakers and open speakers resolved in one index."""

from generator.people import PeopleIndex
from generator.pipeline import _resolved
from generator.structure import Quote


def index_of(*people):
    index = PeopleIndex()
    for name, variants in people:
        index.add(name, variants)
    return index


def test_open_speakers_that_are_one_person_become_the_speaker():
    index = index_of(("Scott Bessent", ("Bessent",)), ("Xi Jinping", ("Xi",)))
    same = Quote("a", 1, "words", None, candidates=("Bessent", "Scott Bessent"))
    assert (_resolved(same, index).speaker, _resolved(same, index).candidates) == \
        ("Scott Bessent", ())
    two = Quote("a", 1, "words", None, candidates=("Bessent", "Xi"))
    assert (_resolved(two, index).speaker, _resolved(two, index).candidates) == \
        (None, ("Scott Bessent", "Xi Jinping"))
    named = Quote("a", 1, "words", "Xi")
    assert _resolved(named, index).speaker == "Xi Jinping"


def test_a_sources_events_come_back_from_the_cache_as_they_were_found(tmp_path, config):
    from generator.pipeline import analyse_cached
    from tests.conftest import WIRE_SEED
    first = analyse_cached(WIRE_SEED, config, tmp_path).source
    assert list(tmp_path.glob("*.json"))  # written to the cache
    again = analyse_cached(WIRE_SEED, config, tmp_path).source
    assert first.events and again.events == first.events
    assert again.quotes == first.quotes and again.paragraphs == first.paragraphs
