"""The default spaCy pipeline: blank English, the light word tokenizer, rule sentences, names."""

from transforms.ingest import clean_text
from transforms.nlp import get_nlp, make_doc, sentence_spans, split_sentences


def _sents(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_tokenizer_keeps_the_text_and_splits_punctuation():
    nlp = get_nlp()
    text = "  KYIV, Ukraine (AP) — Russia's drones hit Kryvyi Rih at 3 a.m.\n\nTwo  were killed.\n"
    doc = nlp.make_doc(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert words[:6] == ["KYIV", ",", "Ukraine", "(", "AP", ")"]
    assert "Russia's" in words and "Kryvyi" in words


def test_sentences_end_at_stops_but_not_at_abbreviations_or_initials():
    text = (
        "Gen. Oleksandr Syrskyi met U.S. officials on Aug. 26 in Kyiv. He said 2 p.m. was late! "
        "“We will win,” he said. J. Smith agreed… Then it rained.\n\nA new paragraph? Yes."
    )
    assert _sents(text) == [
        "Gen. Oleksandr Syrskyi met U.S. officials on Aug. 26 in Kyiv.",
        "He said 2 p.m. was late!",
        "“We will win,” he said.",
        "J. Smith agreed…",
        "Then it rained.",
        "A new paragraph?",
        "Yes.",
    ]


def test_a_quote_closing_after_the_stop_stays_with_its_sentence():
    assert _sents("He said: “It burned.” Police came. (They left.) Fine.") == [
        "He said: “It burned.”",
        "Police came.",
        "(They left.)",
        "Fine.",
    ]


def test_pipeline_sentences_and_mentions_on_the_seed(seed_text):
    text = clean_text(seed_text)[0]
    doc = get_nlp()(make_doc(get_nlp(), text, "Ukraine"))
    spans = sentence_spans(doc)
    assert len(spans) > 20 and all(text[a:b].strip() == text[a:b] for a, b in spans)
    assert "Volodymyr Zelenskyy" in {m.canonical_name for m in doc._.mentions}


def test_extraction_does_not_grow_the_vocab_with_every_new_word():
    """Each chunk runs in a spaCy memory zone: a worker's memory does not grow with the corpus vocabulary."""
    import datetime as dt

    import pandas as pd

    from transforms.extract import extract

    def chunk(tag):
        text = f"KYIV, Ukraine (AP) — Russian drones hit Kharkiv on Saturday, killing two people near Zorb{tag}ka."
        return pd.DataFrame(
            [{"article_id": f"a{tag}", "text": text, "published_at": dt.date(2024, 11, 2), "source": "AP",
              "dateline_place": "KYIV", "title": None, "url": None}]
        )  # fmt: skip

    nlp = get_nlp()
    extract(chunk("x0"))
    before = len(nlp.vocab.strings)
    for i in range(1, 30):
        assert len(extract(chunk(f"x{i}")).events) == 1
    assert len(nlp.vocab.strings) == before


def test_words_keep_inner_apostrophes_and_hyphens_and_nothing_else():
    nlp = get_nlp()
    doc = nlp.make_doc("O'Brien's mother-in-law -said- 'hi' (5.56mm) x_y 1,000")
    assert [t.text for t in doc] == [
        "O'Brien's", "mother-in-law", "-", "said", "-", "'", "hi", "'", "(", "5", ".", "56mm", ")",
        "x", "_", "y", "1", ",", "000",
    ]  # fmt: skip
