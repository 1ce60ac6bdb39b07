"""How news writes amounts: numbers in words and how to read them, the words that scale a
number, name a currency, a distance or a length of time.

Read by two stages that compare figures, key figures (figures.py) and statements
(statements.py): one table each, so "$5bn", "5 billion dollars" and "US$5 billion" are one
amount to both (key figures leave out "pounds", a weight as often as money), and one reader
of numbers spelled out ("sixty-eight point four per cent").
"""

from __future__ import annotations

SCALES = {"thousand": 10 ** 3, "k": 10 ** 3, "million": 10 ** 6, "m": 10 ** 6, "mn": 10 ** 6,
          "mln": 10 ** 6, "billion": 10 ** 9, "bn": 10 ** 9, "bln": 10 ** 9, "b": 10 ** 9,
          "trillion": 10 ** 12, "tn": 10 ** 12, "trn": 10 ** 12, "trln": 10 ** 12}
"""Words and abbreviations that multiply the number before them ("$5bn", "12 mln")."""

CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "usd": "$", "euro": "€", "euros": "€",
                  "pound": "£", "pounds": "£", "sterling": "£", "yuan": "¥", "renminbi": "¥",
                  "yen": "¥"}
"""A currency written as a word, as its sign."""

NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100}
"""Numbers written as words, and their values."""

DISTANCES = {"km": 1.0, "kms": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0,
             "kilometers": 1.0, "mile": 1.609344, "miles": 1.609344}
"""Distances in kilometres; a converted one is approximate (writers round conversions)."""
TIME_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month",
              "week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "minute",
              "hours": "minute", "minute": "minute", "minutes": "minute"}
DECIMAL_UNITS = frozenset({"per", "percent", "pct", "pc", "percentage", *SCALES, *CURRENCY_WORDS,
                           *DISTANCES, *TIME_UNITS})
"""What a spoken decimal stands before ("two point one per cent"): "at one point two officials
left" is no 1.2."""
YEAR_BEFORE = frozenset({"in", "since", "until", "by", "of", "from", "before", "after", "during"})
"""Words before a year spoken as two numbers ("since twenty seventeen"); elsewhere "twenty,
fifteen of them women" is two numbers whose comma the tokens do not keep."""


def spelled_number(tokens: list[str], start: int) -> tuple[float, int] | None:
    """A number written in words ("twelve", "twenty five", "three hundred and fifty"; the hyphen
    is not a token) as its value and the index after it."""
    words = [token.casefold() for token in tokens[start:start + 10]]
    value, n = 0, 0
    if words[0] == "hundred":
        value, n = 100, 1
    elif len(words) > 1 and words[1] == "hundred" and 0 < NUMBER_WORDS.get(words[0], 10) < 10:
        value, n = NUMBER_WORDS[words[0]] * 100, 2
    if value and n + 1 < len(words) and words[n] == "and" and words[n + 1] != "hundred" and \
            words[n + 1] in NUMBER_WORDS:
        n += 1
    rest = below_hundred(words, n)
    if rest is None:
        return (float(value), start + n) if value else None
    if not value and rest[0] in (19, 20) and rest[1] == 1 and start and \
            tokens[start - 1].casefold() in YEAR_BEFORE:
        year = below_hundred(words, 1)  # "since twenty seventeen", "in nineteen ninety-eight"
        if year and year[0] >= 10 and (year[1] >= len(words) or words[year[1]] not in TIME_UNITS):
            return float(rest[0] * 100 + year[0]), start + year[1]
    whole, end = value + rest[0], rest[1]
    decimals = []  # "two point one per cent", "eight point four eight million"
    if end < len(words) and words[end] == "point":
        while end + 1 + len(decimals) < len(words) and len(decimals) < 4 and \
                NUMBER_WORDS.get(words[end + 1 + len(decimals)], 10) < 10:
            decimals.append(str(NUMBER_WORDS[words[end + 1 + len(decimals)]]))
    after = end + 1 + len(decimals)
    if decimals and after < len(words) and words[after] in DECIMAL_UNITS:
        return float(f"{whole}.{''.join(decimals)}"), start + after
    return float(whole), start + end


def below_hundred(words: list[str], n: int) -> tuple[int, int] | None:
    """"twenty five", "fifteen", "seven" at words[n]: its value and the index after it."""
    value = NUMBER_WORDS.get(words[n], 100) if n < len(words) else 100
    if value >= 100:
        return None
    unit = NUMBER_WORDS.get(words[n + 1], 10) if n + 1 < len(words) else 10
    if value >= 20 and value % 10 == 0 and 0 < unit < 10:
        return value + unit, n + 2
    return value, n + 1
