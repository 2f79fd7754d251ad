"""The same quote, told differently: group quotes of one utterance across outlets.

:func:`align_quotes` groups the quotes table's rows that report the same utterance and shows,
word by word, how each outlet's version differs from the group's most complete one;
:func:`quote_fidelity` compares quoted versions with a primary-source transcript the user
supplies; :func:`quote_variants_html` renders the groups as an HTML table with the
differences marked. The word-level machinery is in :mod:`framing.align.words`.
"""

from framing.align.fidelity import quote_fidelity
from framing.align.groups import align_quotes
from framing.align.html import QuoteVariantsHTML, quote_variants_html

__all__ = ["QuoteVariantsHTML", "align_quotes", "quote_fidelity", "quote_variants_html"]
