"""One article of our own text through the pipeline's extraction, for the extractor's tests."""

import datetime as dt

import pandas as pd

from transforms.extract import extract


def article_events(text: str, published: dt.date, title: str | None = None) -> pd.DataFrame:
    art = pd.DataFrame(
        [{"article_id": "a", "source_id": "a", "source": None, "url": None, "title": title, "dateline_place": None,
          "published_at": published, "text": text, "n_words": len(text.split()), "raw_path": "a"}]
    )  # fmt: skip
    return extract(art).events
