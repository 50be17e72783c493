import datetime as dt

import pytest

from transforms.ingest import (
    RawRecordError,
    article_id,
    build_articles,
    clean_text,
    decode_bytes,
    decode_text,
    parse_date,
    parse_dateline,
)


def test_clean_text_removes_scrape_junk_and_keeps_every_body_paragraph(seed_text):
    body, headline = clean_text(seed_text)
    assert (
        headline
        == "Zelenskyy urged allies to take action before North Korean troops reach the Ukrainian front"
    )
    assert "close" not in body.split("\n\n")[0].lower().split()[:2]
    assert "READ MORE" not in body and "WATCH:" not in body
    assert ". ." not in body
    assert body.startswith("KYIV, Ukraine (AP) —")
    assert body.count("Zelenskyy urged allies") == 0  # the doubled headline is gone from the body
    assert "four civilians were injured after a Ukrainian attack" in body
    # the 20 body paragraphs of the story survive (2 sub-headings and 2 promo lines dropped)
    assert len(body.split("\n\n")) == 20


def test_clean_text_collapses_repeated_lines_and_stray_dots():
    body, headline = clean_text("Head\nHead\n\nFirst sentence here. .\nclose close\nShare\nSecond one.")
    assert headline == "Head"
    assert body == "First sentence here.\n\nSecond one."


def test_parse_dateline_reads_place_region_and_agency():
    dl = parse_dateline("KYIV, Ukraine (AP) — Ukrainian President ...")
    assert (dl.place, dl.region, dl.agency) == ("KYIV", "Ukraine", "AP")
    assert parse_dateline("MOSCOW (Reuters) - text").agency == "Reuters"
    assert parse_dateline("Ukrainian President said — nothing") is None


def test_article_id_ignores_case_spacing_and_punctuation():
    assert article_id("Russian missiles struck Kharkiv.") == article_id("russian  missiles struck, Kharkiv")
    assert article_id("a") != article_id("b")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 5, "not UTF-8 .* no other text encoding fits"),
    ],
)
def test_decode_bytes_rejects_bad_files_with_what_to_do(data, message):
    with pytest.raises(RawRecordError, match=message) as exc:
        decode_bytes(data, "raw/x.txt")
    assert "raw/x.txt" in str(exc.value)


def test_decode_bytes_accepts_utf8_with_bom():
    assert decode_bytes("\ufeffKyiv".encode(), "x") == "Kyiv"


def test_parse_date_accepts_dates_and_datetimes():
    assert parse_date("2024-11-02") == dt.date(2024, 11, 2)
    assert parse_date("2024-11-02T23:10:00Z") == dt.date(2024, 11, 2)
    assert parse_date(None) is None
    with pytest.raises(RawRecordError):
        parse_date("yesterday")


def test_build_articles_counts_duplicates_and_quarantines_bad_records(seed_text):
    records = [
        {"raw_path": "a.txt", "text": seed_text, "published_at": "2024-11-02"},
        {"raw_path": "b.jsonl:1", "text": seed_text.replace("\n", "\n\n"), "published_at": "2024-11-02"},
        {"raw_path": "c.jsonl:2", "text": "Some text long enough to be an article.", "published_at": None},
        {"raw_path": "d.jsonl:3", "error": "d.jsonl:3: malformed JSONL line"},
        {"raw_path": "e.jsonl:4", "text": "   ", "published_at": "2024-11-02"},
    ]
    res = build_articles(records)
    assert len(res.articles) == 1 and res.n_duplicates == 1
    assert len(res.quarantine) == 3
    assert res.n_raw == len(res.articles) + res.n_duplicates + len(res.quarantine)
    reasons = " ".join(res.quarantine["reason"])
    assert "no published date" in reasons and "malformed JSONL" in reasons and "no article text" in reasons
    art = res.articles.iloc[0]
    assert art["source"] == "AP" and art["dateline_place"] == "KYIV" and art["n_words"] > 700


def test_folder_date_is_the_default_published_date():
    res = build_articles(
        [{"raw_path": "x.txt", "text": "A sentence about nothing at all."}], dt.date(2024, 1, 5)
    )
    assert res.articles.iloc[0]["published_at"] == dt.date(2024, 1, 5)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("Russian drones struck Kharkiv overnight; a café was hit.", "cp1252", {"cp1252", "cp1250"}),
        ("Київ: російські дрони атакували місто вночі.", "cp1251", {"cp1251"}),
        ("Киев: российские дроны атаковали город ночью.", "koi8_r", {"koi8_r"}),
    ],
)
def test_decode_text_reads_legacy_encodings_and_names_them(text, encoding, expected):
    decoded, found = decode_text(text.encode(encoding), "raw/x.txt")
    assert decoded == text and found in expected


def test_an_article_over_the_size_limit_is_quarantined_with_the_reason(monkeypatch):
    from transforms import ingest

    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 1_000)
    long = "Russian shelling hit Kherson on Friday, officials said. " * 40
    res = build_articles(
        [
            {"raw_path": "big.txt", "text": long, "published_at": "2024-11-02"},
            {"raw_path": "ok.txt", "text": long[:500], "published_at": "2024-11-02"},
        ]
    )
    assert len(res.articles) == 1 and res.articles.iloc[0]["encoding"] == "utf-8"
    [reason] = res.quarantine["reason"].tolist()
    assert "big.txt" in reason and "over the 1,000 limit" in reason and "split it" in reason


def test_a_cookie_banner_is_dropped_and_a_paragraph_that_mentions_cookies_is_kept():
    raw = (
        "We value your privacy. We and our partners store and/or access information on a device, such as "
        "cookies, and process personal data. You can accept or manage your choices below. ACCEPT ALL | MANAGE "
        "OPTIONS\n\nA missile hit a bakery in the town on Friday, the mayor said.\n\n"
        "Volunteers handed out tea and cookies to the rescuers who worked through the night at the bakery."
    )
    body, _ = clean_text(raw)
    assert body.startswith("A missile hit a bakery")
    assert "tea and cookies" in body


def test_a_live_blogs_entry_stamps_are_kept_as_structure_and_a_headline_is_not():
    body, headline = clean_text(
        "LIVE: Drones hit Odesa\n14:15\nA drone struck a bus in Kherson, injuring three people.\n"
        "09:45\nIn Odesa, drones hit a house, killing one person.\n"
    )
    assert headline == "LIVE: Drones hit Odesa"
    assert body.split("\n\n") == [
        "A drone struck a bus in Kherson, injuring three people.",
        "09:45",
        "In Odesa, drones hit a house, killing one person.",
    ]
