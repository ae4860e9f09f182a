"""A small expert jury for the WSIS Prizes 2017 and the WSIS Photo Contest 2017 (juries/):
published criteria (translated into the five other languages), three jurors, seeded scores.

- Prizes 2017: one round, closed, every entry scored by the three jurors in every category
  (its nominees are the demo's, drawn by demo.prizes).
- Photo contest 2017: round 1 scores the approved photos and sends the best six on; round 2
  scores those six, and its ranking sets the three winners' ranks, as staff do in the admin.

Safe to run again: a contest that has a round is left as it is."""

import random

from django.contrib.auth import get_user_model

from juries import rounds
from juries.models import Criterion, JuryRound
from media.models import PhotoContestPage
from prizes.models import PrizesContestPage

JURORS = [
    ("jury-amina", "Amina", "Diallo"),
    ("jury-bruno", "Bruno", "Keller"),
    ("jury-chen", "Chen", "Jing"),
]

# (name, weight, highest score, {language: name})
PRIZES_CRITERIA = [
    (
        "Impact on the WSIS Action Line",
        3,
        10,
        {
            "ar": "الأثر على خط عمل القمة العالمية لمجتمع المعلومات",
            "es": "Impacto en la línea de acción de la CMSI",
            "fr": "Impact sur la grande orientation du SMSI",
            "ru": "Влияние на направление деятельности ВВУИО",
            "zh-hans": "对信息社会世界峰会行动方针的影响",
        },
    ),
    (
        "Sustainability",
        2,
        10,
        {
            "ar": "الاستدامة",
            "es": "Sostenibilidad",
            "fr": "Durabilité",
            "ru": "Устойчивость",
            "zh-hans": "可持续性",
        },
    ),
    (
        "Replicability",
        1,
        10,
        {
            "ar": "قابلية التكرار",
            "es": "Replicabilidad",
            "fr": "Reproductibilité",
            "ru": "Воспроизводимость",
            "zh-hans": "可复制性",
        },
    ),
]
PHOTO_CRITERIA = [
    (
        "Relevance to the theme",
        2,
        10,
        {
            "ar": "الصلة بموضوع المسابقة",
            "es": "Pertinencia con el tema",
            "fr": "Pertinence par rapport au thème",
            "ru": "Соответствие теме",
            "zh-hans": "与主题的相关性",
        },
    ),
    (
        "Composition and technique",
        1,
        10,
        {
            "ar": "التكوين والتقنية",
            "es": "Composición y técnica",
            "fr": "Composition et technique",
            "ru": "Композиция и техника",
            "zh-hans": "构图与技巧",
        },
    ),
]
# The photos demo.media made the winners, first prize first.
PHOTO_WINNERS = ["(5)", "(12)", "(18)"]


def build():
    jurors = _jurors()
    prizes = PrizesContestPage.objects.filter(
        slug="wsis-prizes-2017", locale__language_code="en"
    ).first()
    if prizes is not None:
        _prizes_jury(prizes, jurors)
    photos = PhotoContestPage.objects.filter(
        slug="photo-contest-2017", locale__language_code="en"
    ).first()
    if photos is not None:
        _photo_jury(photos, jurors)


def _jurors():
    users = []
    for username, first, last in JURORS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults=dict(first_name=first, last_name=last, email=f"{username}@example.org"),
        )
        if created:
            user.set_unusable_password()  # demo people: nobody signs in as them
            user.save()
        users.append(user)
    return users


def _criteria(contest, specs):
    from wagtail.models import Locale

    for order, (name, weight, top, names) in enumerate(specs):
        criterion = Criterion.objects.create(
            contest=contest,
            locale=contest.locale,
            name=name,
            weight=weight,
            max_score=top,
            sort_order=order,
        )
        for language, translated in names.items():
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None:
                continue
            copy = criterion.copy_for_translation(locale)
            copy.name = translated
            copy.save()


def _score_all(jury_round, jurors, rng, favoured=()):
    """Every juror scores every candidate; the favoured entries (ids) score high."""
    criteria = list(jury_round.criteria())
    for candidate in jury_round.candidates.order_by("pk"):
        for juror in jurors:
            if candidate.entry_id in favoured:
                values = {c: 10 - favoured.index(candidate.entry_id) for c in criteria}
            else:
                values = {c: rng.randint(2, 7) for c in criteria}
            rounds.submit_review(candidate, juror, values, {})


def _prizes_jury(contest, jurors):
    if JuryRound.objects.filter(contest=contest).exists():
        return
    _criteria(contest, PRIZES_CRITERIA)
    jury_round = rounds.create_round(contest, None)
    for category in jury_round.categories():
        rounds.set_jurors(jury_round, category.key, jurors, None)
    rounds.open_round(jury_round, None)
    _score_all(jury_round, jurors, random.Random(2017))
    rounds.close_round(jury_round, None)


def _photo_jury(contest, jurors):
    if JuryRound.objects.filter(contest=contest).exists():
        return
    _criteria(contest, PHOTO_CRITERIA)
    winners = [contest.entries().get(title__endswith=suffix).pk for suffix in PHOTO_WINNERS]
    rng = random.Random(2018)
    first = rounds.create_round(contest, None, advance_count=6)
    (category,) = first.categories()
    rounds.set_jurors(first, category.key, jurors, None)
    rounds.open_round(first, None)
    _score_all(first, jurors, rng, favoured=winners)
    rounds.close_round(first, None)
    second = rounds.start_next_round(first, None)
    rounds.open_round(second, None)
    _score_all(second, jurors, rng, favoured=winners)
    rounds.close_round(second, None)
    best = [
        s.candidate
        for s in rounds.category_ranking(second, category.key)[: contest.number_of_winners]
    ]
    rounds.nominate(second, best, None)
