"""Text made safe to print: escape sequences and controls gone, surrogates replaced, linear cost."""

from __future__ import annotations

import pytest
from hostile import finishes_within

from clauses.printable import printable, printable_data, printable_path

ATTACKS = {
    "clear screen": "\x1b[2J\x1b[H",
    "window title": "\x1b]0;owned\x07",
    "OSC 8 link": "\x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\",
    "OSC 52 clipboard": "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07",
    "8-bit CSI": "\x9b31m",
    "bell and backspace": "\x07\x08\x7f",
}


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_escape_sequences_and_controls_are_removed(attack):
    cleaned = printable(f"Romania will {attack}provide")
    assert cleaned in ("Romania will provide", "Romania will hereprovide")
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)


def test_tab_newline_and_text_are_kept():
    assert (
        printable("Article 1\n\tNorway — «will» провести 24/7 [bold]")
        == "Article 1\n\tNorway — «will» провести 24/7 [bold]"
    )


def test_lone_surrogates_become_replacement_characters():
    assert printable("a\ud800b\udcff") == "a\ufffdb\ufffd"
    "a\ufffdb".encode()  # encodable


def test_a_cp1251_file_name_is_readable():
    name = "Угода.txt".encode("cp1251").decode("utf-8", "surrogateescape")
    assert printable_path(f"/in/{name}") == "/in/\ufffd\ufffd\ufffd\ufffd\ufffd.txt"


def test_nested_data_is_cleaned():
    assert printable_data({"title": "A\x1b[2J", "parties": ["UA\x07"], "n": 3}) == {
        "title": "A",
        "parties": ["UA"],
        "n": 3,
    }


@pytest.mark.parametrize("unit", ["\x1b]", "\x1b[1", "\x9d", "\x1b"])
def test_cost_is_linear_in_unterminated_sequences(unit):
    with finishes_within(5):
        assert "\x1b" not in printable(unit * 200_000)
