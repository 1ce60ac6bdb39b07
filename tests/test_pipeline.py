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
