"""Progress of long report work: generators yield Progress and return their result."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """`done` of `total` steps; `label` says what is being done now."""

    done: int
    total: int
    label: str

    @property
    def fraction(self) -> float:
        return 1.0 if self.total <= 0 else min(1.0, self.done / self.total)


#: What report and export work returns: a generator of Progress whose return value is T.
Job = Generator[Progress, None, T]


def run_job(job: Job[T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a job to its end (CLI and tests); returns the job's result."""
    while True:
        try:
            step = next(job)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(step)


def stage(job: Job[T], start: int, span: int, total: int) -> Job[T]:
    """Re-scale a sub-job's progress into [start, start + span] of an overall `total`."""
    while True:
        try:
            step = next(job)
        except StopIteration as stop:
            return stop.value
        done = start + (span * step.done // step.total if step.total else span)
        yield Progress(min(done, total), total, step.label)
