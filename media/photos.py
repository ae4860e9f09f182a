"""Contest photos: checked by content on the way in, published without their metadata."""

import io
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
    return image_format


# The public copy is for screens: every rendition the site makes is far smaller, and the
# full-size original stays private with the contest.
PUBLIC_LONG_SIDE = 2400


def public_copy(file):
    """The photo upright (EXIF orientation applied), at most PUBLIC_LONG_SIDE pixels on its
    long side, and without any metadata: no camera, no date, no GPS position. JPEG bytes.

    Memory stays near one decoded copy of the reduced photo: a JPEG is decoded straight at
    the nearest reduced scale (draft), and nothing of the original's metadata is carried."""
    file.seek(0)
    photo = Image.open(file)
    orientation = photo.getexif().get(ORIENTATION_TAG, 1)
    photo.draft("RGB", (PUBLIC_LONG_SIDE, PUBLIC_LONG_SIDE))
    if photo.mode != "RGB":
        photo = photo.convert("RGB")
    photo.thumbnail((PUBLIC_LONG_SIDE, PUBLIC_LONG_SIDE), Image.Resampling.LANCZOS)
    if orientation in ORIENTATION_OPS:
        photo = photo.transpose(ORIENTATION_OPS[orientation])
    photo.info = {}  # no EXIF, ICC, XMP or comments into the copy
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()
