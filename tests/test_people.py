from generator.people import base_index, count_mentions, find_people
from generator.structure import SourceParagraph


def test_role_appositions_name_people(config):
    index = base_index(config)
    find_people([SourceParagraph("s", 1, "Treasury secretary Scott Bessent said the deal was close."),
                 SourceParagraph("s", 2, "China’s top trade negotiator, Li Chenggang, agreed.")], index)
    assert index.people["Scott Bessent"].role == "Treasury secretary"
    assert index.people["Li Chenggang"].role == "top trade negotiator"
    assert index.resolve("Bessent") == "Scott Bessent"


def test_aliases_from_configuration_resolve(config):
    index = base_index(config)
    assert index.resolve("the US president") == "Donald Trump"
    assert index.resolve("President Xi") == "Xi Jinping"


def test_mentions_count_every_form(config):
    index = base_index(config)
    people = count_mentions([SourceParagraph("s", 1, "Trump met Xi. Donald Trump left.")], index)
    counts = {p.name: p.mentions for p in people}
    assert counts["Donald Trump"] == 2 and counts["Xi Jinping"] == 1
