"""Markers of slant: loaded, distancing, hedging and intensifying words, where each occurs.

Four categories, each a list of words and phrases in a TSV file (users can pass their own):

* ``loaded``: evaluative or emotive words a neutral report would avoid ("slammed", "regime",
  "brazen", "disgraceful"): ``framing/lexicons/markers.tsv`` (written for this package) plus
  ``loaded_general.tsv`` (strongly rated words from VADER and Pattern, see its header);
* ``distancing``: the writer declines to vouch for a name or claim ("so-called",
  "self-styled", "alleged(ly)"), and **scare quotes**: a short quoted phrase that is not an
  attributed statement (see :func:`framing.voice.scare_quote_spans`);
* ``hedge``: the writer marks a claim as uncertain ("reportedly", "appears to", "may");
* ``intensifier``: the writer turns up the force ("very", "extremely", "utterly").

Every occurrence is one row, flagged ``in_quote`` when it sits inside quoted content (someone
else's words) rather than the outlet's own voice.

A term may name the part of speech it is loaded as (column ``pos``): the general list's words
carry the part of speech their VADER or Pattern rating is for, and match only where TextBlob's
offline pattern tagger and two context rules read the token that way, so "a striking
resemblance" is loaded and "were striking militia positions" is not (see :mod:`framing.pos`).

The code is split by concept: :mod:`framing.markers.lexicon` (reading the lists),
:mod:`framing.markers.find` (one article: :func:`marker_rows`), :mod:`framing.markers.table`
(the :func:`markers` table) and :mod:`framing.markers.rates` (per-outlet rates and counts).

Reading the numbers:
    A marker is a word on a list, found where it is written; it is not a judgement of the
    sentence. Lists miss words that are loaded only in context ("flood" of migrants) and flag
    words that are neutral in context ("may" in a quoted question); compare outlets on the same
    story, read the rows behind a rate, and prefer own-voice rates: a quoted "so-called" is the
    speaker's distancing, not the outlet's. On BABE expert-annotated sentences the ``loaded``
    list finds about three in ten of the words annotators marked as biased, at a precision of
    about a third; "the sentence has a loaded word" agrees with the experts' biased/neutral
    label only a little better than calling every sentence biased (F1 0.66 vs 0.65), so use
    markers to find words worth reading, not to label sentences (see benchmarks/README.md).

References:
    Recasens, M., Danescu-Niculescu-Mizil, C. & Jurafsky, D. (2013). Linguistic Models for
    Analyzing and Detecting Biased Language. ACL 2013.
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM 2014.
    De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13 (the tagger and the
    adjective ratings TextBlob ships).
"""

# Besides ``__all__``, every name importable when this was one module stays importable here
# (``_frame`` is used by framing.pipeline; ``pattern_tag`` by benchmarks/loaded_words.py).
from framing.markers.find import _ADJECTIVE_SOURCES as _ADJECTIVE_SOURCES
from framing.markers.find import _ADVERB_ENDINGS as _ADVERB_ENDINGS
from framing.markers.find import _ENDINGS as _ENDINGS
from framing.markers.find import SCARE_QUOTE as SCARE_QUOTE
from framing.markers.find import _candidates as _candidates
from framing.markers.find import _key as _key
from framing.markers.find import _lookup as _lookup
from framing.markers.find import _proper_noun_positions as _proper_noun_positions
from framing.markers.find import base_forms, marker_rows
from framing.markers.lexicon import CATEGORIES, MarkerLexicon, load_marker_lexicon
from framing.markers.lexicon import DEFAULT_LEXICONS as DEFAULT_LEXICONS
from framing.markers.lexicon import Category as Category
from framing.markers.lexicon import Entry as Entry
from framing.markers.lexicon import _build as _build
from framing.markers.lexicon import _package_lexicon as _package_lexicon
from framing.markers.lexicon import _words as _words
from framing.markers.rates import QUOTED_RATES as QUOTED_RATES
from framing.markers.rates import MarkerCounts, marker_counts, marker_rates, merge_marker_counts
from framing.markers.table import _DTYPES as _DTYPES
from framing.markers.table import MARKER_COLUMNS, markers
from framing.markers.table import _frame as _frame
from framing.pos import POS_CLASSES as POS_CLASSES
from framing.pos import pattern_tag as pattern_tag
from framing.pos import pos_matches as pos_matches
from framing.pos import verbal_participle as verbal_participle

__all__ = [
    "CATEGORIES",
    "MARKER_COLUMNS",
    "MarkerCounts",
    "MarkerLexicon",
    "base_forms",
    "load_marker_lexicon",
    "marker_counts",
    "marker_rates",
    "marker_rows",
    "markers",
    "merge_marker_counts",
]
