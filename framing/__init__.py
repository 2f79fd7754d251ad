"""framing: compare how news outlets frame the same story.

Every public function takes an *articles table* (a DataFrame with ``article_id``, ``outlet`` and
``text``; build one with :func:`load_corpus`) and returns a tidy table. :func:`analyze` runs every
analysis in one pass, on one core, a process pool or a Dask cluster. See the README for a tour.
"""

from framing.compare import compare
from framing.corpus import CorpusError, CorpusWarning, load_corpus, load_report
from framing.labels import label_variants, labels
from framing.markers import markers
from framing.pipeline import Analysis, analyze, analyze_stream
from framing.quotes import quotes, voices
from framing.report import report
from framing.sentiment import sentiment, sentiment_drivers, sentiment_summary
from framing.show import show
from framing.terms import word_choice
from framing.text import Doc, normalize, split_sentences, tokenize

__all__ = [
    "Analysis",
    "CorpusError",
    "CorpusWarning",
    "Doc",
    "analyze",
    "analyze_stream",
    "compare",
    "label_variants",
    "labels",
    "load_corpus",
    "load_report",
    "markers",
    "normalize",
    "quotes",
    "report",
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
