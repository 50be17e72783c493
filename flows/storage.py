"""Storage: the only module that knows paths, fsspec, Parquet layout, locks and the staged swap.

Layout under ``--out`` (a local path or an fsspec URL such as ``s3://bucket/dateline``)::

    <table>/ds=<YYYY-MM-DD>/part-*.parquet   published tables (articles, events, mentions, entities, quarantine)
    _work/ds=<ds>/<name>/part-*.parquet     stage outputs in bounded parts, so each stage re-runs alone
    _validation/ds=<ds>/<run>.json          GX validation results, one file per run (the newest N kept)
    _index/article_ids/ds=<ds>.parquet      the article ids published under ds (cross-date de-duplication)
    _locks/ds=<ds>.lock                     one writer per date
    <table>/_staging, <table>/_trash        the staged swap (readers skip names starting with "_")

Raw input under ``--raw``: ``<YYYY-MM-DD>/*.txt`` (+ ``<name>.meta.json`` sidecars) and ``*.jsonl`` anywhere.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from transforms.ingest import MAX_RECORD_BYTES, RawRecordError, decode_text, parse_date

if TYPE_CHECKING:
    import pandas as pd

UNDATED = "undated"
_DATE_DIR = re.compile(r"(?:^|/)(\d{4}-\d{2}-\d{2})(?:/|$)")
_PUBLISHED_AT = re.compile(r'"published_at"\s*:\s*"(\d{4}-\d{2}-\d{2})')


class LockedError(RuntimeError):
    """Another run holds the date."""


class StorageError(RuntimeError):
    """A storage problem with a message that says what to do."""


@dataclass(frozen=True)
class Root:
    """A directory on some fsspec filesystem."""

    fs: fsspec.AbstractFileSystem
    path: str
    url: str

    def join(self, *parts: str) -> str:
        return "/".join([self.path.rstrip("/"), *parts])

    @property
    def is_local(self) -> bool:
        return "file" in _protocols(self.fs)

    @property
    def in_process(self) -> bool:
        """``memory://``: other processes (a worker pool) cannot see it."""
        return "memory" in _protocols(self.fs)


def _protocols(fs) -> tuple[str, ...]:
    p = fs.protocol
    return tuple(p) if isinstance(p, (list, tuple)) else (p,)


def root(url_or_path: str | os.PathLike, **storage_options) -> Root:
    """A local path or fsspec URL → Root. Local paths are made absolute."""
    text = str(url_or_path)
    fs, path = fsspec.core.url_to_fs(text, **storage_options)
    if "file" in _protocols(fs):
        path = os.path.abspath(path)
    return Root(fs, path.rstrip("/") or "/", text)


def _crash_point(name: str) -> None:
    """Fault injection for the crash tests: ``DATELINE_CRASH_AT=<name>`` kills the process here."""
    if os.environ.get("DATELINE_CRASH_AT") == name:
        os._exit(137)


# ----------------------------------------------------------------------------------------------- raw


def _date_of_path(rel: str) -> str | None:
    m = _DATE_DIR.search(rel)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


_RAW_LAYOUT = "<YYYY-MM-DD>/*.txt or *.jsonl files"


def list_raw_files(raw: Root) -> list[str]:
    """Every raw input file (``.txt`` and ``.jsonl``), relative to the raw root, sorted."""
    if not raw.fs.exists(raw.path):
        raise StorageError(
            f"raw directory {raw.url} does not exist; pass --raw DIR with data/raw/<YYYY-MM-DD>/*.txt"
        )
    if not raw.fs.isdir(raw.path):
        raise StorageError(
            f"--raw {raw.url} is a file, not a directory; pass the directory that holds {_RAW_LAYOUT}"
        )
    out = []
    for p in raw.fs.find(raw.path):
        rel = p[len(raw.path) :].lstrip("/")
        if any(part.startswith((".", "_")) for part in rel.split("/")):
            continue
        if rel.endswith((".txt", ".jsonl")):
            out.append(rel)
    return sorted(out)


def check_raw(raw: Root) -> list[str]:
    """The raw files, or ``StorageError`` when ``--raw`` is missing, a file or holds no raw file at all (a
    mistyped path must not 'succeed' with empty tables)."""
    files = list_raw_files(raw)
    if not files:
        raise StorageError(
            f"--raw {raw.url} holds no raw input: expected {_RAW_LAYOUT} (names starting with . or _ are "
            "ignored); check the path"
        )
    return files


def check_out(out: Root) -> None:
    """``StorageError`` when ``--out`` cannot hold the published tables: not a directory (``/dev/null``, a
    file) or, on a local disk, not writable. Checked before any run starts."""
    if out.fs.exists(out.path) and not out.fs.isdir(out.path):
        raise StorageError(
            f"--out {out.url} is not a directory; pass the directory the tables are published to"
        )
    if not out.is_local:
        return
    probe = os.path.join(out.path, f".dateline-probe-{uuid.uuid4().hex[:8]}")
    try:
        os.makedirs(out.path, exist_ok=True)
        with open(probe, "wb"):
            pass
        os.remove(probe)
    except OSError as exc:
        raise StorageError(
            f"--out {out.url} is not writable ({exc.strerror or exc}); pass a directory you can write to "
            "or fix its permissions"
        ) from None


_CHUNK = 1 << 20
_HEAD = 4096  # bytes kept of a JSONL line too long to read: enough for its date and a look at it


def _lines(fh, limit: int) -> Iterator[tuple[int, int, bytes | None, int, bytes]]:
    """The lines of a binary file as ``(lineno, byte offset, line, length, head)``, read in 1 MB chunks: a line
    longer than ``limit`` bytes is never held whole (``line`` is None; ``head`` has its first bytes), so memory
    stays bounded whatever one line holds."""
    lineno = pos = length = 0
    buf = bytearray()
    head = b""
    too_long = False
    while chunk := fh.read(_CHUNK):
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            piece = chunk[start : nl if nl >= 0 else len(chunk)]
            length += len(piece)
            if not too_long:
                if length > limit:
                    too_long, head = True, bytes(buf[:_HEAD]) + piece[: max(0, _HEAD - len(buf))]
                    buf.clear()
                else:
                    buf += piece
            if nl < 0:
                break
            lineno += 1
            yield lineno, pos, None if too_long else bytes(buf), length, head
            pos += length + 1
            buf.clear()
            head, too_long, length = b"", False, 0
            start = nl + 1
    if length:
        yield lineno + 1, pos, None if too_long else bytes(buf), length, head


def _too_big(where: str, size: int) -> str:
    return (
        f"{where}: {size:,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit for one article (not read); split "
        "it into articles (one per .txt file or JSONL line) and run the date again"
    )


def _sidecar(raw: Root, rel: str) -> tuple[dict, str | None]:
    path = raw.join(rel[: -len(".txt")] + ".meta.json")
    if not raw.fs.exists(path):
        return {}, None
    try:
        meta = json.loads(raw.fs.cat_file(path).decode("utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
        return meta, None
    except (ValueError, UnicodeDecodeError) as exc:
        return {}, f"{rel[: -len('.txt')]}.meta.json: sidecar is not valid JSON ({exc}); fix or delete it"


def index_raw(raw: Root) -> dict[str, list[str]]:
    """Which raw files hold records for which date: ``{ds: [rel, ...]}`` (``undated`` for records with none).

    ``.txt``: the sidecar's ``published_at``, else the folder date. JSONL: each line's ``published_at``, else
    the folder date. Only JSONL files outside date folders are read line by line here.
    """
    index: dict[str, set[str]] = {}
    for rel in list_raw_files(raw):
        folder = _date_of_path(rel)
        dates: set[str] = set()
        if rel.endswith(".txt"):
            meta, _ = _sidecar(raw, rel)
            dates.add(_date_key(meta.get("published_at") or folder, folder))
        else:
            with raw.fs.open(raw.join(rel), "rb") as fh:
                for lineno, _, line, _, head in _lines(fh, MAX_RECORD_BYTES):
                    if line is None:
                        dates.add(_line_date(None, head, folder))
                    elif line.strip():
                        obj, _, _ = _parse_line(line, f"{rel}:{lineno}")
                        dates.add(_line_date(obj, line, folder))
        for d in dates:
            index.setdefault(d, set()).add(rel)
    return {d: sorted(v) for d, v in sorted(index.items())}


def raw_fingerprint(raw: Root, rels: list[str]) -> str:
    """A hash of what a date's raw input is: each file's (and ``.txt`` sidecar's) path, size and modification
    time or ETag, from the file system's listing (no file is read)."""
    import hashlib

    h = hashlib.sha1()
    for rel in sorted(rels):
        paths = [rel]
        if rel.endswith(".txt"):
            paths.append(rel[: -len(".txt")] + ".meta.json")
        for p in paths:
            try:
                info = raw.fs.info(raw.join(p))
            except FileNotFoundError:
                h.update(f"{p}\0missing\n".encode())
                continue
            stamp = next((info[k] for k in ("mtime", "LastModified", "ETag", "created") if info.get(k)), "")
            h.update(f"{p}\0{info.get('size')}\0{stamp}\n".encode())
    return h.hexdigest()


def _state_path(out: Root, ds: str) -> str:
    return out.join("_state", f"ds={ds}.json")


def write_date_state(out: Root, ds: str, state: dict) -> None:
    """Record what a date's publish was made from (input hash, extractor version) and its summary."""
    path = _state_path(out, ds)
    out.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    tmp = f"{path}.{uuid.uuid4().hex[:8]}.tmp"
    with out.fs.open(tmp, "w") as fh:
        json.dump(state, fh, indent=1, default=str)
    out.fs.mv(tmp, path)


def read_date_state(out: Root, ds: str) -> dict | None:
    """The recorded state of a date's last publish, or None (never published, or its partitions are gone)."""
    path = _state_path(out, ds)
    if not out.fs.exists(path) or not out.fs.exists(partition_path(out, "events", ds)):
        return None
    try:
        with out.fs.open(path, "r") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def read_raw_file(raw: Root, rel: str, ds: str) -> Iterator[dict]:
    """The raw records of one file that belong to date ``ds`` (``undated``: those with no date), streamed
    line by line.

    Unreadable files and malformed lines come back as records with an ``error`` naming file and line.
    """
    folder = _date_of_path(rel)
    if rel.endswith(".txt"):
        rec = _txt_record(raw, rel, ds, folder)
        if rec is not None:
            yield rec
        return
    yield from _jsonl_records(raw, rel, ds, folder)


def _txt_record(raw: Root, rel: str, ds: str, folder: str | None) -> dict | None:
    """A ``.txt`` file's one record (its sidecar's fields, its decoded text); None when not of ``ds``."""
    path = raw.join(rel)
    meta, meta_error = _sidecar(raw, rel)
    rec = {
        "raw_path": rel,
        "source_id": rel.rsplit("/", 1)[-1],
        **{k: meta.get(k) for k in ("source", "url", "title")},
    }
    rec["published_at"] = meta.get("published_at") or folder
    if _record_date(rec, folder) != ds:
        return None
    size = raw.fs.size(path)
    if size is not None and size > MAX_RECORD_BYTES:
        # never read whole: the quarantine row points at the file, which stays in the raw dir
        rec["error"], rec["bytes"] = _too_big(rel, size), size
    else:
        data = raw.fs.cat_file(path)
        try:
            rec["text"], rec["encoding"] = decode_text(data, rel)
        except RawRecordError as exc:
            rec["error"] = str(exc)
            rec["bytes_base64"] = base64.b64encode(data).decode("ascii")  # nothing lost
    if meta_error:
        rec["error"] = meta_error
    return rec


def _jsonl_records(raw: Root, rel: str, ds: str, folder: str | None) -> Iterator[dict]:
    """The records of a JSONL file's lines of ``ds``, streamed; blank lines are skipped."""
    with raw.fs.open(raw.join(rel), "rb") as fh:
        for lineno, offset, line, length, head in _lines(fh, MAX_RECORD_BYTES):
            if line is not None and not line.strip():
                continue
            where = f"{rel}:{lineno}"
            if line is None:
                if _line_date(None, head, folder) == ds:
                    yield {
                        "raw_path": where,
                        "error": _too_big(f"{where} (line)", length),
                        "offset": offset,
                        "bytes": length,
                    }
                continue
            obj, error, encoding = _parse_line(line, where)
            if _line_date(obj, line, folder) != ds:
                continue
            if obj is None:
                yield _bad_line_record(where, line, error)
                continue
            yield {
                "raw_path": where,
                "source_id": str(obj["id"]) if obj.get("id") is not None else where,
                "published_at": obj.get("published_at") or folder,
                **{k: obj.get(k) for k in ("source", "url", "title", "text")},
                "encoding": encoding,
            }


def _bad_line_record(where: str, line: bytes, error: str | None) -> dict:
    """The record of a JSONL line that does not parse: the error and the line (base64 if not UTF-8)."""
    rec = {"raw_path": where, "error": error}
    try:
        rec["line"] = line.decode("utf-8")
    except UnicodeDecodeError:
        rec["line_base64"] = base64.b64encode(line).decode("ascii")  # nothing lost
    return rec


def _parse_line(line: bytes, where: str) -> tuple[dict | None, str | None, str]:
    """One JSONL line → ``(object, None, encoding)``, or ``(None, error, encoding)`` saying what is wrong."""
    encoding = "utf-8"
    try:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text, encoding = decode_text(line, where)
        obj = json.loads(text)
        if not isinstance(obj, dict):
            raise ValueError("a JSON object per line is expected")
        return obj, None, encoding
    except (ValueError, RawRecordError) as exc:
        reason = str(exc) if isinstance(exc, RawRecordError) else f"{where}: malformed JSONL line ({exc})"
        return None, f"{reason}; fix or remove the line", encoding


def _line_date(obj: dict | None, line: bytes, folder: str | None) -> str:
    """The date a JSONL line belongs to: its ``published_at``, else the folder's date (``undated`` without);
    for a line that is no JSON object, a ``"published_at": "YYYY-MM-DD"`` found in it."""
    if obj is not None:
        return _date_key(obj.get("published_at") or folder, folder)
    m = _PUBLISHED_AT.search(line.decode("utf-8", "replace"))
    return _date_key(m.group(1) if m else folder, folder)


def _date_key(value, folder: str | None) -> str:
    """The partition of a record: its published date as ingest will read it (``parse_date``), else — no date,
    or one that is no date (quarantined by ingest) — the folder's date, else ``undated``."""
    try:
        d = parse_date(value)
    except RawRecordError:
        d = None
    return d.isoformat() if d else folder or UNDATED


def _record_date(rec: dict, folder: str | None) -> str:
    return _date_key(rec.get("published_at"), folder)


def read_raw_path(path: str) -> list[dict]:
    """Every raw record of one raw file (``.txt`` with its sidecar, or ``.jsonl``), whatever its date."""
    parent, _, name = str(path).rstrip("/").rpartition("/")
    raw = root(parent or ".")
    if not raw.fs.isfile(raw.join(name)):
        raise StorageError(f"{path}: no such raw file; give a .txt or .jsonl file or an article_id")
    folder = _date_of_path(raw.path + "/" + name) or UNDATED
    records = list(read_raw_file(raw, name, folder))
    if not records and name.endswith(".jsonl"):
        with raw.fs.open(raw.join(name), "rb") as fh:
            dates = {
                m.group(1) for line in fh if (m := _PUBLISHED_AT.search(line.decode("utf-8", "replace")))
            }
        records = [rec for d in sorted(dates) for rec in read_raw_file(raw, name, d)]
    if not records:  # a .txt whose sidecar dates it elsewhere
        meta, _ = _sidecar(raw, name) if name.endswith(".txt") else ({}, None)
        ds = str(meta.get("published_at") or "")[:10] or UNDATED
        records = list(read_raw_file(raw, name, ds))
    return records


def find_article(out: Root, article_id: str) -> dict | None:
    """One published article by its id (reads only that column's matches)."""
    import pyarrow.dataset as pads

    path = out.join("articles")
    if not out.fs.exists(path):
        raise StorageError(f"{path} does not exist; run `dateline run` first or pass --out")
    ds = pads.dataset(path, filesystem=out.fs, format="parquet", partitioning="hive")
    table = ds.to_table(filter=pads.field("article_id") == article_id)
    return table.slice(0, 1).to_pylist()[0] if table.num_rows else None


# ---------------------------------------------------------------------------------------------- work


def work_dir(out: Root, ds: str, name: str) -> str:
    """A stage output is a directory of Parquet parts, read in name order."""
    return out.join("_work", f"ds={ds}", name)


def clear_work(out: Root, ds: str, name: str) -> None:
    """Remove a stage output before a stage writes it again (a re-run replaces, never appends)."""
    path = work_dir(out, ds, name)
    if out.fs.exists(path):
        out.fs.rm(path, recursive=True)


def write_work_part(
    out: Root, ds: str, name: str, part: str, table: pa.Table, row_group_size: int | None = None
) -> str:
    """Write one part of a stage output (atomic on local disks: temp file + rename)."""
    path = f"{work_dir(out, ds, name)}/part-{part}.parquet"
    out.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    tmp = path + f".{uuid.uuid4().hex}.tmp"
    with out.fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh, row_group_size=row_group_size)
    out.fs.mv(tmp, path)
    return path


def write_work(out: Root, ds: str, name: str, table: pa.Table, row_group_size: int | None = None) -> str:
    """Replace a stage output with one table."""
    clear_work(out, ds, name)
    return write_work_part(out, ds, name, "00000", table, row_group_size)


def work_parts(out: Root, ds: str, name: str) -> list[str]:
    """The parts of a stage output, in order; a clear error when the stage has not run."""
    path = work_dir(out, ds, name)
    if not out.fs.exists(path):
        raise StorageError(
            f"{path} is missing: run the earlier stage first (dateline flow ingest/extract --date {ds})"
        )
    return sorted(p for p in out.fs.ls(path, detail=False) if p.endswith(".parquet"))


def read_work_part(out: Root, ds: str, name: str, part: str) -> pa.Table:
    return read_path(out, f"{work_dir(out, ds, name)}/part-{part}.parquet")


def iter_work(out: Root, ds: str, name: str) -> Iterator[pa.Table]:
    """A stage output part by part (each part is bounded, so memory is too)."""
    for path in work_parts(out, ds, name):
        yield read_path(out, path)


def read_work(out: Root, ds: str, name: str) -> pa.Table:
    """A whole stage output (for small tables and tests; stages stream with ``iter_work``)."""
    tables = list(iter_work(out, ds, name))
    return pa.concat_tables(tables) if len(tables) > 1 else tables[0] if tables else pa.table({})


def read_path(out: Root, path: str) -> pa.Table:
    with out.fs.open(path, "rb") as fh:
        return pq.ParquetFile(fh).read()  # one file: half the time of read_table's dataset machinery


def write_path(out: Root, path: str, table: pa.Table, row_group_size: int = 65_536) -> None:
    """One Parquet file (a part of a staged partition)."""
    with out.fs.open(path, "wb") as fh:
        pq.write_table(table, fh, row_group_size=row_group_size, compression="zstd")


def part_num_rows(out: Root, path: str) -> int:
    return sum(_part_rows(out, path))


def _part_rows(out: Root, path: str) -> list[int]:
    with out.fs.open(path, "rb") as fh:
        md = pq.ParquetFile(fh).metadata
        return [md.row_group(i).num_rows for i in range(md.num_row_groups)]


def work_num_rows(out: Root, ds: str, name: str) -> int:
    """Row count of a stage output, from the Parquet footers only."""
    return sum(sum(_part_rows(out, p)) for p in work_parts(out, ds, name))


def read_work_rows(out: Root, ds: str, name: str, start: int, stop: int) -> pa.Table:
    """Rows [start, stop) of a stage output (numbered across its parts), reading only the footers up to
    ``stop`` and the row groups that hold the rows."""
    pieces, schema, offset = [], None, 0
    for path in work_parts(out, ds, name):
        with out.fs.open(path, "rb") as fh:
            pf = pq.ParquetFile(fh)
            schema = schema or pf.schema_arrow
            groups, first = [], None
            for i in range(pf.num_row_groups):
                n = pf.metadata.row_group(i).num_rows
                if offset < stop and offset + n > start:
                    groups.append(i)
                    first = offset if first is None else first
                offset += n
            if groups:
                table = pf.read_row_groups(groups)
                lo = max(start, first) - first
                pieces.append(table.slice(lo, min(stop, first + table.num_rows) - first - lo))
        if offset >= stop:
            break
    if not pieces:
        return schema.empty_table() if schema is not None else pa.table({})
    return pa.concat_tables(pieces) if len(pieces) > 1 else pieces[0]


def write_work_json(out: Root, ds: str, name: str, obj: dict) -> None:
    path = out.join("_work", f"ds={ds}", f"{name}.json")
    out.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    with out.fs.open(path, "w") as fh:
        json.dump(obj, fh, indent=2, default=str)


def read_work_json(out: Root, ds: str, name: str) -> dict:
    path = out.join("_work", f"ds={ds}", f"{name}.json")
    if not out.fs.exists(path):
        return {}
    with out.fs.open(path, "r") as fh:
        return json.load(fh)


# ------------------------------------------------------------------------------------------- publish


def partition_path(out: Root, table: str, ds: str) -> str:
    return out.join(table, f"ds={ds}")


def _move_dir(out: Root, src: str, dst: str) -> None:
    """Rename a directory: one atomic rename on a local disk; copy-then-delete on object stores."""
    if out.is_local:
        os.rename(src, dst)
        return
    for f in out.fs.find(src):
        out.fs.copy(f, dst + f[len(src) :])
    out.fs.rm(src, recursive=True)


def recover(out: Root, table: str, ds: str) -> bool:
    """Restore a partition left in ``_trash`` by a crash between the two renames of a swap."""
    final = partition_path(out, table, ds)
    trash_dir = out.join(table, "_trash")
    if out.fs.exists(final) or not out.fs.exists(trash_dir):
        return False
    cands = sorted(
        p
        for p in out.fs.ls(trash_dir, detail=False)
        if p.rstrip("/").rsplit("/", 1)[-1].startswith(f"ds={ds}.")
    )
    if not cands:
        return False
    _move_dir(out, cands[-1].rstrip("/"), final)
    return True


class StagedPublish:
    """The new ``ds`` partition of several tables, written batch by batch (Parquet row groups as they come)
    into staging, then swapped in all together by ``commit``.

    A crash while staging leaves every previous partition untouched; the swap of one table is two renames
    (old → _trash, staged → final) and ``recover`` undoes a crash between them.
    """

    def __init__(self, out: Root, ds: str, row_group_size: int = 65_536):
        self.out, self.ds, self.row_group_size = out, ds, row_group_size
        self.token = uuid.uuid4().hex[:12]
        self._open: dict[str, tuple] = {}  # table -> (stage dir, file handle, writer)
        self._dirs: dict[
            str, str
        ] = {}  # table -> stage dir written part by part (possibly by other processes)

    def _stage(self, table: str) -> str:
        stage = self.out.join(table, "_staging", f"ds={self.ds}.{self.token}")
        self.out.fs.makedirs(stage, exist_ok=True)
        return stage

    def part_path(self, table: str, index: int) -> str:
        """Where part ``index`` of the table's new partition is to be written (by any process)."""
        if table not in self._dirs:
            self._dirs[table] = self._stage(table)
        return f"{self._dirs[table]}/part-{index:05d}.parquet"

    def write(self, table: str, batch: pa.Table) -> None:
        if table not in self._open:
            stage = self._stage(table)
            fh = self.out.fs.open(f"{stage}/part-0.parquet", "wb")
            self._open[table] = (stage, fh, pq.ParquetWriter(fh, batch.schema, compression="zstd"))
        _, _, writer = self._open[table]
        if batch.num_rows:  # an empty table still gets its file, with the schema and no row group
            writer.write_table(batch, row_group_size=self.row_group_size)

    def _close(self) -> dict[str, str]:
        staged = dict(self._dirs)
        for table, (stage, fh, writer) in self._open.items():
            writer.close()
            fh.close()
            staged[table] = stage
            _crash_point("publish:staged-one")
        self._open, self._dirs = {}, {}
        return staged

    def abort(self) -> None:
        for stage in self._close().values():
            with suppress(FileNotFoundError):
                self.out.fs.rm(stage, recursive=True)

    def commit(self) -> dict[str, str]:
        out, ds = self.out, self.ds
        staged = self._close()
        _crash_point("publish:staged-all")
        paths = {}
        for table, stage in staged.items():
            recover(out, table, ds)
            final = partition_path(out, table, ds)
            trash = None
            if out.fs.exists(final):
                trash = out.join(table, "_trash", f"ds={ds}.{self.token}")
                out.fs.makedirs(out.join(table, "_trash"), exist_ok=True)
                _move_dir(out, final, trash)
            _crash_point("publish:between-renames")
            _move_dir(out, stage, final)
            if trash:
                out.fs.rm(trash, recursive=True)
            paths[table] = final
            for aux in ("_staging", "_trash"):
                _remove_if_empty(out, out.join(table, aux))
            if table == "articles":
                write_article_index(out, ds)
        return paths


def publish_partitions(out: Root, ds: str, tables: dict[str, pa.Table]) -> dict[str, str]:
    """Replace the ``ds`` partition of every table with the tables given (see ``StagedPublish``)."""
    pub = StagedPublish(out, ds)
    for table, data in tables.items():
        pub.write(table, data)
    return pub.commit()


# ------------------------------------------------------------------------------- article-id index


def _index_path(out: Root, ds: str) -> str:
    return out.join("_index", "article_ids", f"ds={ds}.parquet")


def write_article_index(out: Root, ds: str) -> None:
    """The article ids published under ``ds`` as one small file (one column), replaced at every publish of the
    date, so the cross-date duplicate check reads one column per date, never the articles' text."""
    final = partition_path(out, "articles", ds)
    ids = pq.read_table(final, filesystem=out.fs, columns=["article_id"]) if out.fs.exists(final) else None
    path = _index_path(out, ds)
    out.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    tmp = f"{path}.{uuid.uuid4().hex}.tmp"
    with out.fs.open(tmp, "wb") as fh:
        pq.write_table(ids if ids is not None else pa.table({"article_id": pa.array([], pa.string())}), fh)
    out.fs.mv(tmp, path)


def published_dates(out: Root, table: str = "articles") -> list[str]:
    """The dates with a published partition of ``table``."""
    path = out.join(table)
    if not out.fs.exists(path):
        return []
    names = (p.rstrip("/").rsplit("/", 1)[-1] for p in out.fs.ls(path, detail=False))
    return sorted(n[3:] for n in names if n.startswith("ds="))


def published_article_ids(out: Root, ids, exclude: str | None = None) -> dict[str, str]:
    """Which of ``ids`` are already published under another date than ``exclude``: ``{article_id: ds}`` (the
    earliest such date). One column per date, from the date's article-id index (or, for a date published
    before the index existed, the ``article_id`` column of its partition)."""
    found = published_article_dates(out, ids, skip={exclude})
    return {i: dates[0] for i, dates in found.items()}


def published_article_dates(out: Root, ids, skip=frozenset()) -> dict[str, list[str]]:
    """Every published date (but those in ``skip``) of each of ``ids`` that is published, in date order: one
    read of each date's article-id index for a whole batch of dates."""
    import pyarrow.compute as pc

    wanted = pa.array(sorted(set(ids)), pa.string())
    found: dict[str, list[str]] = {}
    if not len(wanted):
        return found
    for ds in published_dates(out):
        if ds in skip:
            continue
        col = _published_ids(out, ds)
        for hit in pc.filter(col, pc.is_in(col, value_set=wanted)).to_pylist():
            found.setdefault(hit, []).append(ds)
    return found


def _published_ids(out: Root, ds: str) -> pa.ChunkedArray:
    """The article ids published under ``ds``: its index, or the ``article_id`` column of a partition published
    before the index existed (empty when the date is not published)."""
    index = _index_path(out, ds)
    if out.fs.exists(index):
        return read_path(out, index).column("article_id")
    part = partition_path(out, "articles", ds)
    if not out.fs.exists(part):
        return pa.chunked_array([], pa.string())
    return pq.read_table(part, filesystem=out.fs, columns=["article_id"]).column("article_id")


def publishes_articles(out: Root, ds: str, ids) -> bool:
    """True when every one of ``ids`` is published under ``ds``."""
    return set(ids) <= set(_published_ids(out, ds).to_pylist())


def delete_date(out: Root, ds: str) -> list[str]:
    """Remove the ``ds`` partition of every published table (and the date's index and staged work); returns
    the tables that had one. Each partition is first renamed out of the readers' sight, then removed. Call
    under ``date_lock``."""
    removed = []
    names = (
        [p.rstrip("/").rsplit("/", 1)[-1] for p in out.fs.ls(out.path, detail=False)]
        if out.fs.exists(out.path)
        else []
    )
    for table in sorted(n for n in names if not n.startswith((".", "_"))):
        final = partition_path(out, table, ds)
        if not out.fs.exists(final):
            continue
        gone = out.join(table, "_trash", f"deleted-ds={ds}.{uuid.uuid4().hex[:12]}")
        out.fs.makedirs(out.join(table, "_trash"), exist_ok=True)
        _move_dir(out, final, gone)
        out.fs.rm(gone, recursive=True)
        _remove_if_empty(out, out.join(table, "_trash"))
        removed.append(table)
    for path in (_index_path(out, ds), out.join("_work", f"ds={ds}")):
        if out.fs.exists(path):
            out.fs.rm(path, recursive=True)
    return removed


def clear_date_work(out: Root, ds: str) -> None:
    """Remove every staged stage output of ``ds`` (after a successful publish: it is twice the size of the
    published tables)."""
    path = out.join("_work", f"ds={ds}")
    if out.fs.exists(path):
        out.fs.rm(path, recursive=True)


def _remove_if_empty(out: Root, path: str) -> None:
    try:
        if out.fs.exists(path) and not out.fs.ls(path, detail=False):
            out.fs.rmdir(path)
    except (OSError, NotImplementedError):
        pass


def read_partition(out: Root, table: str, ds: str) -> pa.Table | None:
    path = partition_path(out, table, ds)
    if not out.fs.exists(path):
        return None
    return pq.read_table(path, filesystem=out.fs)


def read_table_dir(table: Root) -> pd.DataFrame:
    """A published table (``<out>/<table>``, every ``ds=`` partition) as one DataFrame."""
    import pandas as pd

    if not table.fs.exists(table.path):
        raise StorageError(
            f"{table.url} does not exist; run `dateline run` first or pass the right directory"
        )
    return pd.read_parquet(table.path, filesystem=table.fs)


def read_published(out: Root, table: str, dates: list[str] | None = None) -> pd.DataFrame:
    """The published rows of ``table`` for the dates given (every date when None), one partition at a time so
    partitions written before a column was added still read; ``ds`` comes back as a column."""
    import pandas as pd

    base = out.join(table)
    if not out.fs.exists(base):
        raise StorageError(
            f"{table_url(out, table)} does not exist; run `dateline run` first or pass the right --out"
        )
    if dates is None:
        dates = sorted(
            name[3:]
            for name in (p.rstrip("/").rsplit("/", 1)[-1] for p in out.fs.ls(base, detail=False))
            if name.startswith("ds=") and "." not in name[3:]
        )
    frames = []
    for ds in dates:
        part = read_partition(out, table, ds)
        if part is None:
            raise StorageError(
                f"{partition_path(out, table, ds)} does not exist; run `dateline run --date {ds}` first"
            )
        frames.append(part.to_pandas().assign(ds=ds))
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def write_csv(target: str, df: pd.DataFrame) -> str:
    """Write ``df`` as CSV to a local path or fsspec URL (``-``: standard output); returns where it went."""
    import sys

    if target == "-":
        df.to_csv(sys.stdout, index=False)
        return "-"
    dest = root(target)
    try:
        parent = dest.path.rsplit("/", 1)[0] if "/" in dest.path else ""
        if parent:
            dest.fs.makedirs(parent, exist_ok=True)
        with dest.fs.open(dest.path, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False)
    except OSError as exc:
        raise StorageError(
            f"cannot write {target}: {exc.strerror or exc}; check the path and its permissions"
        ) from None
    return dest.url


def open_dir_files(folder: Root, suffix: str) -> Iterator[tuple[str, object]]:
    """(stem, open text file) for every file of ``folder`` ending with ``suffix``, sorted by name."""
    if not folder.fs.isdir(folder.path):
        raise StorageError(f"{folder.url} is not a directory")
    for p in sorted(folder.fs.ls(folder.path, detail=False)):
        name = p.rstrip("/").rsplit("/", 1)[-1]
        if name.endswith(suffix) and not name.startswith((".", "_")):
            with folder.fs.open(p, "r", encoding="utf-8") as fh:
                yield name[: -len(suffix)], fh


def write_validation(out: Root, ds: str, run_id: str, result: dict, keep: int | None = None) -> str:
    """Write a run's GX result; with ``keep``, only the ``keep`` newest results of the date stay (run ids
    start with the UTC time, so name order is age order)."""
    path = out.join("_validation", f"ds={ds}", f"{run_id}.json")
    folder = path.rsplit("/", 1)[0]
    out.fs.makedirs(folder, exist_ok=True)
    with out.fs.open(path, "w") as fh:
        json.dump(result, fh, indent=1, default=str)
    if keep is not None and keep > 0:
        runs = sorted(p for p in out.fs.ls(folder, detail=False) if p.endswith(".json"))
        for old in runs[:-keep]:
            if old.rstrip("/").rsplit("/", 1)[-1] != f"{run_id}.json":
                with suppress(FileNotFoundError):
                    out.fs.rm(old)
    return path


def gx_project_dir(out: Root) -> str | None:
    """The output's Great Expectations project (``OUT/_gx``: suites, stored validation results, Data Docs);
    None for outputs on object stores (GX's file stores and Data Docs here are local files)."""
    if not out.is_local:
        return None
    path = out.join("_gx")
    os.makedirs(path, exist_ok=True)
    return path


def table_url(out: Root, table: str) -> str:
    return f"{out.url.rstrip('/')}/{table}"


# --------------------------------------------------------------------------------------------- locks


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def date_lock(out: Root, ds: str, owner: str = "") -> Iterator[None]:
    """Hold the write lock for ``ds``; a second run on the same date is refused with ``LockedError``.

    A lock left by a dead process on this host is taken over.
    """
    path = out.join("_locks", f"ds={ds}.lock")
    out.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    info = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time(), "owner": owner}
    payload = json.dumps(info).encode()
    for attempt in range(2):
        try:
            if out.is_local:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
            else:
                if out.fs.exists(path):
                    raise FileExistsError(path)
                with out.fs.open(path, "wb") as fh:
                    fh.write(payload)
            break
        except FileExistsError:
            try:
                held = json.loads(out.fs.cat_file(path))
            except (ValueError, FileNotFoundError):
                held = {}
            stale = held.get("host") == info["host"] and not _pid_alive(int(held.get("pid", 0)))
            if stale and attempt == 0:
                out.fs.rm(path)
                continue
            raise LockedError(
                f"date {ds} is being written by another run (pid {held.get('pid')} on {held.get('host')}, "
                f"{held.get('owner') or 'unknown flow'}); wait for it to finish, or delete {path} if that run is dead"
            ) from None
    try:
        yield
    finally:
        with suppress(FileNotFoundError):
            out.fs.rm(path)
