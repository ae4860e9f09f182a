"""The reference data of the Stocktaking database, with its names in the six UN languages:
the WSIS Action Lines of the Geneva Plan of Action (C1-C11, and C7's eight applications), the
17 Sustainable Development Goals, and the six ITU regions with the countries of each.

The names are the official ones (the Geneva Plan of Action and the UN's SDG names as each
language edition publishes them). They are loaded into the database by the migration
0002_reference_data; this module stays the source that migration reads.

Regions: WSIS reports by the six regions of ITU's Telecommunication Development Sector (the
regions of its regional offices): Africa, the Americas, the Arab States, Asia and the Pacific,
the Commonwealth of Independent States, Europe. A country belongs to exactly one. Territories
that are not ITU Member States (e.g. Greenland, Aruba) have none; an entry about them has the
countries it names and no derived region."""

LANGUAGE_CODES = ("en", "fr", "es", "ar", "ru", "zh-hans")

ACTION_LINES = [
    # (code, parent code, names in en, fr, es, ar, ru, zh-hans)
    (
        "C1",
        None,
        "The role of public governance authorities and all stakeholders in the promotion of "
        "ICTs for development",
        "Rôle des autorités publiques et de toutes les parties prenantes dans la promotion des "
        "TIC pour le développement",
        "Papel de los gobiernos y de todas las partes interesadas en la promoción de las TIC "
        "para el desarrollo",
        "دور السلطات العامة وجميع أصحاب المصلحة في النهوض بتكنولوجيا المعلومات والاتصالات "
        "من أجل التنمية",
        "Роль органов государственного управления и всех заинтересованных сторон в содействии "
        "использованию ИКТ в целях развития",
        "政府和所有利益攸关方在促进信息通信技术促进发展方面的作用",
    ),
    (
        "C2",
        None,
        "Information and communication infrastructure",
        "Infrastructure de l'information et de la communication",
        "Infraestructura de la información y la comunicación",
        "البنية التحتية للمعلومات والاتصالات",
        "Информационная и коммуникационная инфраструктура",
        "信息和通信基础设施",
    ),
    (
        "C3",
        None,
        "Access to information and knowledge",
        "Accès à l'information et au savoir",
        "Acceso a la información y al conocimiento",
        "النفاذ إلى المعلومات والمعارف",
        "Доступ к информации и знаниям",
        "获取信息和知识",
    ),
    (
        "C4",
        None,
        "Capacity building",
        "Renforcement des capacités",
        "Creación de capacidad",
        "بناء القدرات",
        "Создание потенциала",
        "能力建设",
    ),
    (
        "C5",
        None,
        "Building confidence and security in the use of ICTs",
        "Établir la confiance et la sécurité dans l'utilisation des TIC",
        "Creación de confianza y seguridad en la utilización de las TIC",
        "بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات",
        "Укрепление доверия и безопасности при использовании ИКТ",
        "树立使用信息通信技术的信心和安全",
    ),
    (
        "C6",
        None,
        "Enabling environment",
        "Environnement propice",
        "Entorno habilitador",
        "البيئة التمكينية",
        "Благоприятная среда",
        "有利的环境",
    ),
    (
        "C7",
        None,
        "ICT applications: benefits in all aspects of life",
        "Applications TIC : avantages dans tous les aspects de la vie",
        "Aplicaciones de las TIC: ventajas en todos los aspectos de la vida",
        "تطبيقات تكنولوجيا المعلومات والاتصالات: الفوائد في جميع جوانب الحياة",
        "Применение ИКТ: преимущества во всех аспектах жизни",
        "信息通信技术应用：惠及生活的方方面面",
    ),
    (
        "C7.1",
        "C7",
        "E-government",
        "Cybergouvernement",
        "Gobierno electrónico",
        "الحكومة الإلكترونية",
        "Электронное правительство",
        "电子政务",
    ),
    (
        "C7.2",
        "C7",
        "E-business",
        "Commerce électronique",
        "Negocios electrónicos",
        "الأعمال التجارية الإلكترونية",
        "Электронная коммерция",
        "电子商务",
    ),
    (
        "C7.3",
        "C7",
        "E-learning",
        "Téléenseignement",
        "Aprendizaje electrónico",
        "التعلم الإلكتروني",
        "Электронное обучение",
        "电子学习",
    ),
    (
        "C7.4",
        "C7",
        "E-health",
        "Cybersanté",
        "Ciber-salud",
        "الصحة الإلكترونية",
        "Электронное здравоохранение",
        "电子卫生",
    ),
    (
        "C7.5",
        "C7",
        "E-employment",
        "Cyberemploi",
        "Ciber-empleo",
        "التوظيف الإلكتروني",
        "Электронная занятость",
        "电子就业",
    ),
    (
        "C7.6",
        "C7",
        "E-environment",
        "Cyberécologie",
        "Ciber-ecología",
        "البيئة الإلكترونية",
        "Электронная экология",
        "电子环境",
    ),
    (
        "C7.7",
        "C7",
        "E-agriculture",
        "Cyberagriculture",
        "Ciber-agricultura",
        "الزراعة الإلكترونية",
        "Электронное сельское хозяйство",
        "电子农业",
    ),
    (
        "C7.8",
        "C7",
        "E-science",
        "Cyberscience",
        "Ciber-ciencia",
        "العلوم الإلكترونية",
        "Электронная наука",
        "电子科学",
    ),
    (
        "C8",
        None,
        "Cultural diversity and identity, linguistic diversity and local content",
        "Diversité et identité culturelles, diversité linguistique et contenus locaux",
        "Diversidad e identidad culturales, diversidad lingüística y contenido local",
        "التنوع الثقافي والهوية الثقافية والتنوع اللغوي والمحتوى المحلي",
        "Культурное разнообразие и самобытность, языковое разнообразие и местный контент",
        "文化多样性和特性、语言多样性和本地内容",
    ),
    (
        "C9",
        None,
        "Media",
        "Médias",
        "Medios de comunicación",
        "وسائط الإعلام",
        "Средства массовой информации",
        "媒体",
    ),
    (
        "C10",
        None,
        "Ethical dimensions of the Information Society",
        "Dimensions éthiques de la société de l'information",
        "Dimensiones éticas de la sociedad de la información",
        "الأبعاد الأخلاقية لمجتمع المعلومات",
        "Этические аспекты информационного общества",
        "信息社会的道德层面",
    ),
    (
        "C11",
        None,
        "International and regional cooperation",
        "Coopération internationale et régionale",
        "Cooperación internacional y regional",
        "التعاون الدولي والإقليمي",
        "Международное и региональное сотрудничество",
        "国际和区域合作",
    ),
]

SDGS = [
    # (number, names in en, fr, es, ar, ru, zh-hans)
    (
        1,
        "No poverty",
        "Pas de pauvreté",
        "Fin de la pobreza",
        "القضاء على الفقر",
        "Ликвидация нищеты",
        "无贫穷",
    ),
    (
        2,
        "Zero hunger",
        "Faim « zéro »",
        "Hambre cero",
        "القضاء التام على الجوع",
        "Ликвидация голода",
        "零饥饿",
    ),
    (
        3,
        "Good health and well-being",
        "Bonne santé et bien-être",
        "Salud y bienestar",
        "الصحة الجيدة والرفاه",
        "Хорошее здоровье и благополучие",
        "良好健康与福祉",
    ),
    (
        4,
        "Quality education",
        "Éducation de qualité",
        "Educación de calidad",
        "التعليم الجيد",
        "Качественное образование",
        "优质教育",
    ),
    (
        5,
        "Gender equality",
        "Égalité entre les sexes",
        "Igualdad de género",
        "المساواة بين الجنسين",
        "Гендерное равенство",
        "性别平等",
    ),
    (
        6,
        "Clean water and sanitation",
        "Eau propre et assainissement",
        "Agua limpia y saneamiento",
        "المياه النظيفة والنظافة الصحية",
        "Чистая вода и санитария",
        "清洁饮水和卫生设施",
    ),
    (
        7,
        "Affordable and clean energy",
        "Énergie propre et d'un coût abordable",
        "Energía asequible y no contaminante",
        "طاقة نظيفة وبأسعار معقولة",
        "Недорогостоящая и чистая энергия",
        "经济适用的清洁能源",
    ),
    (
        8,
        "Decent work and economic growth",
        "Travail décent et croissance économique",
        "Trabajo decente y crecimiento económico",
        "العمل اللائق ونمو الاقتصاد",
        "Достойная работа и экономический рост",
        "体面工作和经济增长",
    ),
    (
        9,
        "Industry, innovation and infrastructure",
        "Industrie, innovation et infrastructure",
        "Industria, innovación e infraestructura",
        "الصناعة والابتكار والهياكل الأساسية",
        "Индустриализация, инновации и инфраструктура",
        "产业、创新和基础设施",
    ),
    (
        10,
        "Reduced inequalities",
        "Inégalités réduites",
        "Reducción de las desigualdades",
        "الحد من أوجه عدم المساواة",
        "Уменьшение неравенства",
        "减少不平等",
    ),
    (
        11,
        "Sustainable cities and communities",
        "Villes et communautés durables",
        "Ciudades y comunidades sostenibles",
        "مدن ومجتمعات محلية مستدامة",
        "Устойчивые города и населенные пункты",
        "可持续城市和社区",
    ),
    (
        12,
        "Responsible consumption and production",
        "Consommation et production responsables",
        "Producción y consumo responsables",
        "الاستهلاك والإنتاج المسؤولان",
        "Ответственное потребление и производство",
        "负责任消费和生产",
    ),
    (
        13,
        "Climate action",
        "Mesures relatives à la lutte contre les changements climatiques",
        "Acción por el clima",
        "العمل المناخي",
        "Борьба с изменением климата",
        "气候行动",
    ),
    (
        14,
        "Life below water",
        "Vie aquatique",
        "Vida submarina",
        "الحياة تحت الماء",
        "Сохранение морских экосистем",
        "水下生物",
    ),
    (
        15,
        "Life on land",
        "Vie terrestre",
        "Vida de ecosistemas terrestres",
        "الحياة في البر",
        "Сохранение экосистем суши",
        "陆地生物",
    ),
    (
        16,
        "Peace, justice and strong institutions",
        "Paix, justice et institutions efficaces",
        "Paz, justicia e instituciones sólidas",
        "السلام والعدل والمؤسسات القوية",
        "Мир, правосудие и эффективные институты",
        "和平、正义与强大机构",
    ),
    (
        17,
        "Partnerships for the goals",
        "Partenariats pour la réalisation des objectifs",
        "Alianzas para lograr los objetivos",
        "عقد الشراكات لتحقيق الأهداف",
        "Партнерство в интересах устойчивого развития",
        "促进目标实现的伙伴关系",
    ),
]

REGIONS = [
    # (code, names in en, fr, es, ar, ru, zh-hans)
    ("africa", "Africa", "Afrique", "África", "أفريقيا", "Африка", "非洲"),
    ("americas", "Americas", "Amériques", "Américas", "الأمريكتان", "Америка", "美洲"),
    (
        "arab-states",
        "Arab States",
        "États arabes",
        "Estados Árabes",
        "الدول العربية",
        "Арабские государства",
        "阿拉伯国家",
    ),
    (
        "asia-pacific",
        "Asia and the Pacific",
        "Asie-Pacifique",
        "Asia-Pacífico",
        "آسيا والمحيط الهادئ",
        "Азиатско-Тихоокеанский регион",
        "亚太",
    ),
    (
        "cis",
        "Commonwealth of Independent States",
        "Communauté des États indépendants",
        "Comunidad de Estados Independientes",
        "كومنولث الدول المستقلة",
        "Содружество Независимых Государств",
        "独立国家联合体",
    ),
    ("europe", "Europe", "Europe", "Europa", "أوروبا", "Европа", "欧洲"),
]

# ISO 3166-1 alpha-2 codes by ITU-D region.
COUNTRIES_BY_REGION = {
    "africa": (
        "AO BJ BW BF BI CV CM CF TD CG CD CI GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU "
        "MZ NA NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW"
    ),
    "americas": (
        "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN "
        "LC VC SR TT US UY VE"
    ),
    "arab-states": "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE",
    "asia-pacific": (
        "AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG "
        "PH WS SG SB LK TH TL TO TV VU VN"
    ),
    "cis": "AM AZ BY KZ KG MD RU TJ TM UA UZ",
    "europe": (
        "AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MC ME "
        "NL MK NO PL PT RO SM RS SK SI ES SE CH TR GB VA"
    ),
}

REGION_OF_COUNTRY = {
    country: region
    for region, countries in COUNTRIES_BY_REGION.items()
    for country in countries.split()
}


def names(values):
    """The six names of a reference row, keyed by language code."""
    return dict(zip(LANGUAGE_CODES, values, strict=True))
