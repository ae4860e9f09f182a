"""Contest photos: checked by content on the way in, published without their metadata."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

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


def public_copy(file):
    """The photo upright (EXIF orientation applied) and without any metadata: no camera,
    no date, no GPS position. JPEG bytes."""
    file.seek(0)
    with Image.open(file) as original:
        upright = ImageOps.exif_transpose(original).convert("RGB")
    clean = Image.new("RGB", upright.size)
    clean.paste(upright)
    buffer = io.BytesIO()
    clean.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()
