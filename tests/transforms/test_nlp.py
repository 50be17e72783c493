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


def test_a_sentence_whose_stop_a_scrape_lost_still_ends_where_the_next_begins():
    text = "Shelling went on all day in the east About 40 people sheltered in the basement of The Kyiv Post office."
    assert _sents(text) == [
        "Shelling went on all day in the east",
        "About 40 people sheltered in the basement of The Kyiv Post office.",
    ]
    # an emoji's variation selector between a stop and its closing quote
    assert len(_sents("He said: “They will pay.\ufe0f” Troops fired on the town.")) == 2
    # a capitalized word inside a title or before a name is no boundary
    assert len(_sents("He read The Times and spoke of In Cold Blood, which he liked.")) == 1


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


def test_split_pieces_cuts_at_paragraph_breaks_and_keeps_every_character():
    from transforms.nlp import split_pieces

    paras = [f"Paragraph {i} says the council met about roads. It met again." for i in range(40)]
    text = "\n\n".join(paras)
    spans = split_pieces(text, 300)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 300 for a, b in spans) and len(spans) > 5
    assert all(text[a:b].endswith("\n\n") for a, b in spans[:-1])  # every cut right after a paragraph break
    # one paragraph longer than the limit: cut after a sentence end, else at a space, else hard
    one = "The council met about roads. " * 30
    spans = split_pieces(one, 100)
    assert all(one[a:b].endswith("roads.") for a, b in spans[:-1])
    assert split_pieces("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]
    assert split_pieces(text, len(text)) == [(0, len(text))]


def test_an_article_longer_than_spacys_max_length_is_extracted_with_exact_offsets():
    """spaCy refuses texts over 1,000,000 characters (E088), which used to stop the whole run: the article is
    now processed in pieces, and events and mentions past the first million characters keep their offsets."""
    import datetime as dt

    import pandas as pd

    from transforms.extract import extract

    filler = [
        f"Note {i}: the city council met again to discuss the budget for schools, roads and heating."
        for i in range(12_000)
    ]
    text = (
        "KYIV, Ukraine (AP) — Russian drones struck Kharkiv on Saturday, killing two people, officials said.\n\n"
        + "\n\n".join(filler)
        + "\n\nRussian missiles struck Odesa on Sunday, killing three people, officials said."
    )
    assert len(text) > get_nlp().max_length
    article = {"article_id": "long", "text": text, "published_at": dt.date(2024, 11, 4), "source": "AP",
               "dateline_place": "KYIV", "title": None, "url": None}  # fmt: skip
    res = extract(pd.DataFrame([article]))
    late = res.events[res.events["location"] == "Odesa"]
    assert len(late) == 1 and late.iloc[0]["fatalities"] == 3
    start, end = int(late.iloc[0]["char_start"]), int(late.iloc[0]["char_end"])
    assert start > 1_000_000 and text[start:end].startswith("Russian missiles struck Odesa")
    m = res.mentions
    assert "Odesa" in set(m["surface"]) and "Kharkiv" in set(m["surface"])
    assert all(text[a:b] == s for a, b, s in zip(m["char_start"], m["char_end"], m["surface"], strict=True))
