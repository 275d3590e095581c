"""Disjoint sets (:mod:`exportctl.screening.disjoint_sets`): the sets are the transitive closure of the joins."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exportctl.screening.disjoint_sets import DisjointSets


def test_joins_close_transitively() -> None:
    sets = DisjointSets(6)
    sets.join(0, 3)
    sets.join(4, 3)
    sets.join(5, 1)
    assert sets.groups() == [[0, 3, 4], [1, 5], [2]]
    assert sets.root(0) == sets.root(4) != sets.root(1)


@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))))
    )
)
def test_the_groups_are_the_components_of_the_joins(case: tuple[int, list[tuple[int, int]]]) -> None:
    size, joins = case
    sets = DisjointSets(size)
    for one, other in joins:
        sets.join(one, other)
    groups = sets.groups()
    assert sorted(item for group in groups for item in group) == list(range(size))  # a partition
    # the components by a plain search over the joins, as sets of items
    neighbours: dict[int, set[int]] = {item: set() for item in range(size)}
    for one, other in joins:
        neighbours[one].add(other)
        neighbours[other].add(one)
    for group in groups:
        reached, frontier = {group[0]}, [group[0]]
        while frontier:
            for nxt in neighbours[frontier.pop()] - reached:
                reached.add(nxt)
                frontier.append(nxt)
        assert reached == set(group) and group == sorted(group)
