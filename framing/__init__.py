"""framing: compare how news outlets frame the same story.

The public functions take an *articles table* (a DataFrame with ``article_id``, ``outlet`` and
``text``) and return tidy tables. See the README for a tour.
"""

from framing.text import Doc, normalize, split_sentences, tokenize

__all__ = ["Doc", "normalize", "split_sentences", "tokenize"]
__version__ = "0.1.0"
