"""Word-choice plots: each takes a tidy table and an optional ax, and returns the Axes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from framing.labels import labels
from framing.markers import marker_rates, markers
from framing.plot_wording import plot_distinctive_terms, plot_label_table, plot_marker_rates
from framing.terms import word_choice


@pytest.mark.parametrize(
    ("outlet", "title", "n_ticks"),
    [
        (None, "Words each outlet uses more than the other outlets", 15),
        ("Rudaw", "Words Rudaw uses more than the other outlets", 3),
    ],
)
def test_plot_wording_distinctive_terms(
    story_articles: pd.DataFrame, outlet: str | None, title: str, n_ticks: int
) -> None:
    ax = plot_distinctive_terms(word_choice(story_articles), outlet=outlet, top=3)
    assert ax.get_title() == title
    assert len(ax.get_yticks()) == n_ticks


def test_plot_wording_label_table_uses_given_ax(story_articles: pd.DataFrame, story_dir) -> None:
    table = labels(story_articles, actors=story_dir / "actors.tsv")
    _, ax = plt.subplots()
    out = plot_label_table(table, actors=["Iran-aligned militias", "killing of Soleimani"], ax=ax)
    assert out is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Iran-aligned militias",
        "killing of Soleimani",
    ]
    assert "Iranian-backed militias" in [t.get_text() for t in ax.texts]


def test_plot_wording_marker_rates(story_articles: pd.DataFrame) -> None:
    ax = plot_marker_rates(marker_rates(markers(story_articles), story_articles))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["loaded", "distancing", "hedge"]
    assert ax.get_legend() is not None
