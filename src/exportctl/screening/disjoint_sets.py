"""Disjoint sets (union–find) over ``0 … n-1``: which items a relation read pair by pair puts together, closed
transitively. Grouping hits by party and learning one party's entries on several lists both ask it."""

from __future__ import annotations


class DisjointSets:
    """Items ``0 … size-1``, each alone until joined; path halving keeps the trees flat."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def root(self, item: int) -> int:
        """The representative of the item's set."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, one: int, other: int) -> None:
        """Put the two items' sets together."""
        self._parent[self.root(one)] = self.root(other)

    def groups(self) -> list[list[int]]:
        """Every set, its items in order, the sets in the order of their first items."""
        found: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            found.setdefault(self.root(item), []).append(item)
        return list(found.values())
