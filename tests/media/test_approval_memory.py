"""Memory when the worker approves a photo (issue 14, item 9): the task worker's peak stays
under 300 MB per photo. The worker itself takes about 150 MB with nothing to do
(bench/approval_memory.py measures both, running the real worker on the largest photos the
form accepts); here, a fresh process decodes each photo into its public copy as approval does,
and what that adds to the process must leave the worker under 300 MB.

Every photo the entry form accepts must pass: a photo that would need more is refused at upload
(60 MP is the most any photo may have), one just under its format's limit is measured."""

import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from media import photos
from tests.media.conftest import entry_data

WORKER_LIMIT_MB = 300
IDLE_WORKER_MB = 150  # bench/approval_memory.py, "worker with nothing to do"
ALLOWANCE_MB = WORKER_LIMIT_MB - IDLE_WORKER_MB
ROOT = Path(__file__).resolve().parents[2]

# Decodes one photo into its public copy in a process of its own; prints what that added to
# the process's peak memory: the kernel's count (Pillow's and libjpeg's buffers are in it),
# VmHWM rather than ru_maxrss, which starts from the parent's size at the fork.
DECODE = """
import json, sys
from media.photos import public_copy

def peak_kb():
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmHWM")).split()[1])

before = peak_kb()
with open(sys.argv[1], "rb") as file:
    copy = public_copy(file)
print(json.dumps({"added_mb": (peak_kb() - before) / 1024, "copy_bytes": len(copy)}))
"""

JPEG_420 = ((2, 2), (1, 1), (1, 1))  # Pillow's default chroma subsampling


def size_for(pixels, aspect=1.5):
    width = int(math.sqrt(pixels * aspect))
    return width, pixels // width


def encoded(kind, size):
    """A photo of `size`: flat content, so that it is quick to make; decoding memory depends
    on the pixels, not on what they show."""
    mode = {"png-palette": "P", "png-16bit": "I;16"}.get(kind, "RGB")
    image = Image.new(mode, size, 90 if mode in ("P", "I;16") else (30, 90, 160))
    buffer = io.BytesIO()
    if kind.startswith("png"):
        image.save(buffer, "PNG", compress_level=1)
    else:
        image.save(buffer, "JPEG", quality=80, progressive=kind == "jpeg-progressive")
    return buffer.getvalue()


def limit(kind):
    """The most pixels (3:2, or square) the form accepts for this kind of photo."""
    if kind in ("jpeg", "jpeg-panorama"):
        return photos.MAX_PIXELS
    if kind == "jpeg-square":
        # Short of twice the copy's size, a JPEG decodes at full scale: the worst shape.
        return photos.max_pixels("JPEG", "RGB", aspect=1)
    if kind == "jpeg-progressive":
        return photos.max_pixels("JPEG", "RGB", progressive=True, sampling=JPEG_420)
    mode = {"png-palette": "P", "png-16bit": "I;16"}.get(kind, "RGB")
    return photos.max_pixels("PNG", mode)


def accepted(name, data):
    try:
        photos.check_photo(SimpleUploadedFile(name, data))
    except ValidationError as error:
        assert error.code == "too_many_pixels", error
        return False
    return True


def added_by_decoding(path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", DECODE, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


CASES = [
    # kind, pixels (None: the kind's own limit), whether the form must accept it
    ("jpeg", 60_000_000, True),
    ("jpeg-panorama", 60_000_000, True),
    ("jpeg-square", 20_000_000, False),
    ("jpeg-square", None, True),
    ("jpeg-progressive", 60_000_000, False),
    ("jpeg-progressive", None, True),
    ("png", 60_000_000, False),
    ("png", None, True),
    ("png-palette", None, True),
]


@pytest.mark.parametrize(
    ("kind", "pixels", "must_accept"),
    CASES,
    ids=[f"{kind}-{pixels // 1_000_000 if pixels else 'limit'}" for kind, pixels, _a in CASES],
)
def test_every_photo_the_form_accepts_is_decoded_within_the_workers_memory(
    kind, pixels, must_accept, tmp_path
):
    pixels = pixels or limit(kind)
    aspect = {"jpeg-panorama": 15, "jpeg-square": 1}.get(kind, 3 / 2)
    size = size_for(pixels, aspect)
    name = "photo.png" if kind.startswith("png") else "photo.jpg"
    data = encoded(kind, size)
    if not accepted(name, data):
        assert not must_accept, f"{kind} {size} refused; the limit says it fits"
        return
    path = tmp_path / name
    path.write_bytes(data)
    measured = added_by_decoding(path)
    assert measured["copy_bytes"] > 0
    assert measured["added_mb"] < ALLOWANCE_MB, (
        f"{kind} {size[0]}x{size[1]}: decoding added {measured['added_mb']:.0f} MB, "
        f"the worker would peak near {IDLE_WORKER_MB + measured['added_mb']:.0f} MB"
    )


def test_a_photo_just_over_its_formats_limit_is_refused():
    for kind in ("png", "jpeg-progressive"):
        width, height = size_for(int(limit(kind) * 1.05))
        name = "photo.png" if kind == "png" else "photo.jpg"
        assert not accepted(name, encoded(kind, (width, height))), kind


@pytest.mark.django_db
def test_the_entrant_is_told_how_to_send_a_photo_with_too_many_pixels(client, contest, monkeypatch):
    # A small budget, so that a small photo is over it.
    monkeypatch.setattr(photos, "DECODE_BUDGET", 20 * 1024 * 1024)
    upload = SimpleUploadedFile("photo.png", encoded("png", (3000, 2000)), "image/png")
    response = client.post(f"{contest.url}enter/", {**entry_data(), "original": upload})
    text = response.content.decode()
    assert "too many pixels for a PNG (6 million; at most 2 million)" in text
    assert "please send it as a JPEG" in text
    assert not contest.entries().exists()


def test_a_16_bit_grey_png_is_published_grey_not_white():
    buffer = io.BytesIO()
    Image.new("I;16", (2000, 1500), 30000).save(buffer, "PNG")  # 30000/65535: mid-grey
    copy = Image.open(io.BytesIO(photos.public_copy(io.BytesIO(buffer.getvalue()))))
    red, green, blue = copy.getpixel((10, 10))
    assert 100 <= red <= 135 and red == green == blue


def test_a_palette_png_is_published_in_its_colours():
    image = Image.new("P", (5000, 3000))
    image.putpalette([200, 40, 40] * 256)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    copy = Image.open(io.BytesIO(photos.public_copy(io.BytesIO(buffer.getvalue()))))
    assert copy.size == (2400, 1440)
    assert all(abs(a - b) <= 3 for a, b in zip(copy.getpixel((5, 5)), (200, 40, 40), strict=True))
