"""Precision and recall of ``clauses compare`` against clause alignments read by hand.

    python bench/eval_alignment.py                       # every tests/fixtures/alignments/*.json
    python bench/eval_alignment.py FILE.json [...] --texts ../shared/corpus --json

Each alignment file names two texts (``first``, ``second``: ``<texts>/<id>.txt``) and lists clause-id pairs
marked ``nearly-identical`` or ``rewritten``. The texts are analysed and matched as ``clauses compare A B``
does; a predicted pair is every two clauses of different texts in one match. Printed per file: precision and
recall overall, recall of the nearly identical and of the rewritten pairs, and per basis (what the match
rests on: wording, concepts, deadline) how many pairs it made and how many of them are right.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clauses.match import Alignment, match  # noqa: E402
from clauses.models import split_clause_id  # noqa: E402
from clauses.pipeline import analyze  # noqa: E402

DEFAULT_TEXTS = ROOT.parent / "shared" / "corpus"
Pair = frozenset[str]


def basis_of(found: object) -> str:
    """The match's basis; before matches carried one, a shared deadline was the only other basis."""
    basis = getattr(found, "basis", None)
    if basis is not None:
        return str(getattr(basis, "value", basis))
    return "deadline" if getattr(found, "shared_deadline", None) else "wording"


def predicted(alignment: Alignment) -> dict[Pair, str]:
    """Every cross-text pair of clauses the alignment makes → the basis of its match."""
    pairs: dict[Pair, str] = {}
    for found in alignment.matches:
        for a, b in itertools.combinations(found.clauses, 2):
            if split_clause_id(a).agreement != split_clause_id(b).agreement:
                pairs[frozenset((a, b))] = basis_of(found)
    return pairs


def ratio(hit: int, total: int) -> float:
    return hit / total if total else 0.0


def evaluate(hand: dict, guessed: dict[Pair, str]) -> dict[str, object]:
    """The figures for one file: overall, per kind of hand pair, per basis of predicted pair."""
    truth = {frozenset((p["first"], p["second"])): p["kind"] for p in hand["pairs"]}
    right = set(truth) & set(guessed)
    report: dict[str, object] = {
        "pair": f"{hand['first']} ~ {hand['second']}",
        "precision": ratio(len(right), len(guessed)),
        "recall": ratio(len(right), len(truth)),
        "predicted": len(guessed),
        "hand": len(truth),
    }
    for kind in ("nearly-identical", "rewritten"):
        of_kind = {p for p, k in truth.items() if k == kind}
        report[f"recall {kind}"] = ratio(len(of_kind & right), len(of_kind))
    for basis in sorted(set(guessed.values())):
        made = {p for p, b in guessed.items() if b == basis}
        report[f"basis {basis}"] = {"pairs": len(made), "right": len(made & right),
                                    "precision": ratio(len(made & right), len(made))}  # fmt: skip
    report["missed"] = sorted(" ~ ".join(sorted(p)) for p in set(truth) - right)
    report["wrong"] = sorted(" ~ ".join(sorted(p)) for p in set(guessed) - right)
    return report


def run(path: Path, texts: Path) -> dict[str, object]:
    hand = json.loads(path.read_text(encoding="utf-8"))
    result = analyze([texts / f"{hand['first']}.txt", texts / f"{hand['second']}.txt"])
    if result.failures:
        raise SystemExit(f"{result.failures[0].path}: {result.failures[0].message}")
    return evaluate(hand, predicted(match(result.agreements)))


def show(report: dict[str, object], verbose: bool) -> None:
    print(f"{report['pair']}: precision {report['precision']:.3f} recall {report['recall']:.3f} "
          f"({report['predicted']} predicted, {report['hand']} by hand); recall nearly identical "
          f"{report['recall nearly-identical']:.3f}, rewritten {report['recall rewritten']:.3f}")  # fmt: skip
    for key, value in report.items():
        if key.startswith("basis "):
            print(
                f"  {key}: {value['pairs']} pairs, {value['right']} right, precision {value['precision']:.3f}"
            )
    if verbose:
        for key in ("missed", "wrong"):
            for line in report[key]:
                print(f"  {key}: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of <id>.txt")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the missed and wrong pairs")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "tests" / "fixtures" / "alignments").glob("*.json"))
    reports = [run(path, args.texts) for path in files]
    if args.json:
        print(json.dumps(reports, indent=1, ensure_ascii=False))
        return
    for report in reports:
        show(report, args.verbose)


if __name__ == "__main__":
    main()
