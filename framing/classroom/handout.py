"""The printable handout: the articles, the bias types and the prediction grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from framing.classroom.bias_types import BIAS_TYPES
from framing.classroom.exercise import Exercise
from framing.report.safe import bidi, csp_meta, esc, link
from framing.style import stylesheet

__all__ = ["handout_from_source"]


def handout_from_source(
    source: str | Path,
    out: str | Path,
    *,
    answers: bool = False,
    actors: str | Path | None = None,
    **load_options: Any,
) -> Path:
    """Load a corpus and write the printable handout: what ``framing handout`` runs.

    Args:
        source: Anything :func:`framing.load_corpus` reads.
        out: Path of the HTML file to write.
        answers: Write the teacher's copy (with the measured evidence) instead.
        actors: Actor file (default: ``actors.tsv`` beside or inside ``source``, if any).
        **load_options: Passed to :func:`framing.load_corpus`.

    Returns:
        The path written.
    """
    from framing.corpus import load_corpus
    from framing.report import actors_beside

    if actors is not None and not Path(actors).is_file():
        raise FileNotFoundError(f"{actors}: actor file not found")
    articles = load_corpus(source, **load_options)
    exercise = Exercise(articles, actors=actors or actors_beside(source))
    return exercise.write_handout(out, answers=answers)


def _paragraphs(text: str) -> str:
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    return "".join(f'<p><span class="ln">{i}</span>{esc(p)}</p>' for i, p in enumerate(paras, 1))


def _handout(ex: Exercise, *, title: str, answers: bool) -> str:
    outlets = ex.outlets
    steps = (
        "<ol class='steps'>"
        "<li>Read every article once, all the way through, without marking anything.</li>"
        "<li>Read the seven types of bias below.</li>"
        "<li>Read the articles again. For each type, write in the grid which outlet you think "
        "shows it most, and copy the words or the paragraph number that made you think so.</li>"
        "<li>Your teacher will then show what the computer measured. Where do you agree? "
        "Where did the computer miss something you saw, or find something you missed?</li>"
        "</ol>"
    )
    types = "".join(
        f"<div><dt>{esc(b.name)}</dt><dd>{esc(b.what)} <em>Look for:</em> "
        f"{esc(b.look_for)}</dd></div>"
        for b in BIAS_TYPES
    )
    articles = []
    rank = {o: i for i, o in enumerate(outlets)}
    for rec in sorted(ex.articles.to_dict("records"), key=lambda r: rank.get(str(r["outlet"]), 99)):
        head = bidi(rec["outlet"])
        t = rec.get("title")
        if isinstance(t, str) and t.strip():
            head += f": <em>{bidi(t)}</em>"
        url = rec.get("url")
        source = f'<p class="small">{link(url.strip())}</p>' if isinstance(url, str) else ""
        articles.append(
            f'<div class="article"><h3>{head}</h3>{source}{_paragraphs(str(rec["text"]))}</div>'
        )
    head_cells = "".join(f"<th>{esc(o)}</th>" for o in outlets)
    grid_rows = "".join(
        f"<tr><td><strong>{esc(b.name)}</strong><br><span class='small'>{esc(b.question)}</span>"
        "</td>" + "".join('<td class="blank"></td>' for _ in outlets) + "</tr>"
        for b in BIAS_TYPES
    )
    grid = (
        f'<table class="grid"><thead><tr><th>Type of bias</th>{head_cells}</tr></thead>'
        f"<tbody>{grid_rows}</tbody></table>"
    )
    key = ""
    if answers:
        key = '<h2 class="page-break">Teacher\'s copy: what the measurements show</h2>' + "".join(
            ev.html for ev in ex.reveal_all()
        )
    reflection = (
        "<h2>Afterwards</h2><ol class='steps'>"
        "<li>Which difference between the articles surprised you most?</li>"
        "<li>Find one place where a word list got it wrong. Why did it?</li>"
        "<li>With this many articles, can we say an <em>outlet</em> is biased, or only an "
        "<em>article</em>? What would we need to say more?</li></ol>"
    )
    source = (
        "<p class='small'>Types of bias after AllSides, “How to Spot 16 Types of Media Bias” "
        "(allsides.com/media-bias/how-to-spot-types-of-media-bias), and Hamborg, Donnay &amp; "
        "Gipp (2019), International Journal on Digital Libraries 20.</p>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{csp_meta("text")}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{stylesheet('handout.css')}</style></head><body><main>"
        f"<h1>{esc(title)}</h1><p>Name: ______________________ Date: ____________</p>"
        f"<h2>What to do</h2>{steps}"
        f"<h2>Seven types of media bias</h2><dl class='types'>{types}</dl>"
        f"{source}<h2 class='page-break'>The articles</h2>{''.join(articles)}"
        f"<h2 class='page-break'>Your predictions</h2>{grid}{reflection}{key}"
        "</main></body></html>"
    )
