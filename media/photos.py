"""Contest photos: checked by content on the way in, published without their metadata."""

import io
import itertools
import math
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

ORIENTATION_TAG = 0x0112
# EXIF orientation → the transposition that makes the photo upright (as ImageOps.exif_transpose).
ORIENTATION_OPS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png"}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MIN_LONG_SIDE = 1600
# Far above any camera, far below what would exhaust memory: refuse decompression bombs.
MAX_PIXELS = 60_000_000
# The public copy is for screens: every rendition the site makes is far smaller, and the
# full-size original stays private with the contest.
PUBLIC_LONG_SIDE = 2400
# What making a public copy may hold in memory at once (decoding_bytes), beyond the task
# worker's own (about 150 MB with nothing to do), so that the worker stays under 300 MB per
# photo, as bench/approval_memory.py measures. A baseline JPEG decodes at the nearest reduced
# scale (1/2, 1/4, 1/8) and needs little unless it is short of twice the copy's size on both
# sides; a PNG or a progressive JPEG needs memory for every pixel. A photo that would need more
# is refused at upload, with a size that fits.
DECODE_BUDGET = 100 * 1024 * 1024
# Bytes Pillow holds per pixel of a decoded picture, by mode (RGB is stored in four).
PIXEL_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2}
# Rows of the original converted, reduced and narrowed at a time (a PNG's full-size picture
# is decoded once; nothing else at full size is ever made from it).
BAND_ROWS = 512


def check_photo(uploaded, min_long_side=MIN_LONG_SIDE):
    """Raises ValidationError unless the file is a JPEG or PNG photo of a usable size."""
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is too large: at most %(size)s MB.")
            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            uploaded.seek(0)
            with Image.open(uploaded) as image:
                image_format = image.format
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                kind = kind_of(image)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("This image has too many pixels."), code="bomb") from None
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file that is not an image
        raise ValidationError(
            _("This file is not a JPEG or PNG photo."), code="not_image"
        ) from None
    finally:
        uploaded.seek(0)
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    extension = "jpg" if extension == "jpeg" else extension
    if image_format not in ALLOWED_FORMATS or ALLOWED_FORMATS[image_format] != extension:
        raise ValidationError(
            _("This file is not a JPEG or PNG photo (its content was checked)."), code="wrong_type"
        )
    if max(width, height) < min_long_side:
        raise ValidationError(
            _("The photo is %(width)s×%(height)s pixels: its long side must be at least %(min)s.")
            % {"width": width, "height": height, "min": min_long_side},
            code="too_small",
        )
    needed = decoding_bytes(kind["image_format"], kind["mode"], (width, height), **kind["decoder"])
    if needed > DECODE_BUDGET:
        raise too_many_pixels(kind, width * height)
    return image_format


def too_many_pixels(kind, pixels):
    """The refusal, with a size that fits: every photo of this kind and shape with at most as
    many pixels (a larger one may fit too, a JPEG twice as large decoding at half the scale)."""
    limit = max_pixels(kind["image_format"], kind["mode"], kind["aspect"], **kind["decoder"])
    numbers = {"limit": limit // 1_000_000, "pixels": round(pixels / 1_000_000)}
    if kind["image_format"] == "PNG":
        message = _(
            "This photo has too many pixels for a PNG (%(pixels)s million; at most %(limit)s "
            "million): please send it as a JPEG."
        )
    elif kind["decoder"]["progressive"]:
        message = _(
            "This photo has too many pixels for a progressive JPEG (%(pixels)s million; at "
            "most %(limit)s million): please save it as a standard (baseline) JPEG."
        )
    else:
        message = _(
            "This photo has too many pixels for its shape (%(pixels)s million; at most "
            "%(limit)s million)."
        )
    return ValidationError(message % numbers, code="too_many_pixels")


def copy_size(size):
    """The public copy's size: the photo within PUBLIC_LONG_SIDE, never enlarged."""
    width, height = size
    scale = min(1, PUBLIC_LONG_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def reduction(size, target):
    """The whole factor that shrinks `size` the most while keeping it at least `target`."""
    return max(1, min(size[0] // target[0], size[1] // target[1]))


def jpeg_scale(size):
    """The scale libjpeg decodes at for the public copy (Pillow's draft picks the same)."""
    factor = reduction(size, copy_size(size))
    return next(scale for scale in (8, 4, 2, 1) if scale <= factor)


def kind_of(image):
    """What decoding_bytes and max_pixels need to know of an opened (not decoded) image."""
    progressive = bool(image.info.get("progressive") or image.info.get("progression"))
    layers = getattr(image, "layer", None) or []
    width, height = image.size
    return {
        "image_format": image.format,
        "mode": image.mode,
        "aspect": width / max(1, height),
        "decoder": {
            "progressive": image.format == "JPEG" and progressive,
            "sampling": tuple((h, v) for _id, h, v, _table in layers) or None,
        },
    }


def decoding_bytes(image_format, mode, size, progressive=False, sampling=None):
    """The memory public_copy holds at once for such a photo, in bytes: the decoded picture (a
    JPEG at reduced scale) and the copy narrowed to its final width; for a progressive JPEG,
    also libjpeg's store of every DCT coefficient (two bytes each, at full size, for each
    colour component), which it keeps until the last scan whatever the scale."""
    width, height = size
    target = copy_size(size)
    held = 0
    if image_format == "JPEG":
        if progressive:
            sampling = sampling or ((1, 1),)
            h_max = max(h for h, _v in sampling)
            v_max = max(v for _h, v in sampling)
            for h, v in sampling:
                held += 2 * math.ceil(width * h / h_max) * math.ceil(height * v / v_max)
        scale = jpeg_scale(size)
        width, height = math.ceil(width / scale), math.ceil(height / scale)
    held += width * height * PIXEL_BYTES.get(mode, 4)
    factor = reduction((width, height), target)
    return held + target[0] * math.ceil(height / factor) * 4


def max_pixels(image_format, mode="RGB", aspect=3 / 2, progressive=False, sampling=None):
    """The most pixels a photo of this kind and shape (width / height) may have: every photo
    of that shape with as many or fewer fits DECODE_BUDGET. Found by trying each width in turn
    (a few thousand sums), as the memory needed does not only grow with the size: a JPEG at
    twice the size may decode at half the scale."""
    most = 0
    for width in itertools.count(1):
        size = (width, max(1, round(width / aspect)))
        pixels = size[0] * size[1]
        if pixels > MAX_PIXELS:
            return MAX_PIXELS
        if decoding_bytes(image_format, mode, size, progressive, sampling) > DECODE_BUDGET:
            return most
        most = pixels


def public_copy(file):
    """The photo upright (EXIF orientation applied), at most PUBLIC_LONG_SIDE pixels on its
    long side, and without any metadata: no camera, no date, no GPS position. JPEG bytes.

    Memory stays near one decoded picture (decoding_bytes): a JPEG is decoded straight at the
    nearest reduced scale (draft); a PNG, which cannot be, is decoded once, then converted,
    reduced and narrowed a band of rows at a time, never copied or converted whole."""
    file.seek(0)
    photo = Image.open(file)
    orientation = photo.getexif().get(ORIENTATION_TAG, 1)
    target = copy_size(photo.size)
    # The size asked keeps the photo's shape: for a panorama, (2400, 2400) would not reduce.
    photo.draft("RGB", target)
    photo = narrowed(photo, target)
    if photo.size != target:
        photo = photo.resize(target, Image.Resampling.LANCZOS)
    if orientation in ORIENTATION_OPS:
        photo = photo.transpose(ORIENTATION_OPS[orientation])
    photo.info = {}  # no EXIF, ICC, XMP or comments into the copy
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()


def narrowed(photo, target):
    """The photo in RGB at the target's width, its height reduced by a whole factor (averaging
    blocks of pixels) but not below the target's; left to resize, which narrows first as
    this does, when it is already RGB and too small to reduce. Band by band, the conversion,
    the reduction and the narrowing are small: only the decoded picture and the narrow result
    are ever held whole."""
    factor = reduction(photo.size, target)
    if factor == 1 and photo.mode == "RGB":
        return photo
    width, height = photo.size
    result = Image.new("RGB", (target[0], math.ceil(height / factor)))
    rows = factor * max(1, BAND_ROWS // factor)
    for top in range(0, height, rows):
        band = in_rgb(photo.crop((0, top, width, min(height, top + rows)))).reduce(factor)
        result.paste(
            band.resize((target[0], band.height), Image.Resampling.LANCZOS), (0, top // factor)
        )
    return result


def in_rgb(band):
    if band.mode.startswith("I;16"):
        # 16-bit grey: Pillow's conversion would clip every value above 255 to white.
        band = band.point(lambda value: value / 256)
    return band if band.mode == "RGB" else band.convert("RGB")
