"""Wire copy and text reuse: which passages two articles share, word for word or nearly.

Outlets reprint agency copy (Xinhua's report inside China Daily, Associated Press material in
both China Daily and USA Today) and quote the same statements. :func:`reuse` finds every passage
two articles of the same event share, with its offsets in both; :func:`reuse_pairs`,
:func:`reuse_summary` and :func:`reuse_matrix` summarise the passages per article pair, per
outlet and per outlet pair; :func:`reused_spans` gives the spans to leave out when crediting
words to an outlet (``word_choice(..., exclude_reused=True)``).

Modules: :mod:`framing.reuse.passages` (shingling and passage detection, :func:`reuse`; its
docstring describes the method, with references) and :mod:`framing.reuse.summary` (the
summaries and :func:`reused_spans`).

Reading the numbers:
    ``share_a`` is the share of article a's words that lie in passages it shares with article
    b. Near-verbatim narration (``copy``) of 20+ words is almost never coincidence: one article
    reprints the other, or both reprint a common source (a news agency) that may not be in the
    corpus. A ``shared_quote`` only says both quoted the same words; it is not copying. The
    method cannot say *who copied whom*: the passage is reported for both articles.
"""

from framing.reuse.passages import REUSE_COLUMNS, reuse
from framing.reuse.summary import reuse_matrix, reuse_pairs, reuse_summary, reused_spans

__all__ = [
    "REUSE_COLUMNS",
    "reuse",
    "reuse_matrix",
    "reuse_pairs",
    "reuse_summary",
    "reused_spans",
]
