"""Plots: tidy table in, Axes out; one outlet order and colour; no global matplotlib changes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from framing.plotting import plot_outlets, plot_verb_stance, plot_voice_share
from framing.style import OKABE_ITO, category_colors, outlet_style

OUTLETS = ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]


@pytest.fixture
def comparison() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": OUTLETS,
            "polarity": [0.05, 0.10, -0.02, 0.03, 0.08],
            "polarity_ci_low": [-0.01, 0.0, -0.08, -0.02, 0.01],
            "polarity_ci_high": [0.10, 0.20, 0.04, 0.08, 0.15],
        }
    )


@pytest.fixture
def quotes() -> pd.DataFrame:
    # Speakers and verbs as the bundled story has them (Rudaw quotes Dizayee, USA Today experts).
    return pd.DataFrame(
        {
            "outlet": ["Xinhua", "Xinhua", "Xinhua", "Rudaw", "USA Today", "USA Today"],
            "speaker": ["Joe Biden", "US media", "analysts", "Safeen Dizayee", "Cordesman", None],
            "speaker_type": ["person", "group", "group", "person", "person", None],
            "verb": ["said", "said", "noted", "told", "stressed", ""],
            "verb_stance": ["neutral", "neutral", "neutral", "neutral", "assertive", None],
            "quote": [
                "our role in Iraq will be",
                "the US troops will stay",
                "the move is symbolic",
                "it is a good step",
                "the real issue is whether",
                "we are not going",
            ],
        }
    )


@pytest.mark.parametrize(
    ("outlets", "order", "expected"),
    [
        (["Xinhua", "Rudaw", "China Daily"], None, ("China Daily", "Rudaw", "Xinhua")),
        (["Xinhua", "rudaw", "China Daily"], None, ("China Daily", "rudaw", "Xinhua")),
        (["Xinhua", "Rudaw", "Xinhua"], ["Xinhua"], ("Xinhua", "Rudaw")),
    ],
)
def test_style_outlet_order(outlets: list[str], order: list[str] | None, expected: tuple) -> None:
    assert outlet_style(outlets, order=order).order == expected


def test_style_okabe_ito_colours_follow_the_order() -> None:
    style = outlet_style(OUTLETS)
    assert [style.color(o) for o in style.order] == list(OKABE_ITO[:5])
    assert style.color("Not an outlet") == "#808080"


def test_style_colours_repeat_with_new_markers_past_eight_outlets() -> None:
    style = outlet_style([f"outlet {i:02d}" for i in range(10)])
    assert style.color("outlet 08") == style.color("outlet 00")
    assert style.marker("outlet 08") != style.marker("outlet 00")


def test_style_reads_outlets_from_a_table_column_or_index(comparison: pd.DataFrame) -> None:
    assert outlet_style(comparison).order == outlet_style(comparison.set_index("outlet")).order


def test_style_category_colours_grey_for_unknown() -> None:
    assert category_colors(["person", "unknown", "group"]) == {
        "person": OKABE_ITO[0],
        "unknown": "#BBBBBB",
        "group": OKABE_ITO[1],
    }


def test_plotting_outlets_dots_intervals_and_order(comparison: pd.DataFrame) -> None:
    ax = plot_outlets(comparison)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["China Daily", "Rudaw", "USA Today", "WION", "Xinhua"]
    dots = [line for line in ax.get_lines() if line.get_marker() not in (None, "None", "")]
    assert [float(d.get_xdata()[0]) for d in dots] == [0.03, -0.02, 0.08, 0.10, 0.05]
    assert [to_hex(d.get_color()) for d in dots] == [c.lower() for c in OKABE_ITO[:5]]
    segments = [c.get_segments()[0] for c in ax.collections]
    spans = [(float(s[0][0]), float(s[1][0])) for s in segments]
    assert spans == [(-0.02, 0.08), (-0.08, 0.04), (0.01, 0.15), (0.0, 0.2), (-0.01, 0.1)]
    assert ax.get_title() == "Mean polarity by outlet with 95% intervals"


def test_plotting_outlets_uses_given_ax_and_index(comparison: pd.DataFrame) -> None:
    _, ax = plt.subplots()
    table = comparison.drop(columns=["polarity_ci_low", "polarity_ci_high"]).set_index("outlet")
    assert plot_outlets(table, ax=ax) is ax
    assert ax.get_title() == "Mean polarity by outlet"
    assert not ax.collections  # no intervals without CI columns


def test_plotting_outlets_shared_style_keeps_colours_when_an_outlet_is_missing(
    comparison: pd.DataFrame,
) -> None:
    style = outlet_style(comparison)
    ax = plot_outlets(comparison[comparison["outlet"] != "China Daily"], style=style)
    dots = [line for line in ax.get_lines() if line.get_marker() not in (None, "None", "")]
    assert to_hex(dots[0].get_color()) == style.color("Rudaw").lower()


def test_plotting_outlets_names_missing_metric(comparison: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="no column 'vader_compound'"):
        plot_outlets(comparison, "vader_compound")


def test_plotting_voice_share_bars_sum_to_one(quotes: pd.DataFrame) -> None:
    ax = plot_voice_share(quotes)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Rudaw", "USA Today", "Xinhua"]
    assert ax.get_legend().get_title().get_text() == "speaker type"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["person", "group", "unknown"]
    widths = {}
    for container, name in zip(ax.containers, legend, strict=True):
        widths[name] = [round(float(p.get_width()), 4) for p in container]
    assert widths == {
        "person": [1.0, 0.5, 0.3333],
        "group": [0.0, 0.0, 0.6667],
        "unknown": [0.0, 0.5, 0.0],
    }
    assert ax.get_title() == "Share of attributed statements by speaker type, per outlet"


def test_plotting_voice_share_weighted_by_words(quotes: pd.DataFrame) -> None:
    ax = plot_voice_share(quotes, weight="words")
    usa = [round(float(c[1].get_width()), 4) for c in ax.containers]
    assert usa == [0.5556, 0.0, 0.4444]  # Cordesman 5 words, unknown 4
    assert ax.get_title() == "Share of quoted words by speaker type, per outlet"


def test_plotting_verb_stance_neutral_first(quotes: pd.DataFrame) -> None:
    ax = plot_verb_stance(quotes)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["neutral", "assertive", "unknown"]
    first = ax.containers[0]
    assert to_hex(first[0].get_facecolor()) == "#dddddd"


def test_plotting_does_not_change_rcparams(comparison: pd.DataFrame, quotes: pd.DataFrame) -> None:
    before = dict(matplotlib.rcParams)
    plot_outlets(comparison)
    plot_voice_share(quotes, by="speaker")
    plot_verb_stance(quotes)
    assert dict(matplotlib.rcParams) == before


def test_plotting_voice_share_from_a_voices_table() -> None:
    # framing.voices(quotes) rows for USA Today, as the bundled story gives them.
    voices = pd.DataFrame(
        {
            "outlet": ["USA Today"] * 4,
            "speaker": ["Mustafa al-Kadhimi", "Anthony Cordesman", "Joe Biden", "Trita Parsi"],
            "statements": [4, 3, 3, 2],
            "quoted_words": [32, 25, 15, 73],
            "affiliation": ["Iraqi government", "experts", "US government", "experts"],
        }
    )
    ax = plot_voice_share(voices, by="affiliation")
    shares = {
        t.get_text(): round(float(c[0].get_width()), 4)
        for t, c in zip(ax.get_legend().get_texts(), ax.containers, strict=True)
    }
    assert shares == {"experts": 0.4167, "Iraqi government": 0.3333, "US government": 0.25}
    ax = plot_voice_share(voices, by="affiliation", weight="words")
    assert round(float(ax.containers[0][0].get_width()), 4) == round(98 / 145, 4)


def test_plotting_continuation_rows_count_once(quotes: pd.DataFrame) -> None:
    # A continuation of Rudaw's statement ("...," he said. "...") is not a second statement.
    extra = quotes.iloc[[3]].assign(continues="q4", verb_stance="assertive")
    continued = pd.concat([quotes, extra], ignore_index=True)
    continued["continues"] = continued["continues"].fillna("")
    ax = plot_verb_stance(continued)
    rudaw = [round(float(c[0].get_width()), 4) for c in ax.containers]
    assert rudaw == [1.0, 0.0, 0.0]
    ax = plot_verb_stance(continued.drop(columns="continues"))
    assert [round(float(c[0].get_width()), 4) for c in ax.containers] == [0.5, 0.5, 0.0]


def test_plotting_outlets_hollow_dot_when_too_little_text(comparison: pd.DataFrame) -> None:
    flagged = comparison.assign(too_little_text=[True, False, False, False, False])
    ax = plot_outlets(flagged, style=outlet_style(comparison))
    dots = {
        t.get_text(): line
        for t, line in zip(
            ax.get_yticklabels(),
            [ln for ln in ax.get_lines() if ln.get_marker() not in (None, "None", "")],
            strict=True,
        )
    }
    assert to_hex(dots["Xinhua"].get_markerfacecolor()) == "#ffffff"
    assert to_hex(dots["Rudaw"].get_markerfacecolor()) == OKABE_ITO[1].lower()
    assert [t.get_text() for t in ax.texts] == ["hollow dot: too little text for a stable estimate"]


def test_style_projector_rc_restores_only_its_own_keys() -> None:
    """Regression: rc_context restored everything, undoing IPython's inline-backend setup done
    inside the block (pyplot imported there), so later notebook figures were not shown."""
    from framing.style import projector_rc

    size, interactive = matplotlib.rcParams["font.size"], matplotlib.rcParams["interactive"]
    try:
        with projector_rc():
            assert matplotlib.rcParams["font.size"] == 13
            matplotlib.rcParams["interactive"] = not interactive
        assert matplotlib.rcParams["font.size"] == size
        assert matplotlib.rcParams["interactive"] is (not interactive)
    finally:
        matplotlib.rcParams["interactive"] = interactive


def test_plotting_import_framing_leaves_matplotlib_unloaded() -> None:
    # Workers of a process pool or a Dask cluster import the package; pyplot (and a GUI
    # backend) must only load when something is drawn.
    import subprocess
    import sys

    code = "import sys, framing; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
