"""The spaCy pipeline: ``spacy.blank("en")`` + sentencizer + the registry name matcher as a rule component.

A trained pipeline can replace the blank one (``DATELINE_SPACY_MODEL=en_core_web_sm`` when the user has
installed it): the name component is added after it and its own entities are kept where they do not clash.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from transforms.names.resolve import find_mentions

if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)


class DatelineNames:
    """Resolve registry names in the text (aliases, transliteration keys, context, descriptions) into
    ``doc._.mentions``; with ``set_ents`` also as ``doc.ents`` (costs ~15 % of the pipeline, so off by default)."""

    def __init__(self, set_ents: bool):
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(doc.text, doc.user_data.get("dateline_country"))
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
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("dateline_names", last=True)
    return nlp


def make_doc(nlp: Language, text: str, dateline_country: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data["dateline_country"] = dateline_country
    return doc


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences (from the sentencizer's token flags, without building Spans);
    a paragraph break always ends a sentence."""
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
