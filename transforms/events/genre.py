"""What kind of story an article is: a news report, a live blog, a feature, an opinion piece, a retrospective
(a story told at an earlier time) or an event coder's note.

The kind decides one thing: whether the story has a *news day*. A news report tells today's and last night's
events, so an event it tells without a date of its own happened on its news day (the codebook's tier-1 test
(a)); a live blog or a summary of the day does the same, entry by entry. A feature (a profile, a scene-led
report, a retrospective) and an opinion piece tell the war's history and its general state among their own
story: an event they tell without a date has no day, and is undated background, not the publication day's
news ("undated background ... no row").

How a news report is recognised — by how its lead is written, not by its outlet or topic (the inverted
pyramid): the first sentences of a news report carry the news's time (a day in the news window: "on Sunday",
"overnight", "this week"), the present perfect of news ("Russian forces have seized ...") or a source's
attribution ("... the governor said", "according to"). A feature's lead sets a scene or tells a story in the
narrative past ("It was just hours until the first missiles would land"); an opinion piece says so (an
editor's note, "Opinion:" in its headline, a columnist's byline) or speaks in the first person outside
quotation marks. A story is a feature only when its lead has none of a news report's marks and is a lead's
length (a brief or a coder's note is news): a news report misread as a feature would lose its undated events,
so the doubt goes to news.
"""

from __future__ import annotations

import datetime as dt
import re

from transforms.events.dates import find_dates
from transforms.events.structure import QUOTE_MARK
from transforms.events.temporal import NEWS_WINDOW, judicial
from transforms.events.triggers import counts_the_past_day

NEWS, LIVE, FEATURE, OPINION, NOTE, TRIAL = "news", "live", "feature", "opinion", "note", "trial"
RETROSPECTIVE = "retrospective"
LEAD_SENTENCES = 4  # the lead read for a news report's marks (captions not counted)

# a live blog or a summary of the day: in its headline or lead
_LIVE = re.compile(
    r"\blive ?(?:blog|coverage|updates?)\b|\bliveblog\b|\bthis blog\b|\blatest developments\b|"
    r"\bwhat we know\b|\brun-?down\b|\bas it happened\b|\bhere(?:’|')s where things stand\b",
    re.IGNORECASE,
)
# a piece that says it is opinion: in its headline, or in its first lines (editor's note, columnist byline)
_OPINION_TITLE = re.compile(
    r"^(?:Opinion|Comment|Commentary|Editorial|Op-?Ed|Analysis)\s*[:|–—-]|\|\s*Opinion\b"
)
_OPINION_HEAD = re.compile(
    r"\bEditor(?:’|')s Note\b|\bviews expressed\b|\bopinion (?:contributor|columnist|writer)\b|\bis a columnist\b",
    re.IGNORECASE,
)
# a court report: its headline says a court judged, jailed or sentenced someone — the killings and shellings it
# tells are the case's, of their own time, not the news day's (a day it names still dates one)
_TRIAL = re.compile(
    r"\b(?:court|tribunal|judge)s?\b[^|:–—]{0,30}?\b(?:jails?|sentences?|convicts?|acquits?|finds)\b|"
    r"\b(?:jailed|sentenced|convicted)\s+(?:in\s+absentia|to|for)\b|\bgets?\s+\w+\s+years\b",
    re.IGNORECASE,
)
# a photo caption or credit opening a scraped story is not its lead
_CAPTION = re.compile(
    r"^FILE\b|\bFile photo\b|\(AP Photo\b|\bvia REUTERS\b|\bREUTERS/|/REUTERS\b|\bGetty Images\b"
)
_PARTICIPLE = (
    r"(?:[a-z]+(?:ed|en|wn|ck|ung|ught|id|ne)|hit|put|set|cut|shut|spread|come|become|run|won|lost|held|made|"
    r"said|left|told|fled|led|fought|met|sent|spent|built|kept|felt|dealt|meant|struck|begun|stood)"
)
_PRESENT_PERFECT = re.compile(
    rf"\b(?:has|have)\s+(?:(?:[a-z]+ly|now|also|already|just|since|so far|again)\s+)?(?:been\s+)?{_PARTICIPLE}\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|announced|reported|according to|claimed|confirmed|warned|stated)\b"
)
_FIRST_PERSON = re.compile(r"(?<!War )\b(?:I|me|my|I’m|I'm|I’ve|I've|I’d|I'd)\b")


# an event coder's note (ACLED's own): a few sentences opening with the event's full date
_CODERS_NOTE = re.compile(r"(?:[A-Z][\w /-]{0,40}: )?On \d{1,2} [A-Z][a-z]+ \d{4},")
NOTE_SENTENCES = 6


def story_kind(title: str | None, text: str, sentences: list[tuple[int, int]], published: dt.date) -> str:
    """``news``, ``live``, ``feature``, ``opinion``, ``retrospective``, ``trial`` (module docstring) or ``note``: an event
    coder's note ("On 3 May 2023, Russian forces shelled ..."), coded by ACLED's own practice where it differs
    from the codebook's reading of news (conventions.py)."""
    title = title if isinstance(title, str) else ""
    if len(sentences) <= NOTE_SENTENCES and _CODERS_NOTE.match(text):
        return NOTE
    if _OPINION_TITLE.search(title) or _OPINION_HEAD.search(text, 0, 600):
        return OPINION
    lead = [text[a:b] for a, b in sentences[: LEAD_SENTENCES + 2] if not _CAPTION.search(text, a, b)]
    lead = lead[:LEAD_SENTENCES]
    if _LIVE.search(title) or any(_LIVE.search(s) for s in lead):
        return LIVE
    if _TRIAL.search(title) and lead and judicial(lead[0]):  # (the lead tells the case too: not a digest)
        return TRIAL
    narrated = outside_quotes(lead)
    if any(_FIRST_PERSON.search(s) for s in narrated):
        return OPINION
    if len(lead) < LEAD_SENTENCES or any(_news_mark(s, published) for s in narrated):
        return RETROSPECTIVE if retrospective(text, published) else NEWS  # a brief is too short for a scene
    return FEATURE


# the words of a day in the news window ("on Sunday", "overnight") and of a month, where old dates are told
_RECENT = re.compile(
    r"\b(?:today|yesterday|overnight|last night|this morning|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b"
)
_MONTH_WORD = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
RETROSPECTIVE_DATES = (
    5  # old dates a story must tell, three times as many as recent ones, to be a retrospective
)


def retrospective(text: str, published: dt.date) -> bool:
    """A story told at an earlier time: it dates at least ``RETROSPECTIVE_DATES`` events before the news window
    and three times as many as in it ("Less than a week after the start of the invasion, peace talks began
    ... On March 10 ... By March 21 ..."): its undated events are that time's, not the news day's. Only the
    months named are read (a date look at the whole story would cost a quarter of its extraction time)."""
    needed = max(RETROSPECTIVE_DATES, 3 * len(_RECENT.findall(text)))
    months = list(_MONTH_WORD.finditer(text))
    old = 0
    for i, m in enumerate(months):
        if old + len(months) - i < needed:
            return False  # too few months left to tell enough old dates
        window = text[max(0, m.start() - 12) : m.end() + 12]
        old += any(d.explicit and published - d.date > NEWS_WINDOW for d in find_dates(window, published))
        if old >= needed:
            return True
    return False


def has_news_day(kind: str) -> bool:
    """Whether an event the story tells without a date happened on its news day."""
    return kind in (NEWS, LIVE, NOTE)  # not a feature, an opinion piece, a retrospective or a court report


def _news_mark(sentence: str, published: dt.date) -> bool:
    # (a count of the past day is a report of the news day: "Over the past day, 35 combat clashes took place")
    if _PRESENT_PERFECT.search(sentence) or _ATTRIBUTION.search(sentence) or counts_the_past_day(sentence):
        return True
    return any(
        d.explicit and dt.timedelta(0) <= published - d.date <= NEWS_WINDOW
        for d in find_dates(sentence, published)
    )


def outside_quotes(sentences: list[str]) -> list[str]:
    """The narrator's words of each sentence: what is inside quotation marks (which may open in one sentence
    and close in a later one) left out."""
    out, inside = [], False
    for s in sentences:
        kept, pos = [], 0
        for m in QUOTE_MARK.finditer(s):
            opening = m.group() == "“" or (m.group() == '"' and not inside)
            if not inside and opening:
                kept.append(s[pos : m.start()])
                inside = True
            elif inside and not opening:
                pos = m.end()
                inside = False
        if not inside:
            kept.append(s[pos:])
        out.append(" ".join(kept))
    return out
