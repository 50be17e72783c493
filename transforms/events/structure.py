"""Article structure: what a story's text is made of before any sentence is read for events.

- **Datelines** of the agency formats (``KYIV, Ukraine (AP) —``, ``KYIV, Nov 17 (Reuters) -``, ``Kyiv (AFP) -``,
  ``KYIV:``, and an AP dateline whose dash the scrape lost: ``KYIV, Ukraine (AP)  Russia ...``): where the story
  was filed, never where its events happened.
- **Paragraphs** (blank lines), and **live-blog entries**: a paragraph that is only a time stamp
  (``10.32 BST``, ``1:45 p.m. ET``, ``Updated at 09.15``) opens an entry.
- **Quotes**: a sentence that opens with a quotation mark is somebody's words.
- **Bylines and captions**: ``By NAME``, ``Photo by ...``, ``(AP Photo/...)`` lines and captions (a paragraph
  that ends with a photo's credit or opens with "Photo:") say nothing of events.
- **Reprints**: a story that announces a document it reprints ("Read the President's full address below:") —
  the document's "today" is the day it was spoken, not the day the story was published.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms.events.dates import find_dates
from transforms.names.resolve import resolve_name

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a dateline's date, month first (Reuters: "Nov 17") or day first (AFP, BelTA: "17 July", "3 March 2023")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
# PLACE[, Region][, date] [(Agency)] dash | PLACE: — the place in capitals, or in title case before an agency
_DATELINE = re.compile(
    rf"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’. /-]{{1,40}}?|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
    # ... (before its country, its date or both: "Kharkiv, Ukraine (AFP) –", "Kyiv, 3 March (AFP) –")
    rf"(?=(?:,\s*(?!{_MONTH}\s+\d)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:,\s*{_DATE})?\s*\()"
    # ... or in title case before its country and a long dash: "Kyiv, Ukraine —", "Kyiv, Ukraine CNN —"
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?=,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*(?:CNN\s*)?[—–]\s))"
    rf"(?:,\s*(?!{_MONTH}\s+\d)(?P<region>[A-Z][A-Za-z .'-]{{1,40}}?))?"
    rf"(?:,\s*(?P<date>{_DATE}))?"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?"
    # (a long dash may touch the first word: the Wall Street Journal's "KYIV, Ukraine—Ukraine hit ...")
    r"(?P<sep>\s*[—–-]{1,2}\s+|\s*[—–](?=[A-Z“\"])|\s*:\s+|(?(agency)\s+|(?!)))(?=\S)"
)
# what every dateline has in its first characters: a dash, a colon or an agency in brackets
_MAY_OPEN_DATELINE = re.compile(r"[—–:(-]")
_TIMESTAMP = re.compile(
    r"^(?:(?:Updated|Posted)\s+(?:at\s+)?)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:BST|GMT|CET|CEST|EET|EEST|"
    r"UTC|ET|EST|EDT|PT|MSK|Kyiv time|local time))?\.?$",
    re.IGNORECASE,
)


def is_time_stamp(line: str) -> bool:
    """A line that is only a live blog's time stamp ("14:15", "10.32 BST", "Updated at 09.15")."""
    return _TIMESTAMP.match(line.strip()) is not None


_STAMP_HOUR = re.compile(r"(?P<h>\d{1,2})[.:]\d{2}(?:\s*(?P<pm>[ap])\.?m\.?)?", re.IGNORECASE)


def stamp_hour(stamp: str) -> int | None:
    """The hour of a live blog's time stamp ("14:15" → 14, "2:15 p.m." → 14, "10.32 BST" → 10), or None."""
    m = _TIMESTAMP.match(stamp.strip()) and _STAMP_HOUR.search(stamp)
    if not m:
        return None
    hour, half = int(m.group("h")) % 24, (m.group("pm") or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0  # "12:30 a.m." is half past midnight
    return hour


_QUOTE_OPEN = ('"', "“", "‘", "'")
# a double quotation mark anywhere in a sentence: somebody's words begin, go on or end there
QUOTE_MARK = re.compile(r"[“”\"]")
_BYLINE = re.compile(r"^(?:By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}|Photo(?:graph)?:?\s+by\b|\(AP Photo/)")
# a photo's caption: it ends with the photo's credit or opens as one ("... Sunday, Jan. 15, 2023. (AP Photo/Roman
# Hrytsenko)", "Photo: Volunteers clear debris ...", "Image caption: A crater ...")
_CAPTION = re.compile(
    r"\((?:AP|Reuters|AFP|EPA|Getty|PA|Anadolu)\s*(?:Photo\b[^)]{0,60}|/[^)]{1,60})\)\s*$|"
    r"^(?:Photo|Image caption|Caption|Pictured)\s*:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dateline:
    place: str | None
    region: str | None
    agency: str | None
    end: int  # offset in the text where the body after the dateline starts
    date: str | None = None  # "Nov 17" in a Reuters dateline


def parse_dateline(text: str) -> Dateline | None:
    """``KYIV, Ukraine (AP) — ...`` → place ``KYIV``, region ``Ukraine``, agency ``AP`` (module docstring for the
    formats); None when the text does not open with a dateline."""
    m = _DATELINE.match(text)
    if not m:
        return None
    place = m.group("place").strip(" ,")
    sep, agency = m.group("sep").strip(), m.group("agency")
    # "Kyiv, Ukraine —": a title-case dateline names a country after its city ("Zelensky, Biden — ..." is a title)
    region = (m.group("region") or "").removesuffix(" CNN")
    titled = sep in ("—", "–") and bool(region) and resolve_name(region).entity_type == "country"
    if len(place) < 2 or not (place.isupper() or agency or titled):
        return None
    if not sep and not agency:  # only an agency dateline may have lost its dash in a scrape
        return None
    if sep == ":" and (agency or not place.isupper()):
        return None
    return Dateline(place, m.group("region"), m.group("agency"), m.end(), m.group("date"))


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    entry: int  # live-blog entry number (0 before the first time stamp; stories without any: all 0)
    kind: str  # "text", "timestamp", "byline", "caption"


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a cleaned article (blank-line separated), each with its live-blog entry and kind."""
    out: list[Paragraph] = []
    entry = 0
    pos = 0
    for part in re.split(r"(\n\s*\n)", text):
        if part.strip() and not part.startswith("\n"):
            stripped = part.strip()
            start = pos + part.index(stripped[0])
            kind = "text"
            if _TIMESTAMP.match(stripped):
                entry += 1
                kind = "timestamp"
            elif _BYLINE.match(stripped):
                kind = "byline"
            elif _CAPTION.search(stripped):
                kind = "caption"
            out.append(Paragraph(start, start + len(stripped), entry, kind))
        pos += len(part)
    return out


def filed_on(text: str, published: dt.date) -> dt.date | None:
    """The day the story's opening dateline names ("KYIV, July 20 (Reuters) -" in a paper that reprinted it on the
    21st): the story's own today, from which its "overnight" and "on Thursday" count. None when the dateline
    names no day, or a day after publication or more than a week before it (no reprint is that late)."""
    dl = parse_dateline(text)
    days = find_dates(dl.date, published) if dl is not None and dl.date else []
    if not days or days[0].precision != 1:
        return None
    day = days[0].date
    return day if dt.timedelta(0) <= published - day <= dt.timedelta(days=7) else None


def datelines(text: str, paras: list[Paragraph] | None = None) -> dict[int, int]:
    """{paragraph start: end of its dateline} for every paragraph that opens with one (a news summary tells
    several stories, each with its dateline)."""
    out = {}
    for p in paras if paras is not None else paragraphs(text):
        if not _MAY_OPEN_DATELINE.search(text, p.start, min(p.end, p.start + 80)):
            continue
        dl = parse_dateline(text[p.start : p.end])
        if dl is not None:
            out[p.start] = p.start + dl.end
    return out


# a paragraph announcing the document printed after it
_REPRINT = re.compile(
    r"\b(?:full|complete)\s+(?:text|address|speech|statement|transcript|remarks)\b[^\n]{0,40}?(?:below|follows)\b|"
    r"\b(?:address|speech|statement|remarks|transcript)\b[^\n]{0,30}?\b(?:below|as follows)\s*:?\s*$",
    re.IGNORECASE,
)


def reprint_start(text: str, paras: list[Paragraph], within: int = 3) -> int | None:
    """Where the document a story reprints begins (the paragraph after the one announcing it, among the first
    ``within``), or None: "Read the President's full address below:" then the address."""
    head = text[: paras[min(within, len(paras)) - 1].end].lower() if paras else ""
    if "below" not in head and "follows" not in head:
        return None  # the words every announcement of a reprint has, before any pattern runs
    for i, p in enumerate(paras[:within]):
        if _REPRINT.search(text, p.start, p.end) and i + 1 < len(paras):
            return paras[i + 1].start
    return None


# a labelled section of a story ("Background: On Friday, 10 May, Russian troops ..."), as Ukrainska Pravda,
# Ukrinform and live blogs write them: what follows is a new account, not the one told before the label
_SECTION_LABEL = re.compile(r"^\W*(?:Background|Context|Recap|Reminder|Earlier|Previously|For context)\s*:\s")


def opens_a_section(sentence: str) -> bool:
    """The sentence opens a labelled section of the story ("Background: ...")."""
    return _SECTION_LABEL.match(sentence) is not None


def is_quote(sentence: str) -> bool:
    """The sentence is somebody's words: it opens with a quotation mark."""
    return sentence[:1] in _QUOTE_OPEN
