"""framing: compare how news outlets frame the same story.

Every public function takes an *articles table* (a DataFrame with ``article_id``, ``outlet`` and
``text``; build one with :func:`load_corpus`) and returns a tidy table. :func:`analyze` runs every
per-outlet analysis in one pass, on one core, a process pool or a Dask cluster; :func:`reuse`,
:func:`align_quotes`, :func:`agency` and :func:`coverage` set the outlets side by side on one
event. See the README for a tour.
"""

from framing.agency import agency
from framing.align import align_quotes
from framing.compare import compare
from framing.corpus import CorpusError, CorpusWarning, load_corpus, load_report
from framing.coverage import coverage
from framing.labels import label_variants, labels
from framing.markers import markers
from framing.pipeline import Analysis, analyze, analyze_stream
from framing.quotes import quotes, voices
from framing.report import report
from framing.reuse import reuse
from framing.sentiment import sentiment, sentiment_drivers, sentiment_summary
from framing.show import show
from framing.terms import word_choice
from framing.text import Doc, normalize, split_sentences, tokenize

__all__ = [
    "Analysis",
    "CorpusError",
    "CorpusWarning",
    "Doc",
    "agency",
    "align_quotes",
    "analyze",
    "analyze_stream",
    "compare",
    "coverage",
    "label_variants",
    "labels",
    "load_corpus",
    "load_report",
    "markers",
    "normalize",
    "quotes",
    "report",
    "reuse",
    "sentiment",
    "sentiment_drivers",
    "sentiment_summary",
    "show",
    "split_sentences",
    "tokenize",
    "voices",
    "word_choice",
]
__version__ = "0.1.0"
