"""clauses: read security agreements, label their clauses, match, diff and brief them.

The public functions are imported on first use, so that ``import clauses`` stays light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["load", "analyze", "classify_agreement", "segment", "match", "diff", "render"]

_WHERE = {
    "load": "clauses.load",
    "analyze": "clauses.pipeline",
    "classify_agreement": "clauses.classify",
    "segment": "clauses.segment",
    "match": "clauses.match",
    "diff": "clauses.diff",
    "render": "clauses.report",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'clauses' has no attribute {name!r}")
