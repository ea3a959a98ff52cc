"""A solution's image: checked by its content with Pillow, stored only as resized copies.

The uploaded file itself is never stored or served: Pillow must be able to decode it as a
JPEG, PNG or WebP picture of a sensible size, and what is kept are re-encoded copies
(without the file's metadata, such as the location a photo was taken) for the solution
page and for the lists.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a larger picture is refused before it is decoded
MIN_SIDE = 200
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
SIZES = {"large": 1200, "small": 480}  # the longest side of each copy


@dataclass
class ResizedImage:
    large: ContentFile
    small: ContentFile
    width: int
    height: int


def _open(upload) -> Image.Image:
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_image_type_message(), code="image_type")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="image_pixels")
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Warning) as error:
        raise ValidationError(_image_type_message(), code="image_type") from error
    finally:
        upload.seek(0)
    return image


def _image_type_message() -> str:
    return str(_("The file is not an image we can show. Upload a JPEG, PNG or WebP picture."))


def check_image(upload) -> Image.Image:
    """The decoded picture, or a ValidationError that says what is wrong with the file."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; images can be at most %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_IMAGE_BYTES)},
            code="too_large",
        )
    image = _open(upload)
    if min(image.size) < MIN_SIDE:
        raise ValidationError(
            _("The image is too small: it must be at least %(min)s pixels on each side.")
            % {"min": MIN_SIDE},
            code="image_small",
        )
    return image


def _encode(image: Image.Image, longest_side: int) -> ContentFile:
    copy = image.copy()
    copy.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, format="WEBP", quality=82, method=4)
    return ContentFile(buffer.getvalue(), name="image.webp")


def resize(image: Image.Image) -> ResizedImage:
    """Upright (EXIF orientation applied), in RGB(A), as WebP copies without metadata."""
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    large = _encode(image, SIZES["large"])
    with Image.open(io.BytesIO(large.read())) as encoded:
        width, height = encoded.size
    large.seek(0)
    small = _encode(image, SIZES["small"])
    return ResizedImage(large=large, small=small, width=width, height=height)
