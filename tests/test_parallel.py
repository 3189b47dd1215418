"""Forked workers (plugins/news_digest/parallel.py): every item computed once, results in item order, failures reported."""

from __future__ import annotations

import os
from itertools import groupby
from pathlib import Path

import pytest

from news_digest.parallel import WorkerError, fork_map


def _squares_and_workers(share: list[int]) -> list[tuple[int, int]]:
    return [(item * item, os.getpid()) for item in share]


@pytest.mark.parametrize("contiguous", [False, True])
def test_fork_map_returns_one_result_per_item_in_item_order_from_two_processes(tmp_path: Path, contiguous: bool) -> None:
    results = fork_map(_squares_and_workers, list(range(101)), 2, scratch=str(tmp_path), contiguous=contiguous)
    assert [square for square, _ in results] == [item * item for item in range(101)]
    workers = [pid for _, pid in results]
    assert set(workers) - {os.getpid()} and os.getpid() in workers
    assert list(tmp_path.iterdir()) == []  # the children's result files are removed


def test_contiguous_shares_are_consecutive_runs_of_items_and_interleaved_ones_alternate(tmp_path: Path) -> None:
    contiguous = fork_map(_squares_and_workers, list(range(10)), 2, scratch=str(tmp_path), contiguous=True)
    assert [(pid, len(list(run))) for pid, run in groupby(pid for _, pid in contiguous)][0] == (os.getpid(), 5)
    assert len(list(groupby(pid for _, pid in contiguous))) == 2
    interleaved = fork_map(_squares_and_workers, list(range(10)), 2, scratch=str(tmp_path))
    assert [pid == os.getpid() for _, pid in interleaved] == [True, False] * 5


def _fails_on_seven(share: list[int]) -> list[int]:
    if 7 in share:
        raise ValueError("seven is not welcome")
    return share


def test_a_failing_worker_raises_with_its_traceback(tmp_path: Path) -> None:
    with pytest.raises(WorkerError, match="seven is not welcome"):
        fork_map(_fails_on_seven, list(range(10)), 2, scratch=str(tmp_path), contiguous=True)
