"""The image of a nominee's campaign kit: a 1200×630 PNG card (the size social networks show
in a link's preview) naming the contest, the category and the project, drawn with Pillow in
the page's language. Arabic is shaped right to left (Pillow's raqm layout); a script the
installed fonts lack (Chinese on a server without a CJK font) falls back to the English
words, never to boxes."""

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

SIZE = (1200, 630)
BACKGROUND = (0, 75, 135)  # the WSIS blue
ACCENT = (255, 199, 44)
TEXT = (255, 255, 255)
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/noto")
REGULAR = ("DejaVuSans.ttf", "NotoSans-Regular.ttf")
BOLD = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf")
CJK = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


def _font_file(names):
    for directory in FONT_DIRS:
        for name in names:
            path = Path(directory) / name
            if path.exists():
                return str(path)
    return None


def _font(size, bold=False, cjk=False):
    path = next((p for p in CJK if Path(p).exists()), None) if cjk else None
    path = path or _font_file(BOLD if bold else REGULAR)
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size)


def can_draw(language_code):
    """Whether the fonts installed can write this language."""
    if language_code.startswith("zh"):
        return any(Path(p).exists() for p in CJK)
    if language_code == "ar":
        return features.check("raqm") and _font_file(REGULAR) is not None
    return True


def render(lines, language_code):
    """lines: [(text, size, bold)], top to bottom; returns PNG bytes."""
    rtl = language_code == "ar"
    cjk = language_code.startswith("zh")
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 70
    draw.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=ACCENT)
    y = margin
    for text, size, bold in lines:
        font = _font(size, bold, cjk)
        width = 22 if cjk else max(10, int(1900 / size))
        for line in textwrap.wrap(text, width=width)[:3]:
            options = (
                {"direction": "rtl", "language": "ar"} if rtl and features.check("raqm") else {}
            )
            box = draw.textbbox((0, 0), line, font=font, **options)
            x = SIZE[0] - margin - (box[2] - box[0]) if rtl else margin
            draw.text((x, y), line, font=font, fill=TEXT, **options)
            y += int(size * 1.3)
        y += int(size * 0.5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
