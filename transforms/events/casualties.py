"""Sentence frames: how many — the people killed and injured a sentence counts, with ACLED's notes of what it
coded ("4 fatalities coded to this event", "fatalities split between 3 events")."""

from __future__ import annotations

import re

from transforms.events.numbers import AGES_AFTER, parse_count, word_number

_KILL = re.compile(
    r"\b(?:kill(?:ed|ing|s)|dead|died|dies|perished|lost (?:their|his|her) li(?:ves|fe)|death of|bodies of|"
    r"behead(?:ed|ing)|murder(?:ed|ing)|slain|"
    r"execut(?:ed|ing)(?=\s+(?:[\w-]+\s+){0,3}?(?:prisoners?|POWs?|soldiers?|servicem[ae]n|civilians?|people|men|"
    r"women|residents?|hostages?|captives?|him|her|them)\b))\b",
    re.I,
)


_PRESUMED = re.compile(r"\b(?:presumed|feared|believed)\s+(?:to\s+(?:be|have\s+been)\s+)?$", re.I)


_BODY_FOUND = re.compile(
    r"\b(?:his|her)\s+(?:dead\s+)?body\b[^.]{0,80}?\b(?:was|had been)\s+(?:found|discovered|recovered)\b",
    re.I,
)


_INJURE = re.compile(r"\b(?:injur(?:ed|ing|es|ies)|wound(?:ed|ing|s)|hurt|hospitali[sz]ed)\b", re.I)


_AFTER_NP_END = re.compile(
    r"\s(?:on|in|at(?!\s+(?:least|most)\b)|after|when|while|as|during|near|from|by|according|said|says|officials|over the|"
    r"local)\b|[;.:]|\s—"
    # a coordinated participle clause: "killing four people and knocking out power to hundreds of thousands"
    r"|,?\s+and\s+(?!(?:\w+\s+)?(?:injur|wound|hurt|kill|maim))\w+ing\b",
    re.I,
)


# where the noun phrase before a casualty verb begins: a clause boundary, or the end of the clause counting
# other casualties ("1 civilian was killed, 8 were injured": 8 injured, not 9)
_NP_START = re.compile(
    r"[.;:]\s|\b(?:after|when|while|that|said|says|say|and|but)\s|\b(?:killed|injured|wounded|dead|died|hurt),\s",
    re.I,
)


# what follows a verb that has no object: the next conjunct ("35 killed and 134 wounded", "killed, and ...")
_NO_OBJECT = re.compile(r"\s*(?:,|(?:and|or)\b)", re.I)


_COORDINATED_VERB = re.compile(r"\s+(?:\w+ed|shot|beaten|taken)\s+(?:and|or)\s+$", re.I)


# a toll told again, higher: "The number of dead rose to 29", "the death toll has climbed to 12"
_TOLL_ROSE_TO = r"\b(?:rose|risen|climbed|increased|jumped|grew)\s+to\b"
_TOLL = r"\b(?:(?:death|casualty)\s+toll|number\s+of\s+(?:dead|deaths|victims|people\s+killed|those\s+killed)|toll)\b"
TOLL_NAMED = re.compile(_TOLL, re.IGNORECASE)
TOLL_UPDATE = re.compile(_TOLL + r"[^.;]{0,40}?" + _TOLL_ROSE_TO, re.IGNORECASE)
_TOLL_TO = re.compile(_TOLL_ROSE_TO + r"\s+(?:at\s+least\s+)?(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
# the day a toll was updated, right after its new count: "the death toll ... rose to 23 on Thursday" dates the
# count, not the strike
TOLL_UPDATED_ON = re.compile(_TOLL_TO.pattern + r"\s+(?:on\s+|by\s+|late\s+|early\s+)?$", re.IGNORECASE)


def toll_count(sentence: str) -> int | None:
    """The dead a toll update counts ("The number of dead rose to 29" → 29), or None."""
    m = _TOLL_TO.search(sentence)
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else word_number(n)


# (the strike the toll is of may be told at length: "The death toll from a Russian rocket strike on a railway
# station in the small town of Chaplyne in central Ukraine rose to 23")
_DEATH_TOLL = re.compile(
    _TOLL + r"[^.;]{0,150}?\b(?:rose|climbed|increased|reached|risen|grew|jumped|stands|stood|is|was|hit)\s+"
    r"(?:to\s+)?(?P<n>(?:at least\s+)?[\w,-]+)",
    re.I,
)


_SAID = re.compile(r"\s(?:said|says)\b", re.I)


_BE_FORM = re.compile(r"\b(?:were|was|are|is|been|being)\b", re.I)


_PASSIVE_AUX = re.compile(r"\s*(?:(?:were|was|are|is|have|has|had|been|being|reportedly|also)\s+)+$", re.I)


_CODED = re.compile(r"\b(?:fatalities|casualties) (?:were )?(?:split and )?coded as (\d+)", re.I)


# ACLED's notes on how a reported total was divided: "(N) fatalities coded to this event", "(fatalities coded to
# X event)" (another one), and the even split of its codebook: "Coded as 10 fatalities split across 3 events",
# "(fatalities split between 3 events)"
_CODED_HERE = re.compile(r"\b(\d+) fatalit(?:y|ies) (?:were )?coded to this event\b", re.I)


_CODED_ELSEWHERE = re.compile(r"\bfatalities (?:were )?coded to (?!this\b)[^.()\[\]]{2,60}? event\b", re.I)


_SPLIT = re.compile(
    r"\b(?:(?:coded as )?(?P<total>\d+) )?fatalit(?:y|ies) (?:were )?split (?:evenly )?(?:between|across|among) "
    r"(?P<parts>\d+|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ ){0,2}?(?:events|locations)\b",
    re.I,
)


CODING_NOTES = (_CODED_HERE, _CODED, _CODED_ELSEWHERE, _SPLIT)


def says_coded(sentence: str) -> bool:
    """Whether a sentence can hold one of ACLED's notes on coded fatalities (the words every one of those
    patterns needs; a plain substring test, where the case-insensitive patterns would scan every sentence)."""
    low = sentence.lower()
    return "coded" in low or "split" in low


def coded_fatalities(sentence: str, killed: int | None = None) -> int | None:
    """The fatalities ACLED says it coded for this event, or None when the sentence does not say: an explicit
    count ("4 fatalities coded to this event", "Unspecified fatalities coded as 3"), else the even split of the
    total it names or of ``killed`` (the count read from the same sentence) that most of the events got."""
    if not says_coded(sentence):
        return None
    here = _CODED_HERE.search(sentence) or _CODED.search(sentence)
    if here:
        return int(here.group(1))
    if _CODED_ELSEWHERE.search(sentence):
        return 0  # "(fatalities coded to Schastia event)": counted with another event
    split = _SPLIT.search(sentence)
    if split is None:
        return None
    total = int(split.group("total")) if split.group("total") else killed
    parts = split.group("parts")
    parts = int(parts) if parts.isdigit() else word_number(parts)
    # the share most of the events got: the remainder goes one by one to some of them, a half rounds down
    return (2 * total + parts - 1) // (2 * parts) if total is not None and parts else None


def _after_last(rx: re.Pattern, text: str) -> str:
    """``text`` after the last match of ``rx`` (all of it when none)."""
    last = None
    for last in rx.finditer(text):  # noqa: B007
        pass
    return text[last.end() :] if last else text


def _count_before_noun(before: str) -> str:
    """The number that counts a casualty noun, right before it or an adjective of it ("four", "four serious"),
    as a phrase ``parse_count`` reads; "" when no number word is there ("He suffered injuries")."""
    words = before.split()[-2:]
    for i, w in enumerate(words):
        if w.isdigit() or word_number(w.lower()) is not None:
            return " ".join(words[i:]) + " "
    return ""


def casualties(sentence: str) -> tuple[int | None, int | None, str]:
    """(fatalities, injuries, victim phrases) in one sentence. 0 when no such verb; None when uncountable."""
    out = {}
    victims = []
    for kind, rx in (("killed", _KILL), ("injured", _INJURE)):
        total: int | None = 0
        any_verb = False
        for m in rx.finditer(sentence):
            if _PRESUMED.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "presumed killed", "feared dead": not a reported death
            verb = m.group(0).lower()
            after = sentence[m.end() :]
            stop = _AFTER_NP_END.search(after)
            nxt = _KILL.search(after) or _INJURE.search(after)
            end = min(stop.start() if stop else len(after), nxt.start() if nxt else len(after))
            np_after = after[:end]
            if _NO_OBJECT.match(np_after):
                np_after = ""  # "35 killed and 134 wounded": the verb has no object; its count is before it
            if stop is not None and end == stop.start() and _SAID.match(stop.group(0)):
                # "killing three, the Russian-installed mayor said": the phrase before "said" is its speaker
                np_after = np_after[: np_after.rfind(",")] if "," in np_after else np_after
            # the words right before the verb: "was tortured and killed" has its subject before both verbs, and
            # "were" / "have been" make it passive (only the end of the text is searched: both are anchored there)
            before = AGES_AFTER.sub("", sentence[: m.start()])  # (ages part no noun phrase: "aged 38 and 44")
            coordinated = _COORDINATED_VERB.search(before, max(0, len(before) - 60))
            if coordinated:
                before = before[: coordinated.start()]
            aux = _PASSIVE_AUX.search(before, max(0, len(before) - 60))
            if aux:
                before = before[: aux.start()]
            np_before = _after_last(_NP_START, before)[-120:]
            passive = not verb.endswith("ing") and (
                verb in ("dead", "died", "dies", "perished", "hurt")
                # "have been killed" is passive, "has killed three people" is not
                or aux is not None
                and _BE_FORM.search(aux.group(0)) is not None
            )
            phrase = np_before if passive else np_after
            if verb == "injuries":  # a noun counted by the word before it: "reported four injuries"
                phrase = _count_before_noun(sentence[: m.start()])
            count = parse_count(phrase)
            if count is None and not passive:
                alt = parse_count(np_before)
                count, phrase = (alt, np_before) if alt else (None, phrase)
            if count is None:
                continue
            any_verb = True
            victims.append(phrase)
            total = None if (total is None or count.value is None) else total + count.value
        out[kind] = total if any_verb else 0
    if out["killed"] == 0 and _BODY_FOUND.search(sentence):  # "His body was found the next day."
        out["killed"] = 1
    toll = _DEATH_TOLL.search(sentence) if "toll" in sentence or "number of" in sentence else None
    if toll:  # "The death toll from the strike rose to 18": the event's count, as far as it is known
        count = parse_count(toll.group("n"))
        if count is not None and count.value is not None and out["killed"] is not None:
            out["killed"] = max(out["killed"], count.value)
    coded = coded_fatalities(sentence, out["killed"])
    if coded is not None:  # ACLED's note of what it coded: "Unspecified fatalities coded as 10"
        out["killed"] = coded
    return out["killed"], out["injured"], " ".join(victims)
