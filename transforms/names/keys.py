"""Name keys: normalization and a transliteration-aware skeleton that collapses romanization variants.

``norm`` is for exact alias lookup (case, diacritics, apostrophes, hyphens folded).
``translit_key`` maps each token to a skeleton in which the letters that romanization systems write
differently for the same Cyrillic sound fall into one class: Zelenskyy / Zelenskiy / Zelensky / Selenskyj
→ ``slnsk``; Kharkiv / Kharkov / Charkiw → ``hrkv``; Oleh / Oleg → ``lh``; Syniehubov / Sinegubov →
``snhbv``. Vowels are dropped (they carry most of the variation: Kharkov vs Kharkiv) except a final ``a``,
which in Slavic names marks the feminine (Ivanov vs Ivanova) and is kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = re.compile(r"[’'ʼʹ`´‘ʻ]")
_NON_WORD = re.compile(r"[^\w]+")
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")


def _romanize(s: str) -> str:
    """Cyrillic through the official schemes (Ukrainian KMU-2010, Russian Wikipedia style), anything else anyascii."""
    if _CYRILLIC.search(s):
        if _UKRAINIAN.search(s):
            from transliteration_ua import transliterate_ua

            s = transliterate_ua(s)
        else:
            import iuliia

            s = iuliia.WIKIPEDIA.translate(s)
    return anyascii(s) if not s.isascii() else s


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Casefolded, diacritic-free, apostrophe-free, single-spaced form: ``Zelens’kyi`` → ``zelenskyi``."""
    s = unicodedata.normalize("NFKC", name).translate(_SPECIAL)
    s = _APOSTROPHES.sub("", s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    if not s.isascii():
        s = _romanize(s)
    s = _NON_WORD.sub(" ", s.casefold().replace("_", " "))
    return " ".join(s.split())


# Ordered rewrites applied to a normalized token; longest clusters first.
# Ordered rewrites applied to a normalized token, longest clusters first. They write upper-case classes
# so that later single-letter rules do not touch them.
_CLUSTERS = [
    ("schtsch", "S"),
    ("shtch", "S"),
    ("shch", "S"),
    ("szcz", "S"),
    ("tsch", "H"),
    ("sch", "S"),
    ("tch", "H"),
    ("zh", "S"),
    ("sh", "S"),
    ("sz", "S"),
    ("cz", "H"),
    ("kh", "H"),
    ("ch", "H"),
    ("gh", "H"),
    ("ph", "V"),
    ("ts", "C"),
    ("tz", "C"),
    ("dz", "C"),
    ("ck", "K"),
]
_CLUSTER_RE = re.compile("|".join(c for c, _ in _CLUSTERS))
_CLUSTER_MAP = dict(_CLUSTERS)
_SOFT_C = re.compile(r"c(?=[eiyj])")  # c before a front vowel is ts (Polish/German/Czech romanizations)
_LETTER = str.maketrans(
    {
        "c": "K",
        "z": "S",
        "s": "S",
        "x": "H",
        "g": "H",
        "h": "H",
        "q": "K",
        "k": "K",
        "w": "V",
        "f": "V",
        "v": "V",
    }
)
_VOWELS = set("aeiouyj")


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """Skeleton of one normalized token (see module doc)."""
    if not token:
        return ""
    feminine = len(token) > 3 and token.endswith("a") and not token.endswith(("ia", "ya", "ja"))
    t = _CLUSTER_RE.sub(lambda m: _CLUSTER_MAP[m.group(0)], token)
    t = _SOFT_C.sub("C", t).translate(_LETTER)
    out: list[str] = []
    for ch in t:
        if ch in _VOWELS or not ch.isalpha():
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    key = "".join(out).lower()
    if not key:  # all-vowel tokens ("Ia", "Iu"): keep the token so they still compare
        key = "_" + token
    return key + ("a" if feminine else "")


def tokens(name: str) -> list[str]:
    return norm(name).split()


@lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    """Space-joined token skeletons of a whole name: ``Oleg Sinegubov`` → ``lh snhbv``."""
    return " ".join(token_key(t) for t in tokens(name))
