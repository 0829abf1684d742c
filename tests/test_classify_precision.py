"""How precise a commitment is."""

from __future__ import annotations

from classify_helpers import label

from clauses.models import Precision


def test_precision_specific_and_general():
    assert label("Norway will contribute to the PURL initiative.").precision == Precision.SPECIFIC
    assert label("Norway will support Ukraine.").precision == Precision.GENERAL
