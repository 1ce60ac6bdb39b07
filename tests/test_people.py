import re
from dataclasses import replace

import pytest

from hypothesis import given, settings, strategies as st

from generator.config import PersonRule
from generator.people import PeopleIndex, base_index, count_mentions, find_people, one_typo_apart
from generator.structure import SourceParagraph
from tests.conftest import read_people


def test_role_appositions_name_people(config):
    index = base_index(config)
    find_people([SourceParagraph("s", 1, "Treasury secretary Scott Bessent said the deal was close."),
                 SourceParagraph("s", 2, "China’s top trade negotiator, Li Chenggang, agreed."),
                 SourceParagraph("s", 3, "Kenji Morita, a strategist at Tsubaki Securities, "
                                         "disagreed.")], index)
    assert index.people["Scott Bessent"].role == "Treasury secretary"
    assert index.people["Li Chenggang"].role == "top trade negotiator"
    assert index.people["Kenji Morita"].role == "strategist at Tsubaki Securities"
    assert index.resolve("Bessent") == "Scott Bessent"
    assert index.resolve("Secretary Bessent") == "Scott Bessent"


def test_aliases_from_configuration_resolve(config):
    index = base_index(config)
    assert index.resolve("the US president") == "Donald Trump"
    assert index.resolve("President Xi") == "Xi Jinping"
    assert index.resolve("Melania Trump") is None   # a surname alone does not make a person


def test_spelling_variants_merge_and_are_reported():
    index = PeopleIndex()
    index.add("Guo Jiakun", role="spokesperson")
    assert index.add("Gou Jiakun", line=14) == "Guo Jiakun"
    assert index.people["Guo Jiakun"].spellings == ("Gou Jiakun",)
    assert index.spelling_lines["Gou Jiakun"] == 14
    assert index.resolve("Gou") == "Guo Jiakun"
    assert one_typo_apart("Scott Bessent", "Scott Besent")
    assert not one_typo_apart("Li Qiang", "Li Wang")      # two letters apart: different people
    assert not one_typo_apart("Xi Jinping", "Xi Jinpin Li")


def test_seed_spokesman_is_one_person_with_a_reported_misspelling(wire):
    notes = " ".join(wire.meta.notes)
    assert "'Gou Jiakun' (line 14) taken as a misspelling of 'Guo Jiakun'" in notes


def test_declared_people_override_the_guess(config):
    from dataclasses import replace
    both = replace(config, people=config.people + (PersonRule("Gou Jiakun"),))
    index = base_index(both)
    find_people([SourceParagraph("s", 1, "Spokesperson Gou Jiakun spoke.")], index)
    assert index.resolve("Gou Jiakun") == "Gou Jiakun"
    assert not index.people["Guo Jiakun"].spellings


def test_mentions_count_every_form_once(config):
    index = base_index(config)
    people = count_mentions([SourceParagraph("s", 1, "Trump met Xi. Donald Trump left. "
                                                     "The Chinese leader stayed.")], index)
    counts = {p.name: p.mentions for p in people}
    assert counts["Donald Trump"] == 2 and counts["Xi Jinping"] == 2


def test_name_head_is_found_by_the_structure_of_the_phrase():
    from generator.people import name_head
    assert name_head("former Lisbon adviser Ana T. Ferreira") == ("former Lisbon adviser",
                                                                  "Ana T. Ferreira")
    assert name_head("Navy Cmdr. Olu Badmus, who") == ("Navy Cmdr.", "Olu Badmus")
    assert name_head("Ana Ferreira of The Daily Ledger") == ("", "Ana Ferreira")
    assert name_head("her old teacher at Harrow, Piet van der Berg, said") == (
        "her old teacher at Harrow", "Piet van der Berg")
    assert name_head("Ferreira supporters") is None       # a name that qualifies a noun
    assert name_head("Ferreira's campaign") is None       # an owner is not the speaker


def test_name_head_skips_a_linking_word_that_opens_the_phrase():
    from generator.people import name_head
    assert name_head("as Ana Ferreira of the Gazette") == ("", "Ana Ferreira")
    assert name_head("and Badmus") == ("", "Badmus")


def test_name_head_keeps_a_family_name_that_is_a_common_word_and_skips_descriptions():
    from generator.people import name_head
    assert name_head("Joan Before, who chairs the panel") == ("", "Joan Before")
    assert name_head("Joan Roe Monday") == ("", "Joan Roe")     # a weekday is no name
    assert name_head("the Ohio Democrat who chairs the panel") is None
    assert name_head("a Texas Republican") is None
    assert name_head("the Rev. Ines Lapa") == ("the Rev.", "Ines Lapa")


def test_mentions_of_names_with_letters_that_fold_to_two_are_counted(config):
    from generator.people import base_index, count_mentions
    from generator.structure import SourceParagraph
    index = base_index(config)
    index.add("Johann Strauß", role="composer")
    paragraphs = [SourceParagraph("s", 1, "Johann Strauß wrote it; Strauß conducted it.")]
    counted = {p.name: p.mentions for p in count_mentions(paragraphs, index)}
    assert counted["Johann Strauß"] == 2


ROLE_TEXT_WORDS = ["Jo", "Roe", "Ann", "van", "der", "Berg", "Li-Wei", "O’Neil", "president", "vice",
                   "Vice", "President", "vice-president", "ex-president", "prime", "minister",
                   "chief", "executive", "CHAIRMAN", "chair", "chairman,", "presidential", "a",
                   "an", "the", "US", "Roe,", "envoy,", "at", "of", "Federal", "Reserve", "said",
                   ",", ".", ";", "(", "“", "former", "senior", "adviser"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ROLE_TEXT_WORDS),
                          st.sampled_from([" ", " ", " ", "", "  ", "\n"])),
                min_size=1, max_size=30).map(lambda ws: "".join(w + s for w, s in ws)))
def test_role_patterns_read_around_roles_find_what_they_find_everywhere(text):
    from generator.people import (ROLE_AFTER_NAME, ROLE_BEFORE_NAME, _role_windows,
                                  finditer_within)
    before, after = _role_windows(text)
    for pattern, windows in ((ROLE_BEFORE_NAME, before), (ROLE_AFTER_NAME, after)):
        assert [m.span() + m.groups() for m in finditer_within(pattern, text, windows)] == \
            [m.span() + m.groups() for m in pattern.finditer(text)]


def test_folding_keeps_places_and_reads_letters_as_a_case_blind_pattern_does():
    from generator.people import folded_ascii
    for text in ("PRESIDENT Jo", "İstanbul’s president", "ſecretary", "\u212aing", "Straße"):
        folded = folded_ascii(text)
        assert len(folded) == len(text)
        for at, letter in enumerate(text):
            for ascii_letter in "abcdefghijklmnopqrstuvwxyz":
                blind = re.fullmatch(f"(?i:{ascii_letter})", letter) is not None
                assert blind == (folded[at] == ascii_letter)


def test_a_name_too_long_for_one_pattern_is_still_counted(config):
    from generator.people import base_index, count_mentions
    from generator.structure import SourceParagraph
    name = "Ann " + "Bee" * 400
    index = base_index(config)
    index.add(name)
    [person] = [p for p in count_mentions([SourceParagraph("s", 1, f"{name} spoke.")], index)
                if p.name == name]
    assert person.mentions == 1


@pytest.mark.parametrize("phrase, name", [
    ("David Cameron's", "David Cameron"), ("Jane Roe", "Jane Roe"),
    ("When Patrick", None), ("Several Democrats", None), ("United States. They", None),
    ("Trump's July", None), ("Other Netizens", None), ("Piet van der Berg", "Piet van der Berg"),
    ("David B. Cohen", "David B. Cohen"), ("Trump", None), ("through translator", None),
    ("Afterwards Trump", None), ("No. President Trump", None), ("Gov. Jane Roe", "Gov. Jane Roe"),
    ("September Amazon", None), ("April Ryan", "April Ryan"), ("He Lifeng", "He Lifeng"),
    ("So Yeon Kim", "So Yeon Kim"), ("Bashar al-Assad", "Bashar al-Assad"),
    ("Mark St. John", "Mark St. John"),
])
def test_a_phrase_is_a_person_s_name_only_when_it_reads_as_one(phrase, name):
    from generator.people import plausible_name
    assert plausible_name(phrase) == name


def test_a_sentence_break_or_a_link_word_makes_no_person(config):
    from tests.conftest import read_people
    index, _ = read_people(config, "Prices rose in the European Union than in the United "
                           "States. They also said \"the rules are unfair,\" according to the "
                           "report. When Patrick Roe arrived, he said \"we will talk.\"")
    assert not any(name.startswith(("States", "When")) for name in index.people)


def test_a_name_read_after_in_or_aboard_is_a_place_unless_declared(config):
    index = base_index(config)
    for name in ("South Korea", "Air Force One", "Jeremy Paris", "Guo Jiakun"):
        index.add(name)
    text = ("Trump landed in South Korea aboard Air Force One. In South Korea, Jeremy Paris "
            "said prices rose in Paris, and in Paris again. South Korea hosts the summit. "
            "Aboard Air Force One he spoke. Guo Jiakun spoke in Beijing, and in Guo Jiakun's "
            "words, in Guo Jiakun's view.")
    people = {p.name for p in count_mentions([SourceParagraph("s", 1, text)], index)}
    assert {"Jeremy Paris", "Guo Jiakun"} <= people
    assert not {"South Korea", "Air Force One"} & people
    spoke = count_mentions([SourceParagraph("s", 1, text)], index, frozenset({"South Korea"}))
    assert "South Korea" in {p.name for p in spoke}  # whoever speaks a quotation is no place


def test_a_title_joined_by_a_hyphen_is_no_part_of_the_name(config):
    index = base_index(config)
    find_people([SourceParagraph("s", 1, "China's top trade negotiator, Vice-Premier He Lifeng, "
                                 "met the Treasury chief.")], index)
    assert "He Lifeng" in index.people and not any(n.startswith("Vice") for n in index.people)


def test_a_title_before_a_name_in_a_longer_run_of_capitals_is_no_name(config):
    """A run of capitalised words longer than a name ends in the name; a run that is all
    title is no one, even when a lone word of it comes back later ("Minister")."""
    index = base_index(config)
    find_people([SourceParagraph("s", 1, "Ruritanian Prime Minister Ana Ferreira met Foreign "
                                 "Affairs Minister Jo Tan on Friday."),
                 SourceParagraph("s", 2, "Treasury Secretary Olu Badmus spoke to Sylvanian "
                                 "Prime Minister staff.")], index)
    assert {"ferreira", "tan", "badmus"} <= set(index.full_names)
    assert not {"minister", "secretary"} & set(index.full_names)
    assert index.full_names["tan"] == "Jo Tan"


def test_a_name_of_three_words_after_a_title_is_whole_and_of_after_a_small_title_is_no_title(
        config):
    index = base_index(config)
    find_people([SourceParagraph("s", 1, "Justice Ana Maria Ferreira wrote for the court."),
                 SourceParagraph("s", 2, "The campaign director of Jo Tan-wei announced the "
                                 "date on Monday.")], index)
    assert index.full_names["ferreira"] == "Ana Maria Ferreira"
    assert index.full_names["tan-wei"] == "Jo Tan-wei"


def test_a_title_with_of_before_the_name_is_the_descriptor():
    from generator.people import name_head
    assert name_head("Secretary of State Ana Ferreira") == ("Secretary of State", "Ana Ferreira")
    assert name_head("Minister of Foreign Affairs Jo Tan-wei (譚偉)") == (
        "Minister of Foreign Affairs", "Jo Tan-wei")
    assert name_head("the head of the Sylvanian Reserve Board") is None
    assert name_head("Minister of Commerce") == ("", "Minister")  # no name after it
    assert name_head("the chairman of Sylvania Harbour Asset Management") is None  # a body


def test_a_verb_before_a_title_is_no_part_of_the_role(config):
    index = base_index(config)
    find_people([SourceParagraph("s", 1, "Finance Secretary Olu Badmus met Vice Premier Ana "
                                 "Ferreira in Geneva on Tuesday.")], index)
    assert index.people["Ana Ferreira"].role == "Vice Premier"


def test_a_paragraph_repeated_in_another_source_adds_its_people_to_that_index(config):
    paragraph = SourceParagraph("s", 1, "Trade envoy Jo Roe met Finance minister Ann Lee.")
    first, second = base_index(config), base_index(config)
    find_people([paragraph], first)
    find_people([replace(paragraph, source_id="t", line=5)], second)
    assert set(first.people) == set(second.people) >= {"Jo Roe", "Ann Lee"}
    assert second.full_names == first.full_names


def test_each_source_gets_an_index_of_its_own(config):
    first, second = base_index(config), base_index(config)
    first.add("Jo Roe", role="mayor")
    first.add("Jo Rose")  # one typo from Jo Roe: a misspelling, in the first index only
    assert "Jo Roe" in first.people and first.people["Jo Roe"].spellings == ("Jo Rose",)
    assert "Jo Roe" not in second.people and second.resolve("Roe") is None
    assert second.add("Jo Rose") == "Jo Rose"  # nothing of the first index leaks into this one
    assert base_index(config).resolve("Rose") is None
    assert base_index(config).resolve("the US president") == "Donald Trump"


def test_an_index_that_holds_none_of_a_texts_keys_resolves_it_to_no_one():
    from generator.people import lookup_keys
    index = PeopleIndex()
    index.add("Jo Roe")
    for text in ("Jo Roe", "Roe", "the Roe", "Mayor Roe", "Jo Bloggs", "Bloggs", "Mayor Bloggs"):
        assert index.may_resolve(lookup_keys(text)) == (index.resolve(text) is not None), text


def test_a_name_known_only_in_capitals_takes_the_way_the_text_writes_it():
    """A transcript's label ("CORRESPONDENT (TOM BECKER):") headed Who's who in capitals though
    the anchor writes "Tom Becker in Hong Kong, thank you"."""
    from generator.people import PeopleIndex, name_as_written
    index = PeopleIndex()
    index.add("TOM BECKER", role="correspondent")
    index.add("RACHEL KWOK")
    name_as_written([SourceParagraph("s", 9, "ANCHOR: Tom Becker in Hong Kong, thank you.")],
                    index)
    assert list(index.people) == ["Tom Becker", "RACHEL KWOK"]  # only what the text writes
    assert index.people["Tom Becker"].role == "correspondent"
    assert index.resolve("TOM BECKER") == index.resolve("Becker") == "Tom Becker"



def _roles(config, *texts):
    index = base_index(config)
    find_people([SourceParagraph("s", 2 * n + 1, t) for n, t in enumerate(texts)], index, config)
    return {name: person.role for name, person in index.people.items()
            if name not in index.declared}


def test_a_role_before_a_name_starts_after_the_words_that_are_no_part_of_it(config):
    """A role is read back from its role word to the first word that is not a role's: a
    sentence's end, a verb or adverb in lower case, a capitalised link word."""
    roles = _roles(config,
                   "Sylvania's leader is due to meet President Ana Ferreira on Friday.",
                   "The envoy arrives tomorrow in Gyeongju. Ottawa reporter Jo Tan joins us.",
                   "It came just ten days after Prime Minister Olu Badmus signed the pact.",
                   "After Ruritanian President Ivo Marek spoke, the talks resumed.",
                   "The Ministry of Foreign Affairs spokesman Lin Wei-ting declined to comment.",
                   "The former Treasury secretary Ann Lee-Moss agreed.")
    assert roles == {"Ana Ferreira": "President", "Jo Tan": "Ottawa reporter",
                     "Olu Badmus": "Prime Minister", "Ivo Marek": "Ruritanian President",
                     "Lin Wei-ting": "Ministry of Foreign Affairs spokesman",
                     "Ann Lee-Moss": "former Treasury secretary"}


def test_what_follows_a_role_in_apposition_is_where_it_is_held_not_a_name(config):
    roles = _roles(config, "Dr. Ana Ferreira, Chief Economist, Greater Sylvania | +852 3908 7711",
                   "Guest: Jo Tan, senior fellow, Harbour Trade Institute, Vancouver",
                   "The bank's chief executive, Olu Badmus, said profits rose.")
    assert "Greater Sylvania" not in roles and "Harbour Trade Institute" not in roles
    assert roles["Olu Badmus"] == "chief executive"


def test_a_run_of_capitals_in_headline_case_gives_no_name(config):
    """In headline case a verb is capitalised too: the run does not end where a name ends."""
    roles = _roles(config,
                   '6. White House, "Fact Sheet: President Trump Strikes Historic Trade Deal '
                   'with China," 1 November 2025.',
                   "Japan's New Leader Courts Trump With a Shipbuilding Pledge")
    assert not {"Historic Trade Deal", "Courts Trump With"} & set(roles)


def test_a_name_introduced_as_a_body_is_no_person(config):
    """A noun beside the name says it is a body ("the region's largest utility"); a role
    before such a noun does not ("a spokeswoman for Nabisco's parent company")."""
    index, quotes = read_people(
        config,
        "Gulf Coast Power, the region's largest utility, said it had 14,000 line workers ready.",
        "Losses could reach $25 billion, according to the research firm KCS Analytics.",
        '"Our crews are ready to move in," Gulf Coast Power said.',
        'The plant will close, "and that group of employees are now leaving the business," said '
        "Laurie Guzzinati, a spokeswoman for Nabisco's parent company, Mondelez International.")
    assert {"gulf coast power", "kcs analytics"} <= index.bodies
    assert "Gulf Coast Power" not in index.people
    assert [q.speaker for q in quotes] == ["Gulf Coast Power", "Laurie Guzzinati"]


def test_a_name_ending_in_an_organisation_word_is_a_body(config):
    """A speaker whose name ends in an organisation word is a body; so is what a role in
    apposition is held at (a person's role after such a name makes it a person: see
    test_a_known_person_named_like_an_organisation_keeps_the_quotation)."""
    index, quotes = read_people(config, '"This is good for global trade," COSCO Shipping said.',
                                "Jo Tan, Fellow, Critical Minerals Initiative")
    assert quotes[0].speaker == "COSCO Shipping"
    assert not {"COSCO Shipping", "Critical Minerals Initiative"} & set(index.people)


def test_a_body_in_one_source_is_no_person_in_the_briefing(config, tmp_path):
    from generator.pipeline import analyse, merge
    (tmp_path / "a.txt").write_text("Utility readies crews\n\nGulf Coast Power, the region's "
                                    "largest utility, said crews were ready.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text('Power cut\n\n"We expect to restore service by Friday," said '
                                    "Gulf Coast Power.\n", encoding="utf-8")
    alone = merge([analyse(tmp_path / "b.txt", config)], config)
    both = merge([analyse(tmp_path / p, config) for p in ("a.txt", "b.txt")], config)
    assert "Gulf Coast Power" in {p.name for p in alone.people}  # nothing says it is a body
    assert "Gulf Coast Power" not in {p.name for p in both.people}


def test_a_party_member_before_a_name_is_a_descriptor(config):
    index, quotes = read_people(config, 'Minnesota Democrat Karen Lindqvist says the deal gets '
                                'farmers back to "roughly where we were before."')
    assert quotes[0].speaker == "Karen Lindqvist"
    assert index.people["Karen Lindqvist"].role == "Minnesota Democrat"


def test_a_name_with_letters_past_ascii_is_whole(config):
    roles = _roles(config, "Consul Alejandro Ferrer Ibáñez said the consulate had 900 calls.",
                   "FEMA Administrator Raymond Okafor said water was ready.")
    assert roles == {"Alejandro Ferrer Ibáñez": "Consul", "Raymond Okafor": "FEMA Administrator"}


def test_a_transcript_role_keeps_a_networks_letters_and_a_run_in_head_is_no_speaker(config):
    index, quotes = read_people(config, "MARIA SOTO, ABN ANCHOR: Good evening.",
                                "JO TAN, CHIEF WHITE HOUSE CORRESPONDENT: The deal is done.",
                                "RESTORING FAIRNESS: In his first term, the president imposed "
                                "tariffs that previous administrations refused to pursue.")
    assert index.people["Maria Soto"].role == "ABN anchor"
    assert index.people["Jo Tan"].role == "chief White House correspondent"
    assert not any("Restoring" in name for name in index.people)
    assert all(q.speaker != "Restoring Fairness" for q in quotes)


def test_a_word_of_an_alias_in_lower_case_or_a_title_is_no_name_alone(config):
    """An alias "the governor" made every "the" a mention; "President Ana Ferreira" made any
    "President" her."""
    index = PeopleIndex()
    index.add("Marianne Thibodeaux", aliases=("Thibodeaux", "the governor"), declared=True)
    index.add("Ana Ferreira", aliases=("President Ferreira",), declared=True)
    assert index.resolve("the") is None and index.resolve("President") is None
    assert index.resolve("the governor") == "Marianne Thibodeaux"
    assert index.resolve("Ferreira") == "Ana Ferreira"
    people = count_mentions([SourceParagraph("s", 1, "The storm hit the coast and the governor "
                                             "spoke to the press in the capital.")], index)
    assert {p.name: p.mentions for p in people}["Marianne Thibodeaux"] == 1


def test_a_person_beside_an_organisation_noun_stays_a_person(config):
    """A name after "the company" that is the subject of a clause, and an occupation in
    apposition, are people's (a review's cases)."""
    index, quotes = read_people(
        config, "Tesla, the company Elon Musk leads, said on Tuesday that deliveries fell 13%.",
        '"Demand will come back strongly," said Elon Musk.',
        "Kwame Mensah, a small-scale gold miner, said prices had doubled this year.",
        "The record producer Quincy Jones said the song was his favourite of the decade.")
    assert {"Elon Musk", "Kwame Mensah", "Quincy Jones"} <= set(index.people)
    assert [q.speaker for q in quotes] == ["Elon Musk"]


def test_roles_keep_their_qualifiers_and_a_hyphenated_title_and_a_long_name_stay(config):
    roles = _roles(config, "Senate majority leader John Thune and House minority leader Hakeem "
                   "Jeffries spoke after central bank governor Andrew Bailey.",
                   "The cut was welcomed by ex-president Jacob Zuma and co-chair Lindiwe Sisulu.",
                   "Brazilian President Luiz Inácio Lula da Silva hosted the summit on Monday.")
    assert roles["John Thune"] == "Senate majority leader"
    assert roles["Hakeem Jeffries"] == "House minority leader"
    assert roles["Andrew Bailey"] == "central bank governor"
    assert {"Jacob Zuma", "Lindiwe Sisulu"} <= set(roles)
    assert roles["Luiz Inácio Lula da Silva"] == "Brazilian President"
    assert "Lula da Silva" not in roles


def test_an_officer_is_a_role_and_and_joins_two_of_a_roles_words(config):
    roles = _roles(config, "Veltara's chief financial officer, Park Ji-won, said the plan held.",
                   "Business and trade secretary Rachel Ashworth welcomed the deal on Monday.")
    assert roles == {"Park Ji-won": "chief financial officer",
                     "Rachel Ashworth": "Business and trade secretary"}


def test_a_role_and_a_name_the_text_does_not_close_as_an_apposition(config):
    """A review's cases: "After punching a police officer, Kwame Mensah fled" gave him the
    role; "business and Labour leader" glued a clause onto a role."""
    roles = _roles(config, "After punching a police officer, Kwame Mensah fled on foot, police "
                   "said.", "The plan was welcomed by business and Labour leader Keir Starmer.")
    assert roles.get("Kwame Mensah") is None and roles["Keir Starmer"] == "Labour leader"
