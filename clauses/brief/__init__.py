"""The brief: its context model (``model``), heat map and sections, findings, timeline, built by ``build_brief``."""

from clauses.brief.build import MAX_BRIEF_CLAUSES, build_brief
from clauses.brief.model import Brief

__all__ = ["MAX_BRIEF_CLAUSES", "Brief", "build_brief"]
