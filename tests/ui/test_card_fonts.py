"""The card fonts' quick widths (ui/canvas/preview.py ``Fonts``) are the font's own: a card
measured for its room is exactly as wide as when it is drawn."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.ui.canvas.preview import Fonts
from graphstudio.ui.canvas.readable import set_text_scale, text_scale
from graphstudio.ui.theme import DARK, LIGHT

texts = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80) | \
    st.text(max_size=40) | st.sampled_from(["∂L/∂z = [1., 2.]", "w.grad = None", "λ = 0.5",
                                             "tab\there", "x = [ 0.1991, -0.7253]"])


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([1.0, 1.25, 1.5, 2.0]), st.sampled_from([LIGHT, DARK]))
def test_the_quick_mono_width_is_the_fonts_own(qapp, text, scale, theme):
    before = text_scale()
    try:
        set_text_scale(scale)
        fonts = Fonts.of(theme)
        assert fonts.mono_width(text) == fonts.fm_mono.horizontalAdvance(text)
        assert fonts.label_width(text) == fonts.fm_small.horizontalAdvance(text)
        assert fonts.label_width(text) == fonts.fm_small.horizontalAdvance(text)  # remembered
    finally:
        set_text_scale(before)
