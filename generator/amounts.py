"""How news writes amounts: numbers in words, the words that scale a number and the words that
name a currency.

Read by two stages that compare figures, key figures (figures.py) and statements
(statements.py): one table each, so "$5bn", "5 billion dollars" and "US$5 billion" are one
amount to both (key figures leave out "pounds", a weight as often as money).
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
