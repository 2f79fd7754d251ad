"""Statements sentence by sentence: a cue, its speaker mention and its content span.

See :mod:`framing.quotes.extract` for the rules in order; this module applies them to one
sentence at a time (plus the paragraph-level cases: a colon before a quotation paragraph, an
embedded social-media post, a headline "Name: claim").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from framing.quotes.cues import (
    _PARTICIPLE_LEMMAS_OK,
    _PREP_START,
    _agrees,
    _content_after,
    _coordinated_subject,
    _find_cues,
    _first_verbish,
    _has_finite_verb,
    _is_relative,
    _trailing_blocked,
)
from framing.quotes.marks import MASK, Mark
from framing.quotes.pos import tag
from framing.quotes.speakers import (
    Mention,
    antecedent,
    mention_after,
    mention_before,
    strip_aux,
)
from framing.quotes.verbs import VerbLexicon, find_forms
from framing.text import Doc


class _Stmt(NamedTuple):
    kind: str
    start: int
    end: int
    mention: Mention | None
    verb_start: int
    verb_end: int
    inverted: bool = False
    continues: int = -1
    pronoun_of: int = -1  # for relative pronouns: start of the antecedent mention
    pronoun_end: int = -1  # ... and its end


_DATELINE = re.compile(r"[A-Z][A-Z .']{2,}(?:,\s*[A-Z][\w ]{2,30}?)?\s*-\s*(?=[A-Z\"])")


def _strip_span(norm: str, start: int, end: int) -> tuple[int, int]:
    d = _DATELINE.match(norm, start, end)
    if d:
        start = d.end()
    while start < end and (norm[start].isspace() or norm[start] in ",:;-"):
        start += 1
    while end > start and (norm[end - 1].isspace() or norm[end - 1] in ",;:-"):
        end -= 1
    while end > start and norm[end - 1] in ".!?" and norm[end - 2 : end] != "..":
        end -= 1
        while end > start and norm[end - 1].isspace():
            end -= 1
    return start, end


def _kind_and_span(
    norm: str, marks: list[Mark], start: int, end: int
) -> tuple[str, int, int] | None:
    """Classify a content span: a lone quotation (direct), words with quotations (partial)."""
    start, end = _strip_span(norm, start, end)
    if end - start < 2:
        return None
    inside = [mk for mk in marks if mk.start < end and mk.end > start]
    if not inside:
        return "indirect", start, end
    if len(inside) == 1:
        mk = inside[0]
        before = norm[start : mk.start].strip(" ,:")
        after = norm[mk.end : end].strip(" ,.;:!?")
        if not before and not after:
            a, b = _strip_span(norm, mk.inner_start, mk.inner_end)
            if b - a < 1:
                return None
            return "direct", a, b
    return "partial", start, max(end, min(inside[-1].end, len(norm)))


class _Sentence(NamedTuple):
    start: int
    end: int
    para: int


_ATTRIBUTION_ONLY_RE1 = re.compile(r"[?!.,]['\"]{1,2}\s*$")
_ATTRIBUTION_ONLY_RE2 = re.compile(r"[;:]")


def _ends_quoted(norm: str, start: int, end: int) -> bool:
    """Same as ``_ATTRIBUTION_ONLY_RE1.search(norm[start:end])``: the sentence ends with one or
    two quotation marks after ?, !, . or , (looked up at the end instead of searched for, and
    without copying the sentence: ``end`` steps back over the white space ``rstrip`` drops)."""
    while end > start and norm[end - 1].isspace():
        end -= 1
    n = end - start
    if n < 2 or norm[end - 1] not in "'\"":
        return False
    return norm[end - 2] in "?!.," or (
        norm[end - 2] in "'\"" and n >= 3 and norm[end - 3] in "?!.,"
    )


def _attribution_only(norm: str, prev: _Sentence, s: object, lexicon: VerbLexicon) -> bool:
    """True for '"Is that all there is?" | Trump said.': a quotation ending in ? or ! split
    from the short attribution that follows it."""
    start, end = s.start, s.end  # type: ignore[attr-defined]
    if not _ends_quoted(norm, prev.start, prev.end):
        return False
    if end - start > 160 or norm[start] in "\"'" or not norm[start].isupper():
        return False
    if '"' in norm[start:end] or _ATTRIBUTION_ONLY_RE2.search(norm[start:end]):
        return False
    cues = find_forms(lexicon, norm, start, min(end, start + 160))
    if not cues:
        return False
    # nothing but the attribution: no finite verb besides the cue ("Miller, a retired worker
    # from a nuclear plant, said pleasantly into the phone.")
    others = norm[start : cues[0][0]] + " " + norm[cues[0][1] : end]
    return not _has_finite_verb(others, 0, len(others), 60, skip=0)


def _sentences(doc: Doc, marks: list[Mark], lexicon: VerbLexicon) -> list[_Sentence]:
    """The Doc's sentences with paragraph numbers; sentences a quotation spans are merged."""
    norm = doc.norm
    out: list[_Sentence] = []
    para = 0
    prev_end = 0
    k = 0
    for s in doc.sentences:
        new_para = norm.find("\n", prev_end, s.start) >= 0
        prev_end = s.end
        while k < len(marks) and marks[k].end <= s.start:
            k += 1
        inside = k < len(marks) and marks[k].start < s.start < marks[k].end
        if out and not new_para and (inside or _attribution_only(norm, out[-1], s, lexicon)):
            out[-1] = out[-1]._replace(end=s.end)
            continue
        if new_para:
            para += 1
        out.append(_Sentence(s.start, s.end, para))
    return out


_SENTENCE_STATEMENTS_RE1 = re.compile(
    r"(?:\b(?:is|are|was|were|been)|\w['\u2019]s)\s+(?:(?:also|already|now|still|again|[a-z]+ly)\s+)?$"
)
_SENTENCE_STATEMENTS_RE2 = re.compile(rf"[^{MASK}]{{0,80}}?[,:]\s*(?={MASK})")
_SENTENCE_STATEMENTS_RE3 = re.compile(r"(\w+)$")
_SENTENCE_STATEMENTS_RE4 = re.compile(rf"[^{MASK}.;]{{0,60}}?[,:]\s*(?={MASK})")
_SENTENCE_STATEMENTS_RE5 = re.compile(r"\s*(?:[\w\s.'\-]{0,40}?)?,\s*(?=\S)")
_SENTENCE_STATEMENTS_RE6 = re.compile(r"\b[Ww]ith\s*$")
_SENTENCE_STATEMENTS_RE7 = re.compile(r"[.;]")
_SENTENCE_STATEMENTS_RE8 = re.compile(r"[,\w]\s+(?:and|by|while|after|before|when)$")
_SENTENCE_STATEMENTS_RE9 = re.compile(r"(?:\band|\bbut|,)$")
# Every match of _SENTENCE_STATEMENTS_RE8 ends with one of these (``left_of_cue`` is stripped,
# so ``$`` is its end): a cheap test before the search.
_RE8_ENDS = ("and", "by", "while", "after", "before", "when")


def _coordinated_end(left: str) -> bool:
    """``_SENTENCE_STATEMENTS_RE9.search(left)``, searched only when ``left`` ends as a match
    must (``$`` also matches before a final newline)."""
    return left.endswith(("and", "but", ",", "and\n", "but\n", ",\n")) and bool(
        _SENTENCE_STATEMENTS_RE9.search(left)
    )


def _sentence_statements(
    norm: str,
    masked: str,
    marks: list[Mark],
    sent: _Sentence,
    lexicon: VerbLexicon,
) -> list[_Stmt]:
    """The statements whose cue lies in one sentence."""
    lo, hi = sent.start, sent.end
    out: list[_Stmt] = _questions(norm, masked, marks, lo, hi)
    # a trailing attribution's content starts after a leading statement's cue (or question)
    questions = list(out)
    leading_end = lo
    main_subject: Mention | None = None
    for v0, v1, lemma in _find_cues(masked, lo, hi, lexicon):
        if any(q.verb_start == v0 for q in out):
            continue
        if out and out[-1].verb_start <= v0 < out[-1].verb_end:
            continue
        if lemma == "according to":
            st = _according(norm, masked, marks, lo, hi, v0, v1, leading_end)
            if st is not None:
                out.append(st)
            continue
        left_of_cue = masked[lo:v0].rstrip()
        # (the search only matters for a cue in -ing, and has no side effect: it runs second)
        if masked[v0:v1].lower().endswith("ing") and not _SENTENCE_STATEMENTS_RE1.search(
            masked[max(lo, v0 - 40) : v0]
        ):
            if lemma not in _PARTICIPLE_LEMMAS_OK:
                continue
            with_np = mention_before(masked, lo, v0)
            if (
                with_np
                and _SENTENCE_STATEMENTS_RE6.search(masked[lo : with_np[0].start])
                and lemma in _PARTICIPLE_LEMMAS_OK
            ):
                # "with 30 percent of voters saying they have a positive view of him"
                start = _content_after(norm, masked, v1, hi, lemma)
                content = _kind_and_span(norm, marks, start, hi) if start is not None else None
                if content:
                    out.append(_Stmt(content[0], content[1], content[2], with_np[0], v0, v1))
                continue
            doc_noun = _SENTENCE_STATEMENTS_RE3.search(left_of_cue)
            carrier = bool(doc_noun) and _is_carrier(doc_noun.group(1))  # type: ignore[union-attr]
            if not (
                left_of_cue.endswith(",")
                or (
                    left_of_cue.endswith(_RE8_ENDS) and _SENTENCE_STATEMENTS_RE8.search(left_of_cue)
                )
                or carrier
            ):
                continue
            start = _content_after(norm, masked, v1, hi, lemma, beliefs=not lexicon.skip_kinds)
            if start is None:
                continue
            subject = main_subject
            if subject is None:
                first = mention_before(masked, lo, _first_verbish(masked, lo, v0))
                subject = first[0] if first else None
            content = _kind_and_span(norm, marks, start, _clause_end(masked, start, hi))
            if content and subject is not None:
                out.append(_Stmt(content[0], content[1], content[2], subject, v0, v1))
            continue
        found = mention_before(masked, lo, v0)
        mention: Mention | None = found[0] if found else None
        if mention is not None and not _agrees(masked, mention, masked[v0:v1], v0):
            mention = None
        inverted = False
        relative = mention is not None and _is_relative(masked, mention)
        pre = masked[lo : mention.start].rstrip() if mention else left_of_cue
        trailing_ok = (
            not relative and (pre.endswith(",") or pre.endswith(MASK)) and len(pre.strip(" ,")) > 3
        )
        if mention is None:
            if (left_of_cue.endswith(",") or left_of_cue.endswith(MASK)) and len(left_of_cue) > 3:
                mention = mention_after(masked, v1, hi)
                inverted = mention is not None
                pre = left_of_cue
                trailing_ok = True
            elif len(left_of_cue) > 8 and _coordinated_end(strip_aux(left_of_cue)):
                # "survived five years in prison and says ...": the clause's subject speaks
                mention = main_subject
                if mention is None:
                    first = mention_before(masked, lo, _first_verbish(masked, lo, v0)) or (
                        mention_before(masked, lo, _coordinated_subject(masked, lo, v0))
                    )
                    mention = first[0] if first else None
                trailing_ok = False
            if mention is None:
                continue
        pronoun_of = pronoun_end = -1
        if relative:
            ante = antecedent(masked, lo, mention.start)
            if ante is None:
                continue
            pronoun_of, pronoun_end = ante.start, ante.end
        lead = (
            None
            if inverted
            else _content_after(norm, masked, v1, hi, lemma, beliefs=not lexicon.skip_kinds)
        )
        # an explicit clause after the cue ("said that ...", "said: ...", "told reporters he
        # ...") wins over reading the words before the subject as the content, unless a
        # quotation stands right before the subject ('"...," he said ...')
        prefer_lead = lead is not None and (
            not pre.endswith(MASK) or _short_quote_end(norm, masked, lo, lo + len(pre))
        )
        # ... but a bare noun phrase after the cue ("confirmed Monday in a meeting with X")
        # loses to a full clause before the subject
        if (
            prefer_lead
            and trailing_ok
            and lead is not None
            and lead < len(masked)
            and masked[lead] != MASK
            and not _has_finite_verb(masked, lead, hi, 30, skip=0, lenient=True)
            and _has_finite_verb(masked, lo, lo + len(pre), 60, skip=0)
        ):
            prefer_lead = False
        if prefer_lead and lead is not None:
            content = _kind_and_span(
                norm, marks, lead, _clause_end(masked, lead, hi, masked[v0:v1])
            )
            if content:
                out.append(
                    _Stmt(
                        content[0],
                        content[1],
                        content[2],
                        mention,
                        v0,
                        v1,
                        pronoun_of=pronoun_of,
                        pronoun_end=pronoun_end,
                    )
                )
                main_subject = main_subject or mention
                leading_end = max(leading_end, v1)
                continue
        if not trailing_ok:
            continue
        if not inverted and _trailing_blocked(masked, v1, hi):
            continue  # "..., like teachers, continue to be exempt": not an attribution
        start = max([leading_end] + [q.end for q in questions if q.end <= v0])
        content = _kind_and_span(norm, marks, start, lo + len(pre))
        if content is None or (content[0] == "indirect" and content[2] - content[1] < 12):
            # 'But, said Solovey, "I don't want ..."': the quotation after the cue is the content
            after_q = mention.end if inverted else v1
            q = _SENTENCE_STATEMENTS_RE4.match(masked[after_q:hi])
            direct = _kind_and_span(norm, marks, after_q + q.end(), hi) if q else None
            if direct and direct[0] == "direct":
                out.append(_Stmt(direct[0], direct[1], direct[2], mention, v0, v1, inverted))
                main_subject = main_subject or mention
                continue
        if not content:
            continue
        after = mention.end if inverted else v1
        if (
            content[0] == "partial"
            and _PREP_START.match(masked, content[1])
            and not _has_finite_verb(masked, content[1], content[2], 60, skip=0)
        ):
            continue  # 'On ABC News's "This Week," Rubio said': a title, not the content
        if content[0] == "indirect" and not _has_finite_verb(
            masked, content[1], content[2], 60, skip=0, lenient=True
        ):
            # "This campaign, he says, is different.": the clause goes on after the cue
            tail = _SENTENCE_STATEMENTS_RE5.match(masked[after:hi])
            rest = _kind_and_span(norm, marks, after + tail.end(), hi) if tail else None
            if rest is None or not _has_finite_verb(masked, rest[1], rest[2], 60, skip=0):
                continue
            out.append(_Stmt(content[0], content[1], content[2], mention, v0, v1, inverted))
            out.append(
                _Stmt(rest[0], rest[1], rest[2], mention, v0, v1, inverted, continues=len(out) - 1)
            )
            main_subject = main_subject or mention
            continue
        out.append(_Stmt(content[0], content[1], content[2], mention, v0, v1, inverted))
        idx = len(out) - 1
        main_subject = main_subject or mention
        # middle attribution: '"...," he said, "..."' -> a second row continuing the first
        m = _SENTENCE_STATEMENTS_RE2.match(masked[after:hi])
        if m and not _SENTENCE_STATEMENTS_RE7.search(m.group()) and content[0] == "direct":
            second = _kind_and_span(norm, marks, after + m.end(), hi)
            if second and second[0] == "direct":
                out.append(_Stmt(*second, mention, v0, v1, inverted, continues=idx))
    return _cut_coordinated(norm, masked, out) if len(out) > 1 else out  # (needs two)


_ADJUNCT = re.compile(
    r",\s+(?:as|while|when|after|before|because|although|though|whereas|even\s+as)\s+"
    r"(?:he|she|they|it|we|the|his|her|their|[A-Z])"
)


_CLAUSE_END_RE1 = re.compile(r",?\s+and\s+(?:then\s+|also\s+)?([a-z]+)\b")


def _clause_end(masked: str, start: int, hi: int, cue: str = "") -> int:
    """End of a reported clause: before a trailing adjunct clause (", as he welcomed ...") or,
    when the cue's subject goes on with a second verb in the cue's tense ("called the merger
    \"a terrible deal\" and ranked Fiorina ..."), before that verb."""
    m = _ADJUNCT.search(masked, start, hi)
    if m and MASK not in masked[m.start() : hi] and m.start() - start > 20:
        hi = m.start()
    # a participle or a "which" clause after a comma is the writer's again: '... a "ridiculous
    # proposition," adding that ...', '... in his comments, which raised concerns ...'
    for p in _TRAILING_CLAUSE.finditer(masked, start, hi):
        word = p.group(1).lower()
        if p.start() - start > 8 and (word == "which" or _is_participle(word)):
            hi = p.start()
            break
    want = tag(cue.lower().split()[0]) if cue else ""
    want = "VBD" if want == "VBN" else want
    if want in ("VBD", "VBZ"):
        for c in _CLAUSE_END_RE1.finditer(masked[start:hi]):
            if (
                c.start() > 8
                and _same_tense(c.group(1), want)
                and not _has_subject_before(masked, start, start + c.start())
            ):
                return start + c.start()
    return hi


_TRAILING_CLAUSE = re.compile(r"[,\u00a7]\s*,?\s+(which|[a-z]+ing)\b")


def _is_participle(word: str) -> bool:
    return word.endswith("ing") and word not in (
        "including",
        "according",
        "during",
        "nothing",
        "something",
        "anything",
        "everything",
        "being",
    )


def _has_subject_before(masked: str, start: int, end: int) -> bool:
    """Does the reported clause have its own finite verb before ``end`` (so "and X-ed" is its)?"""
    return _has_finite_verb(masked, start, end, 40, skip=0)


def _short_quote_end(norm: str, masked: str, lo: int, end: int) -> bool:
    """Does the text before a subject end with a short quoted title inside a longer clause?

    'Walking in to chants of "Marco! Marco!," the senator said his campaign was strong': the
    quotation is a name for the chant, not the senator's words.
    """
    start = end
    while start > lo and masked[start - 1] == MASK:
        start -= 1
    words = len(norm[start:end].split())
    return words <= 4 and len(masked[lo:start].split()) >= 3


def _is_carrier(word: str) -> bool:
    """A document that carries words: "released a statement saying ...", "a sign saying"."""
    from framing.quotes.speakers import _cat

    cats = _cat(word.lower())
    carriers = ("sign", "ad", "banner", "video")
    return "document" in cats or "social" in cats or word.lower() in carriers


_CUT_COORDINATED_RE1 = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s*$")
_CUT_COORDINATED_RE2 = re.compile(r"(?:,\s*)?\b(?:and|but)\s+(?:also\s+|then\s+)?$")


def _cut_coordinated(norm: str, masked: str, stmts: list[_Stmt]) -> list[_Stmt]:
    """End a leading statement's content where a coordinated attribution begins.

    "Biden said A, and Kadhimi said B": the first content is "A", not "A, and Kadhimi said B".
    """
    out = list(stmts)
    for i, st in enumerate(out):
        for nxt in out[i + 1 :]:
            if nxt.mention == st.mention and st.start < nxt.verb_start < st.end:
                gap = masked[st.start : nxt.verb_start]
                m = _CUT_COORDINATED_RE2.search(gap)
                if m:
                    end = _strip_span(norm, st.start, st.start + m.start())[1]
                    if end > st.start:
                        st = out[i] = st._replace(end=end)
                break
        for nxt in out[i + 1 :]:
            if nxt.mention is None or not (st.start < nxt.mention.start < st.end):
                continue
            gap = masked[st.start : nxt.mention.start]
            m = _CUT_COORDINATED_RE1.search(gap)
            if m:
                end = _strip_span(norm, st.start, st.start + m.start())[1]
                if end > st.start:
                    out[i] = st._replace(end=end)
                break
    return out


_QUESTION = re.compile(
    r"(?<![\w-])(?:(?:when|after|once|if)\s+(?:being\s+)?)?(?P<cue>[Aa]sked)"
    r"(?:\s+by\s+(?P<by>[^,;:]{2,60}?))?"
    r"\s+(?P<content>(?:whether|if|how|why|what|who|whom|which|when|where|about)\b[^,;]{4,})"
)


_QUESTIONS_RE1 = re.compile(r"[,;(]\s*$")


def _questions(norm: str, masked: str, marks: list[Mark], lo: int, hi: int) -> list[_Stmt]:
    """'Asked whether he would endorse Clinton, Sanders said ...': the question is reported
    too (PolNeAR and Citron count it); the asker is the "by ..." phrase or nobody."""
    out: list[_Stmt] = []
    if masked.find("sked", lo, hi) < 0:  # every match holds "[Aa]sked": most sentences do not
        return out
    for m in _QUESTION.finditer(masked, lo, hi):
        led = m.start("cue") > m.start()  # "when asked ...", "after being asked ..."
        if not led and m.start() > lo and not _QUESTIONS_RE1.search(masked[lo : m.start()]):
            continue  # "X asked whether ..." is handled as an ordinary cue
        content = _kind_and_span(norm, marks, m.start("content"), m.end("content"))
        if content is None:
            continue
        mention = None
        if m.group("by"):
            mention = Mention(m.start("by"), m.end("by"))
        out.append(_Stmt(content[0], content[1], content[2], mention, m.start("cue"), m.end("cue")))
    return out


_ACCORDING_RE1 = re.compile(r"[^,]*,\s*")
_ACCORDING_RE2 = re.compile(r"\s*,\s*(?=\S)")


def _according(
    norm: str,
    masked: str,
    marks: list[Mark],
    lo: int,
    hi: int,
    v0: int,
    v1: int,
    leading_end: int,
) -> _Stmt | None:
    """ "according to X, ..." / "..., according to X" / "X, according to Y, ..." """
    sp = mention_after(masked, v1, hi, lenient=True)
    if sp is None:
        return None
    before = masked[lo:v0].rstrip()
    after_sp = masked[sp.end : hi]
    content = None
    if len(before.strip(" ,-")) > 8:
        if before.endswith(",") or before.endswith(MASK) or not after_sp.strip(" .,;"):
            end = lo + len(before)
            tail = _ACCORDING_RE2.match(after_sp)
            if tail and len(after_sp.strip(" .,;")) > 8:  # "X, according to Y, did Z"
                return (
                    _Stmt(*_kind_and_span(norm, marks, leading_end, hi) or ("", 0, 0), sp, v0, v1)
                    if _kind_and_span(norm, marks, leading_end, hi)
                    else None
                )
            content = _kind_and_span(norm, marks, leading_end, end)
    else:
        m = _ACCORDING_RE1.match(after_sp)
        if m:
            content = _kind_and_span(norm, marks, sp.end + m.end(), hi)
    if not content:
        return None
    return _Stmt(content[0], content[1], content[2], sp, v0, v1)


_COLON_STATEMENT_RE1 = re.compile(
    r"(?:\s+(?:in|on|at|during|to|after|before|from|via|with|by)\s+[^,;:.]{1,60})*\s*"
)


def _colon_statement(
    norm: str,
    masked: str,
    marks: list[Mark],
    sent: _Sentence,
    nxt: _Sentence,
    lex: VerbLexicon,
) -> list[_Stmt]:
    """'Stated Stone:' / 'Biden said:' ending a paragraph, the quotation opening the next."""
    if masked[nxt.start] != MASK:
        return []
    mk = next((m for m in marks if m.start == nxt.start), None)
    if mk is None:
        return []
    colon = max(masked.rfind(":", sent.start, sent.end), masked.rfind(".", sent.start, sent.end))
    cues = _find_cues(masked, sent.start, colon, lex)
    if not cues:
        return []
    v0, v1, _ = cues[-1]
    if masked[colon] == "." and not _COLON_STATEMENT_RE1.fullmatch(masked[v1:colon]):
        return []  # the cue must end its sentence but for place and time: "said in a statement."
    found = mention_before(masked, sent.start, v0)
    mention = found[0] if found else mention_after(masked, v1, colon)
    if mention is None:  # "The New York Times confirmed that observation, reporting:"
        first = mention_before(masked, sent.start, cues[0][0])
        mention = first[0] if first else None
    if mention is None:
        return []
    a, b = _strip_span(norm, mk.inner_start, mk.inner_end)
    return [_Stmt("direct", a, b, mention, v0, v1)] if b > a else []


_EMBED_STATEMENTS_RE1 = re.compile(r"(?m)^[ ]*-[ ]+([^\n(]{2,60}?)[ ]*\(@\w+\)[^\n]*$")


def _embed_statements(norm: str, masked: str) -> list[tuple[int, int, Mention]]:
    """Embedded social-media posts: a line "— Name (@handle) date" after the post's text."""
    out = []
    for m in _EMBED_STATEMENTS_RE1.finditer(norm):
        prev_end = m.start() - 1
        while prev_end > 0 and norm[prev_end - 1] in " \n":
            prev_end -= 1
        prev_start = norm.rfind("\n", 0, prev_end) + 1
        if prev_end - prev_start > 10:
            out.append(
                (prev_start, prev_end, Mention(m.start(1), m.start(1) + len(m.group(1).rstrip())))
            )
    return out


# Web-capture link lines ("Read More: <headline>", "Read Also: ...") repeat other headlines.
_LINK_LINE = re.compile(r"(?i)(?:read\s+(?:more|also|next)|related|see\s+also|watch)\s*:")


_HEADLINE_STATEMENT_RE1 = re.compile(r"([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}):\s+(?=\S)")


def _headline_statement(
    norm: str, masked: str, sent: _Sentence, known: Callable[[str], bool]
) -> _Stmt | None:
    """A headline "Biden: US combat mission in Iraq will be over by end of year"."""
    # (matched in place: the pattern has no look-behind, and its look-ahead sees the same
    # end as in the sentence cut out; offsets are the text's)
    m = _HEADLINE_STATEMENT_RE1.match(masked, sent.start, sent.end)
    if not m:
        return None
    line = masked[sent.start : sent.end]
    if line.rstrip().endswith((".", "?")) and len(line) > 160:
        return None
    content = _strip_span(norm, m.end(), sent.end)
    if content[1] - content[0] < 10:
        return None
    mention = Mention(sent.start, m.end(1))
    if not known(norm[mention.start : mention.end]):
        return None
    colon = m.end(1)
    return _Stmt("indirect", content[0], content[1], mention, colon, colon + 1)


def _previous_statement(
    stmts: list[tuple[_Stmt, int]], sents: list[_Sentence], k: int
) -> tuple[_Stmt, int] | None:
    """The statement a bare quotation in sentence ``k`` continues, if the text supports it."""
    para = sents[k].para
    best = None
    for i, (st, sk) in enumerate(stmts):
        if sk < k and st.mention is not None and sents[sk].para in (para, para - 1):
            last_of_para = sk + 1 >= len(sents) or sents[sk + 1].para != sents[sk].para
            if sents[sk].para == para - 1 and st.kind == "indirect" and not last_of_para:
                continue  # reported speech, then other narration, then a quotation
            best = (st, i)
    if best is None:
        # '"Q1." / "Q2," he said.' in one paragraph: the first quotation is the same speaker's
        for i, (st, sk) in enumerate(stmts):
            if sk > k and sents[sk].para == para and st.kind == "direct" and st.mention:
                return (st, i)
    return best


def _same_tense(word: str, want: str) -> bool:
    t = tag(word)
    if want == "VBD":
        return (t in ("VBD", "VBN") and word.endswith("ed")) or t == "VBD"
    return t == want or (t in ("NNS", "VBZ") and word.endswith("s") and tag(word[:-1]) == "VB")
