"""A build collects garbage rarely, and leaves what it built to the process's exit or to the next build."""

from __future__ import annotations

import gc

from news_digest.collector import BUILD_THRESHOLDS, build_pace


def test_build_pace_collects_rarely_inside_and_restores_the_thresholds_after():
    before = gc.get_threshold()
    try:
        with build_pace():
            assert gc.get_threshold() == BUILD_THRESHOLDS
        assert gc.get_threshold() == before
    finally:
        gc.unfreeze()


def test_what_a_build_leaves_is_frozen_until_the_next_build_starts():
    try:
        with build_pace():
            kept = [[index] for index in range(1000)]  # containers the collector tracks
        assert gc.get_freeze_count() >= len(kept)
        with build_pace():
            assert gc.get_freeze_count() == 0  # the earlier build's objects can be collected again
    finally:
        gc.unfreeze()
