"""Stage 4a: people. Find who is named, with what role, and resolve every way of referring to a
person (surname, title, alias, a misspelling) to one canonical name."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from generator.config import Config, PersonRule, derived
from generator.segment import SPANS_REMEMBERED, WORD_RUN, WORD_TAIL
from generator.structure import Person, SourceParagraph

# Word classes are bounded by WORD_MAX (WORD_RUN, WORD_TAIL): these patterns are tried at every
# position of a paragraph, and an unbounded class would read a whole run of word characters from
# each position and back, quadratic work on a long run ("A-A-A-…", "A.A.A.…").
LOWER = "a-zß-öø-ÿĀ-ɏḀ-ỿ"  # letters a name's word goes on in: "Ibáñez", "Nguyễn" (the Latin
#                          ranges past ASCII hold capitals too; a name's tail rarely does)
CAP = rf"[A-Z][{LOWER}'’]{WORD_RUN}(?:-[A-Za-z][{LOWER}]{WORD_RUN})?"
PARTICLES = r"(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al) ){0,2}"
FULL_NAME = rf"{CAP}(?: {PARTICLES}{CAP}){{1,2}}"  # "Piet van der Berg" too
ROLE_NAMES = tuple(role.replace("_", " ") for role in """president vice_president vice-president
    prime_minister premier vice-premier secretary minister spokesperson spokesman spokeswoman
    negotiator envoy ambassador adviser advisor analyst economist strategist fellow professor
    chair chairman chairwoman chief_executive ceo senator representative governor director
    official leader correspondent reporter editor host anchor presenter legislator lawmaker
    congressman congresswoman mayor commissioner administrator speaker consul commander
    chancellor treasurer officer""".split())


def alternation(words: Iterable[str], atom: Callable[[str], str] = re.escape) -> str:
    """A pattern for any of the words, as a tree of their letters: where "said|says|…" tries
    every word at every place it is reached, this follows only the branch of the letter there.
    A longer word is tried before a word it begins with, as longest-first alternatives would.
    ``atom`` is the pattern one letter stands for."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree, atom) or "(?!)"


ALTERNATION_DEPTH = 200  # letters: a longer word nests the pattern past what re can compile


def tree_pattern(words: Iterable[str], before: str = "", after: str = "",
                 atom: Callable[[str], str] = re.escape, flags: int = 0) -> re.Pattern | None:
    """``before``, any of the words as a tree of their letters, ``after``, compiled; None when
    no pattern can hold them (a word hundreds of letters long), for the caller's slower way."""
    words = list(words)
    if not words or max(map(len, words)) > ALTERNATION_DEPTH:
        return None
    try:
        return re.compile(f"{before}(?:{alternation(words, atom)}){after}", flags)
    except (RecursionError, re.error, OverflowError):
        return None


def _branches(node: dict, atom: Callable[[str], str]) -> str:
    options = [atom(char) + _branches(child, atom) for char, child in sorted(node.items())
               if char]
    if not options:
        return ""
    if len(options) == 1 and "" not in node:
        return options[0]
    if len(options) == 1:
        return f"(?:{options[0]})?"
    return "(?:" + "|".join(options) + ")" + ("?" if "" in node else "")


# Any role in any case. A role that is the start of a longer one ("chair", "chairman") is never
# followed by what follows a role in these patterns, so trying the longer first changes no match.
ROLE_WORDS = f"(?i:{alternation(ROLE_NAMES)})"
ROLE_BEFORE_NAME = re.compile(
    rf"(?<![\w’'])((?:[A-Z][\w.-]{WORD_TAIL}\s+|[a-z][\w-]{WORD_TAIL}\s+){{0,4}}?{ROLE_WORDS})"
    rf"(?:,)?\s+({FULL_NAME})\b")
# where ROLE_BEFORE_NAME's role may start, found in a text folded by folded_ascii()
ROLE_START = re.compile(rf"(?<![\w’'])(?={alternation(ROLE_NAMES)})")
ROLE_WORDS_BEFORE = 4  # ROLE_BEFORE_NAME reads at most this many words before the role ...
ROLE_WORDS_AFTER = 9  # ... and this many from the role's word on (a role of two words, a comma,
#                       a name of three words with two particles each)
ROLE_AFTER_WORDS_BEFORE = 12  # ROLE_AFTER_NAME: a name (7 words), "the" and three words
ROLE_AFTER_REACH = 66  # characters after a role: " at the Federal Reserve" (60) and the comma
ROLE_AFTER_NAME = re.compile(
    rf"(?<![\w’'])({FULL_NAME}), (?:an? |the )?((?:[\w’'-]{WORD_RUN} ){{0,3}}?{ROLE_WORDS}"
    rf"(?: (?:at|of|for|in) [^,.;]{{1,60}})?)[,.;]")
TITLE_WORDS = re.compile(rf"^(?:(?:[\w’']+[ -])*(?:{ROLE_WORDS}|democrat|republican|justice)|"
                         r"mr|mrs|ms|dr|sir|dame|madam|mister)\.?$",
                         re.IGNORECASE)  # matched at the start of a few words only: no bound needed
# ("Minnesota Democrat Karen Lindqvist": a party's member stands before a name as a title does)
LEADING_ARTICLE = re.compile(r"^(the|a)\s+", re.IGNORECASE)
NAME_START = re.compile(rf"{CAP} {PARTICLES}[A-Z][{LOWER}'’]")  # how every FULL_NAME starts
# (?<![\w’'-]){FULL_NAME}(?![\w’'-]), the look-behind tested on the capital and the character
# before it: a pattern that starts with a letter is found faster
assert FULL_NAME.startswith("[A-Z]")
NAME_ANYWHERE = re.compile(rf"[A-Z](?<![\w’'-][A-Z]){FULL_NAME.removeprefix('[A-Z]')}(?![\w’'-])")
NOT_NAMES = frozenset("""the a an and of in on at for to from with by as this that these those
    he she it they we i you his her their its our my your there here what when where which who
    how why but or if so not no yes also both all some many most more less one two three four
    mr mrs ms dr""".split())


def _is_title(words: str) -> bool:
    """"President", "Treasury secretary", "Mr": words that may stand before a family name."""
    return bool(TITLE_WORDS.match(words)) or words.islower()


@functools.lru_cache(maxsize=4096)
def split_title(name: str) -> tuple[str, str]:
    """("Treasury Secretary", "Scott Bessent") from "Treasury Secretary Scott Bessent"."""
    words = name.split()
    for cut in range(len(words) - 2, 0, -1):
        if _is_title(" ".join(words[:cut])):
            return " ".join(words[:cut]), " ".join(words[cut:])
    return "", name


@functools.lru_cache(maxsize=4096)
def _neighbourhood(name: str) -> frozenset[str]:
    """The name and every form of it with one letter deleted: two names one typo apart
    (a letter added, dropped, changed or two swapped) share at least one of these keys."""
    folded = name.casefold()
    return frozenset({folded[:i] + folded[i + 1:] for i in range(len(folded))} | {folded})


def one_typo_apart(a: str, b: str) -> bool:
    """Same number of words, one word differs, and that word (3+ letters) by one typo."""
    wa, wb = a.casefold().split(), b.casefold().split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differing = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return min(len(x), len(y)) >= 3 and bool(_neighbourhood(x) & _neighbourhood(y))


def name_words(form: str) -> list[str]:
    """The words of a two-word form that may name the person alone: either may be the family
    name ("Xi Jinping", "Jinping Xi"), but not a word in lower case, a link word or a title
    (an alias "the governor" made every "the" a mention; "President Trump" every "President")."""
    words = form.split()
    if len(words) != 2:
        return []
    return [word for word in words if word[:1].isupper() and word.casefold() not in NOT_NAMES
            and not TITLE_WORDS.match(word)]


@dataclass
class PeopleIndex:
    """Canonical people and every surface form that points to them."""

    people: dict[str, Person] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # casefolded form -> canonical name
    # typo key -> canonical names; a set is replaced, never changed, so copies may share it
    typo_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> a full name seen
    spelling_lines: dict[str, int] = field(default_factory=dict)  # misspelling -> its line
    # what resolve() answered: for good when the text is a form, else while no form is added
    _found: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _resolved: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    _resolved_forms: int = field(default=0, repr=False, compare=False)
    _indexed: set[tuple[str, str]] = field(default_factory=set, repr=False, compare=False)
    declared: set[str] = field(default_factory=set)  # people briefing.yml names: never dropped
    bodies: set[str] = field(default_factory=set)  # names (casefolded) the text gives a body

    def add(self, name: str, aliases: Iterable[str] = (), role: str | None = None,
            spellings: Iterable[str] = (), line: int | None = None,
            declared: bool = False) -> str:
        """Add a person (or more names for a known one); returns the canonical name.

        A name one typo away from a known person's ("Gou Jiakun" beside "Guo Jiakun") is taken
        as a misspelling of it and remembered in ``spellings`` for the editor to check, unless
        the name is ``declared`` in briefing.yml: declared people are never merged.
        """
        canonical = self.resolve(name)
        if canonical is not None and canonical != name and canonical.isupper() and \
                " " in canonical and not name.isupper() and \
                canonical.casefold() == name.casefold():
            canonical = self._rename(canonical, name)
        if declared:
            self.declared.add(canonical or name)
        spellings = list(spellings)
        if canonical is None:
            canonical = None if declared else self._typo_of(name)
            if canonical is not None:
                spellings.append(name)
                if line is not None:
                    self.spelling_lines.setdefault(name, line)
            else:
                canonical = name
        person = self.people.get(canonical, Person(canonical))
        variants = tuple(dict.fromkeys((*person.variants, *aliases)))
        merged = tuple(dict.fromkeys((*person.spellings, *spellings)))
        self.people[canonical] = Person(canonical, variants, person.role or role,
                                        person.mentions, merged)
        # the person's earlier spellings were indexed when they were added: only the new ones now
        # (indexing them all again made every misspelling cost as many as came before it)
        for form in (canonical, *aliases, *merged[len(person.spellings):]):
            if (form, canonical) in self._indexed:
                continue  # indexing a form again for the same person changes nothing
            self._indexed.add((form, canonical))
            self.forms.setdefault(form.casefold(), canonical)
            for key in _neighbourhood(form):
                names = self.typo_keys.get(key, frozenset())
                if canonical not in names:
                    self.typo_keys[key] = names | {canonical}
            for word in reversed(name_words(form)):
                self.forms.setdefault(word.casefold(), canonical)
        return canonical

    def _rename(self, old: str, new: str) -> str:
        """A person first named in capitals (a transcript's speaker label, "TOM BECKER") takes
        the name as the text writes it ("Tom Becker") once it does: pages head people with
        their name. Every form that pointed to the old name points to the new one."""
        self.people = {new if key == old else key: replace(person, name=new)
                       if key == old else person for key, person in self.people.items()}
        for mapping in (self.forms, self.full_names, self._found, self._resolved):
            for key, value in mapping.items():
                if value == old:
                    mapping[key] = new
        for key, names in self.typo_keys.items():
            if old in names:
                self.typo_keys[key] = (names - {old}) | {new}
        self._indexed = {(form, new if owner == old else owner) for form, owner in self._indexed}
        if old in self.declared:
            self.declared = (self.declared - {old}) | {new}
        return new

    def copy(self) -> PeopleIndex:
        """An index of its own with the same people, forms and memories as this one."""
        return PeopleIndex(dict(self.people), dict(self.forms), dict(self.typo_keys),
                           dict(self.full_names), dict(self.spelling_lines), dict(self._found),
                           dict(self._resolved), self._resolved_forms, set(self._indexed),
                           set(self.declared), set(self.bodies))

    def _typo_of(self, name: str) -> str | None:
        if len(name.split()) < 2:
            return None
        candidates = set().union(*(self.typo_keys.get(key, ()) for key in _neighbourhood(name)))
        for canonical in sorted(candidates):
            person = self.people[canonical]
            if any(one_typo_apart(name, form) for form in (canonical, *person.variants)):
                return canonical
        return None

    def resolve(self, text: str) -> str | None:
        found = self._found.get(text)
        if found is not None:
            return found
        if self._resolved_forms != len(self.forms):
            self._resolved.clear()
            self._resolved_forms = len(self.forms)
        if text not in self._resolved:
            self._resolved[text] = self._resolve(text)
        return self._resolved[text]

    def _resolve(self, text: str) -> str | None:
        form, with_article, family_name = _form_keys(text)
        found = self.forms.get(form)
        if found:
            self._found[text] = found  # a form, once indexed, names the same person for good
            return found
        found = self.forms.get(with_article)
        if found:
            return found
        return self.forms.get(family_name) if family_name is not None else None

    def may_resolve(self, keys: tuple[str, ...]) -> bool:
        """Could a text with these lookup_keys() resolve to anyone? A cheap test first: most
        capitalised words are no one's name."""
        return not self.forms.keys().isdisjoint(keys)

    def resolve_surname(self, word: str) -> str | None:
        """A lone family name ("Jensen") as the person named in full earlier in the text."""
        known = self.resolve(word)
        if known:
            return known
        full = self.full_names.get(word.casefold())
        return self.add(full) if full else None


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def lookup_keys(text: str) -> tuple[str, ...]:
    """Every key resolve() may look the text up by: an index that holds none of them resolves
    it to no one (see PeopleIndex.may_resolve)."""
    form, with_article, family_name = _form_keys(text)
    return (form, with_article) if family_name is None else (form, with_article, family_name)


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _form_keys(text: str) -> tuple[str, str, str | None]:
    """The forms a text is looked up as (see PeopleIndex.resolve): itself without a leading
    article, with "the", and the family name after a title ("President Xi", "Secretary
    Bessent"). Worked out once per text: the index changes, what a text is looked up as not."""
    text = LEADING_ARTICLE.sub("", text.strip())
    words = text.split()
    title_first = len(words) > 1 and words[-1][:1].isupper() and _is_title(" ".join(words[:-1]))
    return text.casefold(), f"the {text}".casefold(), \
        words[-1].casefold() if title_first else None


def base_index(config: Config) -> PeopleIndex:
    """The people briefing.yml declares, as an index of its own for one source: built once per
    configuration and copied, as every source starts from it."""
    return derived(_declared_people, config.people).copy()


def _declared_people(rules: Iterable[PersonRule]) -> PeopleIndex:
    index = PeopleIndex()
    for rule in rules:
        index.add(rule.name, rule.aliases, rule.role, declared=True)
    return index


ROLE_MODIFIERS = frozenset("""former then new acting interim incumbent outgoing incoming senior
    junior chief deputy vice prime assistant associate executive managing general principal lead
    head top special foreign domestic ministry commerce trade economic economics finance policy
    campaign communications press security homeland defense defence interior justice affairs
    state national international regional law science research market markets equity equities
    grain metals energy industry intelligence military radio talk chat television news staff
    longtime veteran planning investigative conservative liberal farm health treasury labor
    labour business majority minority bank county city district federal provincial municipal bond
    currency credit commodity commodities oil gas union party opposition ruling floor whip
    ranking cabinet council board court police army navy fire education transport
    agriculture environment tech technology media""".split())
"""Words in lower case that may stand in a role before its role word ("former Treasury
secretary", "foreign ministry spokesperson"); any other lower-case word ends it: "Bessent met
[Vice Premier] He", "just ten days after [Prime Minister] Anthony Albanese"."""
ROLE_WORD_PARTS = frozenset(part for role in ROLE_NAMES for part in re.split(r"[ -]", role))
ROLE_ADJECTIVE_ENDINGS = ("al", "ic", "ive")  # "agricultural", "economic", "executive"
ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.": its full stop ends no sentence
ROLE_LINKS = frozenset(("of", "for"))  # between capitalised words of a body's name


def _clean_role(role: str) -> str:
    """The words of a role before a name, from the role word back to the first word that is no
    part of a role: a sentence's end ("… in Gyeongju. [Ottawa reporter]"), a word in lower case
    that is no role's modifier, a capitalised link word ("After [Chinese President]"), "of"
    unless it links capitalised words ("Ministry of Foreign Affairs spokesman")."""
    words = role.split()
    start = len(words) - 1
    while start > 0:
        word = words[start - 1]
        bare = word.strip(",;:")
        if bare.endswith(".") and not _initial_or_title(bare) and not ABBREVIATION.fullmatch(bare):
            break  # the word ends the sentence before the role
        folded = bare.casefold()
        if folded in ROLE_LINKS and start >= 2 and words[start - 2][:1].isupper() and \
                words[start][:1].isupper() or folded == "and" and start >= 2 and \
                words[start].casefold() in ROLE_MODIFIERS and words[start][:1].islower() and \
                words[start - 2].casefold() in ROLE_MODIFIERS:
            start -= 1  # "Ministry of Foreign Affairs spokesman", "business and trade secretary"
            continue
        if bare[:1].isupper():
            if folded in NOT_FIRST_WORDS:
                break
        elif not (folded in ROLE_MODIFIERS or folded in ROLE_WORD_PARTS or
                  folded.endswith(ROLE_ADJECTIVE_ENDINGS) or
                  "-" in folded and not folded.endswith(("ed", "ing"))):
            break
        start -= 1
    return " ".join(words[start:])


def _strip_function_words(name: str) -> str:
    words = name.split()
    while words and words[0].casefold() in NOT_NAMES:
        words = words[1:]
    return " ".join(words)


CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
TOKEN = re.compile(r"\S+")
SPACE = re.compile(r"\s")
# the letters outside ASCII that a case-insensitive pattern takes for an ASCII letter
ASCII_LOOKALIKES = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
FOLD_TO_ASCII = {**{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **ASCII_LOOKALIKES}


def folded_ascii(text: str) -> str:
    """The text, letter for letter, with every letter a case-insensitive pattern reads as an
    ASCII letter in lower case: a lower-case pattern finds on it, at the same places, what the
    pattern in any case finds on the text, at a fraction of the cost."""
    lower = text.lower()  # only "İ" changes length, and only "ı", "ſ" are left non-ASCII
    if len(lower) == len(text) and "ı" not in text and "ſ" not in text:
        return lower
    return text.translate(FOLD_TO_ASCII)


def token_starts(text: str) -> list[int]:
    return [match.start() for match in TOKEN.finditer(text)]


def token_end(text: str, at: int) -> int:
    """Where the run of non-space characters at ``at`` ends."""
    space = SPACE.search(text, at)
    return space.start() if space else len(text)


def finditer_within(pattern: re.Pattern, text: str, windows: Iterable[tuple[int, int]]
                    ) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` finds, read only inside windows that hold every match.

    A pattern that is costly at every position runs on a few stretches of a paragraph instead
    of all of it. Each window must end at a space or at the end of the text, where stopping the
    text changes no test of the pattern; overlapping windows are read as one."""
    merged: list[list[int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    at = 0
    for start, end in merged:
        for match in pattern.finditer(text, max(start, at), end):
            at = match.end()
            yield match


def _role_windows(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The stretches of a paragraph ROLE_BEFORE_NAME and ROLE_AFTER_NAME can match in: around
    each place a role word starts."""
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    starts: list[int] = []
    for role in ROLE_START.finditer(folded_ascii(text)):
        starts = starts or token_starts(text)
        word = bisect.bisect_right(starts, role.start()) - 1
        # a name after the role starts one or two words on ("chief executive Jo Roe")
        if any(text[at] in CAPITALS for at in starts[word + 1:word + 3]):
            before.append((starts[max(0, word - ROLE_WORDS_BEFORE)],
                           _end_of_word(text, starts, word + ROLE_WORDS_AFTER - 1)))
        # a name before it is followed by ", " at most five words before ("Jo Roe, a US envoy")
        if text.find(", ", starts[max(0, word - 5)], role.start()) >= 0:
            role_end = _end_of_word(text, starts, word + 1)  # a role of two words
            after.append((starts[max(0, word - ROLE_AFTER_WORDS_BEFORE)],
                          token_end(text, min(len(text), role_end + ROLE_AFTER_REACH))))
    return before, after


def _end_of_word(text: str, starts: list[int], word: int) -> int:
    return token_end(text, starts[word]) if word < len(starts) else len(text)


POSSESSIVE = re.compile(r"['’]s?$")
NOT_FIRST_WORDS = NOT_NAMES - {"he", "so", "her"} | frozenset("""several other others many some
    few both each every although though while when whereas because since after before until
    unless once if and but or nor yet then afterwards later earlier meanwhile now today
    yesterday tomorrow still
    instead indeed however moreover january february september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split())
PRONOUNS = frozenset("she it they we i you him them us me its their our".split())  # "He" and
# "Her" are family names too ("He Lifeng"); a sentence's "He" is caught by its full stop


@functools.lru_cache(maxsize=4096)  # the same few names recur across paragraphs and sources
def plausible_name(name: str) -> str | None:
    """A name as a person's, or None: an owner's "'s" dropped ("David Cameron's" is David
    Cameron), and no phrase that opens with a link or a quantity ("When Patrick", "Several
    Democrats"), holds a pronoun or an owner ("Trump's July"), has a word in lower case
    ("through translator"), a link word in headline case ("Courts Trump With") or runs over a
    full stop ("United States. They")."""
    words = POSSESSIVE.sub("", name.strip()).split()
    if len(words) < 2 or words[0].casefold() in NOT_FIRST_WORDS or \
            any(w.casefold() in PRONOUNS or POSSESSIVE.search(w) or _stops_name(w)
                for w in words[:-1]) or words[-1].casefold() in PRONOUNS or \
            any(w.casefold() in LINK_WORDS for w in words[1:]) or \
            not all(w in PARTICLE_WORDS or any(c.isupper() for c in w) for w in words):
        return None
    return " ".join(words)


LINK_WORDS = frozenset("with and the a to for in on at by from into over".split())
"""Words no name holds, even capitalised: "Courts Trump With", "Delivering A Historic Win"."""
NAME_ABBREVIATIONS = frozenset("st fr msgr jr sr".split())  # "Mark St. John", "Jo Roe Jr."


def _stops_name(word: str) -> bool:
    """A full stop inside a name ends a sentence, unless it closes an initial or a title
    ("David B. Cohen", "Gov. Jane Roe"): "United States. They", "No. President Trump"."""
    return word.endswith(".") and len(word) > 2 and \
        word[:-1].casefold() not in ABBREVIATED_TITLES | NAME_ABBREVIATIONS


@functools.lru_cache(maxsize=16)
def body_pattern(organisation_words: tuple[str, ...]) -> re.Pattern:
    """A name that ends in an organisation word ("COSCO Shipping", "Pacific Trade Institute"):
    a body's, not a person's (``quotes.organisation_words`` in briefing.yml)."""
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(w) for w in organisation_words) +
                      ")$", re.IGNORECASE)


BODY_NAME = (rf"[A-Z][\w’'&.-]{WORD_TAIL}"
             rf"(?: (?:of |and |& |for )?[A-Z][\w’'&.-]{WORD_TAIL}){{0,4}}")


# a word describing the body, not a role or a link: "a spokeswoman for Nabisco's parent company"
# is a person's role, not a body's description
BODY_DESCRIBES = rf"(?!(?i:for|of|at|in|with|to|from|by|on|who|whose|{ROLE_WORDS})\b)"


@functools.lru_cache(maxsize=16)
def _bodies_beside(organisation_nouns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    """Where a text says a name is a body's: the noun in apposition ("Gulf Coast Power, the
    region's largest utility,") or before it, the name then ending a clause or saying
    something ("the research firm KCS Analytics said"; not "the company Elon Musk leads");
    and the nouns alone, the quick test of a paragraph."""
    if not organisation_nouns:
        return None
    nouns = alternation(sorted({n.casefold() for n in organisation_nouns}))
    return re.compile(
        rf"(?<![\w’'-])({BODY_NAME}), (?:an? |the |[A-Z][\w-]{WORD_TAIL}['’]s )"
        rf"(?:{BODY_DESCRIBES}[\w’'-]{WORD_RUN} ){{0,4}}?"
        rf"(?i:{nouns})s?[,.;]"
        rf"|\b(?i:the|an?) (?:[\w’'-]{WORD_RUN} ){{0,3}}?(?i:{nouns}) ({BODY_NAME})"
        rf"(?![\w’'&-])"
        rf"(?=[,.;:)]|\s*$|\s(?:said|says|reported|estimated|added|announced|forecast)\b)"
    ), re.compile(rf"\b(?i:{nouns})\b")


BODY_REACH_BEFORE = 220  # characters before an organisation noun its name and apposition take
BODY_REACH_AFTER = 150  # ... and after it, for a name that follows the noun


def bodies_named(text: str, organisation_nouns: tuple[str, ...]) -> tuple[str, ...]:
    """The names a text introduces as bodies, by a noun beside them; read only around the
    nouns (finditer_within), not from every capital of the paragraph. Not remembered per text:
    a memo of every paragraph held 6 MB at 3,000 sources for a tenth of a second."""
    patterns = _bodies_beside(organisation_nouns)
    if patterns is None:
        return ()
    windows = [(max(0, noun.start() - BODY_REACH_BEFORE),
                token_end(text, min(len(text), noun.end() + BODY_REACH_AFTER)))
               for noun in patterns[1].finditer(text)]
    return tuple((match.group(1) or match.group(2)).rstrip(".")
                 for match in finditer_within(patterns[0], text, windows))


def find_people(paragraphs: Iterable[SourceParagraph], index: PeopleIndex,
                config: Config | None = None) -> None:
    """Add people named with a role ("spokesperson Guo Jiakun", "Jane Roe, an analyst") to the
    index, and remember every full name so a later lone surname can be resolved. A name that
    one of the configuration's ``organisation_nouns`` introduces ("Gulf Coast Power, the
    region's largest utility") is a body's, remembered in ``index.bodies``; a name given a
    person's role is a person's, even one that ends like a body's ("Frank Press, a professor").

    Headlines and other removed lines are read too: they often carry the only full name.
    """
    paragraphs = list(paragraphs)
    for paragraph in paragraphs if config else ():
        index.bodies.update(name.casefold()
                            for name in bodies_named(paragraph.text, config.organisation_nouns))
    for paragraph in paragraphs:
        full_names, with_roles = _named(paragraph.text)
        for family_name, name in full_names:
            index.full_names.setdefault(family_name, name)
        for name, role in with_roles:
            if name.casefold() not in index.bodies:
                index.add(name, role=role, line=paragraph.line)


def name_as_written(paragraphs: Iterable[SourceParagraph], index: PeopleIndex) -> None:
    """A person known only in capitals (a transcript's speaker label, "TOM BECKER") takes the
    name as some paragraph writes it ("Tom Becker in Hong Kong, thank you"): pages head people
    with their names. Nothing is read when no one is known in capitals."""
    shouted = {name.casefold() for name in index.people if name.isupper() and " " in name}
    for paragraph in paragraphs:
        if not shouted:
            return
        if paragraph.kept and NAME_START.search(paragraph.text):
            for match in NAME_ANYWHERE.finditer(paragraph.text):
                name = match.group()
                if name.casefold() in shouted and not name.isupper():
                    shouted.discard(name.casefold())
                    index.add(name)


NAME_RUN_GOES_ON = re.compile(rf" {PARTICLES}{CAP}(?![\w’'-])")
NAME_RUN_MAX = 8  # words of a run of capitals read as one: a title and a name, at most
TITLE_OF = re.compile(rf"{ROLE_WORDS}\s+of\s+(?:the\s+)?$")
TITLE_OF_REACH = 40  # "Secretary of State …", "Minister of Commerce …": the role ends this near


def _whole_run(text: str, words: list[str], at: int) -> tuple[list[str], int, bool]:
    """A name pattern's words, and where they end, taken on to the end of the run of
    capitalised words they start (NAME_RUN_MAX words at most); whether the run went on."""
    longer = False
    while len(words) < NAME_RUN_MAX and (more := NAME_RUN_GOES_ON.match(text, at)):
        words, at, longer = words + more.group().split(), more.end(), True
    return words, at, longer


def _after_title_of(text: str, start: int) -> bool:
    """A capitalised title and "of" stand right before ``start``: "Secretary of State …",
    "Minister of Foreign Affairs …" (not "the campaign director of Jacinda Ardern")."""
    match = TITLE_OF.search(text, max(0, start - TITLE_OF_REACH), start)
    return bool(match) and match.group()[:1].isupper()


def _name_in_run(words: list[str], after_title_of: bool = False) -> list[str]:
    """The name a run of capitalised words longer than a name ends in: after a title with "of"
    the run opens with what the title is of, so the name is its ending ("Foreign Affairs Lin
    Chia-lung"); else the titles before it go ("Chinese Vice Premier He Lifeng") and a name
    has at most four words besides particles ("Justice Ruth Bader Ginsburg", "President Luiz
    Inácio Lula da Silva")."""
    if after_title_of:
        return _name_ending(words)
    words = split_title(" ".join(words))[1].split()
    start, names = len(words), 0
    while start > 0 and (names < NAME_MAX_WORDS or words[start - 1] in PARTICLE_WORDS):
        start -= 1
        names += words[start] not in PARTICLE_WORDS
    return words[start:]


NAME_MAX_WORDS = 4  # words of a name besides its particles: "Luiz Inácio Lula da Silva"


def _name_ending(words: list[str]) -> list[str]:
    """The name that ends a run of capitalised words longer than a name: its last word, the
    particles before it and one word more ("Piet van der Berg")."""
    start = len(words) - 1
    while start > 0 and (words[start - 1] in PARTICLE_WORDS or _initial(words[start - 1])):
        start -= 1
    return words[max(0, start - 1):]


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


WORD = re.compile(r"[^\W\d_][\w’'-]*")
HEADLINE_CASE_WORDS = 5  # capitalised words of four letters or more in a text in headline case
HEADLINE_LOWER_WORDS = frozenset("a an the of and or nor to in on at for with by from as vs via "
                                 "into over".split())


def _headline_case(text: str) -> bool:
    """"Fact Sheet: President Trump Strikes Historic Trade Deal with China": every word in lower
    case is a short link word, and five or more long words are capitalised. In such a text a
    run of capitals does not end where a name ends (a sentence's verbs are in lower case:
    "Prime Minister Ana Ferreira met Foreign Minister Jo Tan")."""
    long = 0
    for word in WORD.findall(text):
        if not word[0].isupper():
            if word not in HEADLINE_LOWER_WORDS:
                return False
        elif len(word) >= 4:
            long += 1
    return long >= HEADLINE_CASE_WORDS


def _comma_left_open(text: str, match: re.Match, end: int) -> bool:
    """A role, a comma and a name that the text does not close as an apposition: "After
    punching a police officer, Kwame Mensah fled" names no officer (not "the chief
    executive, Jensen Huang, said", "… the foreign minister, Wang Yi.")."""
    return "," in text[match.end(1):match.start(2)] and \
        text[end:end + 3].lstrip()[:1] not in (",", ".", ";", ":", "(", "")


def _affiliation(text: str, match: re.Match, role: str) -> bool:
    """A role in apposition to a name before it, then a comma: what follows the comma is where
    the role is held, not a name ("Lena Hu, Chief Economist, Greater China")."""
    return "," in text[match.end(1):match.start(2)] and \
        text[:match.end(1) - len(role)].rstrip().endswith(",")


@functools.lru_cache(maxsize=SPANS_REMEMBERED)
def _named(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The full names a text gives (each with its family name, folded) and the names it gives a
    role, with the role, in text order. Read once per text: wire copy and a live blog's repeated
    posts bring the same paragraph to many sources."""
    full_names = []
    named = False
    at = 0
    headline = None
    while match := NAME_ANYWHERE.search(text, at):
        named = True
        words, at, longer = _whole_run(text, match.group().split(), match.end())
        if longer and (headline := _headline_case(text) if headline is None else headline):
            continue  # "President Trump Strikes Historic Trade Deal": no name's end to find
        if longer:
            words = _name_in_run(words, _after_title_of(text, match.start()))
        elif len(words) == 3 and _after_title_of(text, match.start()):
            words = words[1:]  # "Secretary of State Marco Rubio"
        while words and words[0].casefold() in NOT_FIRST_WORDS:
            words = words[1:]
        phrase = " ".join(words)
        if _is_title(phrase):
            continue  # "Japanese Prime Minister", before "Sanae Takaichi"
        name = plausible_name(split_title(phrase)[1])  # "Vice-Premier He Lifeng"
        if name:
            full_names.append((name.split()[-1].casefold(), name))
    if not named and not NAME_START.search(text):
        return tuple(full_names), ()  # both role patterns need a full name
    with_roles = []
    before, after = _role_windows(text)
    for match in finditer_within(ROLE_BEFORE_NAME, text, before):
        words, end, longer = _whole_run(text, match.group(2).split(), match.end(2))
        if longer and (headline := _headline_case(text) if headline is None else headline):
            continue
        phrase = " ".join(_name_in_run(words)) if longer else match.group(2)
        name = plausible_name(split_title(phrase)[1])  # "…, Vice-Premier He Lifeng"
        role = _clean_role(match.group(1))
        if name and not _affiliation(text, match, role) and \
                not _comma_left_open(text, match, end):
            with_roles.append((name, role))
    for match in finditer_within(ROLE_AFTER_NAME, text, after):
        name = plausible_name(_strip_function_words(match.group(1)))
        if name:
            with_roles.append((name, match.group(2)))
    return tuple(full_names), tuple(with_roles)


def _form_key(text: str) -> str:
    """A form as the tree keeps it. Lower case, not case folding: a regex's any-case match
    pairs letters one to one, and folding turns one letter into two ("ß" -> "ss")."""
    return " ".join(re.split(r"[\s-]+", text.replace("’", "'").lower()))


WORDISH = re.compile(r"[\w’'-]")  # a form is a whole word or words: none of these around it
SEPARATOR = re.compile(r"[\s-]+")  # between the words of a form


class _FormTree:
    r"""Every form of every person as a tree of their letters, to find mentions in linear time.

    It finds what one pattern of all the forms, longest first and whole words only, would
    (``(?<![\w’'-])(?:donald[\s-]+trump|trump)(?![\w’'-])``, any case, ' and ’ alike), but at a
    word it follows only the branches that fit its letters, where such a pattern tries every form
    in turn: that costs the number of forms at every word, quadratic in a text naming thousands
    of people. No regular expression is built from the tree, so its depth has no limit."""

    def __init__(self, keys: Iterable[str]):
        self.root = _Node()
        for key in keys:
            node = self.root
            for char in " ".join(key.split()):
                node = node.children.setdefault(char, _Node())
            node.end = True
            node.key = key
        firsts = sorted({_atom(c) for c in self.root.children})
        self.starts = re.compile(r"(?<![\w’'-])(?:" + "|".join(firsts) + ")",
                                 re.IGNORECASE) if firsts else None

    def finditer(self, text: str) -> Iterable[tuple[str, int, int]]:
        """The key of every form found in the text (the form as given, not the text's case),
        with where it starts and ends."""
        at = 0
        while self.starts and (start := self.starts.search(text, at)):
            found = self._longest(text, start.start())
            if found is None:
                at = start.start() + 1
            else:
                at, key = found
                yield key, start.start(), at

    def _longest(self, text: str, at: int) -> tuple[int, str] | None:
        """Where the longest form read from ``at`` ends (a whole word) and its key, or None."""
        stack: list[tuple[_Node, int, bool]] = [(self.root, at, False)]
        while stack:  # depth first, a form's longer forms before it, as the pattern would
            node, at, expanded = stack.pop()
            if expanded:
                if node.end and not WORDISH.match(text, at):
                    return at, node.key
                continue
            stack.append((node, at, True))
            stack.extend(reversed(node.steps(text, at)))
        return None


def _atom(char: str) -> str:
    """The pattern one letter of a form stands for in text."""
    return r"[\s-]+" if char == " " else "['’]" if char == "'" else re.escape(char)


@functools.lru_cache(maxsize=4096)
def _fits(char: str, letter: str) -> bool:
    """Does a letter of text match a letter of a form, in any case (as a regex would)?"""
    return re.fullmatch(_atom(char), letter, re.IGNORECASE) is not None


class _Node:
    __slots__ = ("children", "end", "fitting", "key")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False
        self.key = ""  # where a form ends: the form
        self.fitting: dict[str, list[_Node]] = {}  # a letter of text -> the children it fits

    def steps(self, text: str, at: int) -> list[tuple["_Node", int, bool]]:
        """The branches the text at ``at`` follows, with where each leaves the text."""
        if at >= len(text):
            return []
        letter = text[at]
        fitting = self.fitting.get(letter)
        if fitting is None:
            fitting = self.fitting[letter] = [child for char, child in self.children.items()
                                              if char != " " and _fits(char, letter)]
        found = [(child, at + 1, False) for child in fitting]
        if " " in self.children and (gap := SEPARATOR.match(text, at)):
            found.append((self.children[" "], gap.end(), False))
        return found


def count_mentions(paragraphs: Iterable[SourceParagraph], index: PeopleIndex,
                   speakers: frozenset[str] = frozenset()) -> tuple[Person, ...]:
    """People with how often they are mentioned (any form), most mentioned first.

    One pass per paragraph with every form in a single pattern, longest first, so "Donald
    Trump" counts once and not again as "Trump". A name found in the text that is read often
    after "in" or "aboard" is a place or a thing, not a person (see _a_place), unless it is
    declared or the speaker of a quotation (``speakers``; places do not speak): only its whole,
    capitalised form counts ("in Paris" says nothing of Jeremy Paris, "in early May" nothing of
    Chris Early), and not before an owner's "'s" ("in Xi's view")."""
    owner: dict[str, str] = {}
    for name, person in index.people.items():
        for form in (name, *person.variants, *person.spellings):
            owner.setdefault(_form_key(form), name)
            for word in name_words(form):  # as in PeopleIndex.add()
                owner.setdefault(_form_key(word), name)
    counts: Counter[str] = Counter()
    named: Counter[str] = Counter()  # mentions written with a capital
    places: Counter[str] = Counter()  # ... after "in", "aboard"…: a place's, not a person's
    if owner:
        forms = _FormTree(sorted(owner, key=len, reverse=True))
        folded = all(key.isascii() for key in owner)  # then read in the text folded_ascii gives
        pattern = tree_pattern(owner, r"(?<![\w’'-])", r"(?![\w’'-])", _atom,
                               0 if folded else re.IGNORECASE)
        for paragraph in paragraphs:
            if paragraph.kept:
                text = paragraph.text
                found = forms.finditer(text) if pattern is None else \
                    _mentioned(pattern, forms, owner, text, folded)
                for key, start, end in found:
                    counts[owner[key]] += 1
                    if text[start].isupper() and " " in key:
                        named[owner[key]] += 1
                        if not text.startswith(("'s", "’s"), end) and \
                                PLACE_BEFORE.search(text, max(0, start - PLACE_REACH), start):
                            places[owner[key]] += 1
    people = [Person(p.name, tuple(sorted(set(p.variants))), p.role, counts[p.name],
                     tuple(sorted(set(p.spellings))))
              for p in index.people.values()
              if p.name in index.declared or p.name in speakers
              or not _a_place(places[p.name], named[p.name])]
    return tuple(sorted(people, key=lambda p: (-p.mentions, p.name)))


PLACE_BEFORE = re.compile(r"\b(?:in|aboard|across|throughout|near|outside|inside)\s$",
                          re.IGNORECASE)
PLACE_REACH = 12  # characters before a mention where its preposition is looked for
PLACE_MENTIONS = 2  # mentions after a place's preposition that make a name a place ...
PLACE_SHARE = 0.1  # ... when they are at least this share of its mentions


def _a_place(after_place_words: int, mentions: int) -> bool:
    """A name read after "in" or "aboard" is a place or a thing ("in South Korea", "aboard Air
    Force One"): people are rarely in anything but an owner's phrase ("in Xi's view")."""
    return after_place_words >= PLACE_MENTIONS and after_place_words >= PLACE_SHARE * mentions


def _mentioned(pattern: re.Pattern, forms: _FormTree, owner: dict[str, str],
               text: str, folded: bool = False) -> Iterator[tuple[str, int, int]]:
    """The forms the tree finds in the text, with where, found by the pattern of the same tree
    (one pass in C). With ``folded``, the pattern is the lower-case one of forms all in ASCII,
    read in folded_ascii's text, where it finds at the same places what the case-blind one
    finds in the text, in about a third of the time (every kept paragraph of the briefing is
    read). A match whose letters map back to no form only in an odd case (a letter that matches
    another in any case but lowers to something else) is read again by the tree."""
    for match in pattern.finditer(folded_ascii(text) if folded else text):
        key = _form_key(text[match.start():match.end()])
        if key not in owner:
            found = forms._longest(text, match.start())
            if found is None:
                continue
            key = found[1]
        yield key, match.start(), match.end()


# -- a speaker's name inside a name phrase ---------------------------------------------------------

ABBREVIATED_TITLES = frozenset("""mr mrs ms dr gov sen rep gen lt col capt cmdr cdr adm maj sgt
    cpl pvt rev hon prof pres supt insp det atty amb""".split())
PHRASE_ENDS = frozenset("""of at in on for from with who whose which that during after before when
    while as to about and or but by said says told tells added adds, also later earlier then
    monday tuesday wednesday thursday friday saturday sunday""".split())
ARTICLES = frozenset(("the", "a", "an"))
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
LEADING_LINKS = frozenset("as and but or so then while when".split())
PHRASE_WORD_MAX = 24  # a name phrase is read for at most this many words


def _initial_or_title(token: str) -> bool:
    """"D.", "Gov.", "Lt.": a word with a full stop that does not end the phrase."""
    if not token.endswith("."):
        return False
    stem = token[:-1]
    return (len(stem) == 1 and stem.isupper()) or stem.casefold() in ABBREVIATED_TITLES or \
        bool(DOTTED_INITIALS.fullmatch(token))


DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "J.R. Whitcombe"
PARTICLE_JOINED = re.compile(r"(?:al|el|bin|ibn|abu|ben|van|von|de|da|di)-[A-Z]")
"""A family name joined to its particle: "Faisal al-Mansouri", "Abdel Fattah el-Sisi"."""


@functools.lru_cache(maxsize=4096)
def name_head(phrase: str) -> tuple[str, str] | None:
    """(descriptor, name) of the person a name phrase names, found by its structure.

    The name is the last run of capitalised words (initials such as "D." and particles such as
    "van" kept) that ends the phrase's first part; the phrase ends at a comma, a parenthesis, a
    full stop or a linking word ("of", "who", "on"). Titles and descriptors before the name are
    the descriptor: "former Obama adviser David Axelrod" -> ("former Obama adviser", "David
    Axelrod"); "Army Capt. Jane Roe" -> ("Army Capt.", "Jane Roe"). A capitalised run followed by a
    lower-case noun ("Trump supporters") or one that owns something ("Trump's aide") is no head: a
    phrase that ends in a lower-case word names no person. After a phrase with no name, a name
    alone between commas is the head of the apposition ("his friend at college, Jo Bloggs,")."""
    parts = re.split(r"\s*[,;:()\[\]“”\"—–―]\s*|\s+-\s+", phrase.strip(), maxsplit=2)
    head = _head_of_part(parts[0])
    if head is None or _is_title(head[1]):
        head = _name_after_title_of(parts[0]) or head
    if head is None and len(parts) > 1:
        second = _head_of_part(parts[1])
        if second and len(second[1].split()) >= 2 and second[1] == parts[1].strip():
            return parts[0].strip(), second[1]
    return head


TITLE_OF_NAME = re.compile(r"(.{1,60}?)\s+of\s+(?:the\s+)?(\S.{0,200})$")


def _name_after_title_of(part: str) -> tuple[str, str] | None:
    """"Secretary of State Marco Rubio", "Minister of Foreign Affairs Lin Chia-lung": a title
    with "of" before a run of capitalised words that ends the part in a name."""
    match = TITLE_OF_NAME.match(part.strip())
    if not match or not TITLE_WORDS.match(match.group(1)) or not match.group(1)[:1].isupper() \
            or match.group(1).split()[0] == "The":
        return None  # "the chairman of Goldman Sachs Asset Management" names a body
    words = match.group(2).split()
    if len(words) < 3 or not all(w[:1].isupper() or w in PARTICLE_WORDS for w in words):
        return None
    name = plausible_name(" ".join(_name_ending(words)))
    if name is None or name.casefold() in NOT_NAMES:
        return None
    return part.strip()[:len(part.strip()) - len(name)].strip(), name


def _head_of_part(part: str) -> tuple[str, str] | None:
    tokens = part.split()[:PHRASE_WORD_MAX]
    while len(tokens) > 1 and tokens[0].casefold() in LEADING_LINKS:
        tokens = tokens[1:]  # "as Jo Roe of the Herald", "and Roe": the phrase starts after it
    run: list[int] = []  # indexes of the current run of name words
    end = len(tokens)
    for at, token in enumerate(tokens):
        word = token.rstrip(".")
        # a capitalised link word that closes a run of names ends the name itself ("said Jo
        # Before, who…"): a family name that is also a common word
        closes_name = word[:1].isupper() and run and run[-1] == at - 1 and \
            at == len(tokens) - 1 and word.casefold() not in WEEKDAYS and token == word
        if (token.casefold() in PHRASE_ENDS or word.casefold() in PHRASE_ENDS and
                not word[:1].isupper()) and not closes_name:
            end = at
            break
        if (word[:1].isupper() or PARTICLE_JOINED.match(word)) and \
                not re.search(r"['’]s?$", word):
            run.append(at)
        elif run and word.casefold() in PARTICLE_WORDS:
            run.append(at)  # "van der" inside a name; the name must still end capitalised
        else:
            run = []
        if token.endswith(".") and not _initial_or_title(token):
            end = at + 1
            break
    if not run or run[-1] != end - 1 or not (tokens[end - 1][:1].isupper() or
                                             PARTICLE_JOINED.match(tokens[end - 1])):
        return None
    names = [t.rstrip(".") if i == end - 1 else t for i, t in zip(range(run[0], end),
                                                                    tokens[run[0]:end])]
    first = 0  # titles before the name ("Gov.", "Lt. Gen.", "President") join the descriptor
    for i, token in enumerate(names[:-1]):
        if _initial_or_title(token) and len(token) > 2 and not DOTTED_INITIALS.fullmatch(token) \
                or _is_title(token.rstrip(".")) and \
                token[:1].isupper() and TITLE_WORDS.match(token):
            first = i + 1
    title, name = split_title(" ".join(names[first:]))
    descriptor = " ".join([*tokens[:run[0]], *names[:first], *([title] if title else [])])
    if name.casefold() in NOT_NAMES:
        return None
    if not first and not title and run[0] and tokens[run[0] - 1].casefold() in ARTICLES:
        return None  # "the Ohio Democrat", "a Texas Republican": a description, not a name
    return descriptor, name


PARTICLE_WORDS = frozenset("van von der den de del della da di du la le bin ibn al".split())
