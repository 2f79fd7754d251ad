"""Attributed statements in one article: who said what, with which cue.

The rules run sentence by sentence over the normalised text with quotations masked (see
:mod:`framing.quotes.marks`), so words inside quotations are never taken for cues or speakers.
Where each rule lives:

1. :mod:`~framing.quotes.cues`: every form of the verb lexicon and "according to" is a
   candidate cue; it is dropped when the words around it show another use (negated or
   infinitival "would not say", "declined to say"; nouns "the reported attacks", "a drone
   attack", "swing states"; names "a group called X"; passives "was told");
2. :mod:`~framing.quotes.speakers`: the speaker mention is the subject before the cue ("Biden
   said", "Sen. Ted Cruz (R-Tex.) said", "Safeen Dizayee, head of ..., said", "Austin further
   added", "who said") or, after a quotation or clause, the noun phrase after it ('"...," said a
   senior official'); a participle ("..., saying ...") or a coordinated verb ("... and urged")
   takes the clause's subject;
3. :mod:`~framing.quotes.cues` / :mod:`~framing.quotes.statements`: the content is the clause
   after the cue ("said (that) ...", "told reporters that ...", "said: \"...\"", "urged X to
   ...", "called the plan \"...\"", "denied involvement") or, when nothing follows, the clause
   before the attribution ("..., sources said.", '"...," he said', "X, he said, is Y"); a
   colon at the end of a paragraph takes the quotation paragraph after it; a headline
   "Biden: ..." and an embedded post ("— WION (@WIONews) July 27, 2021") are statements too;
4. a quotation with no cue of its own continues the statement before it ('"...," he said.
   "..."'; a quotation paragraph after a quoted statement): it becomes its own row whose
   ``continues`` points back and which repeats the speaker and cue;
5. :mod:`~framing.quotes.resolve`: pronouns and short forms resolve to the fullest name the
   article uses (the most recent person speaker for "he"/"she"; "the Iraqi prime minister"
   through the titles written next to names), and every mention gets a speaker type.

Everything else in quotation marks (scare quotes, titles such as the "Mission Accomplished"
banner) is not a statement; :func:`quotation_spans` lists it with ``attributed=False``.
Accuracy on PolNeAR is in ``benchmarks/README.md`` (section "Attribution").
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from framing.quotes.cues import (
    _is_org_word,
)
from framing.quotes.marks import Mark, find_marks, mask_quotes
from framing.quotes.records import QuotationSpan, Quote
from framing.quotes.resolve import _resolve
from framing.quotes.speakers import (
    build_name_index,
    resolve_name,
)
from framing.quotes.statements import (
    _LINK_LINE,
    _colon_statement,
    _embed_statements,
    _headline_statement,
    _previous_statement,
    _sentence_statements,
    _sentences,
    _Stmt,
    _strip_span,
)
from framing.quotes.verbs import VerbLexicon, load_verbs
from framing.text import Doc

__all__ = [
    "QuotationSpan",
    "Quote",
    "doc_quotes",
    "extract_quotes",
    "in_quotation",
    "quotation_spans",
]


def extract_quotes(doc: Doc, *, lexicon: VerbLexicon | None = None) -> list[Quote]:
    """Find the attributed statements of one article (uncached; see :func:`doc_quotes`).

    Args:
        doc: The parsed article.
        lexicon: A reporting-verb lexicon (default: the package's).

    Returns:
        Statements in text order of their content; continuation rows point back with
        ``continues``.
    """
    lex = lexicon or load_verbs()
    text, norm = doc.text, doc.norm
    marks = _doc_marks(doc)
    masked = mask_quotes(norm, marks)
    names = build_name_index(norm, masked)
    sents = _sentences(doc, marks, lex)
    stmts: list[tuple[_Stmt, int]] = []  # (statement, sentence index)
    for k, sent in enumerate(sents):
        if _LINK_LINE.match(norm, sent.start):
            continue
        found = _sentence_statements(norm, masked, marks, sent, lex)
        if not found and k + 1 < len(sents):
            # the sentence's last character but white space (what ``rstrip`` would leave last)
            stop = sent.end
            while stop > sent.start and masked[stop - 1].isspace():
                stop -= 1
            last = masked[stop - 1] if stop > sent.start else ""
            if last == ":" or (last == "." and sents[k + 1].para == sent.para):
                # 'Biden said:' before a quotation paragraph; 'Sam Lau, the party's
                # spokesman, said in a statement. "There are no paper ballots ..."'
                found = _colon_statement(norm, masked, marks, sent, sents[k + 1], lex)
                if found and any(
                    st.start < found[0].end and found[0].start < st.end
                    for st in _sentence_statements(norm, masked, marks, sents[k + 1], lex)
                ):
                    found = []  # the quotation names its own speaker ('"...," Biden said.')
        if not found and (k < 3 or norm.find("\n", sents[k - 1].end, sent.start) >= 0):
            head = _headline_statement(
                norm, masked, sent, lambda w: bool(resolve_name(w, names)[0]) or _is_org_word(w)
            )
            if head is not None:
                found = [head]
        base = len(stmts)
        for st in _one_per_span(found) if found else found:
            if st.continues >= 0:
                st = st._replace(continues=st.continues + base)
            stmts.append((st, k))
    for start, end, mention in _embed_statements(norm, masked):
        k = next((i for i, s in enumerate(sents) if s.start >= start), len(sents) - 1)
        stmts = [
            (s, sk)
            for s, sk in stmts
            if not (
                start <= s.start
                and s.end <= end
                and s.mention
                and norm[s.mention.start : s.mention.end].lower() in ("we", "i")
            )
        ]
        stmts.append((_Stmt("direct", start, end, mention, -1, -1), k))
    stmts.sort(key=lambda p: (p[0].start, p[0].end))
    # continuation rows for quotations no statement covers
    # (sorted by start, with the running maximum of the ends, so each test is a bisection:
    # an article with thousands of quotations stays linear)
    covered_starts = [s.start for s, _ in stmts]
    covered_reach = list(accumulate((s.end for s, _ in stmts), max))
    sent_starts = [s.start for s in sents]
    extra: list[tuple[_Stmt, int]] = []
    for mk in marks:
        # a statement covers the quotation's words, or overlaps the quotation
        if _reaches(covered_starts, covered_reach, mk.inner_start, mk.inner_end - 1):
            continue
        if _reaches(covered_starts, covered_reach, mk.end - 1, mk.start + 1):
            continue
        k = bisect_right(sent_starts, mk.start) - 1
        if k < 0 or not sents[k].start <= mk.start < sents[k].end:
            continue
        sent = sents[k]
        lead = masked[sent.start : mk.start].strip()
        if lead:  # words before the quotation: not a bare continuation
            continue
        words = len(norm[mk.inner_start : mk.inner_end].split())
        if words < 3:
            continue
        prev = _previous_statement(stmts, sents, k)
        if prev is None:
            continue
        a, b = _strip_span(norm, mk.inner_start, mk.inner_end)
        extra.append(
            (
                _Stmt(
                    "direct",
                    a,
                    b,
                    prev[0].mention,
                    prev[0].verb_start,
                    prev[0].verb_end,
                    prev[0].inverted,
                    continues=-2 - prev[1],
                ),
                k,
            )
        )
    stmts_all = stmts + extra
    order = sorted(
        range(len(stmts_all)), key=lambda i: (stmts_all[i][0].start, stmts_all[i][0].end)
    )
    new_index = {old: new for new, old in enumerate(order)}
    resolved: list[Quote] = []
    history: list[Quote] = []
    for _new, old in enumerate(order):
        st, _k = stmts_all[old]
        cont = st.continues
        if cont <= -2:
            cont = new_index[-2 - cont]
        elif cont >= 0:
            cont = new_index[cont]
        q = _resolve(text, norm, masked, st, names, history, lex)
        if 0 <= cont < len(resolved):
            src = resolved[cont]
            q = q._replace(
                speaker=src.speaker,
                speaker_type=src.speaker_type,
                speaker_role=src.speaker_role,
            )
        resolved.append(Quote(*q[:-1], cont))  # q._replace(continues=cont), done directly
        history.append(resolved[-1])
    return resolved


def _reaches(starts: list[int], reach: list[int], at_most: int, at_least: int) -> bool:
    """Is there a span starting at or before ``at_most`` that ends at or after ``at_least``?

    ``starts`` are the spans' starts in ascending order, ``reach[i]`` the largest end among the
    first ``i + 1`` spans.
    """
    i = bisect_right(starts, at_most) - 1
    return i >= 0 and reach[i] >= at_least


def _one_per_span(found: list[_Stmt]) -> list[_Stmt]:
    """One statement per content span: where two cues claim the same words ('Xinhua
    reported.US President Joe Biden said on Monday that ...'), the cue nearest them wins."""
    best: dict[tuple[str, int, int], int] = {}
    for i, st in enumerate(found):
        j = best.setdefault((st.kind, st.start, st.end), i)
        if _cue_distance(st) < _cue_distance(found[j]):
            best[(st.kind, st.start, st.end)] = i
    if len(best) == len(found):
        return found
    keep = sorted(best.values())
    new = {old: n for n, old in enumerate(keep)}
    out = []
    for i in keep:
        st = found[i]
        if st.continues >= 0:
            head = found[st.continues]
            st = st._replace(continues=new[best[(head.kind, head.start, head.end)]])
        out.append(st)
    return out


def _cue_distance(st: _Stmt) -> int:
    if st.verb_start < 0:
        return 1 << 30
    return st.start - st.verb_end if st.verb_end <= st.start else max(st.verb_start - st.end, 0)


def _doc_marks(doc: Doc) -> list[Mark]:
    return doc.cached("quote_marks", _compute_marks)  # type: ignore[return-value]


def _compute_marks(doc: Doc) -> list[Mark]:
    return find_marks(doc.text, doc.norm)


def doc_quotes(doc: Doc) -> list[Quote]:
    """The attributed statements of ``doc``, computed once and cached on the Doc.

    Other analyses (own voice vs quoted sentiment, markers inside quotations) call this; it
    uses the package's verb lexicon.

    Example:
        >>> from framing.text import Doc
        >>> q = doc_quotes(Doc('"We are not going to be in a combat mission," Biden said.'))[0]
        >>> q.kind, q.speaker, q.verb
        ('direct', 'Biden', 'said')
    """
    return doc.cached("quotes", extract_quotes)  # type: ignore[return-value]


def quotation_spans(doc: Doc) -> list[QuotationSpan]:
    """Every pair of quotation marks in ``doc``, flagged by whether it is attributed.

    ``attributed=False`` marks quotations no statement covers: scare quotes ("so-called"),
    titles of banners, books or operations, and quoted words with no speaker in sight.
    Computed once per ``Doc`` (markers and the own-voice count both ask); do not modify it.
    """
    return doc.cached("quotation_spans", _quotation_spans)  # type: ignore[return-value]


def _quotation_spans(doc: Doc) -> list[QuotationSpan]:
    spans = sorted((q.start, q.end) for q in doc_quotes(doc))
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    out = []
    for mk in _doc_marks(doc):
        # some statement overlaps the quotation (found by bisection: linear in the article)
        attributed = _reaches(starts, reach, mk.end - 1, mk.start + 1)
        out.append(QuotationSpan(mk.start, mk.end, attributed))
    return out


def in_quotation(doc: Doc, start: int, end: int, *, attributed_only: bool = False) -> bool:
    """True if ``text[start:end]`` lies inside quoted material.

    Args:
        doc: The parsed article.
        start: Start offset of the span to test.
        end: End offset of the span to test.
        attributed_only: Count only material attributed to a speaker: the content of a
            statement (direct, partial or indirect), not scare quotes.
    """
    if attributed_only:
        return any(q.start <= start and end <= q.end for q in doc_quotes(doc))
    return any(mk.start <= start and end <= mk.end for mk in _doc_marks(doc))
