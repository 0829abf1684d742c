"""Text primitives every stage shares, each written once.

- ``tokens``: the tokenizer (words with offsets, possessives and look-alike letters folded) and the
  plain word bag used to compare texts;
- ``sentences``: the sentence splitter (abbreviations, decimals, quotations and point numbers kept whole);
- ``markers``: the list-marker grammar (bullets, numbers, letters, roman numerals, parentheses);
- ``numbers``: the number words of English, Ukrainian and Russian.
"""
