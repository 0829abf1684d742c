"""Optimal one-to-one assignment on a sparse similarity graph (maximum total similarity).

Why not ``scipy.optimize.linear_sum_assignment``: SciPy is a 40 MB dependency for one
function, and our graphs fall apart into tiny connected components once pairs below
the threshold are dropped (almost every component of parallel texts is one pair), so
a plain Hungarian method per component costs microseconds.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from itertools import permutations, repeat
from math import perm

EXHAUSTIVE = 6
"""Components with at most this many one-to-one pairings are solved by trying each (faster than Hungarian)."""

Row = Hashable
Column = Hashable


def best_assignment(scores: Mapping[tuple[Row, Column], float]) -> list[tuple[Row, Column]]:
    """Pairs (row, column), each row and column at most once, with the largest sum of scores."""
    pairs: list[tuple[Row, Column]] = []
    for rows, columns in _components(scores):
        if len(rows) == len(columns) == 1:
            pairs.append((rows[0], columns[0]))
        elif perm(max(len(rows), len(columns)), min(len(rows), len(columns))) <= EXHAUSTIVE:
            pairs.extend(_exhaustive(rows, columns, scores))
        else:
            pairs.extend(_hungarian(rows, columns, scores))
    return pairs


def _components(scores: Mapping[tuple[Row, Column], float]) -> list[tuple[list[Row], list[Column]]]:
    """Connected components of the bipartite graph, rows and columns in first-seen order."""
    row_edges: dict[Row, list[Column]] = {}
    column_edges: dict[Column, list[Row]] = {}
    for row, column in scores:
        if row in row_edges:
            row_edges[row].append(column)
        else:
            row_edges[row] = [column]
        if column in column_edges:
            column_edges[column].append(row)
        else:
            column_edges[column] = [row]
    components: list[tuple[list[Row], list[Column]]] = []
    row_component: dict[Row, int] = {}
    column_component: dict[Column, int] = {}
    for start in row_edges:
        if start in row_component:
            continue
        label = len(components)
        components.append(([], []))
        row_component[start], stack = label, [start]
        while stack:
            for column in row_edges[stack.pop()]:
                if column in column_component:
                    continue
                column_component[column] = label
                for row in column_edges[column]:
                    if row not in row_component:
                        row_component[row] = label
                        stack.append(row)
    for row in row_edges:
        components[row_component[row]][0].append(row)
    for column in column_edges:
        components[column_component[column]][1].append(column)
    return components


def _exhaustive(
    rows: list[Row], columns: list[Column], scores: Mapping[tuple[Row, Column], float]
) -> list[tuple[Row, Column]]:
    """The best of every pairing of the smaller side into the larger (the first of equal totals)."""
    if len(rows) <= len(columns):
        pairings = ([*zip(rows, order, strict=True)] for order in permutations(columns, len(rows)))
    else:
        pairings = ([*zip(order, columns, strict=True)] for order in permutations(rows, len(columns)))
    best, chosen, get = -1.0, [], scores.get
    for pairing in pairings:
        total = sum(map(get, pairing, repeat(0.0)))
        if total > best:
            best, chosen = total, pairing
    return [pair for pair in chosen if pair in scores]


def _hungarian(
    rows: list[Row], columns: list[Column], scores: Mapping[tuple[Row, Column], float]
) -> list[tuple[Row, Column]]:
    """Kuhn–Munkres with potentials on the square matrix of costs -score (0 = no pair), 1-based."""
    size = max(len(rows), len(columns))
    cost = [[0.0] * (size + 1) for _ in range(size + 1)]
    for r, row in enumerate(rows, start=1):
        line = cost[r]
        for c, column in enumerate(columns, start=1):
            line[c] = -scores.get((row, column), 0.0)
    inf = float("inf")
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    owner, way = [0] * (size + 1), [0] * (size + 1)
    for r in range(1, size + 1):
        owner[0], column = r, 0
        least, used = [inf] * (size + 1), [False] * (size + 1)
        while owner[column]:
            used[column] = True
            row, delta, next_column = owner[column], inf, 0
            line, row_potential = cost[row], u[row]
            for c in range(1, size + 1):
                if not used[c]:
                    reduced = line[c] - row_potential - v[c]
                    lowest = least[c]
                    if reduced < lowest:
                        least[c] = lowest = reduced
                        way[c] = column
                    if lowest < delta:
                        delta, next_column = lowest, c
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
