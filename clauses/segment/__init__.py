"""Segmentation: normalised text -> clauses numbered as the document numbers them.

Input is the loaders' normalised text: one paragraph per line, blank lines
between paragraphs, list markers kept at the start of a line, optional
Markdown (``#`` headings, ``- `` bullets, ``**bold**``).

Path scheme (README "Clause paths"):

- Structural headings give path components: ``Part II`` -> ``II``,
  ``Paragraph 6`` / ``Пункт 6`` -> ``6``, a roman heading ``IV.`` -> ``IV``,
  a letter heading ``D.`` -> ``D``, a numbered topic line ``1. Predictable
  supply`` -> ``1``. ``Article 5`` / ``Стаття 5`` / ``Статья 5`` -> ``Article 5``
  and ``Annex`` start the path afresh (articles are numbered document-wide).
- Numbered items add their own marker (``II.5``, ``II.5.a``, ``3.b.ii``);
  bullets add a positional marker ``•1``, ``•2`` ...
- Unnumbered paragraphs get ``<scope>.p<k>`` (``k`` counts within the scope);
  before the first structural element they are recitals ``preamble.<k>``.
- Footnotes are ``fn<n>``; prose sentence units are ``p<paragraph>.s<sentence>``.
- A path met twice (a document restarting its numbering under an unnumbered
  heading) gets ``~2``, ``~3`` ... in order of appearance.

Headings (title block included) are context in ``Clause.heading``; the
signature block after the "Signed in ..." clause is skipped. Nothing is lost:
``segment_with_rest`` returns, beside the clauses, every piece of the body
that is in no clause text (headings, signature lines, list markers, markup).
"""

from __future__ import annotations

from clauses.errors import ClausesError
from clauses.models import Clause
from clauses.segment.agreement import AgreementBuilder
from clauses.segment.lines import parse, unwrap
from clauses.segment.prose import ProseBuilder
from clauses.segment.state import Segmentation

__all__ = ["Segmentation", "segment", "segment_with_rest"]


def segment(text: str, agreement_id: str, *, prose: bool = False) -> list[Clause]:
    """Split normalised text into clauses (sentence units when ``prose``)."""
    return segment_with_rest(text, agreement_id, prose=prose).clauses


def segment_with_rest(text: str, agreement_id: str, *, prose: bool = False) -> Segmentation:
    """Like ``segment``, also returning what no clause holds (headings, signatures, markers)."""
    if not isinstance(text, str):
        raise ClausesError(f"text to segment must be str, not {type(text).__name__}")
    if not agreement_id or any(ch.isspace() or ch == ":" for ch in agreement_id):
        raise ClausesError(f"agreement id must be a slug without spaces or ':', got {agreement_id!r}")
    lines = [parse(raw) for raw in unwrap([line.strip() for line in text.splitlines()])]
    builder = ProseBuilder(agreement_id) if prose else AgreementBuilder(agreement_id)
    return builder.run(lines)
