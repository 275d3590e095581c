"""Blocking votes precomputed for the whole vocabulary at build are exactly those worked out at query time."""

from __future__ import annotations

import copy
import pickle

import numpy as np

from exportctl.lists.model import ListEntry
from exportctl.screening import ScreeningIndex, screen
from exportctl.screening.index import VocabularyVotes, compute_token_votes


def test_every_vocabulary_token_gets_the_votes_it_would_get_at_query_time(index: ScreeningIndex) -> None:
    vocabulary = index.vocabulary_votes
    assert isinstance(vocabulary, VocabularyVotes)
    for token_id, token in enumerate(index.tokens):
        stored, computed = vocabulary.of(token_id), compute_token_votes(index, token, False, False)
        assert (stored.weight, stored.best, stored.unreached, stored.common) == (
            computed.weight,
            computed.best,
            computed.unreached,
            computed.common,
        ), token
        assert np.array_equal(stored.names, computed.names) and np.array_equal(stored.votes, computed.votes), token


def test_an_index_without_precomputed_votes_screens_the_same(index: ScreeningIndex) -> None:
    bare = copy.copy(index)
    bare.vocabulary_votes = None
    bare.token_cache = {}
    index.token_cache.clear()
    for query in ("Huawei Technologies Co Ltd", "华为技术有限公司", "Bashar al-Assad", "Rosoboronexport OAO", "Hiyam"):
        assert screen(bare, query, threshold=0.6) == screen(index, query, threshold=0.6)


def test_a_small_index_precomputes_its_own_vocabulary(corpus: list[ListEntry]) -> None:
    small = ScreeningIndex.build(corpus[:40])
    assert isinstance(small.vocabulary_votes, VocabularyVotes)
    assert len(small.vocabulary_votes.weight) == len(small.tokens)
    assert len(small.vocabulary_votes.offsets) == len(small.tokens) + 1


def test_a_loaded_index_builds_its_edit_keys_only_for_an_unknown_word(index: ScreeningIndex) -> None:
    loaded = pickle.loads(pickle.dumps(index))
    assert not loaded.edit_keys_built and not loaded.by_delete
    assert screen(loaded, "Huawei Technologies Co., Ltd.") == screen(index, "Huawei Technologies Co., Ltd.")
    assert not loaded.edit_keys_built  # every word listed: precomputed votes were enough
    assert screen(loaded, "Huawwei Tecnologies") == screen(index, "Huawwei Tecnologies")
    assert loaded.edit_keys_built and loaded.by_delete == index.by_delete
