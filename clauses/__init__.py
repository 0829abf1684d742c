"""clauses: read security agreements, label their clauses, match, diff and brief them.

Each stage is its own module, with a function of the stage's name:
``clauses.load.load``, ``clauses.segment.segment``, ``clauses.classify.classify_agreement``,
``clauses.match.match``, ``clauses.diff.diff``, ``clauses.report.render``.
The shortcuts below are imported on first use, so that ``import clauses`` stays light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyze", "classify_agreement", "who", "matrix", "build_brief", "render"]

_WHERE = {
    "analyze": "clauses.pipeline",
    "classify_agreement": "clauses.classify",
    "who": "clauses.commitments",
    "matrix": "clauses.commitments",
    "build_brief": "clauses.brief",
    "render": "clauses.report",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'clauses' has no attribute {name!r}")
