"""What changed between two versions of one agreement: ``diff(old, new) -> AgreementDiff``.

``align`` pairs the clauses, ``words`` compares two wordings, ``renumber`` tells a renumbering of the
whole document once, ``core`` puts the changes together; ``models`` is what they return.
"""

from clauses.diff.core import diff
from clauses.diff.models import AgreementDiff, Change, ChangeKind
from clauses.diff.words import numbers_changed, redline

__all__ = ["AgreementDiff", "Change", "ChangeKind", "diff", "numbers_changed", "redline"]
