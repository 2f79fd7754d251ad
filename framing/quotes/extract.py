"""Attributed statements in one article: who said what, with which cue.

The rules run sentence by sentence over the normalised text with quotations masked (see
:mod:`framing.quotes.marks`), so cue words inside quotations are never taken for cues:

1. every reporting-verb form of the lexicon, "according to", and a colon after a name is a
   candidate cue;
2. a cue attaches to a subject before it ("Biden said", "Safeen Dizayee, head of ..., said",
   "Austin further added") or, after a quotation or clause, to a mention after it ("...," said
   Biden); a participle after a comma ("..., saying ...") takes the sentence subject;
3. the content is the clause before the attribution ("..., sources said.", "\"...,\" he said")
   or the clause after the cue ("said (that) ...", "told reporters that ...", "said: \"...\"",
   "called the announcement \"...\"");
4. a quotation in a sentence with no cue continues the statement before it in the paragraph
   (``"...," he said. "..."``) or the one before a quote-only paragraph: it becomes its own row
   whose ``continues`` points to that statement and repeats its speaker and cue;
5. pronouns and short forms resolve to the fullest name the article uses (the most recent
   person speaker for "he"/"she"), and every mention gets a speaker type.

Everything else in quotation marks (scare quotes, titles such as the "Mission Accomplished"
banner) is not a statement; :func:`quotation_spans` lists it with ``attributed=False``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from framing.quotes.marks import MASK, Mark, find_marks, mask_quotes
from framing.quotes.pos import is_finite_verb, tag, wordset
from framing.quotes.speakers import (
    Mention,
    NameIndex,
    antecedent,
    build_name_index,
    mention_after,
    mention_before,
    resolve_name,
    strip_aux,
    speaker_type,
)
from framing.quotes.verbs import VerbLexicon, find_forms, load_verbs
from framing.text import Doc

__all__ = [
    "QuotationSpan",
    "Quote",
    "doc_quotes",
    "extract_quotes",
    "in_quotation",
    "quotation_spans",
]


class Quote(NamedTuple):
    """One attributed statement. Offsets index the article text; -1 where a span is absent.

    Attributes:
        kind: ``direct`` (the content is a quotation), ``indirect`` (reported speech) or
            ``partial`` (reported speech that quotes some words).
        start: Start of the content (inside the quotation marks for ``direct``).
        end: End of the content.
        speaker: Resolved speaker ("Mustafa al-Kadhimi" for "he"); "" when unknown.
        speaker_start: Start of the mention as written (the pronoun for "he said").
        speaker_end: End of the mention as written.
        speaker_as_written: ``text[speaker_start:speaker_end]``.
        speaker_type: One of :data:`framing.quotes.speakers.SPEAKER_TYPES`.
        speaker_role: Title or role written with the speaker ("White House Press Secretary").
        verb: The cue as written ("said", "according to", ":"), "" when none.
        verb_start: Start of the cue.
        verb_end: End of the cue.
        verb_stance: Stance of the cue from the verb lexicon ("neutral", "assertive", ...).
        continues: Index (in :func:`doc_quotes`) of the statement this row continues, or -1.
    """

    kind: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    speaker_as_written: str = ""
    speaker_type: str = "unknown"
    speaker_role: str = ""
    verb: str = ""
    verb_start: int = -1
    verb_end: int = -1
    verb_stance: str = ""
    continues: int = -1


class QuotationSpan(NamedTuple):
    """A pair of quotation marks: ``start:end`` includes the marks.

    ``attributed`` is True when the quotation lies inside an attributed statement's content;
    False for scare quotes, titles and other quoted words nobody is reported to have said.
    """

    start: int
    end: int
    attributed: bool


# --- cue patterns ---------------------------------------------------------------------------

_TELL_LEMMAS = wordset("""tell inform assure remind warn advise brief ask urge caution promise""")
_THAT = re.compile(r"\bthat\b")
_CLAUSE_START = re.compile(
    r"(?:he|she|they|it|we|i|you|there|the|a|an|this|these|those|his|her|their|its|our|my|no|"
    r"some|all|most|many|both|each|every|none|any|much|such|more|only|if|when|what|why|how|"
    r"whether|nobody|no one|everyone|someone|anyone|trump|[A-Z0-9$@#])",
)
_WH = re.compile(r"\b(?:whether|if|why|how|what|when|where|who|which)\b")
_TIME = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|"
    r"nov\.|dec\.|week|month|year|morning|afternoon|evening|night|today|yesterday|tonight|"
    r"weekend|\d{4}|\d{1,2}(?:st|nd|rd|th)?)"
)
_PP = re.compile(
    r"\s*,?\s*(?:"
    r"to\s+(?:reporters|journalists|the\s+media|the\s+press|lawmakers|supporters)"
    r"|(?:on|in|at|during|after|before|ahead\s+of|from|via|through|with|over|for|by|"
    r"outside|inside|near|since|following|late|early)\s+"
    r"(?:(?:a|an|the|his|her|their|its|this|last|that|an?)\s+)?(?:[\w.'\-]+\s+){0,4}?"
    r"(?:[\w.'\-]+)"
    r"|(?:(?:last|this|earlier|late|early|on)\s+)?" + _TIME + r"(?:\s+" + _TIME + r")?"
    r")(?=[\s,])",
    re.IGNORECASE,
)
# Verbs whose reported content can be a noun phrase ("denied involvement", "called for a
# ban", "stressed the state's importance"); "said" and "told" need a clause.
_NP_OBJECT_LEMMAS = wordset(
    """allege question announce deny reject dismiss dispute refute criticize criticise praise
    hail accuse condemn denounce decry blast slam attack stress emphasize emphasise reiterate
    reaffirm confirm reveal acknowledge admit concede cite describe explain propose recommend
    demand urge promise pledge vow predict question defend endorse applaud welcome lament
    blame tout highlight underline underscore"""
)
_SUBORDINATE = re.compile(
    r"(?i)(?:when|while|if|as|after|before|although|though|because|since|asked|speaking|"
    r"in|on|at|during|following|according|last|earlier|later|still|but|and|however|yet|from|"
    r"with|despite|amid|unlike|like|among|for|to|by|under|over|about|through|without|citing|"
    r"reached|pressed|responding|noting|in\s+an?)\b"
)
_NO_CLAUSE = wordset(
    """to for of in on at by with from about into during after before as than so and or but"""
)
_ACCORDING = re.compile(r"(?<![\w-])according\s+to\b", re.IGNORECASE)
_BAD_AFTER = re.compile(
    r"\s*(?:to\b(?!\s+(?:the\s+media|the\s+press|reporters|journalists|me\b|him\b|her\b|them\b|"
    r"us\b|a\s+group|[A-Z]))|for\b|by\b|-)"
)
_PARTICIPLE_LEMMAS_OK = wordset(
    """say tell add note write explain describe comment remark mention respond reply answer
    announce continue recall observe testify tweet post point out confirm reveal clarify
    acknowledge admit concede stress emphasize emphasise insist assert declare affirm
    reaffirm maintain reiterate vow pledge promise underline underscore highlight argue
    contend assure claim allege deny reject dismiss warn urge call call for call on demand
    suggest predict ask question accuse criticize criticise praise hail boast complain
    lament cite quote report state indicate"""
)


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


def _attribution_only(norm: str, prev: _Sentence, s: object, lexicon: VerbLexicon) -> bool:
    """True for '"Is that all there is?" | Trump said.': a quotation ending in ? or ! split
    from the short attribution that follows it."""
    start, end = s.start, s.end  # type: ignore[attr-defined]
    if not re.search(r"[?!.,]['\"]{1,2}\s*$", norm[prev.start : prev.end]):
        return False
    if end - start > 100 or norm[start] in "\"'" or not norm[start].isupper():
        return False
    if '"' in norm[start:end] or re.search(r"[,;:]", norm[start:end]):
        return False
    return bool(find_forms(lexicon, norm, start, min(end, start + 120)))


def _sentences(doc: Doc, marks: list[Mark], lexicon: VerbLexicon) -> list[_Sentence]:
    """The Doc's sentences with paragraph numbers; sentences a quotation spans are merged."""
    norm = doc.norm
    out: list[_Sentence] = []
    para = 0
    prev_end = 0
    k = 0
    for s in doc.sentences:
        new_para = "\n" in norm[prev_end : s.start]
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


_NEGATED = re.compile(
    r"(?:\bnot|n't|\bnever|\bto|\bwould\s+not|\bdeclined\s+to|\brefused\s+to|\bwhat|"
    r"\bwhen|\bhow|\bunable\s+to|\bhas\s+yet\s+to)\s*$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:[a-z]+ly\s+)?$")
_IRREGULAR_PARTICIPLES = wordset("said told written spoken shown known found")
_PARTICIPLE_ONLY = wordset("""spoken written shown known gone""")
_NOUN_BEFORE = wordset(
    """a an the these those his her their its our my your no"""
)


def _base_subject(word: str) -> bool:
    """Can ``word`` stand right before a verb's base form ("they say", "analysts say")?"""
    low = word.lower()
    if low in (
        "i",
        "we",
        "they",
        "you",
        "to",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "did",
        "do",
        "does",
        "who",
        "not",
        "also",
        "people",
        "others",
    ):
        return True
    if tag(low) == "NNS" or (low.endswith("s") and not low.endswith("ss") and len(low) > 3):
        return True
    return word[:1].isupper() and word.endswith("s")


def _headline_case(masked: str, lo: int, hi: int) -> bool:
    words = re.findall(r"[A-Za-z][\w'\-]*", masked[lo:hi])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _find_cues(masked: str, lo: int, hi: int, lexicon: VerbLexicon) -> list[tuple[int, int, str]]:
    """Candidate cues in a sentence: (start, end, lemma), in text order."""
    cues = []
    headline = None
    for start, end, form in find_forms(lexicon, masked, lo, hi):
        word = masked[start:end]
        entry = lexicon.entries.get(form)
        if entry is None or entry.kind in lexicon.skip_kinds:
            continue
        if word[0].isupper():
            if headline is None:
                headline = _headline_case(masked, lo, hi)
            if not headline:
                continue
        before = masked[max(lo, start - 40) : start]
        if _NEGATED.search(before):
            continue
        if form in _PARTICIPLE_ONLY and not re.search(r"\b(?:has|have|had|having)\s+$", before):
            continue
        if _PASSIVE.search(before) and (form.endswith("ed") or form in _IRREGULAR_PARTICIPLES):
            continue  # "are easily refuted", "was told": the subject is not the speaker
        prev = re.search(r"([\w'\-]+)\s*$", before)
        if prev and (prev.group(1).lower() in _NOUN_BEFORE or prev.group(1).endswith("'s")):
            continue  # "the reported attacks", "the military's announced withdrawal"
        if (
            prev
            and form in ("called", "dubbed", "titled", "named")
            and prev.group(1).islower()
            and tag(prev.group(1)) in ("NN", "NNS")
            and not _cat_any(prev.group(1))
        ):
            continue  # "a group called Our Principles": a name, not a statement
        if (
            prev
            and " " not in form
            and entry.lemma == form
            and tag(form).startswith("NN")
            and not _base_subject(prev.group(1))
        ):
            continue  # "the anchor show", "GOP-dominated state": a base form needs "they say"
        if prev and tag(form.split()[0]).startswith("NN"):
            pw = prev.group(1).lower()
            pt = tag(pw)
            if pt in ("JJ", "PRP$", "DT", "CD"):
                continue
            if pt == "NN" and not form.endswith("s") and not form.endswith("ed"):
                continue
        cues.append((start, end, entry.lemma))
    for m in _ACCORDING.finditer(masked, lo, hi):
        cues.append((m.start(), m.end(), "according to"))
    cues.sort()
    return cues


# Directives and commitments report their content as an infinitive: "vowed to take his
# campaign to the convention", "urged Congress to act", "asked the committee to preserve them".
# Cues too common in other senses to take a bare clause: "the borrowing continued ...".
def _trailing_blocked(masked: str, v1: int, hi: int) -> bool:
    """True when words after a cue show it is no trailing attribution ("continue to be")."""
    m = re.match(r"\s*to\s+([a-z]+)", masked[v1:hi])
    return bool(m and tag(m.group(1)) == "VB")


_EXPLICIT_ONLY = wordset("continue go on repeat agree conclude find show")
_INFINITIVE_LEMMAS = wordset(
    """vow pledge promise urge ask call on warn threaten demand offer propose request order
    advise instruct implore appeal plead encourage caution remind tell call for want hope expect
    plan intend"""
)


def _infinitive(rest: str, lemma: str) -> int | None:
    if lemma not in _INFINITIVE_LEMMAS:
        return None
    m = re.match(rf"\s*(?:[\w.'\-]+\s+){{0,6}}?(?:not\s+)?(?=to\s+(?:[a-z]|{MASK}))", rest)
    if not m:
        return None
    word = re.match(rf"to\s+(?:[a-z]+ly\s+)?([a-z]+|{MASK})", rest[m.end() :])
    if word is None or (word.group(1)[0] != MASK and tag(word.group(1)) not in ("VB", "VBP", "")):
        return None
    return _inf_start(rest, m.end())


def _inf_start(rest: str, to_pos: int) -> int:
    """Content of an infinitive report starts at its object when there is one, else at "to"."""
    lead = len(rest) - len(rest.lstrip())
    return lead if lead < to_pos else to_pos


_PREP_START = re.compile(
    r"(?i)(?:on|in|at|during|from|with|to|for|by|wednesday|monday|tuesday|thursday|friday|saturday|sunday)\b"
)
_SUBJ_TAGS = ("NN", "NNS", "NNP", "NNPS", "PRP")
_CONTRACTED = re.compile(r"(?i)[a-z]+(?:'s|'re|'ve|'ll|'d|'m|n't)$")


def _has_finite_verb(
    masked: str, start: int, hi: int, limit: int = 14, *, lenient: bool = False, skip: int = 1
) -> bool:
    """Does ``masked[start:hi]`` hold a finite verb after its first ``skip`` words?

    Strict: a word whose usual tag is VBD/VBZ/VBP/MD, or a pronoun contraction ("he's").
    ``lenient`` also takes VBN and VB (for the clause right after "said": "the economy made it
    risky", "his friends feel").
    """
    pattern = rf"[\w'\-]+|{MASK}+" if lenient else r"[\w'\-]+"
    words = re.findall(pattern, masked[start : min(hi, start + 200)])[:limit]
    if lenient and any(
        w[0] == MASK and (words[k - 1][0].isupper() or tag(words[k - 1].lower()) in _SUBJ_TAGS)
        for k, w in enumerate(words[1:], 1)
    ):
        return True  # 'said he "cannot walk down the street"'
    if lenient and re.search(r"\bto\s+[a-z]+", masked[start : min(hi, start + 200)]):
        m = re.search(r"\bto\s+([a-z]+)", masked[start : min(hi, start + 200)])
        if m and tag(m.group(1)) in ("VB", "VBP", "NN"):
            return True  # headlines: "US to end combat mission in Iraq, Biden announces"
    if (
        skip
        and words
        and _CONTRACTED.match(words[0])
        and words[0].lower() != "let's"
        and tag(words[0].lower().split("'")[0]) in ("PRP", "EX", "DT", "WP", "WDT")
    ):
        return True
    extra = ("VBN", "VBP", "VB") if lenient else ()
    return any(
        (w[:1].islower() or i == 0 or w.startswith("I"))
        and (is_finite_verb(w) or tag(w.lower()) in extra or _pron_contraction(w))
        for i, w in enumerate(words[skip:], skip)
    )


def _pron_contraction(word: str) -> bool:
    if not _CONTRACTED.match(word):
        return False
    base = word.lower().replace("n't", "").split("'")[0]
    return base in ("he", "she", "it", "they", "we", "i", "you", "there", "that", "who", "what")


def _content_after(norm: str, masked: str, v_end: int, hi: int, lemma: str) -> int | None:
    """Where the reported clause starts after a cue ending at ``v_end``, or None."""
    rest = masked[v_end:hi]
    if not rest.strip(" .,;!?"):
        return None
    m = re.match(rf"\s*[,:]?\s*(?={MASK})", rest)
    if m:
        return v_end + m.end()
    m = re.match(r"\s*:\s*", rest)
    if m:
        return v_end + m.end()
    # 'said of the request: "..."', 'added about Carson: "..."', 'said in a statement, "..."'
    m = re.match(rf"[^{MASK}.;:,]{{1,80}}?[:,]\s*(?={MASK})", rest)
    if m and not _has_finite_verb(masked, v_end, v_end + m.end(), 20, skip=0):
        return v_end + m.end()
    m = re.match(rf"\s*(?:as|it|them|him|her|this)\s+(?={MASK})", rest)
    if m:
        return v_end + m.end()
    m = re.match(r"\s*,?\s*that\b", rest)
    if m:
        return v_end + m.end()
    if lemma in _EXPLICIT_ONLY:
        e = re.match(rf"\s*(?:,\s*|:\s*|that\b\s*)(?={MASK}|\S)", rest)
        if not e or not re.match(rf"\s*(?:[,:]\s*{MASK}|:|that\b)", rest):
            return None
    inf = _infinitive(rest, lemma)
    if inf is not None:
        return v_end + inf
    # "that" a little later, past an object or adverbials
    t = _THAT.search(rest[:160])
    if t and MASK not in rest[: t.start()] and not re.search(r"[;]", rest[: t.start()]):
        between = rest[: t.start()]
        if (
            lemma in _TELL_LEMMAS or re.fullmatch(r"[\s,]*(?:[\w.'\-]+[\s,]+){0,12}", between)
        ) and not re.search(r"\b(?:is|are|was|were|has|have|had|will|would|be)\b", between):
            return v_end + t.end()
    if _BAD_AFTER.match(rest) and lemma not in ("according to",):
        return None
    if lemma in ("ask", "wonder", "question"):
        wh = _WH.search(rest[:120])
        if wh and not re.search(r"[.;:]", rest[: wh.start()]):
            return v_end + wh.start()
        if lemma != "question":
            return None
    if lemma in ("call",):  # called X "Y": the quotation must come within a few words
        q = rest.find(MASK)
        if 0 <= q < 60 and not re.search(r"[,.;]", rest[:q]):
            return v_end
        return None
    pos = 0
    if lemma in _TELL_LEMMAS and not re.match(r"\s*(?:he|she|they|it|we|i|there)\b", rest):
        # skip the object: "told reporters", "told The Associated Press on Sunday"
        m = re.match(
            r"\s*(?:(?:the|a|an|his|her|their|its|our|my|some|several|two|three)\s+"
            r"(?:(?!(?:as|when|while|because|if|after|before)\b)[\w.'\-]+\s+){0,3}?"
            r"(?!(?:as|when|while|because|if|after|before)\b)[\w.'\-]+"
            r"(?=\s+(?:that|on|in|at|during|after|before|"
            r"ahead|last|this|about|[a-z]+day|he|she|they|it|we|there)\b|\s*[,:.])"
            r"|him|her|them|us|me|you|reporters|journalists|[A-Za-z.'\-]+(?:\s+[A-Z][\w.'\-]*)*)",
            rest,
        )
        if not m:
            return None
        pos = m.end()
    for _ in range(3):
        pp = _PP.match(rest, pos)
        if not pp or pp.end() == pos:
            break
        pos = pp.end()
    m = re.match(r"\s*[,:]?\s*", rest[pos:])
    pos += m.end() if m else 0
    if pos >= len(rest):
        return v_end + pos if rest.rstrip().endswith(":") else None
    if rest[pos] == MASK:
        return v_end + pos
    word = re.match(r"[\w.'\-]+", rest[pos:])
    if not word or _BAD_AFTER.match(rest, pos):
        return None
    w = word.group()
    wl = w.lower()
    if (
        (wl in _NO_CLAUSE or tag(wl) in ("IN", "RB", "TO", "VB", "VBD", "VBN"))
        and not (w[0].isupper() and tag(wl) not in ("IN", "TO"))
        and wl not in ("there", "if", "unless", "once", "because", "although", "though")
    ):
        return None
    if lemma in _TELL_LEMMAS and not (
        w[0].isupper()
        or w[0].isdigit()
        or tag(wl) in ("PRP", "DT", "EX", "PRP$", "CD")
        or wl in ("if", "whether", "there")
        or _pron_contraction(w)
    ):
        return None
    if not _has_finite_verb(masked, v_end + pos, v_end + len(rest), lenient=True):
        if lemma in _NP_OBJECT_LEMMAS or lemma.startswith("call "):
            return v_end + pos
        return None
    return v_end + pos


def _sentence_statements(
    norm: str,
    masked: str,
    marks: list[Mark],
    sent: _Sentence,
    lexicon: VerbLexicon,
) -> list[_Stmt]:
    """The statements whose cue lies in one sentence."""
    lo, hi = sent.start, sent.end
    out: list[_Stmt] = []
    leading_end = lo  # a trailing attribution's content starts after a leading statement's cue
    main_subject: Mention | None = None
    for v0, v1, lemma in _find_cues(masked, lo, hi, lexicon):
        if out and out[-1].verb_start <= v0 < out[-1].verb_end:
            continue
        if lemma == "according to":
            st = _according(norm, masked, marks, lo, hi, v0, v1, leading_end)
            if st is not None:
                out.append(st)
            continue
        left_of_cue = masked[lo:v0].rstrip()
        if masked[v0:v1].lower().endswith("ing"):
            if lemma not in _PARTICIPLE_LEMMAS_OK:
                continue
            if not (
                left_of_cue.endswith(",")
                or re.search(r"[,\w]\s+(?:and|by|while|after|before|when)$", left_of_cue)
            ):
                continue
            start = _content_after(norm, masked, v1, hi, lemma)
            if start is None:
                continue
            subject = main_subject
            if subject is None:
                first = mention_before(masked, lo, _first_verbish(masked, lo, v0))
                subject = first[0] if first else None
            content = _kind_and_span(norm, marks, start, hi)
            if content and subject is not None:
                out.append(_Stmt(content[0], content[1], content[2], subject, v0, v1))
            continue
        found = mention_before(masked, lo, v0)
        mention: Mention | None = found[0] if found else None
        if mention is not None and not _agrees(masked, mention, masked[v0:v1]):
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
            elif re.search(r"(?:\band|\bbut|,)$", strip_aux(left_of_cue)) and len(left_of_cue) > 8:
                # "survived five years in prison and says ...": the clause's subject speaks
                mention = main_subject
                if mention is None:
                    first = mention_before(masked, lo, _first_verbish(masked, lo, v0))
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
        lead = None if inverted else _content_after(norm, masked, v1, hi, lemma)
        # an explicit clause after the cue ("said that ...", "said: ...", "told reporters he
        # ...") wins over reading the words before the subject as the content, unless a
        # quotation stands right before the subject ('"...," he said ...')
        prefer_lead = lead is not None and not pre.endswith(MASK)
        # ... but a bare noun phrase after the cue ("confirmed Monday in a meeting with X")
        # loses to a full clause before the subject
        if (
            prefer_lead
            and trailing_ok
            and lead is not None
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
        content = _kind_and_span(norm, marks, leading_end, lo + len(pre))
        if content is None or (content[0] == "indirect" and content[2] - content[1] < 12):
            # 'But, said Solovey, "I don't want ..."': the quotation after the cue is the content
            after_q = mention.end if inverted else v1
            q = re.match(rf"[^{MASK}.;]{{0,60}}?[,:]\s*(?={MASK})", masked[after_q:hi])
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
            tail = re.match(r"\s*(?:[\w\s.'\-]{0,40}?)?,\s*(?=\S)", masked[after:hi])
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
        m = re.match(rf"[^{MASK}]{{0,80}}?[,:]\s*(?={MASK})", masked[after:hi])
        if m and not re.search(r"[.;]", m.group()) and content[0] == "direct":
            q = _kind_and_span(norm, marks, after + m.end(), hi)
            if q and q[0] == "direct":
                out.append(_Stmt(q[0], q[1], q[2], mention, v0, v1, inverted, continues=idx))
    return _cut_coordinated(norm, masked, out)


_ADJUNCT = re.compile(
    r",\s+(?:as|while|when|after|before|because|although|though|whereas|even\s+as)\s+"
    r"(?:he|she|they|it|we|the|his|her|their|[A-Z])"
)


def _clause_end(masked: str, start: int, hi: int, cue: str = "") -> int:
    """End of a reported clause: before a trailing adjunct clause (", as he welcomed ...") or,
    when the cue's subject goes on with a second verb in the cue's tense ("called the merger
    \"a terrible deal\" and ranked Fiorina ..."), before that verb."""
    m = _ADJUNCT.search(masked, start, hi)
    if m and MASK not in masked[m.start() : hi] and m.start() - start > 20:
        hi = m.start()
    want = tag(cue.lower().split()[0]) if cue else ""
    want = "VBD" if want == "VBN" else want
    if want in ("VBD", "VBZ"):
        for c in re.finditer(r",?\s+and\s+(?:then\s+|also\s+)?([a-z]+)\b", masked[start:hi]):
            if (
                c.start() > 8
                and _same_tense(c.group(1), want)
                and not _has_subject_before(masked, start, start + c.start())
            ):
                return start + c.start()
    return hi


def _has_subject_before(masked: str, start: int, end: int) -> bool:
    """Does the reported clause have its own finite verb before ``end`` (so "and X-ed" is its)?"""
    return _has_finite_verb(masked, start, end, 40, skip=0)


def _cut_coordinated(norm: str, masked: str, stmts: list[_Stmt]) -> list[_Stmt]:
    """End a leading statement's content where a coordinated attribution begins.

    "Biden said A, and Kadhimi said B": the first content is "A", not "A, and Kadhimi said B".
    """
    out = list(stmts)
    for i, st in enumerate(out):
        for nxt in out[i + 1 :]:
            if nxt.mention == st.mention and st.start < nxt.verb_start < st.end:
                gap = masked[st.start : nxt.verb_start]
                m = re.search(r"(?:,\s*)?\b(?:and|but)\s+(?:also\s+|then\s+)?$", gap)
                if m:
                    end = _strip_span(norm, st.start, st.start + m.start())[1]
                    if end > st.start:
                        st = out[i] = st._replace(end=end)
                break
        for nxt in out[i + 1 :]:
            if nxt.mention is None or not (st.start < nxt.mention.start < st.end):
                continue
            gap = masked[st.start : nxt.mention.start]
            m = re.search(r"(?:,\s*(?:and|but|while|whereas)|;)\s*$", gap)
            if m:
                end = _strip_span(norm, st.start, st.start + m.start())[1]
                if end > st.start:
                    out[i] = st._replace(end=end)
                break
    return out


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
    sp = mention_after(masked, v1, hi)
    if sp is None:
        return None
    before = masked[lo:v0].rstrip()
    after_sp = masked[sp.end : hi]
    content = None
    if len(before.strip(" ,-")) > 8:
        if before.endswith(",") or before.endswith(MASK) or not after_sp.strip(" .,;"):
            end = lo + len(before)
            tail = re.match(r"\s*,\s*(?=\S)", after_sp)
            if tail and len(after_sp.strip(" .,;")) > 8:  # "X, according to Y, did Z"
                return (
                    _Stmt(*_kind_and_span(norm, marks, leading_end, hi) or ("", 0, 0), sp, v0, v1)
                    if _kind_and_span(norm, marks, leading_end, hi)
                    else None
                )
            content = _kind_and_span(norm, marks, leading_end, end)
    else:
        m = re.match(r"[^,]*,\s*", after_sp)
        if m:
            content = _kind_and_span(norm, marks, sp.end + m.end(), hi)
    if not content:
        return None
    return _Stmt(content[0], content[1], content[2], sp, v0, v1)


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
    colon = masked.rindex(":", sent.start, sent.end)
    cues = _find_cues(masked, sent.start, colon, lex)
    if not cues:
        return []
    v0, v1, _ = cues[-1]
    mention: Mention | None = None
    found = mention_before(masked, sent.start, v0)
    mention = found[0] if found else mention_after(masked, v1, colon)
    if mention is None:
        return []
    a, b = _strip_span(norm, mk.inner_start, mk.inner_end)
    return [_Stmt("direct", a, b, mention, v0, v1)] if b > a else []


def _agrees(masked: str, mention: Mention, cue: str) -> bool:
    """Subject-verb agreement: "helicopters suggests" is no attribution."""
    written = masked[mention.start : mention.end].split()[-1]
    head = written.lower()
    first = cue.lower().split()[0]
    if mention.role_start >= 0 or head.endswith(")") or not written.islower():
        return True
    plural = tag(head) == "NNS" and head not in ("news", "politics", "analysis", "series")
    if first.endswith("s") and not first.endswith("ss") and tag(first) in ("VBZ", "NNS"):
        return not plural
    return True


def _cat_any(word: str) -> bool:
    from framing.quotes.speakers import _cat

    return bool(_cat(word))


def _is_org_word(mention: str) -> bool:
    from framing.quotes.speakers import _cat

    words = mention.lower().split()
    return bool(words) and bool({"organisation", "government"} & _cat(words[-1]))


def _first_verbish(masked: str, lo: int, hi: int) -> int:
    """Offset of the first finite verb of a clause (where its subject ends)."""
    for m in re.finditer(r"[a-z][a-z']*", masked[lo:hi]):
        w = m.group()
        if is_finite_verb(w) or w in ("also", "declined", "refused") or tag(w) == "VBN":
            return lo + m.start()
    return hi


def _is_relative(masked: str, mention: Mention) -> bool:
    return masked[mention.start : mention.end].lower() in ("who", "which", "that")


# --- whole article --------------------------------------------------------------------------

_PRONOUN_MENTIONS = wordset("""he she him his her""")
_PLURAL_PRONOUNS = wordset("""they them we""")


def _embed_statements(norm: str, masked: str) -> list[tuple[int, int, Mention]]:
    """Embedded social-media posts: a line "— Name (@handle) date" after the post's text."""
    out = []
    for m in re.finditer(r"(?m)^[ ]*-[ ]+([^\n(]{2,60}?)[ ]*\(@\w+\)[^\n]*$", norm):
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


def _headline_statement(
    norm: str, masked: str, sent: _Sentence, known: Callable[[str], bool]
) -> _Stmt | None:
    """A headline "Biden: US combat mission in Iraq will be over by end of year"."""
    line = masked[sent.start : sent.end]
    m = re.match(r"([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}):\s+(?=\S)", line)
    if not m or (line.rstrip().endswith((".", "?")) and len(line) > 160):
        return None
    content = _strip_span(norm, sent.start + m.end(), sent.end)
    if content[1] - content[0] < 10:
        return None
    mention = Mention(sent.start, sent.start + m.end(1))
    if not known(norm[mention.start : mention.end]):
        return None
    colon = sent.start + m.end(1)
    inside = [mk for mk in find_marks(norm, norm) if False]
    del inside
    return _Stmt("indirect", content[0], content[1], mention, colon, colon + 1)


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
        if not found and k + 1 < len(sents) and masked[: sent.end].rstrip().endswith(":"):
            found = _colon_statement(norm, masked, marks, sent, sents[k + 1], lex)
        if not found and (k < 3 or "\n" in norm[sents[k - 1].end : sent.start]):
            head = _headline_statement(
                norm, masked, sent, lambda w: bool(resolve_name(w, names)[0]) or _is_org_word(w)
            )
            if head is not None:
                found = [head]
        base = len(stmts)
        for st in found:
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
    covered = [(s.start, s.end) for s, _ in stmts]
    extra: list[tuple[_Stmt, int]] = []
    for mk in marks:
        if any(a <= mk.inner_start and mk.inner_end <= b + 1 for a, b in covered):
            continue
        if any(a < mk.end and mk.start < b for a, b in covered):
            continue
        k = next((i for i, s in enumerate(sents) if s.start <= mk.start < s.end), -1)
        if k < 0:
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
        resolved.append(q._replace(continues=cont))
        history.append(resolved[-1])
    return resolved


def _previous_statement(
    stmts: list[tuple[_Stmt, int]], sents: list[_Sentence], k: int
) -> tuple[_Stmt, int] | None:
    """The statement a bare quotation in sentence ``k`` continues, if the text supports it."""
    para = sents[k].para
    best = None
    for i, (st, sk) in enumerate(stmts):
        if sk < k and st.mention is not None and sents[sk].para in (para, para - 1):
            if sents[sk].para == para - 1 and st.kind == "indirect":
                continue
            best = (st, i)
    if best is None:
        return None
    return best


def _resolve(
    text: str,
    norm: str,
    masked: str,
    st: _Stmt,
    names: NameIndex,
    history: list[Quote],
    lex: VerbLexicon,
) -> Quote:
    verb = text[st.verb_start : st.verb_end] if st.verb_start >= 0 else ""
    form = " ".join(verb.lower().split())
    entry = lex.entries.get(form)
    stance = entry.stance if entry else ("neutral" if form in (":", "according to") else "")
    if st.mention is None:
        return Quote(
            st.kind,
            st.start,
            st.end,
            verb=verb,
            verb_start=st.verb_start,
            verb_end=st.verb_end,
            verb_stance=stance,
        )
    m = st.mention
    written = text[m.start : m.end]
    if m.role_start >= 0 and written.split()[-1][:1].islower():
        # "Another delegate on the Cruz slate, Jim Poolman, said": the name is the appositive
        appos = " ".join(text[m.role_start : m.role_end].split())
        if re.fullmatch(r"(?:[A-Z][\w.'\-]*\s){1,3}[A-Z][\w'\-]+", appos):
            full, nrole = resolve_name(appos, names)
            return Quote(
                st.kind,
                st.start,
                st.end,
                full or appos,
                m.start,
                m.end,
                written,
                "person",
                " ".join(written.split()),
                verb,
                st.verb_start,
                st.verb_end,
                stance,
            )
    if st.pronoun_of >= 0:
        ante_text = text[st.pronoun_of : st.pronoun_end].rstrip(" ,")
        full, nrole = resolve_name(ante_text, names)
        speaker = full or " ".join(ante_text.split())
        stype = "person" if full else speaker_type(ante_text)
        return Quote(
            st.kind,
            st.start,
            st.end,
            speaker,
            m.start,
            m.end,
            written,
            stype,
            nrole,
            verb,
            st.verb_start,
            st.verb_end,
            stance,
        )
    role = " ".join(text[m.role_start : m.role_end].split()) if m.role_start >= 0 else ""
    low = written.lower()
    speaker, stype = "", "unknown"
    if low in _PRONOUN_MENTIONS:
        for q in reversed(history):
            if q.speaker_type == "person" and q.speaker:
                speaker, stype, role = q.speaker, "person", role or q.speaker_role
                break
        else:
            name = _last_name_before(names, m.start)
            stype = "person"
            if name:
                speaker = name
                role = role or names.roles.get(name, "")
    elif low in _PLURAL_PRONOUNS or low in ("it", "who", "which"):
        for q in reversed(history):
            if q.speaker_start >= 0 and m.start - q.speaker_start > 400:
                break  # "they"/"it" only refer back a sentence or two
            if low in ("it", "which") and q.speaker_type in ("organisation", "document"):
                speaker, stype = q.speaker, q.speaker_type
                break
            if low == "who" and q.speaker_type in ("person", "anonymous"):
                speaker, stype = q.speaker, q.speaker_type
                break
            if low in _PLURAL_PRONOUNS and q.speaker_type in ("group", "organisation"):
                speaker, stype = q.speaker, q.speaker_type
                break
        if not speaker:
            speaker = written
            stype = "group" if low in _PLURAL_PRONOUNS else "unknown"
    else:
        full, nrole = resolve_name(written, names)
        if full:
            speaker, stype = full, "person"
            role = role or nrole
            if written != full and not role:
                role = _leading_role(written)
        else:
            speaker = " ".join(written.split())
            stype = speaker_type(written)
            if stype == "person":
                role = role or _leading_role(written)
    if st.verb_start >= 0 and norm[st.verb_start : st.verb_end].lower().startswith("tweet"):
        stype = stype  # the speaker is still the person; the verb records the channel
    if st.verb_start < 0 and stype == "person":
        stype = "social media"
    return Quote(
        st.kind,
        st.start,
        st.end,
        speaker,
        m.start,
        m.end,
        written,
        stype,
        role,
        verb,
        st.verb_start,
        st.verb_end,
        stance,
    )


def _leading_role(written: str) -> str:
    words = written.split()
    k = len(words)
    while (
        k > 0
        and words[k - 1][:1].isupper()
        and not re.fullmatch(r"(?i)president|minister|secretary|gen\.|sen\.", words[k - 1])
    ):
        k -= 1
    return " ".join(words[:k]) if 0 < k < len(words) else ""


def _last_name_before(names: NameIndex, pos: int) -> str:
    best, best_pos = "", -1
    for name, start in names.starts.items():
        if best_pos < start < pos:
            best, best_pos = name, start
    return best


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
    """
    stmts = doc_quotes(doc)
    out = []
    for mk in _doc_marks(doc):
        attributed = any(q.start < mk.end and mk.start < q.end for q in stmts)
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


def _same_tense(word: str, want: str) -> bool:
    t = tag(word)
    if want == "VBD":
        return (t in ("VBD", "VBN") and word.endswith("ed")) or t == "VBD"
    return t == want or (t in ("NNS", "VBZ") and word.endswith("s") and tag(word[:-1]) == "VB")
