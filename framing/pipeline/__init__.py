"""One pass over a corpus, on one core, all cores, or a Dask cluster.

:func:`analyze` parses each article once and runs every analysis on it (see
:mod:`framing.pipeline.steps`), on an engine from :mod:`framing.pipeline.engines`, and returns
an :class:`Analysis` whose attributes are the tidy tables. :func:`analyze_stream` does the same
for corpora larger than memory, writing each table to disk chunk by chunk.
"""

from framing.pipeline.engines import ChunkResult, Engine, analyze_chunk
from framing.pipeline.result import Analysis, TableWriter
from framing.pipeline.run import StreamResult, analyze, analyze_stream
from framing.pipeline.steps import (
    AnalysisError,
    ArticleResult,
    Options,
    analysis_names,
    analyze_doc,
    make_options,
)

__all__ = [
    "Analysis",
    "AnalysisError",
    "ArticleResult",
    "ChunkResult",
    "Engine",
    "Options",
    "StreamResult",
    "TableWriter",
    "analysis_names",
    "analyze",
    "analyze_chunk",
    "analyze_doc",
    "analyze_stream",
    "make_options",
]
