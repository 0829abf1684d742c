"""Optimal one-to-one assignment on a sparse similarity graph (maximum total similarity).

Why not ``scipy.optimize.linear_sum_assignment``: SciPy is a 40 MB dependency for one
function, and our graphs fall apart into tiny connected components once pairs below
the threshold are dropped (almost every component of parallel texts is one pair), so
a plain Hungarian method per component costs microseconds.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

Row = Hashable
Column = Hashable


def best_assignment(scores: Mapping[tuple[Row, Column], float]) -> list[tuple[Row, Column]]:
    """Pairs (row, column), each row and column at most once, with the largest sum of scores."""
    pairs: list[tuple[Row, Column]] = []
    for rows, columns in _components(scores):
        if len(rows) == 1 and len(columns) == 1:
            pairs.append((rows[0], columns[0]))
            continue
        pairs.extend(_hungarian(rows, columns, scores))
    return pairs


def _components(scores: Mapping[tuple[Row, Column], float]) -> list[tuple[list[Row], list[Column]]]:
    """Connected components of the bipartite graph, rows and columns in first-seen order."""
    parent: dict[tuple[int, Hashable], tuple[int, Hashable]] = {}

    def find(node: tuple[int, Hashable]) -> tuple[int, Hashable]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for row, column in scores:
        parent[find((0, row))] = find((1, column))
    groups: dict[tuple[int, Hashable], tuple[list[Row], list[Column]]] = {}
    for side, name in list(parent):
        rows, columns = groups.setdefault(find((side, name)), ([], []))
        (rows if side == 0 else columns).append(name)
    return list(groups.values())


def _hungarian(
    rows: list[Row], columns: list[Column], scores: Mapping[tuple[Row, Column], float]
) -> list[tuple[Row, Column]]:
    """Kuhn–Munkres with potentials on the square matrix of costs -score (0 = no pair)."""
    size = max(len(rows), len(columns))
    cost = [
        [-scores.get((rows[r], columns[c]), 0.0) if r < len(rows) and c < len(columns) else 0.0
         for c in range(size)]
        for r in range(size)
    ]  # fmt: skip
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    owner, way = [0] * (size + 1), [0] * (size + 1)
    for r in range(1, size + 1):
        owner[0], column = r, 0
        least, used = [float("inf")] * (size + 1), [False] * (size + 1)
        while owner[column]:
            used[column] = True
            row, delta, next_column = owner[column], float("inf"), 0
            for c in range(1, size + 1):
                if not used[c]:
                    reduced = cost[row - 1][c - 1] - u[row] - v[c]
                    if reduced < least[c]:
                        least[c], way[c] = reduced, column
                    if least[c] < delta:
                        delta, next_column = least[c], c
            for c in range(size + 1):
                if used[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    least[c] -= delta
            column = next_column
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    pairs = []
    for c in range(1, size + 1):
        r = owner[c] - 1
        if r < len(rows) and c - 1 < len(columns) and (rows[r], columns[c - 1]) in scores:
            pairs.append((rows[r], columns[c - 1]))
    return pairs
