"""The digest's chart: learnings per lever over the last weeks, and where we stand per lever.

Drawn with matplotlib's Agg canvas on a Figure of its own (no pyplot, so no global state
shared between threads), as a PNG of CHART_SIZE pixels. When there is nothing at all to
draw, there is no chart: the digest says so in a sentence instead of sending an empty image.
An empty half (no learnings, or no check-in result yet) says so inside the image.
"""

from __future__ import annotations

import io

from bot.insights.checkins import LEVELS, MIN_ANSWERS
from bot.insights.digest import Digest
from bot.levers import Lever, lever_name
from bot.messages import t

DPI = 100
CHART_SIZE = (1200, 900)  # width, height in pixels

COLOURS = {
    Lever.SELF_LEARNING: "#2c6e49",
    Lever.TEAM_LEARNING: "#4c956c",
    Lever.RETENTION: "#d68c45",
    Lever.KNOWLEDGE_TOOLS: "#3d5a80",
    Lever.ONBOARDING: "#98c1d9",
    Lever.DECENTRALISATION: "#9d4edd",
    Lever.OTHER: "#9e9e9e",
}


def digest_chart(digest: Digest) -> bytes | None:
    """The chart as PNG bytes, or None when there is nothing to draw."""
    if not digest.has_chart_data:
        return None
    width, height = CHART_SIZE
    # matplotlib takes about a second to import: only processes that draw a chart pay for it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    # Two subfigures, so the long lever names of the lower chart do not squeeze the upper one.
    top, bottom = figure.subfigures(2, 1, height_ratios=[3, 2])
    weeks_axes, stand_axes = top.subplots(), bottom.subplots()
    language = digest.language
    figure.suptitle(
        t(
            "digest.chart_title",
            language,
            start=digest.period.first_day.isoformat(),
            end=digest.period.last_day.isoformat(),
        ),
        fontsize=15,
    )
    _draw_weeks(weeks_axes, digest)
    _draw_standings(stand_axes, digest)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def _draw_weeks(axes, digest: Digest) -> None:
    language = digest.language
    axes.set_title(t("digest.chart_weeks", language, weeks=len(digest.weeks)), loc="left")
    labels = [week.first_day.strftime("%m-%d") for week in digest.weeks]
    if not any(sum(week.values()) for week in digest.weekly_counts):
        axes.set_xticks([])
        axes.set_yticks([])
        axes.text(
            0.5,
            0.5,
            t("digest.chart_no_learnings", language),
            ha="center",
            va="center",
            transform=axes.transAxes,
            fontsize=13,
            color="#555555",
        )
        return
    bottoms = [0] * len(digest.weeks)
    for lever in Lever:
        heights = [week[lever] for week in digest.weekly_counts]
        if not any(heights):
            continue
        axes.bar(
            labels, heights, bottom=bottoms, color=COLOURS[lever], label=lever_name(lever, language)
        )
        bottoms = [a + b for a, b in zip(bottoms, heights, strict=True)]
    axes.set_xlabel(t("digest.chart_week_axis", language))
    axes.set_ylabel(t("digest.chart_count_axis", language))
    axes.yaxis.get_major_locator().set_params(integer=True)
    # Headroom above the tallest bar for the legend.
    axes.set_ylim(0, max(bottoms) * 1.6)
    axes.legend(loc="upper center", ncol=2, fontsize=9, frameon=False)


def _draw_standings(axes, digest: Digest) -> None:
    language = digest.language
    shown = [standing for standing in digest.standings if standing.latest.shown]
    if not shown:
        axes.set_xticks([])
        axes.set_yticks([])
        axes.text(
            0.5,
            0.5,
            t("digest.chart_no_stand", language, min=MIN_ANSWERS),
            ha="center",
            va="center",
            transform=axes.transAxes,
            fontsize=13,
            color="#555555",
        )
        return
    axes.set_title(t("digest.chart_stand", language, period=digest.stand_period), loc="left")
    names = [lever_name(s.latest.lever, language) for s in digest.standings]
    positions = list(range(len(names)))[::-1]
    for position, standing in zip(positions, digest.standings, strict=True):
        result = standing.latest
        if result.shown:
            axes.barh(position, result.average, color=COLOURS[result.lever])
            axes.text(result.average + 0.05, position, f"{result.average:.1f}", va="center")
        else:
            axes.text(
                0.05,
                position,
                t("digest.chart_hidden", language, min=MIN_ANSWERS),
                va="center",
                color="#777777",
                fontstyle="italic",
            )
    axes.set_yticks(positions, names)
    axes.set_xlim(0, 4.4)
    axes.set_xticks(list(LEVELS), [t(f"checkin.level_{level}", language) for level in LEVELS])
