"""The WSIS Photo Contest 2017, with a few dozen entries in every state (photos drawn with
Pillow; some carry GPS metadata, which approval strips)."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from demo.assets import PALETTE
from demo.pages import upsert_page
from media import entries
from media.models import PhotoContestPage, PhotoEntry

SUBJECTS = [
    ("Telemedicine in a rural clinic", "A nurse consults a doctor by video.", "Kigali", "RW"),
    ("Coding club", "Girls learn to program after school.", "Nairobi", "KE"),
    ("Solar-powered classroom", "Tablets charged by the sun.", "Dakar", "SN"),
    ("Mobile money at the market", "A farmer is paid by phone.", "Dhaka", "BD"),
    ("Weather alerts by SMS", "Fishermen read the forecast before sailing.", "Apia", "WS"),
    ("Digital library", "Villagers borrow e-books.", "Cusco", "PE"),
    ("Online land registry", "A family checks its title deed.", "Tbilisi", "GE"),
    ("Connected ambulance", "Vital signs sent ahead to the hospital.", "Almaty", "KZ"),
]
PHOTOGRAPHERS = [
    "Grace Uwase",
    "Amina Diallo",
    "Li Wei",
    "Ana Quispe",
    "Nino Beridze",
    "Sione Tupou",
]


def draw_photo(seed, with_gps):
    rng = random.Random(seed)
    image = Image.new("RGB", (2000, 1333), PALETTE[seed % len(PALETTE)])
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y, r = rng.randint(0, 2000), rng.randint(0, 1333), rng.randint(40, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(PALETTE))
    buffer = io.BytesIO()
    exif = Image.Exif()
    if with_gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (46.0, 13.0, 0.0), 3: "E", 4: (6.0, 9.0, 0.0)})
    image.save(buffer, "JPEG", quality=80, exif=exif)
    return buffer.getvalue()


def build(home, events, clock):
    """Returns the contest page, to translate."""
    d = clock.date
    forum = events["forum_2017"]
    contest = upsert_page(
        home,
        PhotoContestPage,
        "photo-contest-2017",
        title="WSIS Photo Contest 2017",
        theme="Information and Knowledge Societies for achieving the SDGs",
        introduction="<p>Show how information and communication technologies help achieve "
        "the Sustainable Development Goals: your projects, the people and the organisations "
        "putting ICTs to work, from around the world.</p>",
        rules="<p>Send your own photos, in JPEG or PNG, at least 1,600 pixels on the long side, "
        "up to five per person. People who appear in a photo must have agreed to it.</p>",
        prizes="<p>Three winning photos are awarded and presented at the WSIS Forum 2017.</p>",
        listing_summary="The first WSIS Forum photo contest.",
        presented_at=forum,
        opens_on=d(2017, 3, 2),
        closes_on=d(2017, 5, 2),
        winners_announced_on=forum.start_date,
        entries_per_entrant=5,
        number_of_winners=3,
    )
    if not contest.entries().exists():
        rng = random.Random(2017)
        for number in range(32):
            title, caption, place, country = SUBJECTS[number % len(SUBJECTS)]
            photographer = PHOTOGRAPHERS[number % len(PHOTOGRAPHERS)]
            entry = PhotoEntry(
                contest=contest,
                contest_key=contest.translation_key,
                title=f"{title} ({number + 1})",
                caption=caption,
                taken_where=place,
                photographer=photographer,
                email=f"{photographer.split()[0].lower()}@example.org",
                country=country,
                licence=rng.choice(["cc-by-4.0", "cc-by-nc-4.0", "itu-use"]),
                people_consented=True,
                language="en",
            )
            entry.original.save(
                f"entry-{number}.jpg", ContentFile(draw_photo(number, number % 3 == 0)), save=False
            )
            entry.save()
            if number < 24:
                entries.approve(entry, notify=False)
            elif number < 28:
                entries.reject(entry, notify=False)
        for rank, number in enumerate([4, 11, 17], start=1):
            PhotoEntry.objects.filter(contest=contest, title__endswith=f"({number + 1})").update(
                winner_rank=rank
            )
    return contest
