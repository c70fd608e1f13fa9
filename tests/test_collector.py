import gc

import pytest

from reportgen.collector import FULL_AFTER_MIDDLE, rare_full_collections


def test_full_collections_are_rare_inside_and_the_thresholds_come_back_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), rare_full_collections():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full == max(before[2], FULL_AFTER_MIDDLE)
        raise RuntimeError("a build that fails")
    assert gc.get_threshold() == before


def test_a_higher_threshold_set_by_the_caller_is_kept():
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], FULL_AFTER_MIDDLE * 5)
    try:
        with rare_full_collections():
            assert gc.get_threshold()[2] == FULL_AFTER_MIDDLE * 5
    finally:
        gc.set_threshold(*before)
