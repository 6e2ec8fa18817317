"""Strings packed into arrays give back exactly what was put in, also after a pickle round trip."""
from __future__ import annotations

import pickle

from bot.core.packed import PackedGroups, PackedMapping

GROUPS = [("住民票の写し", "ALTの任用期間は"), (), ("", "ｶﾅ and English"), ("📮郵送で",)]


def test_groups_come_back_as_given() -> None:
    packed = PackedGroups(GROUPS)
    assert len(packed) == 4 and list(packed) == GROUPS and packed[2] == ("", "ｶﾅ and English")
    assert [packed.string(k) for k in range(5)] == [s for g in GROUPS for s in g]
    assert list(pickle.loads(pickle.dumps(packed))) == GROUPS


def test_a_mapping_answers_like_the_dict_it_was_made_from() -> None:
    source = {"地方財政": {"地方財政措置"}, "国際交流": {"国際交流員", "国際交流協会"}, "ALT": {"ALT"}}
    packed = pickle.loads(pickle.dumps(PackedMapping(source)))
    assert len(packed) == 3
    for key, values in source.items():
        assert packed.get(key) == tuple(sorted(values))
    assert packed.get("国際") == () and packed.get("国際交流員") == () and packed.get("x", ("none",)) == ("none",)


def test_an_empty_mapping_finds_nothing() -> None:
    assert PackedMapping({}).get("何か") == ()


def test_several_groups_at_once_equal_them_one_by_one() -> None:
    packed = pickle.loads(pickle.dumps(PackedGroups(GROUPS)))
    order = [3, 0, 1, 2, 0]
    assert packed.many(order) == [packed[i] for i in order] == [GROUPS[i] for i in order]
    assert packed.many([]) == [] and packed.many([1]) == [()]
