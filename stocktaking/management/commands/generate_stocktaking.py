"""Sample entries for the demonstration site and the benchmark: plausible projects over every
Action Line, SDG, region and stakeholder type, in the six languages, each labelled as sample
data (is_sample, and "Sample:" in its title); plus the two projects the newsletters name (the
WHO-ITU eHealth projects repository, the WSIS Hack for Health). Seeded: the same --seed makes
the same entries. Safe to run again: earlier sample entries are replaced."""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_countries import countries as country_names
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from stocktaking.models import (
    ActionLine,
    Entry,
    EntryCountry,
    Region,
    Sdg,
    StocktakingPage,
)
from stocktaking.models.storing import published_data_changed, set_classification
from stocktaking.reference import REGION_OF_COUNTRY

LABEL = {
    "en": "Sample: ",
    "fr": "Exemple : ",
    "es": "Ejemplo: ",
    "ar": "مثال: ",
    "ru": "Пример: ",
    "zh-hans": "示例：",
}
# (what the project does, where): per language, a few kinds of projects.
PROJECTS = {
    "en": [
        (
            "Telemedicine for rural clinics in {country}",
            "Connects rural clinics in {country} "
            "to hospital specialists by video and trains nurses to use the equipment.",
        ),
        (
            "Digital skills for young women in {country}",
            "Free coding and digital literacy "
            "courses for young women, with mentoring by local companies.",
        ),
        (
            "Community broadband in {country}",
            "A community network brings affordable broadband to villages that no operator serves.",
        ),
        (
            "Open government data portal of {country}",
            "Publishes the ministries' data sets "
            "in open formats, with a help desk for journalists and researchers.",
        ),
        (
            "Cybersecurity awareness for small businesses in {country}",
            "Workshops and an "
            "online guide on protecting data in mobile devices and online banking.",
        ),
    ],
    "fr": [
        (
            "Télémédecine pour les centres de santé ruraux ({country})",
            "Relie les centres "
            "de santé ruraux aux spécialistes des hôpitaux par vidéo et forme le personnel.",
        ),
        (
            "Compétences numériques des jeunes femmes ({country})",
            "Cours gratuits de "
            "programmation et d'initiation au numérique, avec un mentorat par des entreprises.",
        ),
        (
            "Haut débit communautaire ({country})",
            "Un réseau communautaire apporte un accès "
            "abordable à l'internet aux villages qu'aucun opérateur ne dessert.",
        ),
    ],
    "es": [
        (
            "Escuelas conectadas en {country}",
            "Lleva internet de banda ancha a escuelas "
            "rurales y forma a los docentes en el uso de recursos educativos abiertos.",
        ),
        (
            "Alertas agrícolas por SMS en {country}",
            "Envía a los agricultores previsiones "
            "meteorológicas y precios de mercado por mensaje de texto.",
        ),
        (
            "Trámites en línea para municipios de {country}",
            "Permite a los ciudadanos realizar trámites municipales en línea, sin desplazarse.",
        ),
    ],
    "ar": [
        (
            "الصحة الإلكترونية في المناطق الريفية ({country})",
            "يربط المراكز الصحية الريفية "
            "بالأطباء المختصين عبر الفيديو ويدرب الممرضين على استخدام المعدات.",
        ),
        (
            "المهارات الرقمية للشابات ({country})",
            "دورات مجانية في البرمجة ومحو الأمية الرقمية للشابات، مع إرشاد من الشركات المحلية.",
        ),
    ],
    "ru": [
        (
            "Электронное правительство для малых городов ({country})",
            "Жители получают муниципальные услуги онлайн, без очередей и поездок.",
        ),
        (
            "Цифровая грамотность для пожилых людей ({country})",
            "Бесплатные занятия в библиотеках: электронная почта, онлайн-банк, защита данных.",
        ),
    ],
    "zh-hans": [
        ("{country}农村远程医疗网络", "通过视频将农村诊所与医院专家连接起来，并培训护士使用设备。"),
        ("{country}中小学数字课堂", "为农村学校提供宽带接入，并培训教师使用开放教育资源。"),
    ],
}
ORGANISATIONS = {
    "government": ["Ministry of ICT", "National Telecommunication Regulator", "City council"],
    "private_sector": ["TeleCom Solutions", "Open Networks Ltd", "AgriData Inc."],
    "civil_society": ["Digital Inclusion Foundation", "Women in Tech Association"],
    "academia": ["National University", "Institute of Technology"],
    "international_organisation": ["Regional Development Bank", "UN agency country office"],
    "other": ["Community network cooperative"],
}
LANGUAGE_WEIGHTS = {"en": 50, "fr": 15, "es": 15, "ar": 8, "ru": 6, "zh-hans": 6}
PAGE_TITLES = {
    "en": ("WSIS Stocktaking database", "database"),
    "fr": ("Base de données de l'inventaire du SMSI", "base-de-donnees"),
    "es": ("Base de datos del inventario de la CMSI", "base-de-datos"),
    "ar": ("قاعدة بيانات عملية الجرد للقمة العالمية لمجتمع المعلومات", "database"),
    "ru": ("База данных Инвентаризации ВВУИО", "database"),
    "zh-hans": ("信息社会世界峰会盘点数据库", "database"),
}
REAL_PROJECTS = [
    {
        "title": "WHO-ITU eHealth projects repository",
        "organisation": "World Health Organization and International Telecommunication Union",
        "stakeholder_type": "international_organisation",
        "description": "A joint WHO-ITU repository of validated, operational eHealth projects "
        "that show an effective and sustainable use of ICT for health, first of all for "
        "women's and children's health, in support of the UN Commission on Information and "
        "Accountability for Women's and Children's Health. Projects evaluated and supported "
        "by governments are published online once validated.",
        "website": "https://www.itu.int/",
        "start_date": datetime.date(2014, 4, 1),
        "project_status": "ongoing",
        "action_lines": ["C7.4", "C11"],
        "sdgs": [3, 5, 17],
        "countries": ["CH"],
    },
    {
        "title": "WSIS Hack for Health",
        "organisation": "International Telecommunication Union",
        "stakeholder_type": "international_organisation",
        "description": "A hackathon at the WSIS Forum 2017 in Geneva: teams of three to seven "
        "students and young professionals aged 18 to 35, promoting gender equality, build "
        "applications for health with technical and functional skills together.",
        "website": "https://www.itu.int/",
        "start_date": datetime.date(2017, 6, 12),
        "end_date": datetime.date(2017, 6, 16),
        "project_status": "completed",
        "action_lines": ["C7.4", "C4"],
        "sdgs": [3, 4, 5],
        "countries": ["CH"],
    },
]


class Command(BaseCommand):
    help = "Creates sample Stocktaking entries (clearly labelled) and the newsletters' projects."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--pages",
            action="store_true",
            help="Also create the database page under the 'WSIS Stocktaking' page (or the "
            "home page) in every language the parent exists in.",
        )

    def handle(self, *args, count=200, seed=1, pages=False, **options):
        with transaction.atomic():
            made = generate(count, seed)
            real = add_real_projects()
            if pages:
                ensure_pages()
        published_data_changed()
        self.stdout.write(
            self.style.SUCCESS(f"{made} sample entries and {real} projects of the newsletters.")
        )


def delete_samples():
    """The last run's samples, in bulk: Wagtail's delete signal would clear each one's
    reference-index rows with two queries apiece, seconds for 300."""
    samples = Entry.objects.filter(is_sample=True)
    ids = [str(pk) for pk in samples.values_list("pk", flat=True)]
    with disable_reference_index_auto_update():
        samples.delete()
    entry_type = ContentType.objects.get_for_model(Entry)  # no parent model: its own type
    ReferenceIndex.objects.filter(base_content_type=entry_type, object_id__in=ids).delete()
    ReferenceIndex.objects.filter(to_content_type=entry_type, to_object_id__in=ids).delete()


def generate(count, seed):
    rng = random.Random(seed)
    delete_samples()
    lines = list(ActionLine.objects.all())
    parents = {line.pk: line.parent_id for line in lines}
    goals = list(Sdg.objects.all())
    regions = {region.code: region for region in Region.objects.all()}
    codes = sorted(REGION_OF_COUNTRY)
    languages = list(LANGUAGE_WEIGHTS)
    weights = list(LANGUAGE_WEIGHTS.values())
    now = timezone.now()
    entries, classification = [], []
    for number in range(count):
        language = rng.choices(languages, weights)[0]
        stakeholder = rng.choice(list(ORGANISATIONS))
        chosen_countries = rng.sample(codes, rng.choice([1, 1, 1, 2, 3]))
        title, description = rng.choice(PROJECTS[language])
        with_country = {"country": str(country_names.name(chosen_countries[0]))}
        start = datetime.date(rng.randint(2005, 2024), rng.randint(1, 12), 1)
        completed = rng.random() < 0.35
        entry = Entry(
            title=(LABEL[language] + title.format(**with_country))[:255],
            organisation=rng.choice(ORGANISATIONS[stakeholder]),
            stakeholder_type=stakeholder,
            description=description,
            website="https://example.org/",
            project_status="completed" if completed else "ongoing",
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randint(180, 1500)) if completed else None,
            language=language,
            contact_name="Sample contact",
            contact_email=f"sample{number}@example.org",
            status=Entry.Status.PUBLISHED,
            published_at=now - datetime.timedelta(minutes=number),
            confirmed_at=now,
            is_sample=True,
        )
        entry.derive_fields()  # bulk_create calls no save()
        entries.append(entry)
        picked_lines = rng.sample(lines, rng.choice([1, 2, 2, 3]))
        line_ids = {line.pk for line in picked_lines} | {
            parents[line.pk] for line in picked_lines if parents[line.pk]
        }
        classification.append(
            (
                line_ids,
                {goal.pk for goal in rng.sample(goals, rng.choice([1, 2, 3]))},
                chosen_countries,
            )
        )
    Entry.objects.bulk_create(entries, batch_size=500)
    LineLink, GoalLink = Entry.action_lines.through, Entry.sdgs.through
    line_links, goal_links, country_links = [], [], []
    for entry, (line_ids, goal_ids, chosen) in zip(entries, classification, strict=True):
        line_links += [LineLink(entry_id=entry.pk, actionline_id=pk) for pk in line_ids]
        goal_links += [GoalLink(entry_id=entry.pk, sdg_id=pk) for pk in goal_ids]
        country_links += [
            EntryCountry(entry_id=entry.pk, country=code, region=regions[REGION_OF_COUNTRY[code]])
            for code in chosen
        ]
    LineLink.objects.bulk_create(line_links, batch_size=1000)
    GoalLink.objects.bulk_create(goal_links, batch_size=1000)
    EntryCountry.objects.bulk_create(country_links, batch_size=1000)
    return len(entries)


def add_real_projects():
    for project in REAL_PROJECTS:
        data = dict(project)
        lines, goals, chosen = data.pop("action_lines"), data.pop("sdgs"), data.pop("countries")
        entry, _created = Entry.objects.update_or_create(
            title=data.pop("title"),
            is_sample=False,
            defaults={
                **data,
                "language": "en",
                "contact_name": "WSIS Secretariat",
                "contact_email": "wsis-info@itu.int",
                "status": Entry.Status.PUBLISHED,
                "published_at": timezone.now(),
            },
        )
        set_classification(
            entry,
            ActionLine.objects.filter(code__in=lines),
            Sdg.objects.filter(number__in=goals),
            chosen,
        )
    return len(REAL_PROJECTS)


def ensure_pages():
    """The database page in English under the WSIS Stocktaking page (or the home page), then in
    each language whose parent exists, with its title in that language."""
    english = Locale.objects.get(language_code="en")
    parent = (
        Page.objects.filter(locale=english, slug="stocktaking")
        .exclude(content_type__model="stocktakingpage")
        .first()
        or Page.objects.filter(locale=english, depth=2).first()
    )
    if parent is None:
        return None
    page = StocktakingPage.objects.filter(locale=english).first()
    if page is None:
        title, slug = PAGE_TITLES["en"]
        page = parent.add_child(instance=StocktakingPage(title=title, slug=slug))
        page.save_revision().publish()
    for locale in Locale.objects.exclude(pk=english.pk):
        if page.has_translation(locale) or not parent.specific.has_translation(locale):
            continue
        title, slug = PAGE_TITLES.get(locale.language_code, PAGE_TITLES["en"])
        translated = page.copy_for_translation(locale)
        translated.title, translated.slug = title, slug
        translated.save_revision().publish()
    return page
