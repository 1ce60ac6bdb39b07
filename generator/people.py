"""Stage 4a: people. Find who is named, with what role, and resolve every way of referring to a
person (surname, title, alias) to one canonical name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.config import Config, phrase_regex
from generator.structure import Person, SourceParagraph

CAP = r"[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?"
FULL_NAME = rf"{CAP}(?: {CAP}){{1,2}}"
ROLE_WORDS = (r"(?i:president|vice[- ]president|prime minister|premier|secretary|minister|"
              r"spokesperson|spokesman|spokeswoman|negotiator|envoy|ambassador|adviser|advisor|"
              r"analyst|economist|professor|chair|chairman|chief executive|ceo|senator|"
              r"representative|governor|director|official|leader|correspondent|reporter|editor)")
ROLE_BEFORE_NAME = re.compile(
    rf"(?<![\w’'])((?:[A-Z][\w.-]*\s+|[a-z][\w-]*\s+){{0,4}}?{ROLE_WORDS})(?:,)?\s+({FULL_NAME})\b")
NOT_NAMES = frozenset("""the a an and of in on at for to from with by as this that these those
    he she it they we i you his her their its our my your there here what when where which who
    how why but or if so not no yes also both all some many most more less one two three four
    mr mrs ms dr""".split())


@dataclass
class PeopleIndex:
    """Canonical people and every surface form that points to them."""

    people: dict[str, Person] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # casefolded form -> canonical name

    def add(self, name: str, aliases: Iterable[str] = (), role: str | None = None) -> str:
        canonical = self.resolve(name) or name
        person = self.people.get(canonical, Person(canonical))
        variants = tuple(dict.fromkeys((*person.variants, *aliases)))
        self.people[canonical] = Person(canonical, variants, person.role or role, person.mentions)
        for form in (canonical, *aliases):
            self.forms.setdefault(form.casefold(), canonical)
        words = canonical.split()
        if len(words) == 2:  # either word alone may be the family name ("Xi", "Trump")
            for word in reversed(words):
                self.forms.setdefault(word.casefold(), canonical)
        return canonical

    def resolve(self, text: str) -> str | None:
        text = re.sub(r"^(the|a)\s+", "", text.strip(), flags=re.IGNORECASE)
        found = self.forms.get(text.casefold()) or self.forms.get(f"the {text}".casefold())
        if found:
            return found
        words = text.split()
        if len(words) > 1 and words[-1][:1].isupper():
            return self.forms.get(" ".join(words[-2:]).casefold()) or (
                self.forms.get(words[-1].casefold()) if len(words) == 2 else None)
        return None


def base_index(config: Config) -> PeopleIndex:
    index = PeopleIndex()
    for rule in config.people:
        index.add(rule.name, rule.aliases, rule.role)
    return index


def _clean_role(role: str) -> str:
    role = re.sub(r"^.*\b(?:to|by|from|with|said|says|and|that)\s+", "", role)
    words = role.split()
    while words and words[0].casefold() in NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def find_people(paragraphs: Iterable[SourceParagraph], index: PeopleIndex) -> None:
    """Add people named with a role ("spokesperson Guo Jiakun") to the index."""
    for paragraph in paragraphs:
        if not paragraph.kept:
            continue
        for match in ROLE_BEFORE_NAME.finditer(paragraph.text):
            name = match.group(2)
            if name.split()[0].casefold() in NOT_NAMES or index.resolve(name) is None and \
                    name.casefold() in index.forms:
                continue
            index.add(name, role=_clean_role(match.group(1)))


def count_mentions(paragraphs: Iterable[SourceParagraph], index: PeopleIndex) -> tuple[Person, ...]:
    """People with how often they are mentioned (any form), most mentioned first."""
    patterns = {name: [phrase_regex(f) for f in {name, *person.variants, name.split()[-1]}]
                for name, person in index.people.items()}
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        if paragraph.kept:
            for name, regexes in patterns.items():
                counts[name] += max(len(r.findall(paragraph.text)) for r in regexes)
    people = [Person(p.name, tuple(sorted(set(p.variants))), p.role, counts[p.name])
              for p in index.people.values()]
    return tuple(sorted(people, key=lambda p: (-p.mentions, p.name)))
