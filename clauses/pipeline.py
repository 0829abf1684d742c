"""The pipeline over many files: load → segment → classify, collecting failures per file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import Field

from clauses.errors import ClausesError
from clauses.models import Agreement, Strict
from clauses.printable import printable, printable_path

Progress = Callable[[Sequence[Path], str], Iterable[Path]]


class Failure(Strict):
    """A file that could not be analysed, and why, in one line."""

    path: str
    message: str


class Analysis(Strict):
    """Every agreement read from the inputs, the files that failed, and notes on files read."""

    agreements: list[Agreement] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    notes: list[Failure] = Field(
        default_factory=list, description="read, with a caveat: a file given twice, an unsupported language"
    )


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and inside folders the files of a suffix ``clauses.load`` reads (sorted, hidden
    folders skipped)."""
    from clauses.load import FORMATS, format_of

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in _folder_files(path)
                if format_of(p) is not None and p.name.lower() not in ("readme.md", "sources.md")
            )
            if not found:
                raise ClausesError(f"folder holds no agreement files ({', '.join(FORMATS)})", path)
            files.extend(found)
        else:
            files.append(path)
    return files


def _folder_files(root: Path) -> list[Path]:
    """Regular files under ``root``, hidden names skipped, walked without recursion (any depth).

    Links to folders are not followed (a loop, or a way out of the folder); a link to a file is
    followed only where its target stays inside ``root``: a link to ``~/.bashrc`` is not an agreement.
    """
    inside = root.resolve()
    files: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            raise ClausesError(f"cannot read folder: {error.strerror or error}", folder) from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file() and (not entry.is_symlink() or _within(Path(entry.path), inside)):
                files.append(Path(entry.path))
    return files


def _within(link: Path, root: Path) -> bool:
    return link.resolve().is_relative_to(root)


def analyze_file(path: Path, taxonomy: Any = None, overrides: dict[str, Any] | None = None) -> Agreement:
    """Load, segment and classify one file."""
    from clauses.classify import classify_agreement
    from clauses.load import load

    agreement = load(path, **(overrides or {}))
    return classify_agreement(agreement, taxonomy)


def analyze(
    paths: Iterable[str | Path],
    taxonomy: Any = None,
    overrides: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse every file; a file that fails is recorded, the others still processed."""
    analysis = Analysis()
    files = _once(expand_paths(paths), analysis.notes)
    steps = progress(files, "Analysing") if progress else files
    seen: set[str] = set()
    for path in steps:
        try:
            agreement = analyze_file(path, taxonomy, overrides)
            if agreement.id in seen:
                unique = _unique_id(agreement.id, path, seen)
                agreement = analyze_file(path, taxonomy, {**(overrides or {}), "id": unique})
        except ClausesError as error:
            analysis.failures.append(Failure(path=error.path or printable_path(path), message=error.message))
            continue
        except Exception as error:  # noqa: BLE001 - one hostile file never aborts the run
            message = f"could not be read ({type(error).__name__}: {str(error)[:200]})"
            analysis.failures.append(Failure(path=printable_path(path), message=printable(message)))
            continue
        seen.add(agreement.id)
        analysis.agreements.append(agreement)
        note = _language_note(agreement)
        if note:
            analysis.notes.append(Failure(path=str(path), message=note))
        analysis.notes.extend(Failure(path=agreement.source, message=note) for note in agreement.notes)
    return analysis


def _once(files: list[Path], notes: list[Failure]) -> list[Path]:
    """Each file once, however often it was given (as itself, through a folder, by another path)."""
    kept: dict[Path, Path] = {}
    for path in files:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):
            key = path
        if key in kept:
            notes.append(Failure(path=str(path), message=f"given more than once: read once (as {kept[key]})"))
            continue
        kept[key] = path
    return list(kept.values())


def _language_note(agreement: Agreement) -> str | None:
    from clauses.load.metadata import languages

    language = languages().get(agreement.language)
    if language is None or language.supported:
        return None
    return f"written in {language.name} ({language.code}), which clauses has no words for: its labels are not read"


def check_output(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an output that would replace an input (also through a link), or that a folder given as
    input would read back as an agreement next time."""
    from clauses.load import format_of

    target = Path(output).resolve()
    for raw in inputs:
        given = Path(raw)
        if given.is_dir():
            if target.is_relative_to(given.resolve()) and format_of(target) is not None:
                raise ClausesError(
                    f"is inside the input folder {printable_path(given)}, whose next reading would take it "
                    "for an agreement: write it elsewhere",
                    output,
                )
        elif given.exists() and target == given.resolve():
            raise ClausesError("is also an input: writing it would destroy that input", output)


def _unique_id(agreement_id: str, path: Path, seen: set[str]) -> str:
    """An id not yet used in this run: a PDF beside its text twin becomes ``<id>.pdf``."""
    base = f"{agreement_id}.{path.suffix.lstrip('.').lower() or 'file'}"
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def bundled_corpus() -> Path:
    """The folder of agreements shipped with the package."""
    from clauses.resources import asset_dir

    return asset_dir("agreements")
