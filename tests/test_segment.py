from hypothesis import given, strategies as st

from generator.segment import split_sentences


def test_sentences_respect_abbreviations_and_quotes():
    text = ('Mr. Trump met Dr. Li in the U.S. capital. “We agreed,” he said. '
            'Then talks ended at 5 p.m. Nothing else.')
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Mr. Trump met Dr. Li in the U.S. capital.", "“We agreed,” he said.",
                     "Then talks ended at 5 p.m. Nothing else."]


@given(st.text(max_size=300))
def test_every_sentence_is_a_verbatim_slice(text):
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
        assert text[start:end]


def test_sentences_are_cut_once_per_text_and_each_caller_gets_its_own_list():
    text = "Talks ended. Both sides left."
    first = split_sentences(text)
    first.append((0, 0))
    assert split_sentences(text) == [(0, 12), (13, 29)]
    assert split_sentences(text) is not split_sentences(text)
