"""The spaCy pipeline: ``spacy.blank("en")`` with a light tokenizer + two rule components, sentences and the
registry name matcher.

Everything downstream of the pipeline works on character offsets, so the default pipeline does not pay for
English tokenizer exceptions: spaCy's rule tokenizer stops caching a document's words once it meets its first
special case (spaCy #1250), which made it ~45 % of extraction time on news text. ``dateline.words.v1`` splits
words and punctuation with one regex (~10x faster) and ``dateline_sentences`` finds sentence ends by rule
(abbreviations and initials do not end a sentence, a paragraph break always does).

A trained pipeline can replace the blank one (``DATELINE_SPACY_MODEL=en_core_web_sm`` when the user has
installed it): it keeps its own tokenizer and sentence boundaries, the name component is added after it and
its own entities are kept where they do not clash.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab

from transforms.names.resolve import find_mentions

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)

# a word (inner apostrophes and hyphens kept) or one other character, then one optional space; or whitespace
_PIECE = re.compile(r"([^\W_]+(?:['’-][^\W_]+)*|[^\w\s]|_)( ?)|(\s+)")


class WordTokenizer:
    """Words (with inner apostrophes and hyphens) and single punctuation marks; whitespace other than one
    space after a token becomes its own token, so ``doc.text`` is the input text exactly."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pieces = _PIECE.findall(text)
        doc = Doc(self.vocab, words=[t or w for t, _, w in pieces], spaces=[s == " " for _, s, _ in pieces])
        doc.user_data["text"] = text  # Doc.text joins every token again on each access
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> WordTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> WordTokenizer:
        return self


@spacy.registry.tokenizers("dateline.words.v1")
def create_word_tokenizer():
    return lambda nlp: WordTokenizer(nlp.vocab)


# A sentence ends at . ! ? or … (plus closing quotes/brackets) before whitespace and a character that is not
# lower case -- unless the period belongs to an abbreviation, an initial or a dotted acronym (U.S., a.m.).
_END = re.compile(r"[.!?…]+[\ufe0f\"'”’)\]]*(?=\s+[^\sa-z])")  # (U+FE0F: an emoji's variation selector)
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "cmdr", "adm", "brig", "gov",
    "sen", "rep", "rev", "st", "mt", "ft", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "approx", "fig", "pp",
})  # fmt: skip
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    word = text[word_start:dot].lstrip("\"'“‘(")
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():  # an initial: "J. Smith"
        return True
    return word.lower() in _ABBREVIATIONS or bool(_DOTTED.match(word + "."))


# A sentence whose period a scrape lost ("... as Russian attacks continued About 90 people had been using the
# school"): a word that starts sentences, capitalized after a lower-case word and before one, where no name
# would put it.
_LOST_END = re.compile(
    r"(?<=[a-z]{3}[ ])(?=(?:About|It|He|She|They|We|In|The|An?|But|However|Meanwhile) [a-z0-9])"
)


def _ends(text: str, pos: int, end: int) -> list[int]:
    """Where sentences end in ``text[pos:end]``: the end marks (not an abbreviation's period), and the lost ones
    (``_LOST_END``), in order."""
    out = [
        m.end()
        for m in _END.finditer(text, pos, end)
        if not (m.group()[0] == "." and len(m.group()) == 1 and _is_abbreviation(text, m.start()))
    ]
    lost = [m.start() for m in _LOST_END.finditer(text, pos, end)]
    return sorted(out + lost) if lost else out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (stripped of surrounding whitespace)."""
    out: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        part = text[a:b]
        stripped = part.strip()
        if stripped:
            s = a + (len(part) - len(part.lstrip()))
            out.append((s, s + len(stripped)))

    pos = 0
    for para_end in [m.start() for m in re.finditer(r"\n\s*\n", text)] + [len(text)]:
        start = pos
        for end in _ends(text, pos, para_end):
            add(start, end)
            start = end
        add(start, para_end)
        pos = para_end
    return out


def _text(doc: Doc) -> str:
    return doc.user_data.get("text") or doc.text


@Language.component("dateline_sentences")
def dateline_sentences(doc: Doc) -> Doc:
    """Sentence spans by rule into ``doc.user_data["sentences"]`` (read with :func:`sentence_spans`)."""
    doc.user_data["sentences"] = split_sentences(_text(doc))
    return doc


class DatelineNames:
    """Resolve registry names in the text (aliases, transliteration keys, context, descriptions) into
    ``doc._.mentions``; with ``set_ents`` also as ``doc.ents`` (costs ~15 % of the pipeline, so off by default)."""

    def __init__(self, set_ents: bool):
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(_text(doc), doc.user_data.get("dateline_country"))
        doc._.mentions = mentions
        return _set_ents(doc, mentions) if self.set_ents else doc


@Language.factory("dateline_names", default_config={"set_ents": False})
def make_dateline_names(nlp: Language, name: str, set_ents: bool) -> DatelineNames:
    return DatelineNames(set_ents)


def _set_ents(doc: Doc, mentions) -> Doc:
    spans = []
    for m in mentions:
        span = doc.char_span(
            m.char_start, m.char_end, label=m.entity_type.upper(), kb_id=m.entity_id, alignment_mode="expand"
        )
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(list(doc.ents) + spans) if doc.ents else filter_spans(spans)
    return doc


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None) -> Language:
    """The cached pipeline. ``model`` (or ``$DATELINE_SPACY_MODEL``) names an installed trained pipeline."""
    model = model or os.environ.get("DATELINE_SPACY_MODEL") or None
    if model:
        nlp = spacy.load(model, exclude=["lemmatizer"])
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer", first=True)
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "dateline.words.v1"}}})
        nlp.add_pipe("dateline_sentences")
    nlp.add_pipe("dateline_names", last=True)
    return nlp


# spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters, error E088); a longer article is
# processed in pieces of at most this many characters, cut at paragraph breaks (a sentence never spans one)
PIECE_CHARS = 1_000_000
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Consecutive character spans covering ``text``, each at most ``limit`` long, cut after a paragraph break
    where there is one in reach, else after a sentence end, else after whitespace (else hard at ``limit``).
    The pieces join back to the text exactly, so offsets found in a piece plus its start are offsets in the
    text."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window_end = start + limit
        cut = None
        for m in _PARAGRAPH_BREAK.finditer(text, start, window_end):
            cut = m.end()
        if cut is None or cut <= start:
            ends = [m.end() for m in _END.finditer(text, start, window_end)]
            cut = ends[-1] if ends else None
        if cut is None or cut <= start:
            ws = max(text.rfind(" ", start, window_end), text.rfind("\n", start, window_end))
            cut = ws + 1 if ws > start else window_end
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def make_doc(nlp: Language, text: str, dateline_country: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data["dateline_country"] = dateline_country
    return doc


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences: from ``dateline_sentences``, or from a trained pipeline's sentence
    flags (without building Spans); a paragraph break always ends a sentence."""
    if "sentences" in doc.user_data:
        return doc.user_data["sentences"]
    text = doc.text
    if len(doc) == 0:
        return []
    from spacy.attrs import IDX, SENT_START

    arr = doc.to_array([SENT_START, IDX])
    starts = [int(idx) for flag, idx in arr if flag == 1]
    if not starts or starts[0] != int(arr[0][1]):
        starts.insert(0, int(arr[0][1]))
    bounds = [*starts[1:], len(text)]
    out = []
    for a, b in zip(starts, bounds, strict=True):
        pos = a
        for part in text[a:b].split("\n\n"):
            stripped = part.strip()
            if stripped:
                s = pos + (len(part) - len(part.lstrip()))
                out.append((s, s + len(stripped)))
            pos += len(part) + 2
    return out
