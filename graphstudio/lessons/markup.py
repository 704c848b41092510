"""Step text to HTML: the small markup a teacher writes in a lesson file.

Blank lines separate paragraphs (lines of one paragraph are joined); a paragraph of ``- `` lines is a list; a paragraph fenced by
lines of three backticks is code, shown as written. Inline: ```code```, ``**bold**`` and
``$math$`` (italic, with ``\\partial \\cdot \\times \\sum \\nabla \\to \\approx`` and ``^T`` as
symbols, ``x_i`` as a subscript). Everything else is plain text (HTML in it is shown, not run).
"""

from __future__ import annotations

import html
import re

__all__ = ["to_html"]

_SYMBOLS = {r"\partial": "∂", r"\cdot": "·", r"\times": "×", r"\sum": "Σ", r"\nabla": "∇",
            r"\to": "→", r"\approx": "≈", r"\ln": "ln", r"\leq": "≤", r"\geq": "≥", "^T": "ᵀ", "^2": "²"}
_INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*|\$([^$]+)\$")
_SUB = re.compile(r"([A-Za-z])_([A-Za-z0-9]+)")


def _math(text: str) -> str:
    for tex, sym in _SYMBOLS.items():
        text = text.replace(tex, sym)
    text = html.escape(text)
    return _SUB.sub(r"\1<sub>\2</sub>", text)


def _inline(text: str, code_style: str) -> str:
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        code, bold, math = m.groups()
        if code is not None:
            out.append(f"<code style='{code_style}'>{html.escape(code)}</code>")
        elif bold is not None:
            out.append(f"<b>{html.escape(bold)}</b>")
        else:
            out.append(f"<i style='font-family:serif'>{_math(math)}</i>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _join(lines: list[str]) -> str:
    """One paragraph's lines as one line: a space between them, none between two CJK
    characters (Chinese text wrapped in the file must not gain spaces)."""
    out = lines[0]
    for ln in lines[1:]:
        cjk = out and ln and ord(out[-1]) >= 0x2E80 and ord(ln[0]) >= 0x2E80
        out += ("" if cjk else " ") + ln
    return out


def to_html(text: str, code_style: str = "") -> str:
    """``text`` (lesson markup) as HTML; ``code_style`` styles inline code (CSS)."""
    parts = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        if lines[0].startswith("```"):
            body = [ln for ln in lines[1:] if not ln.startswith("```")]
            parts.append(f"<pre style='{code_style}'>{html.escape(chr(10).join(body))}</pre>")
        elif all(ln.startswith("- ") for ln in lines):
            items = "".join(f"<li>{_inline(ln[2:], code_style)}</li>" for ln in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_inline(_join(lines), code_style)}</p>")
    return "".join(parts)
