"""Score ``framing.quotes`` on PolNeAR (Newell, Margolin & Ruths, LREC 2018), Citron-style.

Usage::

    .venv/bin/python benchmarks/attribution_polnear.py [--data DIR] [--split dev]

(default ``--data``: ``../shared/data/polnear/data``).

``--data`` is a folder with ``<split>/text/*.txt`` and ``<split>/attributions/*.ann`` (brat
standoff: Source / Cue / Content spans tied by Attribution events). Articles annotated twice
are scored against the first annotator's file (sorted by name).

Metrics (following Citron, Newell et al. 2021, and the PARC/PolNeAR evaluation):

- **content P/R/F1 (overlap)**: predicted statement contents and gold contents are matched
  one-to-one, greedily by largest character overlap; a pair counts when the spans overlap.
  Rows linked by ``continues`` are merged into one predicted statement (their union) before
  matching, since they are parts of one statement.
- **quoted / unquoted**: the same, split by whether the gold content contains a quotation mark
  (predictions: ``kind`` direct or partial counts as quoted).
- **cue P/R/F1 (overlap)**: predicted cue spans vs gold cue spans, one-to-one by overlap.
- **source accuracy**: over matched content pairs, the share whose predicted mention
  (``speaker_start:speaker_end``) overlaps the gold Source span (both absent counts as right);
  ``source exact`` requires identical spans (after trimming a trailing comma/space).
- **end-to-end P/R/F1**: a pair counts when the content matches and the source is right.
- **articles/s**: extraction only (``doc_quotes`` on fresh ``Doc`` objects, sentence splitting
  included; lexicons loaded before timing), one process; per CPU second (what one core does,
  robust to other load on the machine) and per wall-clock second.

``--beliefs`` scores ``quotes(..., beliefs=True)``, which also reports attributed beliefs and
plans ("analysts believe ...", "he wants to ..."): PolNeAR annotates those as attributions, so
this is the fairer setting for the *all relations* scope.

Scopes: *all* relations, and *speech* relations: those whose gold cue contains a
communication verb or "according to" (list below; written for this benchmark, independent of
the package lexicon). For a scope, recall counts gold relations in the scope; precision counts
predictions matched to gold in the scope plus unmatched predictions (predictions matched to
gold outside the scope are left out of that scope's precision).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from framing.quotes import doc_quotes, extract_quotes  # noqa: E402
from framing.quotes.verbs import load_verbs  # noqa: E402
from framing.text import Doc  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear" / "data"

SPEECH = re.compile(
    r"\b(?:according\s+to|"
    r"(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|write|writes|wrote|"
    r"written|writing|note|notes|noted|noting|ask|asks|asked|asking|claim|claims|claimed|"
    r"claiming|argue|argues|argued|arguing|explain|explains|explained|explaining|report|reports|"
    r"reported|reporting|announce|announces|announced|announcing|state|states|stated|stating|"
    r"declare|declares|declared|declaring|insist|insists|insisted|insisting|suggest|suggests|"
    r"suggested|suggesting|warn|warns|warned|warning|respond|responds|responded|responding|"
    r"reply|replies|replied|replying|tweet|tweets|tweeted|tweeting|recall|recalls|recalled|"
    r"recalling|acknowledge|acknowledges|acknowledged|acknowledging|admit|admits|admitted|"
    r"admitting|deny|denies|denied|denying|comment|comments|commented|commenting|describe|"
    r"describes|described|describing|urge|urges|urged|urging|predict|predicts|predicted|"
    r"predicting|testify|testified|testifies|post|posted|posts|quote|quoted|quotes|cite|cites|"
    r"cited|citing|emphasize|emphasized|emphasizes|emphasizing|stress|stressed|stresses|"
    r"stressing|point(?:s|ed|ing)?\s+out|conclude|concluded|concludes|confirm|confirmed|"
    r"confirms|confirming|reveal|revealed|reveals|mention|mentioned|mentions|remark|remarked|"
    r"remarks|assert|asserted|asserts|allege|alleged|alleges|vow|vowed|vows|promise|promised|"
    r"promises|pledge|pledged|pledges|accuse|accused|accuses|accusing|criticize|criticized|"
    r"criticizes|criticizing|praise|praised|praises|praising|call|called|calls|calling|"
    r"reiterate|reiterated|reiterates|maintain|maintained|maintains|contend|contended|contends|"
    r"counter|countered|counters|boast|boasted|boasts|complain|complained|complains|joke|"
    r"joked|jokes|quip|quipped|shout|shouted|declined\s+to\s+(?:say|comment)|speak|spoke|"
    r"speaking|spoken|agree|agreed|agrees|announce|repeat|repeated|repeats|continue|continued|"
    r"continues|went\s+on|demand|demanded|demands|insist|tout|touted|touts|brag|bragged|blast|"
    r"blasted|slam|slammed|attack|attacked|question|questioned|wonder|wondered|inform|informed|"
    r"assure|assured|answer|answered|observe|observed|announce))\b",
    re.IGNORECASE,
)


class Gold(NamedTuple):
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    quoted: bool
    speech: bool


class Pred(NamedTuple):
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    quoted: bool


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            tid, info = fields[0], fields[1]
            typ, _, offs = info.partition(" ")
            parts = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
            spans[tid] = (typ, [(a, b) for a, b in parts])
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1].split())
    out = []
    for ev in events:
        roles: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for arg in ev[1:]:
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role)
            if tid in spans:
                roles[role].extend(spans[tid][1])
        if not roles.get("Content"):
            continue
        ctext = " ".join(text[a:b] for a, b in roles["Content"])
        cue_text = " ".join(text[a:b] for a, b in roles.get("Cue", []))
        out.append(
            Gold(
                roles["Content"],
                roles.get("Cue", []),
                roles.get("Source", []),
                bool(re.search('["\u201c\u201d]', ctext)),
                bool(SPEECH.search(cue_text)),
            )
        )
    return out


def predictions(doc: Doc, *, beliefs: bool = False) -> list[Pred]:
    qs = extract_quotes(doc, lexicon=load_verbs(beliefs=True)) if beliefs else doc_quotes(doc)
    groups: dict[int, list[int]] = {}
    for i in range(len(qs)):
        root = i
        while qs[root].continues >= 0 and qs[root].continues != root:
            root = qs[root].continues
        groups.setdefault(root, []).append(i)
    out = []
    for root, members in groups.items():
        q = qs[root]
        out.append(
            Pred(
                [(qs[i].start, qs[i].end) for i in members],
                (q.verb_start, q.verb_end) if q.verb_start >= 0 else None,
                (q.speaker_start, q.speaker_end) if q.speaker_start >= 0 else None,
                q.kind in ("direct", "partial"),
            )
        )
    return out


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(preds: list[list[tuple[int, int]]], golds: list[list[tuple[int, int]]]) -> dict[int, int]:
    """One-to-one matching by largest overlap: {pred index: gold index}."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = overlap(p, g)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = {}
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out[i] = j
    return out


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while b > a and text[b - 1] in " ,":
        b -= 1
    return a, b


class Counts:
    def __init__(self) -> None:
        self.c: dict[str, float] = defaultdict(float)

    def prf(self, tp: str, npred: str, ngold: str) -> tuple[float, float, float]:
        p = self.c[tp] / self.c[npred] if self.c[npred] else 0.0
        r = self.c[tp + "_g"] / self.c[ngold] if self.c[ngold] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_article(text: str, golds: list[Gold], preds: list[Pred], c: dict[str, float]) -> None:
    m = match([p.content for p in preds], [g.content for g in golds])
    matched_gold = {j: i for i, j in m.items()}
    for scope in ("all", "speech"):
        in_scope = [scope == "all" or g.speech for g in golds]
        for sub in ("", "_q", "_u"):

            def gold_ok(g: Gold, sub: str = sub) -> bool:
                return sub == "" or (g.quoted if sub == "_q" else not g.quoted)

            def pred_ok(p: Pred, sub: str = sub) -> bool:
                return sub == "" or (p.quoted if sub == "_q" else not p.quoted)

            key = f"{scope}{sub}"
            for j, g in enumerate(golds):
                if in_scope[j] and gold_ok(g):
                    c[key + "_gold"] += 1
                    if j in matched_gold:
                        c[key + "_tp_g"] += 1
            for i, p in enumerate(preds):
                if i in m:
                    j = m[i]
                    if in_scope[j] and gold_ok(golds[j]):
                        c[key + "_tp"] += 1
                        c[key + "_pred"] += 1
                elif pred_ok(p):
                    c[key + "_pred"] += 1
        # source accuracy and end-to-end
        for i, j in m.items():
            if not in_scope[j]:
                continue
            g, p = golds[j], preds[i]
            if not g.source:
                ok = p.source is None
                exact = ok
            else:
                ok = p.source is not None and overlap([p.source], g.source) > 0
                exact = p.source is not None and _trim(text, p.source) == _trim(
                    text, (g.source[0][0], g.source[-1][1])
                )
            c[scope + "_src_n"] += 1
            c[scope + "_src_ok"] += ok
            c[scope + "_src_exact"] += exact
            c[scope + "_e2e_tp"] += ok
            c[scope + "_e2e_tp_g"] += ok
        c[scope + "_e2e_pred"] = c[scope + "_pred"]
        c[scope + "_e2e_gold"] = c[scope + "_gold"]
        # cues
        gcues = [(j, g.cue) for j, g in enumerate(golds) if g.cue]
        pcues = sorted({p.cue for p in preds if p.cue is not None})
        cm = match([[pc] for pc in pcues], [gc for _, gc in gcues])
        cm_g = {v: k for k, v in cm.items()}
        for k, (j, _) in enumerate(gcues):
            if in_scope[j]:
                c[scope + "_cue_gold"] += 1
                if k in cm_g:
                    c[scope + "_cue_tp_g"] += 1
        for k in range(len(pcues)):
            if k in cm:
                if in_scope[gcues[cm[k]][0]]:
                    c[scope + "_cue_tp"] += 1
                    c[scope + "_cue_pred"] += 1
            else:
                c[scope + "_cue_pred"] += 1


def load_split(data: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    root = data / split
    ann_dir = root / "attributions"
    out = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted(ann_dir.glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, read_ann(anns[0], text)))
    return out


def run(data: Path, split: str, *, beliefs: bool = False) -> dict[str, float]:
    articles = load_split(data, split)
    c: dict[str, float] = defaultdict(float)
    predictions(Doc("Warm-up: lexicons load once, before timing, Biden said."), beliefs=beliefs)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    all_preds = [
        predictions(Doc(text, article_id=name), beliefs=beliefs) for name, text, _ in articles
    ]
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    for (_, text, golds), preds in zip(articles, all_preds, strict=True):
        score_article(text, golds, preds, c)
    c["articles"] = len(articles)
    c["seconds"] = elapsed
    c["cpu_seconds"] = cpu
    return c


def _prf(c: dict[str, float], key: str) -> tuple[float, float, float]:
    p = c[key + "_tp"] / c[key + "_pred"] if c[key + "_pred"] else 0.0
    r = c[key + "_tp_g"] / c[key + "_gold"] if c[key + "_gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(c: dict[str, float], split: str) -> str:
    lines = [
        f"PolNeAR {split}: {int(c['articles'])} articles, "
        f"{c['articles'] / c['cpu_seconds']:.0f} articles per CPU second "
        f"({c['articles'] / c['seconds']:.0f} per wall-clock second; one process)",
        "",
        "| scope | gold | content P | content R | content F1 | quoted F1 | unquoted F1 "
        "| cue F1 | source acc | source exact | end-to-end F1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for scope in ("speech", "all"):
        p, r, f = _prf(c, scope)
        fq = _prf(c, scope + "_q")[2]
        fu = _prf(c, scope + "_u")[2]
        fc = _prf(c, scope + "_cue")[2]
        src = c[scope + "_src_ok"] / c[scope + "_src_n"] if c[scope + "_src_n"] else 0.0
        exact = c[scope + "_src_exact"] / c[scope + "_src_n"] if c[scope + "_src_n"] else 0.0
        fe = _prf(c, scope + "_e2e")[2]
        lines.append(
            f"| {scope} | {int(c[scope + '_gold'])} | {p:.3f} | {r:.3f} | {f:.3f} | {fq:.3f} "
            f"| {fu:.3f} | {fc:.3f} | {src:.3f} | {exact:.3f} | {fe:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR data folder")
    ap.add_argument("--split", default="dev", help="split folder under --data (default: dev)")
    ap.add_argument(
        "--beliefs",
        action="store_true",
        help="score quotes(..., beliefs=True): attributed beliefs and plans count too",
    )
    args = ap.parse_args(argv)
    if not (args.data / args.split / "text").is_dir():
        print(f"no {args.split}/text under {args.data}", file=sys.stderr)
        return 2
    label = args.split + (" (beliefs=True)" if args.beliefs else "")
    print(report(run(args.data, args.split, beliefs=args.beliefs), label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
