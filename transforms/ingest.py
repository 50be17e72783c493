"""Raw records → clean, de-duplicated articles. Pure: bytes and dicts in, DataFrames out.

A *raw record* is a dict the storage layer builds from one ``.txt`` file (plus its ``.meta.json`` sidecar)
or one JSONL line: ``raw_path, source_id, text | error, published_at, source, url, title``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from transforms.events.structure import Dateline, is_time_stamp, parse_dateline  # noqa: F401  (re-exported)
from transforms.schema import columns

# Lines that are scrape junk, whatever their case: share widgets, promo links, bylines of video players.
_JUNK_LINE = re.compile(
    r"^\s*(?:(?:close|share|copy link|advertisement|skip to content|toggle caption)\s*)+$",
    re.IGNORECASE,
)
_PROMO_LINE = re.compile(
    r"^\s*(?:READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE|ALSO READ|RELATED COVERAGE|FOLLOW)\s*:",
)
# A cookie or consent banner ("We value your privacy. We and our partners store ... cookies ... ACCEPT ALL"): a line
# no longer than a banner that speaks of cookies or privacy and of consenting to them
_BANNER_TOPIC = re.compile(r"\b(?:cookies?|privacy)\b", re.IGNORECASE)
_BANNER_ASK = re.compile(
    r"\b(?:consent|partners|accept|manage|settings|preferences|personal data|policy|notice|choices)\b",
    re.IGNORECASE,
)
_BANNER_WORDS = 80
_STRAY_DOTS = re.compile(r"(?<=[.!?…”\"’])(?:\s+\.)+(?=\s|$)")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_SENTENCE_END = re.compile(r"[.!?…:;”\"’)\]]\s*$")


class RawRecordError(ValueError):
    """A raw record that cannot become an article; the message says what is wrong and what to do."""


# The largest article text processed (in pieces of spaCy's max_length, see transforms.nlp.split_pieces); a longer
# one is quarantined with the reason. Storage reads no raw file or JSONL line over MAX_RECORD_BYTES at all.
MAX_ARTICLE_CHARS = 5_000_000
MAX_RECORD_BYTES = 16_000_000


# The legacy encodings a news scrape comes in (Western and Central European, Cyrillic). Detection among every
# code page charset-normalizer knows reads a short latin-1 text as Urdu (cp1006), and arbitrary bytes as UTF-16.
LEGACY_ENCODINGS = [
    "cp1252", "cp1251", "cp1250", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "latin_1", "iso8859_2",
    "iso8859_15", "mac_roman",
]  # fmt: skip


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode a raw file: UTF-8 (BOM tolerated), else the encoding charset-normalizer finds →
    ``(text, encoding)``; raise ``RawRecordError`` saying what to do when it is no text at all."""
    if not data.strip():
        raise RawRecordError(f"{path}: file is empty; remove it or re-scrape the article")
    if b"\x00" in data[:4096]:
        raise RawRecordError(f"{path}: binary file (NUL bytes), not article text; remove it from the raw dir")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        line = data[: error.start].count(b"\n") + 1
        raise RawRecordError(
            f"{path}:{line}: not UTF-8 (byte {error.start}) and no other text encoding fits; re-encode the "
            "file as UTF-8 (e.g. iconv -f <encoding> -t UTF-8); its bytes are kept in the quarantine row"
        )
    return str(best), best.encoding


def decode_bytes(data: bytes, path: str) -> str:
    """The text of ``decode_text``, without the encoding."""
    return decode_text(data, path)[0]


def parse_date(value: object) -> dt.date | None:
    """ISO date or datetime (``2024-11-02``, ``2024-11-02T08:15:00Z``) → date; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise RawRecordError(f"published_at {text!r} is not an ISO date (YYYY-MM-DD)") from None


def _normalize_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    return _SPACES.sub(" ", line).strip()


_CONTINUES = re.compile(r"^[a-z(]")


def _unwrapped(lines: list[str]) -> list[str]:
    """Normalized lines, a sentence hard-wrapped over several lines joined again: a line that does not end a
    sentence, followed by one that starts in lower case ("He was" / "sentenced to nine years ...")."""
    out: list[str] = []
    for raw_line in lines:
        line = _normalize_line(raw_line)
        if out and line and out[-1] and _CONTINUES.match(line) and not _SENTENCE_END.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _a_banner(line: str) -> bool:
    """A cookie or consent banner's line (a story's paragraph that mentions cookies is longer than a banner)."""
    return (
        len(line.split()) <= _BANNER_WORDS
        and _BANNER_TOPIC.search(line) is not None
        and _BANNER_ASK.search(line) is not None
    )


def clean_text(raw: str) -> tuple[str, str | None]:
    """Strip scrape junk from an article; return ``(clean_text, headline)``.

    Drops junk, promo and cookie-banner lines, collapses repeated lines (the doubled headline), removes stray ``. .``,
    and takes leading lines before the body (no sentence punctuation) as the headline. Sub-headings in the
    body (short lines with no closing punctuation) are dropped: they are not sentences and would read as
    events ("Dozens injured in Russian attacks on Ukraine"); a live blog's time stamps ("14:15") are kept, each a
    paragraph of its own, as the structure that tells its entries apart.
    """
    paragraphs: list[str] = []
    headline: str | None = None
    for line in _unwrapped(raw.splitlines()):
        if not line or _JUNK_LINE.match(line) or _PROMO_LINE.match(line) or _a_banner(line):
            continue
        line = _STRAY_DOTS.sub("", line)
        if paragraphs and line == paragraphs[-1]:
            continue
        if is_time_stamp(line):
            # a live blog's entry stamp: structure, kept as a paragraph of its own (an entry stamped in the
            # afternoon tells that day's news)
            if paragraphs and not is_time_stamp(paragraphs[-1]):
                paragraphs.append(line)
            continue
        if not _SENTENCE_END.search(line) and len(line.split()) <= 25:
            # a heading: the first one before any body text is the headline; later ones are sub-heads
            if headline is None and not paragraphs:
                headline = line
            continue
        if headline is not None and line == headline:
            continue
        paragraphs.append(line)
    return "\n\n".join(paragraphs), headline


def article_id(text: str) -> str:
    """Content hash of the normalized text: case, spacing and punctuation differences do not matter."""
    key = re.sub(r"\W+", " ", text.casefold()).strip()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def record_to_article(rec: dict, default_date: dt.date | None) -> dict:
    """One raw record → one article row; raises ``RawRecordError`` with the reason."""
    where = rec.get("raw_path", "?")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RawRecordError(f"{where}: no article text (field `text` missing or empty)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise RawRecordError(
            f"{where}: article text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit; split it "
            "into several articles (one per file or JSONL line) and run the date again"
        )
    try:
        published = parse_date(rec.get("published_at")) or default_date
    except RawRecordError as exc:
        raise RawRecordError(f"{where}: {exc}") from None
    if published is None:
        raise RawRecordError(
            f"{where}: no published date; add `published_at` (YYYY-MM-DD) or put the file in data/raw/<YYYY-MM-DD>/"
        )
    body, headline = clean_text(text)
    if not body:
        raise RawRecordError(f"{where}: nothing left after removing scrape junk")
    dl = parse_dateline(body)
    source = _str(rec.get("source")) or (dl.agency if dl else None)
    return {
        "article_id": article_id(body),
        "source_id": str(rec.get("source_id") or where),
        "source": source,
        "url": _str(rec.get("url")),
        "title": _str(rec.get("title")) or headline,
        "dateline_place": dl.place if dl else None,
        "published_at": published,
        "text": body,
        "n_words": len(body.split()),
        "raw_path": where,
        "encoding": rec.get("encoding") or "utf-8",
    }


def _str(value) -> str | None:
    """A metadata field as text (a feed may give a number or a list): None when absent or empty."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def quarantine_row(table: str, reason: str, raw_path: str | None, record_id: str | None, original) -> dict:
    return {
        "table": table,
        "reason": reason,
        "expectation": None,
        "raw_path": raw_path,
        "record_id": record_id,
        "original": original
        if isinstance(original, str)
        else json.dumps(original, default=str, ensure_ascii=False),
    }


@dataclass
class IngestResult:
    articles: pd.DataFrame
    quarantine: pd.DataFrame
    n_raw: int
    n_duplicates: int


def build_articles(records: list[dict], default_date: dt.date | None = None) -> IngestResult:
    """Raw records → articles (first occurrence of each article_id kept) + quarantine rows.

    Records carrying an ``error`` (set by storage for unreadable files or malformed JSON lines) go straight
    to quarantine. The identity ``n_raw == len(articles) + n_duplicates + len(quarantine)`` always holds.
    """
    rows, bad = [], []
    for rec in records:
        if rec.get("error"):
            bad.append(
                quarantine_row("raw", rec["error"], rec.get("raw_path"), rec.get("source_id"), _original(rec))
            )
            continue
        try:
            rows.append(record_to_article(rec, default_date))
        except RawRecordError as exc:
            bad.append(
                quarantine_row("raw", str(exc), rec.get("raw_path"), rec.get("source_id"), _original(rec))
            )
    articles = pd.DataFrame(rows, columns=columns("articles"))
    before = len(articles)
    articles = articles.drop_duplicates("article_id", keep="first").reset_index(drop=True)
    quarantine = pd.DataFrame(bad, columns=columns("quarantine"))
    return IngestResult(articles, quarantine, n_raw=len(records), n_duplicates=before - len(articles))


def _original(rec: dict) -> str:
    keep = {k: v for k, v in rec.items() if k != "error"}
    if isinstance(keep.get("text"), str) and len(keep["text"]) > 2000:
        keep["text"] = keep["text"][:2000] + "…"
    return json.dumps(keep, default=str, ensure_ascii=False)
