"""Loading a corpus into an *articles table*, with every skipped record reported.

:func:`load_corpus` reads a folder of ``.txt``/``.md`` files (with a ``metadata.csv`` or per-file
front matter), a CSV, a JSONL / JSONL.gz file or a DataFrame, maps the user's column names,
validates ids, outlets and texts, removes web boilerplate (:mod:`framing.cleaning`) and returns
one row per article.

Where the audit lives: ``articles.attrs["load_report"]`` holds a :class:`LoadReport` whose
``skipped``, ``removed``, ``decoded`` and ``notes`` properties are DataFrames. pandas keeps
``attrs`` through most operations but drops them in some (``pd.concat`` of tables with different
reports, for instance): read the report right after loading, or keep it
(``report = load_report(articles)``). What happens to each kind of bad input (binary files,
encodings, control characters, malformed lines, paths outside the folder): ``docs/robustness.md``.
The removals can always be recomputed from the ``raw_text`` column with
:func:`framing.cleaning.clean_text`.
"""

from framing.corpus.load import ARTICLE_COLUMNS, load_corpus
from framing.corpus.report import CorpusError, CorpusWarning, LoadReport, load_report

__all__ = [
    "ARTICLE_COLUMNS",
    "CorpusError",
    "CorpusWarning",
    "LoadReport",
    "load_corpus",
    "load_report",
]
