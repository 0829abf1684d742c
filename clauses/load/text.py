"""Bytes to text: size limits, binary detection, and encodings detected rather than guessed.

Plain-text agreements come as UTF-8 (with or without BOM), UTF-16 with a BOM, or in the
legacy Cyrillic code pages cp1251 and KOI8-U. Both code pages map the same bytes to
Cyrillic letters (with upper and lower case swapped), so any byte string decodes under
either one; the decoded text is therefore checked for plausibility (mostly lower-case
letters, a normal share of vowels, no box-drawing symbols) and undecidable input is an
error, never mojibake.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from clauses.errors import ClausesError
from clauses.printable import printable

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest input file read, in bytes (20 MB of text); checked before reading."""

MAX_TEXT_CHARS = DEFAULT_MAX_BYTES
"""Longest text of one document, whatever its format (a PDF or Word file's text included)."""

MAX_LINE_CHARS = 200_000
"""Longest line accepted: no paragraph of an agreement comes near it."""

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xd0\xcf\x11\xe0", "Word 97-2003 or other OLE file"),
)

CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters that have no place in a text (tab, newline, CR, FF and VT excepted)."""

LEGACY_ENCODINGS = ("cp1251", "koi8_u", "cp1252")
CYRILLIC_VOWELS = frozenset("аеиоуыэюяіїєё")
ALLOWED_SYMBOLS = frozenset("«»„“”‘’‚–—…•·°§№€£$%‰™©®±×÷")


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Every input's first check, before a byte is read: exists, a regular file, not empty, not too big."""
    size = _regular_size(path)
    if size == 0:
        raise ClausesError("empty file", path)
    if size > max_bytes:
        raise ClausesError(f"file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit", path)


def _regular_size(path: Path) -> int:
    """The size of a regular file; ClausesError for anything else (a folder, a device, a pipe)."""
    mode = _mode(path)
    if stat.S_ISDIR(mode):
        raise ClausesError("is a folder, not a file", path)
    if not stat.S_ISREG(mode):
        raise ClausesError(f"not a regular file ({_special_kind(mode)}): save it as a file first", path)
    return path.stat().st_size


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        raise ClausesError("no such file", path) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        raise ClausesError(f"cannot read: {getattr(error, 'strerror', None) or error}", path) from None


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    return "a socket" if stat.S_ISSOCK(mode) else "a device"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, limit: int | None = None) -> bytes:
    """The file's bytes (only the first ``limit`` if given), after ``check_file``."""
    check_file(path, max_bytes)
    try:
        with path.open("rb") as handle:
            return handle.read(limit if limit is not None else -1)
    except OSError as error:
        raise ClausesError(f"cannot read: {error.strerror or error}", path) from None


def read_input(path: Path, max_bytes: int, what: str = "file") -> str:
    """A UTF-8 input other than an agreement (a taxonomy, a gold file), read with a size cap.

    A pipe named on the command line (``--taxonomy <(...)``) is read up to the cap; a device
    (``/dev/zero``), a socket or a folder is refused before any byte is read.
    """
    if not stat.S_ISFIFO(_mode(path)):
        _regular_size(path)
    try:
        data = _read_capped(path, max_bytes + 1)
    except OSError as error:
        raise ClausesError(f"cannot read {what}: {error.strerror or error}", path) from None
    if len(data) > max_bytes:
        raise ClausesError(f"{what} is over the {_megabytes(max_bytes)} limit", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ClausesError(f"cannot read {what}: not UTF-8 (byte {error.start})", path) from None


def _read_capped(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes; a pipe nobody writes to reads as empty instead of blocking the open."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)  # a writer that is there but slow is waited for
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like (image, archive...), or None."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes, path: Path | str) -> str:
    """Decode text bytes and normalise line ends; ClausesError for binary or undecodable input."""
    text = _decode(data, path)
    _check_text(text, path)
    return normalise_newlines(text)


def _decode(data: bytes, path: Path | str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ClausesError(f"bytes invalid for {encoding} after its byte-order mark", path) from None
    kind = binary_kind(data)
    if kind or b"\x00" in data:
        raise ClausesError(f"binary file{f' ({kind})' if kind else ''}, not text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, path)


class Candidate(NamedTuple):
    encoding: str
    text: str
    score: float


def _decode_legacy(data: bytes, path: Path | str) -> str:
    """Pick the single-byte code page whose reading is plausible; refuse when none or several are."""
    plausible = _plausible_readings(data, LEGACY_ENCODINGS) or _plausible_readings(data, _proposed(data))
    if not plausible:
        raise ClausesError("cannot decode: not UTF-8, UTF-16 (with BOM), cp1251 or KOI8-U text", path)
    if len(plausible) > 1 and plausible[0].score - plausible[1].score < 0.05:
        names = " or ".join(c.encoding for c in plausible[:2])
        raise ClausesError(f"cannot tell the encoding ({names}); save the file as UTF-8", path)
    return plausible[0].text


def _plausible_readings(data: bytes, encodings: tuple[str, ...]) -> list[Candidate]:
    """Distinct plausible readings, best first."""
    readings: dict[str, Candidate] = {}
    for encoding in encodings:
        candidate = _candidate(data, encoding)
        # Code pages that read these bytes alike (koi8-u and koi8-r on Russian) are one reading.
        if candidate and candidate.score > 0 and candidate.text not in readings:
            readings[candidate.text] = candidate
    return sorted(readings.values(), key=lambda c: -c.score)


def _proposed(data: bytes) -> tuple[str, ...]:
    """The encoding charset-normalizer proposes, to be verified like ours."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return (best.encoding,) if best is not None and best.encoding != "utf_8" else ()


def _candidate(data: bytes, encoding: str) -> Candidate | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Candidate(encoding, text, plausibility(text))


def plausibility(text: str) -> float:
    """Score in (0, 1] for text that reads like a human language, 0 for mojibake.

    A wrong Cyrillic code page turns lower case into upper case, shifts the share of
    vowels, and produces box-drawing symbols or words mixing Latin and Cyrillic letters.
    """
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 1.0
    odd = sum(1 for ch in non_ascii if not (ch.isalpha() or ch in ALLOWED_SYMBOLS or ch.isspace()))
    if odd / len(non_ascii) > 0.02:
        return 0.0
    if _mixed_script_words(text) > 0.02:
        return 0.0
    cyrillic = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) < len(non_ascii) / 2:
        return 0.6
    lower = sum(ch.islower() for ch in cyrillic) / len(cyrillic)
    vowels = sum(ch.lower() in CYRILLIC_VOWELS for ch in cyrillic) / len(cyrillic)
    if lower < 0.55 or not 0.25 <= vowels <= 0.6:
        return 0.0
    return min(1.0, lower * (1 - abs(vowels - 0.43)))


def _mixed_script_words(text: str) -> float:
    """Share of words that mix Latin and Cyrillic letters (a sign of a wrong code page)."""
    words = text.split()
    if not words:
        return 0.0
    mixed = 0
    for word in words:
        has_cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in word)
        if has_cyrillic and any("a" <= ch.lower() <= "z" for ch in word):
            mixed += 1
    return mixed / len(words)


def _check_text(text: str, path: Path | str) -> None:
    controls = len(CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise ClausesError("binary file, not text (control characters)", path)
    if not text.strip():
        raise ClausesError("empty file (only white space)", path)


def check_line_length(text: str, path: Path | str) -> None:
    """Refuse a line no paragraph comes near (a dump, not a document), or a text over the size of the
    largest file read (a 4 MB Word file can unpack to far more), before any slower stage."""
    if len(text) > MAX_TEXT_CHARS:
        raise ClausesError(
            f"its text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit: split the document",
            path,
        )
    longest = max(map(len, text.split("\n")), default=0)
    if longest > MAX_LINE_CHARS:
        raise ClausesError(
            f"a line of {longest:,} characters, over the {MAX_LINE_CHARS:,} limit: not a text document", path
        )


def normalise_newlines(text: str) -> str:
    """Unix line ends, no-break spaces as spaces, no stray control characters or escape sequences."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return printable(text)
