"""Text from users is escaped before it is echoed to Slack."""

from __future__ import annotations

from bot.text import escape, excerpt, quote


def test_mentions_and_links_are_neutralised():
    assert escape("<!channel> hi <@U123> <https://evil.example|bank> & co") == (
        "&lt;!channel&gt; hi &lt;@U123&gt; &lt;https://evil.example|bank&gt; &amp; co"
    )


def test_already_escaped_text_is_escaped_again_so_it_reads_as_typed():
    assert escape("&lt;!here&gt;") == "&amp;lt;!here&amp;gt;"


def test_excerpt_folds_lines_and_cuts_with_an_ellipsis():
    assert excerpt("a\n\nb   c") == "a b c"
    assert excerpt("x" * 300, 10) == "x" * 9 + "…"


def test_quote_is_escaped():
    assert quote("<!everyone>") == "> &lt;!everyone&gt;"
