"""Text safe to print, store and serialise: no terminal controls, no lone surrogates.

Every text read from an input passes through ``printable`` at load time, whatever its format, and
again in every table cell, error line and JSON or CSV output: a PDF's text layer, a Word run or a
YAML ``"\\e"`` escape could otherwise clear the screen, set the window title, plant an OSC 8 link
or write the clipboard (OSC 52) of whoever reads the output. A lone surrogate (a ``"\\ud800"``
escape, a file name in another code page) cannot be encoded as UTF-8 and would crash the output.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC: titles, links, clipboard
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the same as 8-bit C1 controls
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"  # any other escape, and a lone ESC
)
"""Each alternative is one bounded scan from an escape character: linear on any input."""

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 controls except tab and newline."""

SURROGATE = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` without escape sequences and controls (tab and newline kept), lone surrogates as U+FFFD."""
    if text.isprintable():
        return text
    text = ESCAPE_SEQUENCE.sub("", text)
    return SURROGATE.sub("\ufffd", CONTROL.sub("", text))


def printable_path(path: str | Path) -> str:
    """A file name as a user can read it: undecodable bytes (surrogate-escaped by Python) as U+FFFD."""
    raw = os.fsencode(str(path))
    return printable(raw.decode("utf-8", errors="replace"))


def printable_data(value: Any) -> Any:
    """``printable`` applied to every string in a structure of dicts and lists (parsed YAML, options)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(key): printable_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(item) for item in value]
    return value
