"""Running the per-file extraction over a corpus: in this process, on a local process pool (pebble: a file that
hangs or kills its worker becomes a failed row and the worker is replaced) or on a Dask cluster; with a cache
keyed by file content and extractor version. Results come back in a fixed order, so runs are reproducible."""
from __future__ import annotations

import hashlib
import json
import math
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .audit import FORMAT_FIDELITY, CorpusAudit
from .mappings import load_mappings, mappings_dir
from .pipeline import DOC_ID_CHARS, content_digest, extract_records, failed_record, iter_report_files, safe_source
from .readers import ReadError, sniff_format
from .schema import DOCUMENTS, FINDINGS, OBSERVATIONS, frame

DEFAULT_TIMEOUT = 60.0
# Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_WORKER = 4
# Files a worker reads in milliseconds go to it several at a time: handing a task to a pool process and its
# result back costs about as much as reading one. A chunk that fails (a timeout, a dead worker) is run again
# file by file, so each file still gets its own timeout and its own failure.
CHUNK_FILES = 8
CHUNK_KINDS = {"docx", "doc", "html"}
CHUNK_MAX_BYTES = 1 << 20


@dataclass
class FileResult:
    path: Path
    observations: list[dict]
    document: dict
    findings: list[dict]
    cached: bool = False


@dataclass
class BatchOptions:
    workers: int = 0  # 0: in this process (no timeout); N >= 1: a pool of N processes with a per-file timeout
    timeout: float = DEFAULT_TIMEOUT
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # the Dask scheduler's address, with engine "dask"
    cache: Path | None = None
    mappings: str | None = None
    client: object | None = None  # an existing dask.distributed Client (tests, notebooks)
    task: object | None = None  # the per-file function (default process_file); importable by the workers


@dataclass
class Plan:
    """The files of a run in processing order, the most faithful formats first (a .docx before its PDF, so
    that of two copies of one report the better is kept), each with the format its content shows."""

    root: Path
    files: list[Path]
    kinds: dict[Path, str | None]  # None: no format could be told (the reader says why)


def sniffed(path: Path) -> str | None:
    try:
        return sniff_format(path)
    except (OSError, ReadError):
        return None


def plan(folder: Path) -> Plan:
    """Every report file under `folder` once, in processing order, each sniffed once for its format."""
    folder = Path(folder)
    root = folder if folder.is_dir() else folder.parent
    files = list(iter_report_files(folder))
    kinds = {path: sniffed(path) for path in files}
    order = {path: i for i, path in enumerate(files)}
    rank = {path: FORMAT_FIDELITY.get(kinds[path], len(FORMAT_FIDELITY)) for path in files}
    return Plan(root, sorted(files, key=lambda p: (rank[p], order[p])), kinds)


def process_file(path: str, root: str, mappings: str | None, kind: str | None = None,
                 digest: str | None = None) -> tuple[list[dict], dict, list[dict]]:
    """The per-file function every engine runs: plain arguments in, plain records out. `kind` and `digest`
    (the file's SHA-256) spare a second sniff and hash when the caller has them."""
    return extract_records(Path(path), Path(root), load_mappings(mappings), kind=kind, digest=digest)


def process_chunk(task, arguments: list[tuple]) -> list[tuple[list[dict], dict, list[dict]]]:
    """The per-file function over several files in one worker task."""
    return [task(*args) for args in arguments]


def crash_records(path: Path, root: Path, message: str) -> tuple[list[dict], dict, list[dict]]:
    source = safe_source(path, root)
    try:
        doc_id = content_digest(path)[:DOC_ID_CHARS]
    except OSError:
        doc_id = hashlib.sha256(source.encode()).hexdigest()[:DOC_ID_CHARS]
    document, finding = failed_record(doc_id, source, "unknown", message)
    document["seconds"] = None
    return [], document, [finding]


def version_key(mappings: str | None) -> str:
    """What a cached result depends on besides the file: the extractor's version and every mapping file."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(Path(mappings_dir(mappings)).glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Per-file results on disk, keyed by content hash and version_key: unchanged files are not read again."""

    def __init__(self, folder: Path, mappings: str | None):
        self.folder = Path(folder) / version_key(mappings)
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, digest: str):
        try:
            with open(self.path(digest), encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return None
        return data["observations"], data["document"], data["findings"]

    def put(self, digest: str, records) -> None:
        observations, document, findings = records
        target = self.path(digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"observations": observations, "document": document, "findings": findings}, handle,
                      ensure_ascii=False, default=json_default)
        os.replace(temporary, target)


def json_default(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot store {type(value).__name__} in the cache")


def with_source(records, source: str):
    observations, document, findings = records
    document = {**document, "source": source}
    return ([{**o, "source": source} for o in observations], document, [{**f, "source": source} for f in findings])


CACHED, COMPUTED, ENGINE_FAILED = "cached", "computed", "engine failed"


def run_files(files: list[Path], root: Path, options: BatchOptions,
              kinds: dict[Path, str | None] | None = None) -> Iterator[FileResult]:
    """Each file's records, in the order of `files`, from the cache or the engine the options name."""
    cache = ResultCache(options.cache, options.mappings) if options.cache else None

    def lookups() -> Iterator[tuple[Path, str | None, tuple | None]]:
        for path in files:
            digest = cached = None
            if cache:
                try:
                    digest = content_digest(path)
                    cached = cache.get(digest)
                except OSError:
                    pass
            yield path, digest, with_source(cached, safe_source(path, root)) if cached else None

    if options.engine == "dask":
        engine = dask_map
    elif options.workers >= 1:
        engine = pool_map
    else:
        engine = serial_map
    for path, digest, records, origin in engine(lookups(), root, options, kinds or {}):
        if cache and digest and origin == COMPUTED:  # a timeout or a dead worker is not the file's final answer
            cache.put(digest, records)
        yield FileResult(path, *records, cached=origin == CACHED)


def task_arguments(path: Path, root: Path, options: BatchOptions, kinds: dict, digest: str | None) -> tuple:
    """What the per-file function is called with, the same for every engine."""
    return str(path), str(root), options.mappings, kinds.get(path), digest


def serial_map(items, root: Path, options: BatchOptions, kinds: dict):
    for path, digest, records in items:
        if records is not None:
            yield path, digest, records, CACHED
        else:
            yield path, digest, (options.task or process_file)(*task_arguments(path, root, options, kinds, digest)), \
                COMPUTED


def windowed(units, submit, settle, width: int):
    """Submit ahead up to `width` units (lists of files), hand each file's result back in submission order.
    `settle` turns a unit and its future (None when all its files were cached) into one result per file."""
    window: deque = deque()
    for unit in units:
        window.append((unit, None if all(records is not None for _, _, records in unit) else submit(unit)))
        while len(window) >= width:
            yield from settle(*window.popleft())
    while window:
        yield from settle(*window.popleft())


def one_by_one(items):
    return ([item] for item in items)


def chunked(items, kinds: dict):
    """Files to compute in units: consecutive small files of formats read in milliseconds together, up to
    CHUNK_FILES; any other file, or one the cache holds, alone."""
    chunk: list = []
    for path, digest, records in items:
        if records is None and kinds.get(path) in CHUNK_KINDS and file_size(path) <= CHUNK_MAX_BYTES:
            chunk.append((path, digest, records))
            if len(chunk) == CHUNK_FILES:
                yield chunk
                chunk = []
            continue
        if chunk:
            yield chunk
            chunk = []
        yield [(path, digest, records)]
    if chunk:
        yield chunk


def file_size(path: Path) -> float:
    try:
        return path.stat().st_size
    except OSError:
        return math.inf


def pool_map(items, root: Path, options: BatchOptions, kinds: dict):
    """A pebble process pool: per-file timeout; a worker that dies or hangs is replaced and its file fails."""
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    def settle(unit, future):
        if future is None:
            return [(path, digest, records, CACHED) for path, digest, records in unit]
        try:
            return [(path, digest, records, COMPUTED) for (path, digest, _), records in zip(unit, future.result())]
        except FutureTimeout:
            message = f"timed out after {options.timeout:g} s (its worker was stopped and replaced)"
        except ProcessExpired as exc:
            message = f"the worker process died reading this file (exit code {exc.exitcode}); worker replaced"
        except Exception as exc:  # an error the per-file function did not catch
            message = f"unexpected error: {type(exc).__name__}: {exc}"
        if len(unit) > 1:  # which file of the chunk failed is not known: each is run again on its own
            futures = [submit([entry]) for entry in unit]
            return [result for entry, again in zip(unit, futures) for result in settle([entry], again)]
        (path, digest, _), = unit
        return [(path, digest, crash_records(path, root, message), ENGINE_FAILED)]

    with ProcessPool(max_workers=options.workers) as pool:
        def submit(unit):
            arguments = [task_arguments(path, root, options, kinds, digest) for path, digest, _ in unit]
            return pool.schedule(process_chunk, args=(options.task or process_file, arguments),
                                 timeout=options.timeout)
        try:
            yield from windowed(chunked(items, kinds), submit, settle, options.workers * WINDOW_PER_WORKER)
        except BaseException:  # Ctrl-C or a closed generator: stop the workers now, not after their files
            pool.stop()
            raise


def dask_map(items, root: Path, options: BatchOptions, kinds: dict):
    """The same per-file function on a Dask distributed cluster (options.scheduler: its address)."""
    from dask.distributed import Client

    client = options.client or Client(options.scheduler)

    def settle(unit, future):
        (path, digest, records), = unit
        if future is None:
            return [(path, digest, records, CACHED)]
        try:
            return [(path, digest, future.result(timeout=options.timeout), COMPUTED)]
        except (FutureTimeout, TimeoutError):
            future.cancel()
            message = f"timed out after {options.timeout:g} s on the cluster"
        except Exception as exc:
            message = f"failed on the cluster: {type(exc).__name__}: {exc}"
        return [(path, digest, crash_records(path, root, message), ENGINE_FAILED)]

    def submit(unit):
        (path, digest, _), = unit
        return client.submit(options.task or process_file, *task_arguments(path, root, options, kinds, digest),
                             pure=False)

    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from windowed(one_by_one(items), submit, settle, workers * WINDOW_PER_WORKER)
    finally:
        if options.client is None:
            client.close()


def run_corpus(folder: Path, options: BatchOptions, planned: Plan | None = None) -> Iterator[FileResult | list[dict]]:
    """Every file's result, duplicates already emptied and flagged; last, the cross-year findings (a list).
    `planned` is plan(folder) when the caller already has it."""
    planned = planned or plan(folder)
    audit = CorpusAudit(load_mappings(options.mappings))
    for result in run_files(planned.files, planned.root, options, planned.kinds):
        cells = {(o["field"], o["dim"]): (None if o["value"] is None or o["value"] != o["value"] else o["value"])
                 for o in result.observations}
        duplicate = audit.accept(result.document, cells)
        if duplicate:
            result.observations = []
            result.document = {**result.document, "n_observations": 0}
            result.findings = [*result.findings, duplicate]
        yield result
    yield audit.finish()


def extract_corpus(folder: str | Path, mappings: str | Path | None = None, workers: int = 0,
                   timeout: float = DEFAULT_TIMEOUT, cache: str | Path | None = None, on_file=None):
    """(observations, documents, findings) DataFrames of every report file under `folder`.

    `workers` 0 runs in this process; N >= 1 uses N worker processes with a per-file `timeout`. For corpora
    too large for memory, use the `extract` command (or write_corpus), which streams to disk."""
    options = BatchOptions(workers=workers, timeout=timeout, cache=Path(cache) if cache else None,
                           mappings=str(mappings) if mappings else None)
    observations, documents, findings = [], [], []
    for result in run_corpus(Path(folder), options):
        if isinstance(result, list):
            findings.extend(result)
            continue
        observations.extend(result.observations)
        documents.append(result.document)
        findings.extend(result.findings)
        if on_file:
            on_file(result.path, result.document)
    return frame(observations, OBSERVATIONS), frame(documents, DOCUMENTS), frame(findings, FINDINGS)
