"""Text drawn once, then copied: a cache of the glyph bitmaps a chart's texts become.

Laying out and rasterising text (FreeType: shaping, one glyph at a time at its
sub-pixel position) was half of every draw of the trade tab's chart (~30 ms of ~60 on
the largest dossier, issue 16), and a redrawn chart mostly draws the same texts at
the same places: the title, the legend, the axis labels, the notes.

`cache_text(renderer)` makes an Agg renderer remember, for each text it draws (the
string, font, size, angle and exact position), the glyph bitmaps matplotlib blitted
for it, and blit those again the next time: the same bitmaps at the same pixels, so
the canvas is identical to one drawn without the cache (a test compares them). The
colour and clipping come from the call's own graphics context, as before.

matplotlib internals used: `RendererAgg._renderer.draw_text_image`, the one call its
`draw_text` makes per glyph. Where that is missing, or a text draws anything else
(mathtext's rules), the text is drawn by matplotlib as usual and not cached.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LIMIT = 400  # texts remembered per renderer (a chart has a few dozen)
_INSTALLED = "_dossier_text_cache"


class _Recorder:
    """Stands in for the renderer's C drawing object while one text is drawn: passes
    every glyph on and keeps a copy of it. Anything but a glyph marks the text as not
    cacheable (it is still drawn)."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.glyphs: list[tuple[Any, int, int, float]] = []
        self.other = False

    def draw_text_image(self, image: Any, x: Any, y: Any, angle: float, gc: Any) -> None:
        # A copy: the buffer belongs to FreeType's bitmap, which may be reused.
        self.glyphs.append((image.copy(), x, y, angle))
        self._real.draw_text_image(image, x, y, angle, gc)

    def __getattr__(self, name: str) -> Any:
        self.other = True
        return getattr(self._real, name)


TextCache = dict[tuple[Any, ...], list[tuple[Any, int, int, float]]]


def cache_text(renderer: Any, cache: TextCache | None = None) -> bool:
    """Give this Agg renderer a text cache (once); False if matplotlib lacks what it
    needs, and the renderer then draws as it always did.

    `cache`: one to share, e.g. a canvas's across the renderers it makes (a new one
    for every size it is drawn at; the keys hold the size)."""
    if getattr(renderer, _INSTALLED, None) is not None:
        return True
    real_renderer = getattr(renderer, "_renderer", None)
    if real_renderer is None or not hasattr(real_renderer, "draw_text_image"):
        return False
    from matplotlib import rcParams

    draw_text: Callable[..., Any] = renderer.draw_text  # the class's, bound
    cache = {} if cache is None else cache

    def cached_draw_text(
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if ismath or renderer._renderer is not real_renderer:
            draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        # Everything the glyphs depend on. prop.copy(): FontProperties hashes by its
        # current (mutable) values, as matplotlib's own metrics cache keys it.
        key = (
            s,
            prop.copy(),
            angle,
            x,
            y,
            renderer.dpi,
            renderer.width,
            renderer.height,
            rcParams["text.hinting"],
            rcParams["text.hinting_factor"],
            rcParams["text.antialiased"],
            gc.get_antialiased(),
            tuple(features) if features else None,
            language if isinstance(language, str | None) else repr(language),
        )
        glyphs = cache.get(key)
        if glyphs is not None:
            for image, gx, gy, gangle in glyphs:
                real_renderer.draw_text_image(image, gx, gy, gangle, gc)
            return
        recorder = _Recorder(real_renderer)
        renderer._renderer = recorder
        try:
            draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        finally:
            renderer._renderer = real_renderer
        if not recorder.other:
            if len(cache) >= LIMIT:
                cache.clear()
            cache[key] = recorder.glyphs

    renderer.draw_text = cached_draw_text
    setattr(renderer, _INSTALLED, cache)
    return True
