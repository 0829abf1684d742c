"""Markdown files: front matter as sites and tools write it, and a CommonMark body with no markup left."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from clauses.errors import ClausesError
from clauses.load import load, read_document
from clauses.load.markdown import markdown_body, split_front_matter

SITE_FRONT_MATTER = """---
site: "example.org"
author: A. Writer
date: '2024-07-09'
modified_time: 2024-07-10 16:57:03-04:00
published_time: 2024-07-09 18:00:00-04:00
source_url: https://example.org/releases/2024/07/09/river-statement/
tags: statements-releases
keywords:
- '[[rivers]]'
title: "Joint Statement on River Safety by the Ukrainian\\_and Moldovan\\u2019s Ministers"
---
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_site_front_matter_is_read_not_refused(tmp_path):
    path = write(
        tmp_path, "river.md", SITE_FRONT_MATTER + "\nWe will patrol the Dniester together every week.\n"
    )
    agreement = load(path)
    assert agreement.signed == dt.date(2024, 7, 9)
    assert agreement.url == "https://example.org/releases/2024/07/09/river-statement/"
    assert agreement.title == "Joint Statement on River Safety by the Ukrainian and Moldovan’s Ministers"
    assert [c.text for c in agreement.clauses] == ["We will patrol the Dniester together every week."]


@pytest.mark.parametrize(
    ("keys", "signed"),
    [
        ("published: '2024-05-27T08:00:00+00:00'\n", dt.date(2024, 5, 27)),
        ("published_time: 2023-01-26 23:59:00-05:00\n", dt.date(2023, 1, 26)),
        ("modified_time: 2022-04-08 12:00:00-04:00\n", dt.date(2022, 4, 8)),
        ("date: 2021-09-01\nmodified_time: 2022-04-08 12:00:00-04:00\n", dt.date(2021, 9, 1)),
        ("signed: 2020-02-02\ndate: 2021-09-01\n", dt.date(2020, 2, 2)),
    ],
)
def test_a_publication_date_is_the_date_and_comes_before_a_modification(keys, signed):
    fields, _ = split_front_matter(f"---\n{keys}---\nText.\n", "x.md")
    assert fields["signed"] == signed


def test_lang_and_url_aliases(tmp_path):
    fields, _ = split_front_matter("---\nlang: uk\nurl: https://example.org/a\n---\nТекст.\n", "x.md")
    assert (fields["language"], fields["url"]) == ("uk", "https://example.org/a")


def test_a_known_key_with_a_wrong_value_is_an_error_naming_the_key_as_written(tmp_path):
    path = write(tmp_path, "bad.md", "---\npublished: 'last Tuesday'\n---\n\nText of it.\n")
    with pytest.raises(ClausesError) as raised:
        read_document(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: front matter: published:") and "\n" not in message


def test_unknown_party_code_is_still_an_error(tmp_path):
    path = write(tmp_path, "bad.md", "---\nauthor: me\nparties: [UA, QQ]\n---\n\nText.\n")
    with pytest.raises(ClausesError, match="unknown party code 'QQ'"):
        read_document(path)


PANDOC_BODY = r"""Today the ministers met in Chisinau on the 13<sup>th</sup> of May, as
*reported* by [the ministry](https://example.org/m) and <press@example.org>.
The patrols begin in
(ERA) waters \[sic\] on **Monday**.

-   **Patrols:** boats on the river.
-   Charts shared every *month*.
    -   Nested detail of the charts.

1\. A numbered paragraph the converter escaped.

| Country | Contribution |
|---|---|
| Poland | two boats |

<!-- a separator -->

\###
"""


def test_no_markup_survives_into_the_text():
    text = markdown_body(PANDOC_BODY)
    assert text.endswith("two boats\n")
    assert text.rstrip("\n").split("\n\n") == [
        "Today the ministers met in Chisinau on the 13th of May, as reported by the ministry and "
        "press@example.org. The patrols begin in (ERA) waters [sic] on Monday.",
        "- Patrols: boats on the river.",
        "- Charts shared every month.",
        "◦ Nested detail of the charts.",
        "1. A numbered paragraph the converter escaped.",
        "Country: Contribution",
        "Poland: two boats",
    ]


def test_headings_hard_breaks_and_ordered_lists_keep_their_lines():
    text = markdown_body("# Title\n\n**Outcomes**  \nOn the Black Sea  \nRiyadh\n\n3) third\n4) fourth\n")
    assert text.rstrip("\n").split("\n\n") == [
        "# Title",
        "Outcomes\nOn the Black Sea\nRiyadh",
        "3) third",
        "4) fourth",
    ]


def test_a_bold_marker_the_parser_cannot_pair_is_dropped():
    assert markdown_body("- **Consult in the event of an attack **at the highest levels.\n") == (
        "- Consult in the event of an attack at the highest levels.\n"
    )


def _load_seconds(tmp_path: Path, repeats: int) -> float:
    """The best of three loads: the machine is shared, the best run is the one least disturbed."""
    path = write(tmp_path, f"bold{repeats}.md", "# Bold\n\n" + "**x " * repeats + "\n")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        load(path)
        times.append(time.perf_counter() - start)
    return min(times)


def test_a_long_line_of_unclosed_bold_loads_in_linear_time(tmp_path):
    """Issue #16: one 200 KB line of '**x ' took over ten minutes under a backtracking bold regex."""
    _load_seconds(tmp_path, 500)  # imports and caches outside the measurement
    small, large = _load_seconds(tmp_path, 1_000), _load_seconds(tmp_path, 8_000)
    # eight times the text: linear is 8, quadratic 64; the bound leaves room for a loaded machine
    assert large / max(small, 1e-3) < 24, (small, large)
