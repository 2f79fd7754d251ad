"""Cues and what follows them: reporting verbs in context and the clause each introduces.

The helpers here look at the words around one candidate cue (in the normalised text with
quotations masked): is it really a verb of saying here, and where does the reported clause
after it start ("said (that) ...", "told reporters that ...", "said: \"...\"", "urged X to ...",
"called the plan \"...\"")?
"""

from __future__ import annotations

import re
from bisect import bisect_left

from framing.quotes.marks import MASK
from framing.quotes.pos import is_finite_verb, tag, wordset
from framing.quotes.speakers import (
    Mention,
)
from framing.quotes.verbs import VerbLexicon, find_forms

# --- cue patterns ---------------------------------------------------------------------------

_TELL_LEMMAS = wordset("""tell inform assure remind warn advise brief ask urge caution promise""")
_THAT = re.compile(r"\bthat\b")
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
    """show find support oppose allege question announce deny reject dismiss dispute refute
    criticize criticise praise hail accuse condemn denounce decry blast slam attack stress
    emphasize emphasise reiterate reaffirm confirm reveal acknowledge admit concede cite
    describe explain propose recommend demand urge promise pledge vow predict question defend
    endorse applaud welcome lament blame tout highlight underline underscore"""
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


_NEGATED = re.compile(
    r"(?:\bnot|n't|\bnever|(?<!\bon\s)(?<!\btwitter\s)\bto|\bwould\s+not|\bdeclined\s+to|\brefused\s+to|\bwhat|"
    r"\bwhen|\bhow|\bunable\s+to|\bhas\s+yet\s+to)\s*$",
    re.IGNORECASE,
)
# Every match of _NEGATED ends (before white space) with one of these.
_NEGATED_ENDS = ("not", "n't", "never", "to", "what", "when", "how")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:[a-z]+ly\s+)?$")
# What the text before white space at the end ends with in every match of _PASSIVE: a cheap
# test that spares the search (which tries every position) before most cues.
_PASSIVE_ENDS = ("is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "ly")
_IRREGULAR_PARTICIPLES = wordset("said told written spoken shown known found")
_PARTICIPLE_ONLY = wordset("""spoken written shown known gone""")
_NOUN_BEFORE = wordset("""a an the these those his her their its our my your no""")


_WORD_BEFORE_ADVERBS_RE1 = re.compile(r"[\w'\-]+")


def _word_before_adverbs(before: str) -> str:
    """The last word of ``before`` that is not an adverb ("could only quip" -> "could")."""
    words = _WORD_BEFORE_ADVERBS_RE1.findall(before)
    while words and (
        words[-1].lower() in ("only", "also", "just", "still") or words[-1].endswith("ly")
    ):
        words.pop()
    return words[-1] if words else ""


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


_HEADLINE_CASE_RE1 = re.compile(r"[A-Za-z][\w'\-]*")


def _headline_case(masked: str, lo: int, hi: int) -> bool:
    words = _HEADLINE_CASE_RE1.findall(masked[lo:hi])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_FIND_CUES_RE2 = re.compile(r"\b(?:has|have|had|having)\s+$")


def _last_word(text: str) -> str:
    r"""The last run of ``[\w'\-]`` characters of ``text`` before trailing white space, or "".

    The same as ``re.search(r"([\w'\-]+)\s*$", text).group(1)`` (or "" with no match): the
    match must end where the white space at the end begins, and the search finds its
    leftmost start, the start of the run. ``str.isalnum`` and ``str.isspace`` (``rstrip``)
    are the tests ``\w`` and ``\s`` make on str patterns. Walking back over a few characters
    is cheaper than the search, which tries every start in the window.
    """
    end = len(text.rstrip())
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'-"):
        start -= 1
    return text[start:end]


# _ACCORDING without its final \b, searched once per text (see _according_starts). Written to
# match from the "g" (a match starts 8 characters earlier): a pattern that begins with a
# character class is searched for that character in C, one that begins with a look-behind
# is tried at every position (3x slower). The same matches: the look-behind checks
# "according" and the character before it.
_ACCORDING_LOOSE = re.compile(r"g(?<=(?<![\w-])according)\s+to", re.IGNORECASE)
# (text, starts of _ACCORDING_LOOSE matches) for the last few texts, most recent first.
_ACCORDING_SEEN: list[tuple[str, list[int]]] = []


def _according_starts(masked: str) -> list[int]:
    r"""Starts of the loose "according to" matches in ``masked`` (computed once per text).

    A match of ``_ACCORDING`` in a window ``masked[lo:hi]`` is a match of the loose pattern
    in the whole text at the same start (the look-behind sees before ``lo`` either way; only
    the final ``\b`` can hold at ``hi`` and not in the whole text), so a window with no loose
    start inside it holds no match, and most sentences skip the search.
    """
    for text, starts in _ACCORDING_SEEN:
        if text is masked:
            return starts
    starts = [m.start() - 8 for m in _ACCORDING_LOOSE.finditer(masked)]
    _ACCORDING_SEEN.insert(0, (masked, starts))
    del _ACCORDING_SEEN[4:]
    return starts


def _find_cues(masked: str, lo: int, hi: int, lexicon: VerbLexicon) -> list[tuple[int, int, str]]:
    """Candidate cues in a sentence: (start, end, lemma), in text order."""
    cues = []
    headline = None
    entries = lexicon.entries
    skip_kinds = lexicon.skip_kinds
    for start, end, form in find_forms(lexicon, masked, lo, hi):
        entry = entries.get(form)
        if entry is None or entry.kind in skip_kinds:
            continue
        if masked[start].isupper():
            if headline is None:
                headline = _headline_case(masked, lo, hi)
            if not headline:
                continue
        before = masked[max(lo, start - 40) : start]
        stripped = before.rstrip()
        if stripped.lower().endswith(_NEGATED_ENDS) and _NEGATED.search(before):
            continue
        if form in _PARTICIPLE_ONLY and not _FIND_CUES_RE2.search(before):
            continue
        # (cheap tests first: the search has no side effect)
        if (
            (form.endswith("ed") or form in _IRREGULAR_PARTICIPLES)
            and stripped.endswith(_PASSIVE_ENDS)
            and _PASSIVE.search(before)
        ):
            continue  # "are easily refuted", "was told": the subject is not the speaker
        pword = _last_word(before)
        if not pword:
            cues.append((start, end, entry.lemma))  # every test below needs a word before
            continue
        possessive = pword.endswith("'s") and pword.lower()[:-2] not in (
            "he",
            "she",
            "it",
            "that",
            "who",
            "there",
            "what",
        )
        if pword.lower() in _NOUN_BEFORE or possessive:
            continue  # "the reported attacks", "the military's announced withdrawal"
        if (
            form in ("called", "dubbed", "titled", "named")
            and pword.islower()
            and tag(pword) in ("NN", "NNS")
            and not _cat_any(pword)
        ):
            continue  # "a group called Our Principles": a name, not a statement
        if (
            " " not in form
            and entry.lemma == form
            and tag(form).startswith("NN")
            and not _base_subject(_word_before_adverbs(before))
        ):
            continue  # "the anchor show", "GOP-dominated state": a base form needs "they say"
        if tag(form.split()[0]).startswith("NN"):
            pw = pword.lower()
            pt = tag(pw)
            if pt in ("JJ", "PRP$", "DT", "CD"):
                continue
            if pt == "NN" and not form.endswith("s") and not form.endswith("ed"):
                continue
            if tag(form.split()[0]) == "NNS" and not (
                pword[:1].isupper()
                or pw in ("he", "she", "it", "who", "which", "that", "this")
                or (_speaker_noun(pw) and not pw.endswith("s"))
            ):
                continue  # "in 11 swing states holding ...": a plural noun, not "X states"
        cues.append((start, end, entry.lemma))
    starts = _according_starts(masked)
    if starts:
        i = bisect_left(starts, lo)
        if i < len(starts) and starts[i] < hi:
            for m in _ACCORDING.finditer(masked, lo, hi):
                cues.append((m.start(), m.end(), "according to"))
    cues.sort()
    return cues


# Directives and commitments report their content as an infinitive: "vowed to take his
# campaign to the convention", "urged Congress to act", "asked the committee to preserve them".
# Cues too common in other senses to take a bare clause: "the borrowing continued ...".
_TRAILING_BLOCKED_RE1 = re.compile(r"\s*to\s+([a-z]+)")


def _trailing_blocked(masked: str, v1: int, hi: int) -> bool:
    """True when words after a cue show it is no trailing attribution ("continue to be")."""
    m = _TRAILING_BLOCKED_RE1.match(masked[v1:hi])
    return bool(m and tag(m.group(1)) == "VB")


# Cues whose content can be the topic after "about" / "of" / "on".
_ABOUT_LEMMAS = wordset(
    """talk speak joke complain boast brag warn write comment rant testify tweet post testify
    remark lament muse"""
)
_EXPLICIT_ONLY = wordset("continue go on repeat agree conclude find show")
_INFINITIVE_LEMMAS = wordset(
    """vow pledge promise urge ask call on warn threaten demand offer propose request order
    advise instruct implore appeal plead encourage caution remind tell call for want hope expect
    plan intend seem appear"""
)


_INFINITIVE_RE1 = re.compile(rf"\s*(?:[\w.'\-]+\s+){{0,6}}?(?:not\s+)?(?=to\s+(?:[a-z]|{MASK}))")
_INFINITIVE_RE2 = re.compile(rf"to\s+(?:[a-z]+ly\s+)?([a-z]+|{MASK})")


def _infinitive(rest: str, lemma: str) -> int | None:
    if lemma not in _INFINITIVE_LEMMAS:
        return None
    m = _INFINITIVE_RE1.match(rest)
    if not m:
        return None
    word = _INFINITIVE_RE2.match(rest[m.end() :])
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


_HAS_FINITE_VERB_RE1 = re.compile(r"\bto\s+[a-z]+")
_HAS_FINITE_VERB_RE2 = re.compile(r"\bto\s+([a-z]+)")
_WORDS = re.compile(r"[\w'\-]+")
_WORDS_OR_MASK = re.compile(rf"[\w'\-]+|{MASK}+")


def _has_finite_verb(
    masked: str, start: int, hi: int, limit: int = 14, *, lenient: bool = False, skip: int = 1
) -> bool:
    """Does ``masked[start:hi]`` hold a finite verb after its first ``skip`` words?

    Strict: a word whose usual tag is VBD/VBZ/VBP/MD, or a pronoun contraction ("he's").
    ``lenient`` also takes VBN and VB (for the clause right after "said": "the economy made it
    risky", "his friends feel").
    """
    window = masked[start : min(hi, start + 200)]
    words = (_WORDS_OR_MASK if lenient else _WORDS).findall(window)[:limit]
    if lenient and any(
        w[0] == MASK and (words[k - 1][0].isupper() or tag(words[k - 1].lower()) in _SUBJ_TAGS)
        for k, w in enumerate(words[1:], 1)
    ):
        return True  # 'said he "cannot walk down the street"'
    if lenient and "to" in window and _HAS_FINITE_VERB_RE1.search(window):  # (cheap test first)
        m = _HAS_FINITE_VERB_RE2.search(window)
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


_CONTENT_AFTER_RE1 = re.compile(rf"\s*[,:]?\s*(?={MASK})")
_CONTENT_AFTER_RE2 = re.compile(r"\s*:\s*")
_CONTENT_AFTER_RE3 = re.compile(rf"[^{MASK}.;:]{{1,80}}?[:,]\s*(?={MASK})")
_CONTENT_AFTER_RE4 = re.compile(rf"\s*(?:as|it|them|him|her|this)\s+(?={MASK})")
_CONTENT_AFTER_RE5 = re.compile(r"\s*,?\s*that\b")
_CONTENT_AFTER_RE6 = re.compile(r"\s*(?:about|of|on)\s+(?=\S)")
_CONTENT_AFTER_RE7 = re.compile(r"\s*[,:]?\s*")
_CONTENT_AFTER_RE8 = re.compile(r"[\w.'\-]+")
_CONTENT_AFTER_RE9 = re.compile(rf"\s*(?:,\s*|:\s*|that\b\s*)(?={MASK}|\S)")
_CONTENT_AFTER_RE10 = re.compile(
    r"\s*(?:(?:the|a|an|his|her|their|its|our|my|some|several|two|three)\s+"
    r"(?:(?!(?:as|when|while|because|if|after|before)\b)[\w.'\-]+\s+){0,3}?"
    r"(?!(?:as|when|while|because|if|after|before)\b)[\w.'\-]+"
    r"(?=\s+(?:that|on|in|at|during|after|before|"
    r"ahead|last|this|about|[a-z]+day|he|she|they|it|we|there)\b|\s*[,:.])"
    r"|him|her|them|us|me|you|reporters|journalists|[A-Za-z.'\-]+(?:\s+[A-Z][\w.'\-]*)*)"
)
_CONTENT_AFTER_RE11 = re.compile(r"[;]")
_CONTENT_AFTER_RE12 = re.compile(r"\s*(?:he|she|they|it|we|i|there)\b")
_CONTENT_AFTER_RE13 = re.compile(rf"\s*(?:[,:]\s*{MASK}|:|that\b)")
_CONTENT_AFTER_RE14 = re.compile(r"[\s,]*(?:[\w.'\-]+[\s,]+){0,12}")
_CONTENT_AFTER_RE15 = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|be)\b")
_CONTENT_AFTER_RE16 = re.compile(r"[.;:]")
_CONTENT_AFTER_RE17 = re.compile(r"[,.;]")


def _content_after(
    norm: str, masked: str, v_end: int, hi: int, lemma: str, *, beliefs: bool = False
) -> int | None:
    """Where the reported clause starts after a cue ending at ``v_end``, or None.

    ``beliefs``: evidence verbs ("polls show ...", "the study found ...") may take a bare
    clause or noun phrase, as they do when attributed beliefs are wanted.
    """
    rest = masked[v_end:hi]
    if not rest.strip(" .,;!?"):
        return None
    m = _CONTENT_AFTER_RE1.match(rest)
    if m:
        return v_end + m.end()
    m = _CONTENT_AFTER_RE2.match(rest)
    if m:
        return v_end + m.end()
    # 'said of the request: "..."', 'added about Carson: "..."', 'said in a statement, "..."'
    m = _CONTENT_AFTER_RE3.match(rest)
    if m and not _has_finite_verb(masked, v_end, v_end + m.end(), 20, skip=0):
        return v_end + m.end()
    m = _CONTENT_AFTER_RE4.match(rest)
    if m:
        return v_end + m.end()
    m = _CONTENT_AFTER_RE5.match(rest)
    if m:
        return v_end + m.end()
    if lemma in _EXPLICIT_ONLY and not (beliefs and lemma in ("show", "find")):
        e = _CONTENT_AFTER_RE9.match(rest)
        if not e or not _CONTENT_AFTER_RE13.match(rest):
            return None
    about = _CONTENT_AFTER_RE6.match(rest)
    if about and lemma in _ABOUT_LEMMAS:
        return v_end + about.end()  # "joked about coloring her hair", "spoke of a rebirth"
    if lemma in ("talk", "speak"):
        return None  # "spoke at a rally": only "spoke about/of ..." reports something
    inf = _infinitive(rest, lemma)
    if inf is not None:
        return v_end + inf
    # "that" a little later, past an object or adverbials
    t = _THAT.search(rest[:160])
    if t and MASK not in rest[: t.start()] and not _CONTENT_AFTER_RE11.search(rest[: t.start()]):
        between = rest[: t.start()]
        if (
            lemma in _TELL_LEMMAS or _CONTENT_AFTER_RE14.fullmatch(between)
        ) and not _CONTENT_AFTER_RE15.search(between):
            return v_end + t.end()
    if _BAD_AFTER.match(rest) and lemma not in ("according to",):
        return None
    if lemma in ("ask", "wonder", "question"):
        wh = _WH.search(rest[:120])
        if wh and not _CONTENT_AFTER_RE16.search(rest[: wh.start()]):
            return v_end + wh.start()
        if lemma != "question":
            return None
    if lemma in ("call",):  # called X "Y": the quotation must come within a few words
        q = rest.find(MASK)
        if 0 <= q < 60 and not _CONTENT_AFTER_RE17.search(rest[:q]):
            return v_end
        return None
    pos = 0
    if lemma in _TELL_LEMMAS and not _CONTENT_AFTER_RE12.match(rest):
        # skip the object: "told reporters", "told The Associated Press on Sunday"
        m = _CONTENT_AFTER_RE10.match(rest)
        if not m:
            return None
        pos = m.end()
    for _ in range(3):
        pp = _PP.match(rest, pos)
        if not pp or pp.end() == pos:
            break
        pos = pp.end()
    m = _CONTENT_AFTER_RE7.match(rest[pos:])
    pos += m.end() if m else 0
    if pos >= len(rest):
        return v_end + pos if rest.rstrip().endswith(":") else None
    if rest[pos] == MASK:
        return v_end + pos
    word = _CONTENT_AFTER_RE8.match(rest[pos:])
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


_AGREES_RE1 = re.compile(
    r"\b(?:would|will|can|could|did|does|do|may|might|should|must|to)\b|'ll|'d"
)


def _agrees(masked: str, mention: Mention, cue: str, cue_start: int = -1) -> bool:
    """Subject-verb agreement: "helicopters suggests" is no attribution."""
    written = masked[mention.start : mention.end].split()[-1]
    head = written.lower()
    first = cue.lower().split()[0]
    between = masked[mention.end : cue_start] if cue_start >= 0 else ""
    if (
        head in ("he", "she", "it")
        and tag(first) in ("VB", "VBP")
        and not first.endswith("ed")
        and not _AGREES_RE1.search(between)
    ):
        return False  # "He deny": the cue is no verb of this subject
    if mention.role_start >= 0 or head.endswith(")") or not written.islower():
        return True
    plural = tag(head) == "NNS" and head not in ("news", "politics", "analysis", "series")
    if first.endswith("s") and not first.endswith("ss") and tag(first) in ("VBZ", "NNS"):
        return not plural
    return True


def _speaker_noun(word: str) -> bool:
    from framing.quotes.speakers import _cat

    return bool(_cat(word) & {"anonymous", "group", "organisation", "document", "social"})


def _cat_any(word: str) -> bool:
    from framing.quotes.speakers import _cat

    return bool(_cat(word))


def _is_org_word(mention: str) -> bool:
    from framing.quotes.speakers import _cat

    words = mention.lower().split()
    return bool(words) and bool({"organisation", "government"} & _cat(words[-1]))


_FIRST_VERBISH_RE1 = re.compile(r"(?<![\w'-])[A-Za-z][a-z']*")


def _first_verbish(masked: str, lo: int, hi: int) -> int:
    """Offset of the first finite verb of a clause (where its subject ends)."""
    prev = ""
    for m in _FIRST_VERBISH_RE1.finditer(masked[lo:hi]):
        w = m.group()
        after_det = prev in _NOUN_BEFORE or prev in ("the", "a", "an")
        prev = w.lower()
        if not w.islower():
            continue
        t = tag(w)
        if is_finite_verb(w) and not (after_det and t in ("VBD", "VBN")):
            return lo + m.start()
        if w in ("also", "declined", "refused"):
            return lo + m.start()
        if not after_det and (t == "VBN" or (not t and w.endswith("ed"))):
            return lo + m.start()  # "ratcheted": not in the lexicon, but a past tense
    return hi


_COORDINATED_SUBJECT_RE1 = re.compile(r"(?<![\w'-])[a-z][a-z']*")


def _coordinated_subject(masked: str, lo: int, v0: int) -> int:
    """Where the subject of "X knocked Rubio and called him ..." ends: before "knocked"."""
    left = masked[lo:v0]
    verbs = [
        m
        for m in _COORDINATED_SUBJECT_RE1.finditer(left)
        if is_finite_verb(m.group()) or (not tag(m.group()) and m.group().endswith("ed"))
    ]
    return lo + verbs[-1].start() if verbs else v0


def _is_relative(masked: str, mention: Mention) -> bool:
    return masked[mention.start : mention.end].lower() in ("who", "which", "that")
