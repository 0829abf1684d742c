"""The native format: Markdown with YAML front matter carrying the agreement's metadata."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationError, field_validator

from clauses.errors import ClausesError
from clauses.models import Kind, Strict, is_party_code

FRONT_MATTER_FIELDS = (
    "id", "title", "parties", "signed", "kind", "version", "language", "source", "duration_years",
)  # fmt: skip

CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
BLOCK_START = re.compile(r"^(?:#{1,6}\s|[-*+•]\s|\d+(?:\.\d+)*[.)]\s|[a-zA-Z][.)]\s|\([a-zA-Z0-9]+\)\s|>|\|)")
HEADING = re.compile(r"^#{1,6}\s")
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


class FrontMatter(Strict):
    """The metadata a file may declare; every field optional, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)

    id: str | None = None
    title: str | None = None
    parties: list[str] | None = None
    signed: dt.date | None = None
    kind: Kind | None = None
    version: str | None = None
    language: str | None = None
    source: str | None = None
    duration_years: float | None = Field(default=None, ge=0)

    @field_validator("parties", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [code.strip() for code in value.split(",") if code.strip()]
        if isinstance(value, list):
            # YAML 1.1 reads an unquoted NO (Norway) as false.
            return ["NO" if item is False else item for item in value]
        return value

    @field_validator("parties")
    @classmethod
    def _known_codes(cls, value: list[str] | None) -> list[str] | None:
        for code in value or []:
            if not is_party_code(code):
                raise ValueError(f"unknown party code {code!r} (ISO 3166-1 alpha-2, EU, NATO or G7)")
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

    try:
        data = yaml.load(source, Loader=_safe_loader())  # noqa: S506 - a SafeLoader subclass
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
    """Check fields and values; the first problem becomes 'front matter: field: message'."""
    unknown = [str(key) for key in raw if key not in FRONT_MATTER_FIELDS]
    if unknown:
        raise ClausesError(
            f"front matter: unknown field {unknown[0]!r} (allowed: {', '.join(FRONT_MATTER_FIELDS)})", path
        )
    try:
        fields = FrontMatter.model_validate(raw)
    except ValidationError as error:
        raise ClausesError(f"front matter: {validation_message(error)}", path) from None
    return fields.model_dump(exclude_unset=True)


def validation_message(error: ValidationError) -> str:
    """The first problem of a pydantic error as 'field: message' on one line."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "value"
    message = first["msg"]
    if first["type"] == "value_error" and "ctx" in first:
        message = str(first["ctx"].get("error", message))
    return f"{field}: {message}".replace("\n", " ")


def markdown_body(body: str) -> str:
    """Markdown body in the shape of the normalised text: soft-wrapped lines joined, bold dropped.

    Headings (``#``), list items and quotes start their own line; other consecutive lines
    form one paragraph, as Markdown renders them.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        hard_break = line.endswith("  ") or line.endswith("\\")
        if not stripped:
            _flush(current, paragraphs)
            continue
        if BLOCK_START.match(stripped) and current:
            _flush(current, paragraphs)
        current.append(stripped.rstrip("\\").strip())
        if hard_break or HEADING.match(stripped):
            _flush(current, paragraphs)
    _flush(current, paragraphs)
    return "\n\n".join(EMPHASIS.sub(r"\2", p) for p in paragraphs) + "\n"


def _flush(current: list[str], paragraphs: list[str]) -> None:
    if current:
        paragraphs.append(" ".join(current))
        current.clear()
