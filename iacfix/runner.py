"""Running the engine over many files: discovery, parallel workers, progress."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional

from iacfix.core import FileResult
from iacfix.engine import Settings, process_files
from iacfix.modules import group
from iacfix.sources import discover

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PARALLEL_THRESHOLD = 8  # below this many modules a process pool costs more than it saves


def available_cpus(cgroup_root: str = "/sys/fs/cgroup", self_cgroup: str = "/proc/self/cgroup") -> int:
    """How many CPUs this process may use: the ones it is allowed to run on
    (``os.sched_getaffinity``: ``taskset``, a container's cpuset), capped by a cgroup CPU
    quota (``docker --cpus``, a Kubernetes limit), rounded up; at least 1. The machine's
    count (``os.cpu_count()``) over-subscribes a CI runner or a container."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13: affinity-aware
    try:
        n = count() if count is not None else len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no sched_getaffinity (macOS, Windows)
        n = None
    n = n or os.cpu_count() or 1
    quota = _cgroup_quota(cgroup_root, self_cgroup)
    if quota is not None:
        n = min(n, max(1, math.ceil(quota)))
    return max(1, n)


def _cgroup_quota(root: str, self_cgroup: str) -> Optional[float]:
    """CPUs' worth of this process's cgroup CPU quota (v2 ``cpu.max``, v1
    ``cpu.cfs_quota_us``/``cpu.cfs_period_us``), or None when there is none or it cannot
    be read. The cgroup's own folder is tried first, then the mount's root (in a
    container the process's cgroup is usually mounted as the root)."""
    try:
        with open(self_cgroup, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        lines = []
    v2 = v1 = None
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, path = parts
        if controllers == "":
            v2 = path
        elif "cpu" in controllers.split(","):
            v1 = (controllers, path)

    def read(path: str) -> Optional[str]:
        try:
            with open(path, encoding="utf-8") as fh:
                return fh.read().strip()
        except OSError:
            return None

    for folder in ([os.path.join(root, v2.lstrip("/"))] if v2 else []) + [root]:
        text = read(os.path.join(folder, "cpu.max"))
        if text:
            fields = text.split()
            if len(fields) == 2 and fields[0] != "max":
                try:
                    quota, period = int(fields[0]), int(fields[1])
                except ValueError:
                    return None
                return quota / period if quota > 0 and period > 0 else None
            return None
    mounts = [os.path.join(root, v1[0])] if v1 else []
    mounts += [os.path.join(root, "cpu"), os.path.join(root, "cpu,cpuacct")]
    for mount in dict.fromkeys(mounts):
        for folder in ([os.path.join(mount, v1[1].lstrip("/"))] if v1 else []) + [mount]:
            quota, period = read(os.path.join(folder, "cpu.cfs_quota_us")), read(os.path.join(folder, "cpu.cfs_period_us"))
            if quota is None or period is None:
                continue
            try:
                q, p = int(quota), int(period)
            except ValueError:
                return None
            return q / p if q > 0 and p > 0 else None
    return None


def _fixable_marker():  # stands in for a Gap's fix closure once results cross processes
    raise RuntimeError("fix closures do not survive a process boundary")


def _portable(res: FileResult) -> FileResult:
    for f in res.findings + res.suppressed + res.fixed + res.remaining + [x.finding for x in res.failed]:
        if f.gap.fix is not None and f.gap.fix is not _fixable_marker:
            f.gap.fix = _fixable_marker
    return res


def _work(args):
    """One module in a worker process. Codemods travel as ids and are looked up in the
    worker's catalog: detectors may be closures, which do not pickle."""
    files, settings, ids, cache_dir = args
    import iacfix.codemods as codemods

    settings = dataclasses.replace(settings, codemods=[codemods.lookup(i) for i in ids])
    results, skipped = _process(files, settings, cache_dir)
    return [_portable(r) for r in results], skipped


def _process(files, settings: Settings, cache_dir: Optional[str]):
    """One module's (results, skipped), from the cache in ``cache_dir`` when it holds them
    (``iacfix.cache``); those that pass through the cache as a worker returns them (fixes
    carried as edits, not closures)."""
    if cache_dir is None:
        return process_files(files, settings)
    from iacfix.cache import Cache, module_key

    cache = Cache(Path(cache_dir))
    key = module_key(files, settings) if cache.usable else None
    found = cache.get(key) if key is not None else None
    if found is not None:
        return found
    results, skipped = process_files(files, settings)
    results = [_portable(r) for r in results]
    if key is not None and not any(r.error and (r.error.startswith("internal error") or r.error == CRASHED)
                                   for r in results):  # what went wrong is run again next time
        cache.put(key, (results, skipped))
    return results, skipped


class Progress:
    """click's progress bar on stderr, only when stderr is a terminal and not in CI: it
    fits the terminal's width (and follows a resize), the file being read shown after it."""

    def __init__(self, total: int, enabled: Optional[bool] = None):
        if enabled is None:
            enabled = sys.stderr.isatty() and not os.environ.get("CI")
        self.enabled = enabled and total > 1
        self.total = total
        self.done = 0
        self.bar = None
        if self.enabled:
            import click

            self.bar = click.progressbar(length=total, file=sys.stderr, width=0, show_pos=True, show_eta=False,
                                         show_percent=False, item_show_func=self._label)
            self.bar._is_atty = True  # enabled: drawn (click would draw a non-terminal only as its label)

    @staticmethod
    def _label(item) -> Optional[str]:
        if not item:
            return None
        room = max(10, shutil.get_terminal_size().columns // 3)
        return item if len(item) <= room else "…" + item[-(room - 1):]

    def step(self, label: str = "") -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1, current_item=label)

    def close(self) -> None:
        if self.bar is not None:
            # the line cleared for what follows, and the cursor click hid shown again
            sys.stderr.write("\r" + " " * (self.bar.max_width or 0) + "\r\033[?25h")
            sys.stderr.flush()


CRASHED = ("iacfix's worker process died while reading this module (a parser crash: "
           "the file may be nested too deeply or be otherwise unusual); its files were not processed")


def _pooled(mods, work, jobs: int, take, fn=_work) -> None:
    """The modules in a pool of ``jobs`` processes, results taken in order. A worker that
    dies (a crash in a parser's native code) breaks the whole pool: the modules whose
    results were lost are run again, each alone in a fresh process, and one that kills its
    process again is reported as such, file by file, while the others are processed."""
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when a pool runs
    from concurrent.futures.process import BrokenProcessPool

    lost: List[int] = []
    args = work if callable(work) else (lambda i: work)  # the same for every module, or each its own
    with _stopped_on_exit(ProcessPoolExecutor(max_workers=jobs, initializer=_worker_signals)) as pool:
        futures = [pool.submit(fn, (m, *args(i))) for i, m in enumerate(mods)]
        for i, future in enumerate(futures):
            try:
                take(mods[i], future.result())
            except BrokenProcessPool:
                lost.append(i)
    for i in lost:
        try:
            with _stopped_on_exit(ProcessPoolExecutor(max_workers=1, initializer=_worker_signals)) as alone:
                out = alone.submit(fn, (mods[i], *args(i))).result()
        except BrokenProcessPool:
            out = ([FileResult(path=f[1], error=CRASHED) for f in mods[i] if f[2]], [])
        take(mods[i], out)


def _worker_signals() -> None:
    """A worker dies of SIGTERM (it inherits, by fork, the handler that makes the main
    process report and exit: in a worker that only failed the task at hand, and the
    worker lived on), and leaves Ctrl-C to the main process."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _stopped_on_exit(pool: "ProcessPoolExecutor"):
    """The pool, shut down when done; on an interruption (SIGINT, SIGTERM) its workers are
    terminated at once: left running, they kept the output pipe open (``iacfix | tee``
    never ended) and worked on for minutes after iacfix had stopped."""
    try:
        yield pool
    except BaseException:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def run_paths(paths: Iterable[str], settings: Settings, exclude=(), jobs: Optional[int] = None,
              progress: Optional[bool] = None, skipped: Optional[List[str]] = None, run=None,
              cache_dir: Optional[str] = None) -> tuple[List[FileResult], List[tuple]]:
    """Process every IaC file under ``paths``. Returns (results, discovery errors). Files
    named explicitly that are not IaC iacfix handles are appended to ``skipped``.
    ``cache_dir``: modules seen before (same files, settings and iacfix) are taken from
    the cache there (``iacfix.cache``); None: every module is processed.

    ``run`` (a ``settings.Run``): each file gets the settings of the configuration that
    governs it, and that configuration's excludes (``settings`` and ``exclude`` unused).
    Every configuration is read, and checked, before any IaC file is."""
    if run is not None:
        cands, errors = discover(paths, excluded=run.excluded)
        per_cand = [run.settings(c.path) for c in cands]  # configuration errors before any file is read
        by_settings: dict = {}
        for c, st in zip(cands, per_cand):
            by_settings.setdefault(id(st), (st, []))[1].append(c)
        jobs_list = [(files, st) for st, cs in by_settings.values()
                     for files in group(cs, lambda p: run.excluded(p))]
    else:
        cands, errors = discover(paths, exclude)
        jobs_list = [(files, settings) for files in group(cands, exclude)]
    mods = [files for files, _ in jobs_list]
    explicit = {c.display for c in cands if c.explicit}
    results: List[FileResult] = []
    bar = Progress(len(cands), progress)
    jobs = jobs or available_cpus()

    def take(files, out):
        res, skip = out
        results.extend(res)
        for f in files:
            if f[2]:
                bar.step(f[1])
        if skipped is not None:
            skipped.extend(d for d in skip if d in explicit)

    try:
        if jobs > 1 and len(mods) >= PARALLEL_THRESHOLD:
            def work(i):
                st = jobs_list[i][1]
                return (dataclasses.replace(st, codemods=[]), [cm.id for cm in st.codemods], cache_dir)

            _pooled(mods, work, jobs, take)
        else:
            for files, st in jobs_list:
                take(files, _process(files, st, cache_dir))
    finally:
        bar.close()
    index = {c.display: i for i, c in enumerate(cands)}
    results.sort(key=lambda r: (index.get(r.path, len(index)), r.path))  # the order files were found in
    return results, errors
