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
# Letters whose diacritic changes the sound: spell the sound out before diacritics are stripped.
_SPECIAL = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
        "č": "ch", "Č": "Ch", "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "ț": "ts", "Ț": "Ts", "ţ": "ts",
        "ş": "sh", "Ş": "Sh", "ć": "ts", "Ć": "Ts", "ç": "ch", "Ç": "Ch", "ż": "zh", "Ż": "Zh", "ĉ": "ch", "ŝ": "sh", "ĵ": "zh", "ĥ": "kh",
    }
)  # fmt: skip


_CZECH_FEMININE = re.compile(r"(?<=\w{3})ová\b")  # Czech/Slovak feminine suffix on foreign surnames
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
    s = _CZECH_FEMININE.sub("", unicodedata.normalize("NFKC", name)).translate(_SPECIAL)
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
    ("tsh", "H"),
    ("tsj", "H"),
    ("tj", "H"),
    ("sj", "S"),
    ("cs", "H"),
    ("ts", "S"),
    ("tz", "S"),
    ("dz", "S"),
    ("ck", "K"),
    ("x", "KS"),
]
_CLUSTER_RE = re.compile("|".join(c for c, _ in _CLUSTERS))
_CLUSTER_MAP = dict(_CLUSTERS)
# c before a front vowel is ts (Polish/German/Czech romanizations). The ts / s / z / sh / zh family is one
# class: German writes Ukrainian з as s and ц as z, so no finer split survives every romanization.
_SOFT_C = re.compile(r"c(?=[eiyj])")
_LETTER = str.maketrans(
    {"c": "K", "z": "S", "s": "S", "g": "H", "h": "H", "q": "K", "k": "K", "w": "V", "f": "V", "v": "V"}
)
# Case endings that Baltic languages add to Slavic names (Jaceniukas, Arsenijus, Jaceņuks).
_BALTIC_ENDING = re.compile(r"(?<=[a-z]{4})(?:ijus|ius|jus|us|as|is|js|ys|(?<=[^aeiouyts])s)$")
_ROMANIAN_CI = re.compile(
    r"ci(?=[aou]|$|[bcdfgklmnpqrstvz])"
)  # Romanian ci before a back vowel, a consonant or at the end is ch
_VOWELS = set("aeiouyj")
_ADJ_ENDING = re.compile(r"(?<=\w\w)[sz]k(?:(oye|oe|oje|oie|e|ie)|(?:yi|iy|yy|ij|yj|ii|i|y|ei|iyi))$")
# neuter place names in -ove / -eve (Russian -ovo / -evo / -ovoye): Dymytrove is not Dymytrov, Kurakhove not Kurakhiv
_NEUTER_ENDING = re.compile(r"(?<=\w\w[aeiouy])[vw](?:e|o|oe|oye|oje|oie|ye|ie)$")


def _classes(token: str) -> tuple[str, str, bool]:
    """A normalized token in letter classes (upper-case class letters, vowels as they are), with the marker of
    its adjectival ending and whether it ends in a feminine ``a``: the common ground of ``token_key`` and
    ``token_shape``."""
    if len(token) >= 7 or (len(token) == 6 and token[-1] == "s" and token[-2] not in "aeiouyts"):
        token = _BALTIC_ENDING.sub("", token)
    token = _ROMANIAN_CI.sub("ch", token)
    # adjectival place and family names: Russian -skoye / Ukrainian -ske (neuter) are one name, and differ from
    # -sk (Pokrovske is not Pokrovsk) and from -skyi / -skiy / -ski (masculine: Dniprovskyi is a district)
    ending = ""
    m = _ADJ_ENDING.search(token)
    if m:
        ending = "E" if m.group(1) else "Y"
        token = token[: m.start() + 1] + "k"
    elif m := _NEUTER_ENDING.search(token):
        ending = "O"
        token = token[: m.start() + 1]
    if len(token) > 5 and token.endswith(("aya", "aia", "aja")):
        token = token[:-2]  # Russian feminine adjective: Pomochnaya / Pomichna
    feminine = len(token) > 3 and token.endswith("a") and not token.endswith(("ia", "ya", "ja"))
    t = _CLUSTER_RE.sub(lambda m: _CLUSTER_MAP[m.group(0)], token)
    return _SOFT_C.sub("S", t).translate(_LETTER), ending, feminine


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """Skeleton of one normalized token (see module doc)."""
    if not token:
        return ""
    t, ending, feminine = _classes(token)
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
    return key + ending.lower() + ("a" if feminine else "")


@lru_cache(maxsize=200_000)
def token_shape(token: str) -> str:
    """The token's consonant classes with each run of vowels as one ``V``: Kharkov / Kharkiv → ``hVrkVv``.
    The key drops vowels, so names of different syllable structure share one (Xenia / Kozyn: ``ksn``); the
    shape tells them apart (``ksVnV`` / ``kVsVn``) while romanization variants keep one shape."""
    if not token:
        return ""
    t, ending, _ = _classes(token)
    out: list[str] = []
    for ch in t:
        c = "V" if ch in _VOWELS else ch.lower() if ch.isalpha() else ""
        if c and not (out and out[-1] == c):
            out.append(c)
    return "".join(out) + ending.lower()


def tokens(name: str) -> list[str]:
    return norm(name).split()


@lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    """Space-joined token skeletons of a whole name: ``Oleg Sinegubov`` → ``lh snhbv``."""
    return " ".join(token_key(t) for t in tokens(name))


# ------------------------------------------------------------------ orthographies of other languages
# A name written in another language's orthography, told by letters or clusters only that orthography uses, is
# rewritten in English-style romanization before its key is taken: rules of each orthography, not per-name fixes.
_BALTIC = re.compile(r"[āēīūļņķģėųįą]")
_CARON = re.compile(r"[čšž]")
_POLISH = re.compile(r"[łńśźżąę]|rz|cz|wicz\b")
_HUNGARIAN = re.compile(r"[őű]|cs|zs|ics\b")
_TURKIC = re.compile(r"[çşğı]|q(?!u)|ə")
_HUSHING_A = re.compile(r"(?<=[čšž])a\b")
_BALTIC_MASC = re.compile(r"(?<=[^aeiouy\W])(?:[aiuy])?s\b")


def _baltic(s: str) -> str:
    """Latvian and Lithuanian add case endings to Slavic names: masculine -s / -as / -is / -us (Refats Čubarovs,
    Vladimiras Groismanas), and -a to a surname in a hushing sound (Ogneviča)."""
    s = _HUSHING_A.sub("", s)
    return _BALTIC_MASC.sub("", s)


def _polish(s: str) -> str:
    """Polish: ł l, w v, j y, cz ch, sz sh, rz zh, ch kh, a lone c ts (Ołeksandr Tretjakow: Oleksandr Tretyakov)."""
    s = s.replace("ch", "\x01")  # Polish ch is kh; the ch written below from cz is not
    for a, b in (("szcz", "shch"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), ("ż", "zh"), ("ź", "zh")):
        s = s.replace(a, b)
    s = re.sub(r"c(?![hz])", "ts", s)
    return s.replace("ł", "l").replace("w", "v").replace("j", "y").replace("\x01", "kh")


def _hungarian(s: str) -> str:
    """Hungarian: cs ch, zs zh, s sh, sz s (Ohnevics: Ohnevich)."""
    s = s.replace("cs", "ch").replace("zs", "zh").replace("sz", "\0")
    s = re.sub(r"s(?!h)", "sh", s)
    return s.replace("\0", "s").replace("j", "y")


def _turkic(s: str) -> str:
    """Turkish and Azerbaijani: ç ch, ş sh, c j, ğ silent, ı y; Azerbaijani q g, x kh, ə e (Oqneviç: Ognevich,
    Qroysman: Groysman)."""
    s = re.sub(r"c(?!h)", "dzh", s)
    s = re.sub(r"q(?!u)", "g", s)
    for a, b in (("ç", "ch"), ("ş", "sh"), ("ğ", ""), ("ı", "y"), ("ə", "e"), ("x", "kh")):
        s = s.replace(a, b)
    return s


def orthographic(name: str) -> str:
    """``name`` rewritten from the orthography its letters betray (Baltic, Polish, Hungarian, Turkish or
    Azerbaijani) into English-style romanization; unchanged when none does."""
    s = unicodedata.normalize("NFC", name).lower()
    if _BALTIC.search(s) or (
        _CARON.search(s) and len(s.split()) > 1 and all(t.endswith(("s", "a")) for t in s.split())
    ):
        s = _baltic(s)
        return s.replace("č", "ch").replace("š", "sh").replace("ž", "zh")
    if "sch" in s:  # German (Awakow, Tschubarow): the key's own clusters read it
        return name
    if _TURKIC.search(s):
        return _turkic(s)
    if _POLISH.search(s):
        return _polish(s)
    if _HUNGARIAN.search(s):
        return _hungarian(s)
    return name
