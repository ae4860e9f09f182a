"""Images and documents for the demo content, drawn with Pillow when the command runs, so
that no binary file lives in git. Each is created once and found by its title afterwards."""

import io
import random

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

PALETTE = ["#004a87", "#00315c", "#1d7fc2", "#c8102e", "#2f7d32", "#6a3d9a", "#e07b00"]


def _font(size):
    return ImageFont.load_default(size=size)


def _wrap(draw, text, font, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def draw_banner(title, size=(1600, 900), seed=0, subtitle=""):
    """A banner: a gradient of the WSIS blues, a few circles ('networks'), the title."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, PALETTE[seed % len(PALETTE)])
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        radius = rng.randint(height // 12, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=rng.choice(PALETTE[2:]),
            width=max(2, height // 120),
        )
    font = _font(max(24, height // 10))
    lines = _wrap(draw, title, font, width * 0.8)
    top = height // 2 - len(lines) * font.size // 2
    for index, line in enumerate(lines):
        draw.text((width // 10, top + index * int(font.size * 1.2)), line, font=font, fill="white")
    if subtitle:
        draw.text(
            (width // 10, height - height // 6), subtitle, font=_font(height // 18), fill="#dfe9f3"
        )
    return image


def draw_logo(name, seed=0):
    """A logo: the partner's initials in a roundel, then its name."""
    image = Image.new("RGB", (480, 240), "white")
    draw = ImageDraw.Draw(image)
    colour = PALETTE[seed % len(PALETTE)]
    draw.ellipse((20, 40, 180, 200), fill=colour)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    draw.text((100, 120), initials, font=_font(64), fill="white", anchor="mm")
    for index, line in enumerate(_wrap(draw, name, _font(34), 270)[:3]):
        draw.text((200, 70 + index * 42), line, font=_font(34), fill=colour)
    return image


def image(title, drawing, file_stem):
    """The Wagtail image with this title, drawn and uploaded the first time only."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    drawing.save(buffer, "JPEG", quality=85)
    return model.objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{file_stem}.jpg")
    )


def document(title, heading, lines, file_stem):
    """A one-page PDF document, made the first time only."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1240, 140), fill=PALETTE[0])
    draw.text((90, 45), "World Summit on the Information Society", font=_font(44), fill="white")
    draw.text((90, 220), heading, font=_font(52), fill=PALETTE[1])
    y = 340
    for paragraph in lines:
        for line in _wrap(draw, paragraph, _font(30), 1060):
            draw.text((90, y), line, font=_font(30), fill="#1b1b1b")
            y += 44
        y += 24
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    upload = SimpleUploadedFile(f"{file_stem}.pdf", buffer.getvalue(), "application/pdf")
    return model.objects.create(title=title, file=upload)
