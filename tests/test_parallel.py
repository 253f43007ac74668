"""Work spread over worker processes: the same results in order, and a clear line when a worker dies."""

from __future__ import annotations

import concurrent.futures
import os

import pytest

from planctl.errors import PlanctlError
from planctl.parallel import PARALLEL_FROM, spread


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _die_on_five(n: int) -> int:
    if n == 5:
        os._exit(9)  # as a worker killed by the system (out of memory) ends
    return n


def test_results_come_back_in_order_from_worker_processes():
    items = list(range(3 * PARALLEL_FROM))
    found = list(spread(_square_and_pid, items, workers=2))
    assert [square for square, _ in found] == [n * n for n in items]
    assert os.getpid() not in {pid for _, pid in found}  # done apart
    few = list(spread(_square_and_pid, items[: PARALLEL_FROM - 1], workers=2))
    assert {pid for _, pid in few} == {os.getpid()}  # too few to start workers for


def test_where_no_worker_process_can_start_the_work_is_done_here(monkeypatch):
    def no_pool(*args, **kwargs):
        raise NotImplementedError("This platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    found = list(spread(_square_and_pid, list(range(PARALLEL_FROM)), workers=2))
    assert found == [(n * n, os.getpid()) for n in range(PARALLEL_FROM)]


def test_a_worker_that_dies_is_one_clear_error():
    with pytest.raises(PlanctlError, match=r"^a worker process stopped unexpectedly \(killed, or out of memory\?\); "
                                           r"run the command again$"):
        list(spread(_die_on_five, list(range(2 * PARALLEL_FROM)), workers=2))


_real_parse_job = None


def _parse_job_dying_on_the_last(job, vectorise=False):
    if job[0].endswith("plan_9.txt"):
        os._exit(9)
    return _real_parse_job(job, vectorise)


def test_index_whose_worker_dies_says_so_in_one_line_and_a_rerun_finishes(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from planctl import index
    from planctl.cli import cli

    global _real_parse_job
    _real_parse_job = index.parse_job
    for n in range(10):
        (tmp_path / f"plan_{n}.txt").write_text(f"第{n}区政府工作报告\n一、优化营商环境\n政务服务更便捷({n})。\n",
                                                encoding="utf-8")
    monkeypatch.setattr(index, "parse_job", _parse_job_dying_on_the_last)
    died = CliRunner().invoke(cli, ["index", "--quiet", str(tmp_path)])
    assert (died.exit_code, died.stderr) == (
        1, "Error: a worker process stopped unexpectedly (killed, or out of memory?); run the command again\n")
    monkeypatch.setattr(index, "parse_job", _real_parse_job)
    again = CliRunner().invoke(cli, ["index", str(tmp_path)])
    assert again.exit_code == 0 and f"{tmp_path}: 10 documents indexed, 0 skipped" in again.stderr
