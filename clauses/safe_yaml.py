"""YAML read without the blow-ups a hostile file can hide: alias expansion and deep nesting.

PyYAML shares an aliased node rather than copying it, but whatever walks the result afterwards
(validation, merging, dumping) visits every expansion: nine anchors of nine aliases each in a 29 KB
file ("billion laughs") stand for 10**9 nodes. The composed node graph is measured before any
Python object is built, and a document that would expand past ``MAX_NODES`` is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from clauses.errors import ClausesError

MAX_NODES = 200_000
"""Nodes of a document once every alias is expanded; the packaged taxonomy has about 6,000."""


class _Recursive(Exception):
    """A node that is its own descendant."""


def load_yaml(text: str, path: Any, loader: type = yaml.SafeLoader) -> Any:
    """The one document in ``text``, built with ``loader`` (a SafeLoader); errors name ``path``."""
    reader = loader(text)
    try:
        node = reader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_NODES:
            raise ClausesError(f"YAML aliases expand to over {MAX_NODES:,} values (an alias bomb)", path)
        return reader.construct_document(node)
    except RecursionError:
        raise ClausesError("YAML nested too deeply", path) from None
    except _Recursive as error:
        raise ClausesError(str(error), path) from None
    finally:
        reader.dispose()


def _expanded_size(root: yaml.Node) -> int:
    """Nodes under ``root`` counting each alias use anew; linear in distinct nodes (memoised, iterative).

    A node that contains itself (``&a [*a]``) expands without end: refused.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        children = _children(node)
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = min(1 + sum(sizes[id(child)] for child in children), MAX_NODES + 1)
        elif id(node) in open_nodes:
            raise _Recursive("a YAML alias refers to a node that contains it")
        elif id(node) not in sizes:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def yaml_error(error: yaml.YAMLError, path: Path) -> ClausesError:
    """A YAML syntax error as one line naming the file and the line."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f"line {mark.line + 1}: " if mark is not None else ""
    return ClausesError(f"{where}{problem}", path.name)


def validation_error(error: ValidationError, path: Path) -> ClausesError:
    """A schema error as one line naming the file and the field."""
    # In a union (a term is a string or a mapping) the deepest error is the telling one.
    first = max(error.errors(), key=lambda e: len(e["loc"]))
    field = ".".join(str(part) for part in first["loc"])
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return ClausesError(f"{field}: {first['msg']}{more}", path.name)
