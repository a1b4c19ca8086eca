"""`learnloop report`: the digest written as a Markdown or HTML file, with its chart.

Markdown gets the chart as a PNG file beside it (`<name>-chart.png`, linked); HTML embeds
it (base64), so one file travels alone. When there is nothing to chart the report says so
in a sentence, as the Slack digest does. Check-in comments appear here only, without names,
for levers with at least three answers.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from bot.blocks.digest import PLAIN, digest_parts, digest_title, no_chart_sentence
from bot.errors import InvalidInput
from bot.insights.charts import digest_chart
from bot.insights.digest import Digest
from bot.messages import t

FORMATS = ("md", "html")


def check_format(name: str) -> str:
    """A report format, or InvalidInput with an example."""
    if name not in FORMATS:
        raise InvalidInput("report.unknown_format", field="format", value=name[:20])
    return name


def markdown_report(digest: Digest, chart_file: str | None) -> str:
    """The report as Markdown; `chart_file` is the PNG's name beside it, if there is one."""
    language = digest.language
    lines = [f"# {digest_title(digest, 'report.title')}", ""]
    if chart_file:
        lines += [f"![{t('digest.chart_alt', language)}]({chart_file})", ""]
    else:
        lines += [f"_{no_chart_sentence(language)}_", ""]
    for part in digest_parts(digest, PLAIN, with_comments=True):
        lines += [f"## {part.title}", ""]
        if part.sentences:
            lines += [*part.sentences, ""]
        if part.items:
            lines += [*(f"- {item}" for item in part.items), ""]
    return "\n".join(lines).rstrip() + "\n"


def html_report(digest: Digest, chart: bytes | None) -> str:
    """The report as one HTML page, the chart embedded."""
    language = digest.language
    title = html.escape(digest_title(digest, "report.title"))
    body = [f"<h1>{title}</h1>"]
    if chart:
        data = base64.b64encode(chart).decode("ascii")
        alt = html.escape(t("digest.chart_alt", language), quote=True)
        body.append(f'<p><img src="data:image/png;base64,{data}" alt="{alt}" width="100%"></p>')
    else:
        body.append(f"<p><em>{html.escape(no_chart_sentence(language))}</em></p>")
    for part in digest_parts(digest, PLAIN, with_comments=True):
        body.append(f"<h2>{html.escape(part.title)}</h2>")
        body += [f"<p>{html.escape(sentence)}</p>" for sentence in part.sentences]
        if part.items:
            items = "".join(f"<li>{html.escape(item)}</li>" for item in part.items)
            body.append(f"<ul>{items}</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}</style>\n"
        "</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def write_report(digest: Digest, fmt: str, out: Path) -> list[Path]:
    """Write the report (and, for Markdown, its chart beside it); the files written."""
    chart = digest_chart(digest)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        out.write_text(html_report(digest, chart), encoding="utf-8")
        return [out]
    written = [out]
    chart_file = None
    if chart is not None:
        chart_path = out.with_name(f"{out.stem}-chart.png")
        chart_path.write_bytes(chart)
        chart_file = chart_path.name
        written.append(chart_path)
    out.write_text(markdown_report(digest, chart_file), encoding="utf-8")
    return written
