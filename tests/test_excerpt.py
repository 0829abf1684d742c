"""Short quotes: the sentence with the category's evidence, an ellipsis wherever text was cut."""

from __future__ import annotations

from clauses.excerpt import ELLIPSIS, evidence, excerpt
from clauses.models import CategoryLabel, Clause, Reason, Strength

LONG = (
    "Norway will keep supporting Ukraine's armed forces for as long as it takes, with packages agreed between "
    "the two ministries of defence and delivered on the schedule both sides set each spring. "
    "In 2025 it will donate two NASAMS batteries and their interceptors to Ukraine. "
    "It will also fund training of Ukrainian crews in Norway."
)


def _clause() -> Clause:
    return Clause(
        id="ua-no-2030:3",
        path="3",
        text=LONG,
        categories=[CategoryLabel(id="air-defense", score=0.8), CategoryLabel(id="training", score=0.7)],
        strength=Strength.FIRM,
        obligors=["NO"],
        reasons=[
            Reason(label="air-defense", value="0.80", evidence="NASAMS, interceptors, [heading] Air defence"),
            Reason(label="training", value="0.70", evidence="training"),
            Reason(label="strength", value="firm", evidence="will"),
        ],
    )


def test_evidence_is_the_category_cues_without_headings() -> None:
    assert evidence(_clause(), "air-defense") == ["NASAMS", "interceptors"]
    assert evidence(_clause(), "training") == ["training"]
    assert evidence(_clause()) == ["NASAMS", "interceptors", "training"], "every category, not strength"


def test_the_quote_is_the_sentence_with_the_evidence() -> None:
    quote = excerpt(LONG, evidence(_clause(), "air-defense"), 120)
    assert (
        quote
        == f"{ELLIPSIS} In 2025 it will donate two NASAMS batteries and their interceptors to Ukraine. {ELLIPSIS}"
    )
    assert excerpt(LONG, evidence(_clause(), "training"), 120).endswith(
        "fund training of Ukrainian crews in Norway."
    )


def test_a_short_clause_is_quoted_whole_and_a_long_sentence_cut_around_its_cue() -> None:
    assert excerpt("Norway will train crews.", ["train"], 50) == "Norway will train crews."
    sentence = "Norway will, " + "together with its partners and allies, " * 6 + "donate NASAMS to Ukraine."
    quote = excerpt(sentence, ["NASAMS"], 80)
    assert "NASAMS" in quote and quote.startswith(ELLIPSIS) and len(quote) <= 80 + 4
    assert excerpt(sentence, [], 80).endswith(ELLIPSIS), "no cue: the opening, cut"
