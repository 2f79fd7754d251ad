"""Sentiment tables over an articles table: :func:`sentiment` and :func:`sentiment_drivers`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from framing.sentiment.lexical import Mode
from framing.sentiment.scoring import (
    ARTICLE_COLUMNS,
    DRIVER_COLUMNS,
    SENTENCE_COLUMNS,
    Level,
    Overrides,
    driver_rows,
    sentiment_rows,
)
from framing.text import docs_from

__all__ = [
    "ARTICLE_COLUMNS",
    "DRIVER_COLUMNS",
    "SENTENCE_COLUMNS",
    "sentiment",
    "sentiment_drivers",
]

# --- tables ------------------------------------------------------------------------------------


def _frame(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    return frame.astype(columns)


def sentiment(
    articles: pd.DataFrame,
    *,
    level: Level = "article",
    mode: Mode = "news",
    overrides: Overrides = True,
    vader: bool = True,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Sentiment of each article (or sentence): TextBlob polarity/subjectivity, news-aware by
    default, next to stock TextBlob and VADER, for the outlet's own voice and for quotes.

    Args:
        articles: The articles table (see :func:`framing.load_corpus`).
        level: ``"article"`` (one row per article) or ``"sentence"`` (one row per sentence).
        mode: ``"news"`` (default): TextBlob's lexicon, scoring a word only where its part of
            speech in context matches its lexicon entry, plus the override table; ``"pos"``:
            the part-of-speech check without overrides; ``"stock"``: exactly
            ``TextBlob(text).sentiment``.
        overrides: ``True`` for the bundled ``framing/lexicons/sentiment_overrides.tsv``, a path
            to your own TSV with the same columns, or ``False`` for none, which (with the
            default ``mode``) means stock TextBlob.
        vader: Also score with VADER, sentence by sentence (``False`` saves about a quarter of
            the time; the VADER columns are then NaN).
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet name.

    Returns:
        One row per article with ``article_id, outlet, polarity, subjectivity, polarity_stock,
        subjectivity_stock, vader_compound, vader_pos, vader_neu, vader_neg, polarity_own,
        subjectivity_own, polarity_quoted, subjectivity_quoted, quoted, n_scored, n_dropped,
        n_sentences``; with ``level="sentence"`` one row per sentence with ``article_id,
        outlet, sentence, start, end, sentence_text`` and the same score columns.

        * ``polarity``, ``subjectivity``: TextBlob scale in the chosen ``mode``.
        * ``polarity_stock``, ``subjectivity_stock``: ``TextBlob(text).sentiment`` exactly.
        * ``vader_*``: VADER per sentence; per article the mean over its sentences.
        * ``polarity_own``/``_quoted`` (and subjectivity): the same average over the words in
          the outlet's own narration / inside quotations (:func:`framing.quotes.doc_quotes`);
          NaN where the unit has no such text.
        * ``quoted``: share of the unit's characters inside quotations.
        * ``n_scored``: lexicon words (chunks) averaged; ``n_dropped``: lexicon words the mode
          left out. :func:`sentiment_drivers` lists them all with reasons.

    Reading the numbers:
        ``polarity`` runs from -1 (negative) to +1 (positive) and is the plain average of the
        scored words: a sentence with one mildly positive word and nothing else scores like
        that word. Sentences without any lexicon word score 0.0, so on news, where most
        sentences are neutral reporting, article means sit near 0 (80% between -0.03 and +0.09) and
        differences between outlets of a few hundredths are within noise. Conventional
        cut-offs: TextBlob polarity >= +0.1 positive, <= -0.1 negative (the threshold of
        pattern's own ``positive()``), neutral in between; VADER compound +-0.05 (the VADER
        README). ``subjectivity`` runs from 0 (factual) to 1 (opinion) and measures how
        evaluative the scored words are, not whether the claims are true. Blind spots: sarcasm
        and irony; negation beyond the next word or two ("No one could call this a success."
        scores +0.3, "not a stable popular government" +0.6); the topic's own valence (a
        neutral report of an attack is not a negative tone); quoted speech counts as the
        outlet's unless you read ``polarity_own``. Check surprising scores with
        :func:`sentiment_drivers`; compare outlets with :func:`sentiment_summary`, which gives
        intervals.

    References:
        Loria, S. TextBlob (PatternAnalyzer, from De Smedt & Daelemans 2012, Pattern for
        Python, JMLR 13). Hutto & Gilbert (2014), VADER, ICWSM-14.
    """
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    rows = [
        row
        for doc in docs
        for row in sentiment_rows(doc, level=level, mode=mode, overrides=overrides, vader=vader)
    ]
    return _frame(rows, SENTENCE_COLUMNS if level == "sentence" else ARTICLE_COLUMNS)


def sentiment_drivers(
    articles: pd.DataFrame,
    *,
    level: Level = "sentence",
    mode: Mode = "news",
    overrides: Overrides = True,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """The words behind every TextBlob score: what counted, with what weight, what was left out.

    Args:
        articles: The articles table.
        level: ``"sentence"`` (default): chunks as scored sentence by sentence, matching
            ``sentiment(level="sentence")``; ``"article"``: as scored over the whole article,
            matching ``sentiment()`` (they differ only where a negation or intensifier reaches
            across a sentence end).
        mode: As in :func:`sentiment`.
        overrides: As in :func:`sentiment`.
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet name.

    Returns:
        One row per lexicon word (chunk) with ``article_id, outlet, sentence, term, start,
        end, words, pos, polarity, subjectivity, intensity, negated, modifier, kept, reason,
        quoted``:

        * ``term``: the lexicon word as written, at ``text[start:end]`` (-1 where TextBlob's
          tokenizer rewrote it); ``words``: the whole chunk as TextBlob tokenised it ("not
          very good").
        * ``pos``: its part-of-speech tag in context (empty in stock mode).
        * ``polarity``, ``subjectivity``: what the chunk adds to the average, after
          ``intensity`` (the factor of a preceding intensifier, ``modifier``) and negation
          (``negated``: polarity flipped and halved). For dropped words, the stock values.
        * ``kept``: counted in this mode; ``reason``: why (``pos match``, ``pos mismatch:
          tagged NN, lexicon JJ``, ``override: ...``, ``stock``).
        * ``quoted``: the word is inside a quotation.

        A unit's polarity is the mean of ``polarity`` over its kept rows (0.0 if none).
    """
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    rows = [
        row for doc in docs for row in driver_rows(doc, level=level, mode=mode, overrides=overrides)
    ]
    return _frame(rows, DRIVER_COLUMNS)
