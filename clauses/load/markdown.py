"""Markdown files: YAML front matter with the document's metadata, and a CommonMark body.

Front matter comes as people and publishing tools write it: the project's own keys
(``title``, ``parties``, ``signed`` ...), the keys of sites and static-site generators
(``date``, ``published``, ``source_url``, ``lang``, ``tags`` ...), and keys that mean nothing
here (``author``, ``site``), which are ignored. A key that means something but holds a
wrong value (an unknown party code, an impossible date) is still an error.

The body is parsed by markdown-it-py (CommonMark), so no markup reaches clause text:
emphasis, links, inline HTML such as ``<sup>``, backslash escapes and Pandoc's ``\\###``
end mark are read as a Markdown reader reads them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pydantic import ValidationError, field_validator

from clauses.errors import ClausesError
from clauses.models import AgreementFields

ALIASES: dict[str, tuple[str, ...]] = {
    "signed": ("signed", "date", "published", "published_time", "modified_time", "modified"),
    "url": ("url", "source_url"),
    "language": ("language", "lang"),
    "tags": ("tags", "categories"),
}
"""Each field and the keys it is read from, the first one present winning (a publication date
before a modification date)."""

CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")
NO_WORDS = re.compile(r"^[\W_]*$")
"""A block without a letter or digit: Pandoc's '###' end mark, a stray '**', a row of dashes."""
STRAY_DELIMITERS = re.compile(r"\*{2,}")
"""Bold markers CommonMark could not pair ('**Consult ... Ukraine **at'): markup, never text."""
LINE_BREAK_TAG = re.compile(r"<br\b", re.IGNORECASE)
BULLETS = ("-", "◦", "▪")
"""The bullet written for each depth of nested lists, so that the segmenter sees the nesting."""


class FrontMatter(AgreementFields):
    """The metadata a file may declare, under the project's own names: the fields of an agreement
    (every one optional, checked by the agreement's rules) and ``tags``, a hint for the kind."""

    tags: list[str] | None = None

    @field_validator("signed", mode="before")
    @classmethod
    def _date_of_timestamp(cls, value: Any) -> Any:
        """'2024-07-09 16:57:03-04:00' was published on 9 July 2024, where it was published."""
        if isinstance(value, str) and (found := ISO_DATETIME.match(value.strip())):
            return found.group(1)
        return value

    @field_validator("title", mode="after")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return " ".join(value.split()) if value else value  # YAML's '\_' is a no-break space

    @field_validator("tags", mode="before")
    @classmethod
    def _tag_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [tag.strip() for tag in value.split(",") if tag.strip()]
        return value


def split_front_matter(text: str, path: Path | str) -> tuple[dict[str, Any], str]:
    """The validated front-matter fields (only those given) and the body after it."""
    if not text.startswith("---"):
        return {}, text
    first_line, _, rest = text.partition("\n")
    if first_line.strip() != "---":
        return {}, text
    closing = CLOSING_FENCE.search(rest)
    if closing is None:
        raise ClausesError("front matter: opened by '---' on line 1 but never closed", path)
    raw = _parse_yaml(rest[: closing.start()], path)
    return validate_front_matter(raw, path), rest[closing.end() :].lstrip("\n")


@lru_cache(maxsize=1)
def _safe_loader() -> Any:
    """PyYAML's SafeLoader (no Python tags) that leaves dates as text for pydantic to check.

    The plain SafeLoader turns '2024-02-31' into a ValueError naming no field.
    """
    import yaml

    class DatesAsText(yaml.SafeLoader):
        pass

    DatesAsText.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return DatesAsText


def _parse_yaml(source: str, path: Path | str) -> dict[str, Any]:
    import yaml

    from clauses.safe_yaml import load_yaml

    try:
        data = load_yaml(source, path, _safe_loader())
    except (ValueError, OverflowError) as error:
        raise ClausesError(f"front matter: {error}", path) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ClausesError(f"front matter: {where}{problem}", path) from None
    except RecursionError:
        raise ClausesError("front matter: nested too deeply", path) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ClausesError(f"front matter: expected 'key: value' lines, got {type(data).__name__}", path)
    return data


def validate_front_matter(raw: dict[str, Any], path: Path | str) -> dict[str, Any]:
    """The fields that mean something, under their own names, checked; 'front matter: field: message'."""
    keys = {str(key).strip().lower(): value for key, value in raw.items()}
    chosen: dict[str, Any] = {}
    written: dict[str, str] = {}  # field -> the key it was read from, for error messages
    for field in FrontMatter.model_fields:
        for key in ALIASES.get(field, (field,)):
            if keys.get(key) not in (None, ""):
                chosen[field], written[field] = keys[key], key
                break
    try:
        fields = FrontMatter.model_validate(chosen)
    except ValidationError as error:
        raise ClausesError(f"front matter: {validation_message(error, written)}", path) from None
    return fields.model_dump(exclude_unset=True)


def validation_message(error: ValidationError, names: dict[str, str] | None = None) -> str:
    """The first problem of a pydantic error as 'field: message' on one line (``names`` renames fields)."""
    first = error.errors()[0]
    loc = [(names or {}).get(str(part), str(part)) for part in first["loc"]]
    field = ".".join(loc) or "value"
    message = first["msg"]
    if first["type"] == "value_error" and "ctx" in first:
        message = str(first["ctx"].get("error", message))
    return f"{field}: {message}".replace("\n", " ")


# --- the body --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def markdown_body(body: str) -> str:
    """The body as normalised text: one paragraph a line, blank lines between, no markup.

    Headings keep their '#' marks and list items a marker ('- ', '1. '), which the
    segmenter reads; a hard line break starts a new line; a table row is one line,
    its first cell introducing the others ('Poland: ...; ...').
    """
    try:
        tokens = _parser().parse(body)
    except RecursionError:
        raise ClausesError("Markdown nested too deeply") from None
    return _Renderer().render(tokens)


class _Renderer:
    """Walks markdown-it's block tokens once, keeping the open lists and the marker due."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lists: list[str] = []  # per open list: its bullet, or the delimiter of numbers
        self.marker = ""  # due on the next paragraph: a list item's marker or a heading's '#'
        self.row: list[str] | None = None

    def render(self, tokens: list[Any]) -> str:
        for token in tokens:
            self._token(token)
        return "\n\n".join(self.blocks) + "\n"

    def _token(self, token: Any) -> None:
        kind = token.type
        if kind == "bullet_list_open":
            self.lists.append(BULLETS[min(len(self.lists), len(BULLETS) - 1)])
        elif kind == "ordered_list_open":
            self.lists.append(token.markup)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            delimiter = self.lists[-1] if self.lists else "-"
            self.marker = f"{token.info}{delimiter} " if token.info else f"{delimiter} "
        elif kind == "heading_open":
            self.marker = "#" * int(token.tag[1:]) + " "
        elif kind == "tr_open":
            self.row = []
        elif kind == "tr_close":
            self._row()
        elif kind == "inline":
            self._inline(_inline_text(token.children or []))
        elif kind in ("fence", "code_block"):
            for paragraph in re.split(r"\n\s*\n", token.content):
                self._inline(" ".join(paragraph.split()))
        elif kind == "html_block":
            self._inline(" ".join(html_text(token.content).split()))

    def _inline(self, text: str) -> None:
        if self.row is not None:
            self.row.append(" ".join(text.split()))
            return
        lines = [" ".join(line.split()) for line in text.split("\n")]
        lines = [line for line in lines if line and not NO_WORDS.match(line)]
        if not lines:
            return
        lines[0] = self.marker + lines[0]
        self.marker = ""
        self.blocks.append("\n".join(lines))

    def _row(self) -> None:
        cells = [cell for cell in self.row or [] if cell]
        self.row = None
        if len(cells) > 1:
            self._inline(f"{cells[0]}: " + "; ".join(cells[1:]))
        elif cells:
            self._inline(cells[0])


def _inline_text(children: list[Any]) -> str:
    """An inline run as text: emphasis, links and tags dropped, their words kept; hard breaks as newlines."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "image":
            continue
        if kind == "text":
            parts.append(STRAY_DELIMITERS.sub("", child.content))
        elif kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak" or (kind == "html_inline" and LINE_BREAK_TAG.match(child.content)):
            parts.append("\n")
    return "".join(parts)


class _TextOnly(HTMLParser):
    """The words of an HTML fragment: tags, comments, scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in ("br", "p", "div", "li", "tr"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """The text of an HTML block written inside Markdown."""
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)
