"""How news writes amounts: the words that scale a number and the words that name a currency.

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
