"""Benchmark: the task worker's peak memory (RSS) when it approves one near-limit contest photo.

For each kind of photo (JPEGs and PNGs of the largest size an entrant may send), it stores an
entry with that original, records a moderator's approval as the admin does (media.tasks.decide:
one task), then runs the real worker (`manage.py db_worker --batch`, which exits once the queue
is empty) and reads that process's peak RSS from the kernel as it exits (VmHWM: ru_maxrss would
start from this script's own size at the fork). The worker's peak with nothing to do is
measured the same way, as the baseline. Photos are made by a process of their own, so that
nothing here grows. It fails, exiting non-zero with the reason, when an approval did not
produce the public copy (upright, at most 2,400 px, no metadata) and its renditions, or when a
peak is over --limit-mb.

From the repository root (SQLite and files in var/bench/approval/, kept between runs; the first
run migrates, about 20 s):

    .venv/bin/python bench/approval_memory.py
    .venv/bin/python bench/approval_memory.py --kinds jpeg --limit-mb 250

Measured (2 cores, SQLite; the worker with nothing to do: 152 MB), the worker's peak before
issue 14 item 9 (every kind accepted up to 60 MP) and after (each kind at its own limit):

    kind               before (60 MP)   after
    jpeg               269 MB           255 MB (60 MP)
    jpeg-panorama      392 MB           161 MB (60 MP)
    jpeg-progressive   381 MB           237 MB (11.2 MP; more is refused)
    jpeg-square        325 MB           268 MB (60 MP); 276 MB (16.5 MP; to 23 MP refused)
    png                453 MB           269 MB (21.7 MP; more is refused)
    png-rgba           608 MB           281 MB (21.7 MP; more is refused)
    png-palette        453 MB           257 MB (60 MP)
"""

import argparse
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench" / "approval"
PYTHON = sys.executable
ORIENTATION_TAG = 0x0112
# Each kind of photo: how it decodes (Pillow's mode), its shape, and how it is saved.
KINDS = {
    "jpeg": {"mode": "RGB", "aspect": 3 / 2},
    "jpeg-progressive": {"mode": "RGB", "aspect": 3 / 2, "progressive": True},
    "jpeg-panorama": {"mode": "RGB", "aspect": 15},
    "jpeg-square": {"mode": "RGB", "aspect": 1},
    "png": {"mode": "RGB", "aspect": 3 / 2},
    "png-rgba": {"mode": "RGBA", "aspect": 3 / 2},
    "png-palette": {"mode": "P", "aspect": 3 / 2},
}
JPEG_420 = ((2, 2), (1, 1), (1, 1))  # Pillow's default chroma subsampling


def environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="wsis_site.settings.dev",
        DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
        MEDIA_ROOT=str(WORK / "media"),
        PRIVATE_MEDIA_ROOT=str(WORK / "private"),
        EMAIL_URL="console://",
        DEBUG="false",
        PYTHONPATH=str(ROOT),
    )
    return env


def largest_accepted(kind):
    from media import photos

    spec = KINDS[kind]
    if kind.startswith("png"):
        return photos.max_pixels("PNG", spec["mode"], aspect=spec["aspect"])
    progressive = spec.get("progressive", False)
    return photos.max_pixels(
        "JPEG", "RGB", aspect=spec["aspect"], progressive=progressive, sampling=JPEG_420
    )


def near_limit_photo(kind, pixels):
    """Bytes of a photo of `pixels` pixels that the entry form accepts: JPEGs with camera-like
    detail (and an EXIF orientation, so the copy is turned upright), or PNGs."""
    from PIL import Image

    spec = KINDS[kind]
    width = int((pixels * spec["aspect"]) ** 0.5) // 8 * 8
    height = pixels // width
    if kind.startswith("jpeg"):
        # Detail at every scale that stays under the upload limit in bytes: noise, enlarged.
        grain = Image.effect_noise((max(8, width // 20), max(8, height // 20)), 64)
        channels = [grain, grain.transpose(Image.Transpose.ROTATE_180), grain.rotate(90)]
        small = Image.merge("RGB", [c.resize(grain.size) for c in channels])
        photo = small.resize((width, height), Image.Resampling.BICUBIC)
        exif = Image.Exif()
        exif[ORIENTATION_TAG] = 6  # taken with the camera on its side
        buffer = io.BytesIO()
        progressive = spec.get("progressive", False)
        photo.save(buffer, "JPEG", quality=88, exif=exif.tobytes(), progressive=progressive)
        return buffer.getvalue(), (width, height)
    mode = spec["mode"]
    photo = Image.new(mode, (width, height))
    if mode == "P":
        photo.putpalette([value for index in range(256) for value in (index, 255 - index, 90)])
    shade = Image.linear_gradient("L").resize((width, height))
    photo.paste(shade.convert(mode), (0, 0), shade)
    buffer = io.BytesIO()
    photo.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue(), (width, height)


def run(args, env, check=True):
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


# Runs manage.py's command with the arguments given, then writes the process's peak RSS (kB)
# to the file named by $PEAK_FILE as it exits.
MEASURED = """
import atexit, os, runpy, sys

def report():
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM")).split()[1]
    with open(os.environ["PEAK_FILE"], "w") as out:
        out.write(peak)

atexit.register(report)
sys.argv = ["manage.py", *sys.argv[1:]]
runpy.run_path("manage.py", run_name="__main__")
"""


def worker_peak(env):
    """Runs the worker until the queue is empty; its peak RSS in MB, and its duration."""
    peak_file = WORK / "worker-peak"
    peak_file.unlink(missing_ok=True)
    began = time.monotonic()
    run(
        [PYTHON, "-c", MEASURED, "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*"],
        {**env, "PEAK_FILE": str(peak_file)},
    )
    return int(peak_file.read_text()) / 1024, time.monotonic() - began


# --- Run inside Django (the `prepare` and `verify` steps, each in its own process) ---------


def prepare(original_path):
    """Stores an entry with the original and a moderator's approval, as the admin records it."""
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from media import tasks
    from media.models import PhotoContestPage, PhotoEntry

    contest = PhotoContestPage.objects.filter(slug="bench-approval").first()
    if contest is None:
        contest = Page.get_first_root_node().add_child(
            instance=PhotoContestPage(
                title="Bench: approval memory",
                slug="bench-approval",
                theme="Memory",
                opens_on=timezone.localdate(),
                closes_on=timezone.localdate(),
            )
        )
    entry = PhotoEntry(
        contest=contest,
        contest_key=contest.translation_key,
        title="Near the limit",
        caption="A photo as large as the entry form accepts.",
        taken_where="Geneva",
        photographer="Bench",
        email="bench@example.org",
        country="CH",
        licence="cc-by-4.0",
    )
    name = Path(original_path).name
    entry.original.save(name, ContentFile(Path(original_path).read_bytes()), save=False)
    entry.save()
    with transaction.atomic():
        tasks.decide([entry.pk], PhotoEntry.Status.APPROVED, None)
    print(entry.pk)


def verify(entry_id):
    """What approval must have produced; exits non-zero with the reason otherwise."""
    import django

    django.setup()
    from PIL import Image

    from media.entries import PUBLISHED_RENDITIONS
    from media.models import PhotoEntry
    from media.photos import PUBLIC_LONG_SIDE

    entry = PhotoEntry.objects.select_related("public_image").get(pk=entry_id)
    image = entry.public_image
    problems = []
    if entry.status != PhotoEntry.Status.APPROVED or image is None:
        sys.exit(f"entry {entry_id}: no public copy (status {entry.status})")
    with image.file.open("rb") as file, Image.open(file) as copy:
        size, exif = copy.size, copy.getexif()
    if max(size) > PUBLIC_LONG_SIDE:
        problems.append(f"the public copy is {size}, over {PUBLIC_LONG_SIDE} px")
    if len(exif):
        problems.append(f"the public copy keeps EXIF tags {sorted(exif)}")
    made = set(image.renditions.values_list("filter_spec", flat=True))
    missing = [spec for spec in PUBLISHED_RENDITIONS if spec not in made]
    if missing:
        problems.append(f"renditions missing: {missing}")
    for rendition in image.renditions.all():
        if not rendition.file.storage.exists(rendition.file.name):
            problems.append(f"rendition {rendition.filter_spec} has no file")
    if problems:
        sys.exit(f"entry {entry_id}: " + "; ".join(problems))
    print(json.dumps({"copy": size}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--limit-mb", type=float, default=300)
    parser.add_argument(
        "--megapixels", type=float, help="instead of the most the entry form accepts of each kind"
    )
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    parser.add_argument("--verify", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=3, help=argparse.SUPPRESS)  # kind, pixels, path
    args = parser.parse_args()
    if args.make:
        kind, pixels, path = args.make
        data, size = near_limit_photo(kind, int(pixels))
        Path(path).write_bytes(data)
        return print(json.dumps({"size": size}))
    if args.prepare:
        return prepare(args.prepare)
    if args.verify:
        return verify(args.verify)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_site.settings.dev")
    from django.core.files.uploadedfile import SimpleUploadedFile

    from media import photos

    env = environment()
    WORK.mkdir(parents=True, exist_ok=True)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
    baseline, _seconds = worker_peak(env)
    print(f"worker with nothing to do: peak {baseline:.0f} MB")
    failures = []
    for kind in args.kinds.split(","):
        pixels = int(args.megapixels * 1e6) if args.megapixels else largest_accepted(kind)
        name = f"near-limit-{kind}.{'png' if kind.startswith('png') else 'jpg'}"
        original = WORK / name
        made = run([PYTHON, __file__, "--make", kind, str(pixels), str(original)], env)
        size = json.loads(made.stdout)["size"]
        data = original.read_bytes()
        # Only what the entry form accepts (bytes, pixels, format) is worth measuring.
        photos.check_photo(SimpleUploadedFile(name, data))
        entry_id = int(run([PYTHON, __file__, "--prepare", str(original)], env).stdout.split()[-1])
        peak, seconds = worker_peak(env)
        checked = run([PYTHON, __file__, "--verify", str(entry_id)], env, check=False)
        if checked.returncode != 0:
            sys.exit(f"{kind}: {checked.stderr.strip() or checked.stdout.strip()}")
        copy = json.loads(checked.stdout)["copy"]
        megapixels = size[0] * size[1] / 1e6
        print(
            f"{kind}: {size[0]}x{size[1]} ({megapixels:.1f} MP, {len(data) / 1e6:.1f} MB): "
            f"worker peak {peak:.0f} MB (+{peak - baseline:.0f} MB over the idle worker), "
            f"{seconds:.1f} s; public copy {copy[0]}x{copy[1]} and its renditions"
        )
        if peak > args.limit_mb:
            failures.append(f"{kind}: {peak:.0f} MB > {args.limit_mb:.0f} MB")
    if failures:
        sys.exit("Over the limit: " + "; ".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
