"""The number words of English, Ukrainian and Russian, and their values: one table for every reader."""

from __future__ import annotations

_SPELLINGS: dict[int, str] = {
    1: "one один одна одного",
    2: "two два дві двох двух",
    3: "three три трьох трех",
    4: "four чотири четыре",
    5: "five п'ять п’ять пять п'яти п’яти пяти",
    6: "six шість шесть шести",
    7: "seven сім семь",
    8: "eight вісім восемь",
    9: "nine дев'ять дев’ять девять",
    10: "ten десять десяти",
    11: "eleven",
    12: "twelve дванадцять двенадцать",
    15: "fifteen п'ятнадцять п’ятнадцять пятнадцать п'ятнадцяти п’ятнадцяти пятнадцати",
    20: "twenty двадцять двадцать двадцяти двадцати",
    24: "twenty-four",
    25: "twenty-five",
    30: "thirty тридцять тридцать",
    40: "forty",
    48: "forty-eight",
    50: "fifty",
    72: "seventy-two",
    100: "hundred",
}
NUMBER_WORDS: dict[str, int] = {word: value for value, words in _SPELLINGS.items() for word in words.split()}
"""Every spelling (lower case) of a number written out, with its value."""
