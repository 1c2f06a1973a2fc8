"""Uploads and pasted texts read and scored in a worker process with a time and memory budget.

A class shares one server, so no upload may hold it: the cost of some inputs does not
show in their size (a Markdown file of nested brackets, a small zip that expands to a
large text). Each file, and each pasted text, is read and scored in a child process that
may use `LIMITS.worker_bytes` more memory than it starts with and is killed after
`LIMITS.file_seconds` (and when the whole upload has run `LIMITS.upload_seconds`); what
goes over is rejected with the budget named, and the other files are still added.
Children are forked from a server process that has already imported the analysis
modules and loaded what scoring needs, so a child starts in milliseconds, scores at once
and never inherits the caller's threads.

No worker outlives the server or its own budget, however the server ends. A worker is not
the server's child but the forkserver's, and it holds the pipe whose closing would stop the
forkserver, so it watches the server itself: a thread waits on a pidfd of the server and
ends the worker when the server exits. Each worker also ends itself with SIGALRM shortly
after its deadline, in case no one is left to kill it (or the watching thread cannot run:
a long call in C holds the interpreter). Workers run at a lower CPU priority
(`NICENESS`), so a hostile upload slows the pages of the people who share the server as
little as it can.
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import os
import resource
import select
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

from analysis import limits
from analysis.errors import InputError
from analysis.ingest import read as ingest
from analysis.scoring.lexicons import load_lexicons
from analysis.scoring.score import score_document
from analysis.types import ArticleResult, Document, Rejected

#: How much lower than the server a worker's CPU priority is (os.nice; 19 is the lowest).
NICENESS = 10
#: Seconds past its deadline after which a worker that nobody killed ends itself.
GRACE_SECONDS = 5


@dataclass(frozen=True)
class Intake:
    """What an upload adds: documents with their results (same order, ids unique against
    those taken), and what was not added and why."""

    documents: tuple[Document, ...] = ()
    results: tuple[ArticleResult, ...] = ()
    rejected: tuple[Rejected, ...] = ()


class _Budget(Exception):
    """The worker ran out of time or memory; the message says which."""


def read_upload(files: Sequence[tuple[str, bytes]], *, lexicon_sources: Mapping[str, str], taken: Iterable[str] = (),
                progress: Callable[[int, int], None] | None = None) -> Intake:
    """Read and score uploaded files, each in a bounded worker; raises InputError when the
    upload as a whole has too many files or bytes."""
    ingest.check_upload(files)
    budget = limits.LIMITS
    deadline = time.monotonic() + budget.upload_seconds
    words_left = budget.upload_words
    taken = list(taken)
    parts: list[Intake] = []
    for done, (name, data) in enumerate(files, start=1):
        seconds = min(budget.file_seconds, deadline - time.monotonic())
        if seconds <= 0:
            parts.append(Intake(rejected=(Rejected(name, f"not read: the upload went over its time limit of "
                                                         f"{budget.upload_seconds:g} s; add this file on its own"),)))
        else:
            part = _bounded(name, _read_file, (name, data, dict(lexicon_sources), words_left), seconds)
            part = _unique(part, taken)
            words_left -= sum(r.words for r in part.results)
            taken += [d.id for d in part.documents]
            parts.append(part)
        if progress:
            progress(done, len(files))
    return Intake(*(tuple(x for part in parts for x in getattr(part, f)) for f in ("documents", "results", "rejected")))


def read_paste(text: str, *, title: str, lexicon_sources: Mapping[str, str], taken: Iterable[str] = ()) -> Intake:
    """Read and score a pasted text in a bounded worker, once its length has been checked here:
    a text over the limit is refused without a worker, or a copy of it, ever being made."""
    source = "pasted text"
    try:
        ingest.check_paste(text, source=source)
    except InputError as error:
        return Intake(rejected=(Rejected(error.source, error.message),))
    part = _bounded(source, _read_pasted, (text, title, dict(lexicon_sources)), limits.LIMITS.file_seconds)
    return _unique(part, list(taken))


def _unique(part: Intake, taken: list[str]) -> Intake:
    """The part with ids that clash with `taken` given a suffix, in its documents and results alike."""
    documents = ingest.unique_ids(part.documents, taken=taken)
    results = tuple(replace(r, id=d.id) for d, r in zip(documents, part.results))
    return replace(part, documents=tuple(documents), results=results)


def _read_file(name: str, data: bytes, sources: dict[str, str], words_left: int) -> Intake:
    corpus = ingest.read_bytes(name, data)
    return _scored([*corpus.rejected, *ingest.within_words(corpus.documents, left=words_left)], sources)


def _read_pasted(text: str, title: str, sources: dict[str, str]) -> Intake:
    try:
        doc = ingest.from_text(text, title=title, doc_id="pasted")
    except InputError as error:
        return Intake(rejected=(Rejected(error.source, error.message),))
    return _scored([doc], sources)


def _scored(items: list[Document | Rejected], sources: dict[str, str]) -> Intake:
    docs = tuple(i for i in items if isinstance(i, Document))
    lexicons = load_lexicons(overrides=sources)
    return Intake(docs, tuple(score_document(d, lexicons=lexicons) for d in docs),
                  tuple(i for i in items if isinstance(i, Rejected)))


def _bounded(source: str, work: Callable[..., Intake], args: tuple[Any, ...], seconds: float) -> Intake:
    """`work(*args)` in a child process within `seconds` and the memory budget; a Rejected
    naming `source` and the budget when either runs out."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, os.getpid(), limits.LIMITS.worker_bytes, seconds, work, args),
                            daemon=True)
    child.start()
    send.close()
    try:
        status, value = receive.recv() if receive.poll(seconds) else ("time", None)
    except EOFError:  # killed by the kernel: out of memory without a MemoryError
        status, value = "memory", None
    finally:
        child.kill()
        child.join()
        receive.close()
    if status == "ok":
        return value
    if status == "error":
        raise RuntimeError(f"reading {source} failed in the worker:\n{value}")
    reason = (f"took longer than the time limit of {seconds:g} s" if status == "time" else
              f"needed more than the memory limit of {limits.LIMITS.worker_bytes // 2**20:,} MiB")
    return Intake(rejected=(Rejected(source, f"reading and scoring it {reason}, so it was stopped"),))


def _child(send: Connection, server: int, memory: int, seconds: float, work: Callable[..., Intake],
           args: tuple[Any, ...]) -> None:
    """Runs in the worker: tie its life to the server's and to its budget, yield the CPU to
    the server, cap its address space, do the work, send back the outcome."""
    _end_with(server)
    signal.alarm(math.ceil(seconds) + GRACE_SECONDS)  # SIGALRM's default action ends the process
    os.nice(NICENESS)
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = _address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
        outcome: tuple[str, object] = ("ok", work(*args))
    except MemoryError:
        outcome = ("memory", None)
    except Exception:  # a bug, reported in the caller with its traceback
        outcome = ("error", traceback.format_exc())
    try:
        send.send(outcome)
    except MemoryError:
        send.send(("memory", None))


def _end_with(server: int) -> None:
    """End this worker as soon as the process `server` exits (Linux: a pidfd becomes readable
    then); where there are no pidfds, the alarm set in `_child` bounds the worker instead."""
    try:
        watched = os.pidfd_open(server)
    except ProcessLookupError:  # gone already
        os._exit(1)
    except (AttributeError, OSError):  # no pidfds on this system
        return

    def watch() -> None:
        select.select([watched], [], [])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-server", daemon=True).start()


def _address_space() -> int:
    """This process's virtual memory size in bytes (what RLIMIT_AS counts)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


@functools.cache
def _context() -> multiprocessing.context.BaseContext:
    """The forkserver context, its server preloaded with this module and warmed for scoring
    (analysis/engines/worker_start.py). Set up once, and the server's start waited for here,
    so that no file's time budget pays for it."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, "analysis.engines.worker_start"])
    warm = context.Process(target=int, daemon=True)
    warm.start()
    warm.join()
    return context
