"""The PDF layout device with a budget: tiny files must not stand for unbounded work.

A form XObject may draw other forms, each several times: 2.9 KB of forms drawing the next one
twice, thirty deep, is 2**30 drawings (killed at 180 s and 7.7 GB). And pdfminer's layout analysis
grows faster than the characters of a page: one dense page of 3,000 tight lines took 83 s. So a
page may nest forms ``MAX_FORM_DEPTH`` deep, draw ``MAX_FORMS_PER_PAGE`` of them and hold
``MAX_PAGE_CHARS`` characters, and the whole file ``MAX_PDF_CHARS``; beyond that the file is refused,
naming the page.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MAX_FORM_DEPTH = 12
MAX_FORMS_PER_PAGE = 2_000
MAX_PAGE_CHARS = 30_000
"""A dense A4 page in small print holds about 10,000 characters."""
MAX_PDF_CHARS = 2_000_000
"""All pages together (about 600 dense pages; the longest agreement has 40): pages at the per-page
limit would otherwise take an hour to lay out."""


class PageOverBudget(Exception):
    """A page that nests or repeats drawings, or holds characters, beyond the limits."""


def bounded_aggregator(resources: Any, laparams: Any) -> Any:
    """A pdfminer page aggregator that raises PageOverBudget when a page passes a limit."""
    return _aggregator_class()(resources, laparams=laparams)


@cache
def _aggregator_class() -> type:
    from pdfminer.converter import PDFPageAggregator

    class BoundedAggregator(PDFPageAggregator):
        page_number = total_chars = 0
        depth = forms = chars = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.page_number += 1
            self.depth = self.forms = self.chars = 0
            super().begin_page(page, ctm)

        def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
            self.depth += 1
            self.forms += 1
            if self.depth > MAX_FORM_DEPTH:
                raise PageOverBudget(f"page {self.page_number} nests drawings over {MAX_FORM_DEPTH} deep")
            if self.forms > MAX_FORMS_PER_PAGE:
                raise PageOverBudget(
                    f"page {self.page_number} draws over {MAX_FORMS_PER_PAGE:,} drawing objects"
                )
            super().begin_figure(name, bbox, matrix)

        def end_figure(self, name: str) -> None:
            self.depth -= 1
            super().end_figure(name)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.chars += 1
            self.total_chars += 1
            if self.chars > MAX_PAGE_CHARS or self.total_chars > MAX_PDF_CHARS:
                raise PageOverBudget(self._too_many_chars())
            return super().render_char(*args, **kwargs)

        def _too_many_chars(self) -> str:
            if self.chars > MAX_PAGE_CHARS:
                return f"page {self.page_number} holds over {MAX_PAGE_CHARS:,} characters"
            return f"the pages up to {self.page_number} hold over {MAX_PDF_CHARS:,} characters"

    return BoundedAggregator
