"""Geometry for the two small inline SVG drawings of the pages: coverage over time
(bars per day) and the isnad of a claim (origin → intermediaries → outlets).

These return numbers and labels only; the templates write the SVG, so every label
goes through Jinja's escaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    count: int


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    first: str
    last: str
    peak: int


def coverage_chart(days: dict[str, int], *, width: int = 160, height: int = 36, max_days: int = 60) -> Chart | None:
    """Bars of articles per day, empty days included, the last ``max_days`` days at most.

    >>> chart = coverage_chart({"2024-10-25": 4, "2024-10-27": 1})
    >>> [(b.day, b.count) for b in chart.bars], chart.peak
    ([('2024-10-25', 4), ('2024-10-26', 0), ('2024-10-27', 1)], 4)
    """
    parsed: dict[date, int] = {}
    for text, count in days.items():
        try:
            key = date.fromisoformat(text[:10])
        except ValueError:
            continue
        parsed[key] = parsed.get(key, 0) + count
    if not parsed:
        return None
    last = max(parsed)
    first = max(min(parsed), last - timedelta(days=max_days - 1))
    span = (last - first).days + 1
    peak = max(parsed.values())
    step = min(width / span, 14.0)  # one day is a bar, not a block
    bars = []
    for i in range(span):
        day = first + timedelta(days=i)
        count = parsed.get(day, 0)
        bar_height = (height - 2) * count / peak if count else 0
        # Time runs right to left on an Arabic page: the first day is the rightmost bar.
        x = width - (i + 1) * step
        bars.append(Bar(round(x + step * 0.1, 2), round(height - bar_height, 2), round(step * 0.8, 2),
                        round(bar_height, 2), day.isoformat(), count))  # fmt: skip
    return Chart(width, height, bars, first.isoformat(), last.isoformat(), peak)


@dataclass(slots=True)
class Node:
    key: str
    label: str
    column: int
    kind: str  # origin | intermediary | outlet
    x: float = 0.0
    y: float = 0.0


@dataclass(slots=True)
class Graph:
    width: int
    height: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[float, float, float, float]] = field(default_factory=list)
    node_width: int = 150
    node_height: int = 26


def isnad_graph(chains: list[list[str]], *, width: int = 640, row: int = 34, max_rows: int = 14) -> Graph | None:
    """Lay out chains ``[origin, intermediary…, outlet]`` in columns, origin on the right.

    Nodes with the same label in the same role are drawn once; the outlet is always
    the last column.

    >>> graph = isnad_graph([["وول ستريت جورنال", "الجزيرة", "القدس العربي"], ["وول ستريت جورنال", "CNN"]])
    >>> sorted((n.kind, n.label) for n in graph.nodes)[:2]
    [('intermediary', 'الجزيرة'), ('origin', 'وول ستريت جورنال')]
    >>> len(graph.edges)
    3
    """
    chains = [[c for c in chain if c] for chain in chains]
    chains = [chain for chain in chains if len(chain) >= 2]
    if not chains:
        return None
    depth = min(max(len(c) for c in chains), 4)
    nodes: dict[tuple[str, int], Node] = {}
    pairs: list[tuple[tuple[str, int], tuple[str, int]]] = []
    for chain in chains:
        middle = chain[1:-1][: depth - 2]
        columns = [0, *range(1, 1 + len(middle)), depth - 1]
        kinds = ["origin", *["intermediary"] * len(middle), "outlet"]
        keys = []
        for label, column, kind in zip([chain[0], *middle, chain[-1]], columns, kinds, strict=True):
            key = (label, column)
            nodes.setdefault(key, Node(key=f"{column}:{label}", label=label, column=column, kind=kind))
            keys.append(key)
        for a, b in zip(keys, keys[1:], strict=False):
            if (a, b) not in pairs:
                pairs.append((a, b))
    by_column: dict[int, list[Node]] = {}
    for node in nodes.values():
        by_column.setdefault(node.column, []).append(node)
    rows = min(max(len(v) for v in by_column.values()), max_rows)
    graph = Graph(width=width, height=rows * row + 12)
    node_width = graph.node_width = int(min(150, (width - 20 * (depth - 1)) / depth))
    gap = (width - depth * node_width) / max(depth - 1, 1)
    for column, members in sorted(by_column.items()):
        members = members[:max_rows]
        offset = (graph.height - len(members) * row) / 2
        for i, node in enumerate(members):
            node.x = width - node_width - column * (node_width + gap)
            node.y = offset + i * row + 4
            graph.nodes.append(node)
    drawn = {(n.label, n.column): n for n in graph.nodes}
    for a, b in pairs:
        if a in drawn and b in drawn:
            start, end = drawn[a], drawn[b]
            graph.edges.append((start.x, start.y + graph.node_height / 2, end.x + node_width, end.y + graph.node_height / 2))
    return graph
