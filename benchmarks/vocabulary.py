"""Word lists and templates for the synthetic benchmark articles (fr, ar, en)."""

from __future__ import annotations

from dataclasses import dataclass

# Everything here is immutable (tuples and frozen dataclasses): the generator only reads it.
#
# Template slots, filled by generate.py:
#   {P} person (full name first, then often a short form)   {PR} role + full person name
#   {O} organisation   {C} country   {Y} city   {S} news outlet
#   {M} minor invented person   {MR} minor person's role   {MO} minor organisation
#   {MP} minor invented place   {T} topic phrase   {N} number   {W} when (day of the week)
# A slot may carry a form: {C:de} / {C:a} / {T:que} (French de/à/que with contraction) or
# {C:l} / {C:w} / {C:b} (Arabic clitics ل و ب attached to the first word).


@dataclass(frozen=True)
class Actor:
    """A recurring international actor with its surface forms in each language."""

    id: str
    kind: str  # "person", "org", "country" or "city"
    fr: tuple[str, ...]
    ar: tuple[str, ...]
    en: tuple[str, ...]
    role_fr: str = ""
    role_ar: str = ""
    role_en: str = ""

    def forms(self, lang: str) -> tuple[str, ...]:
        """Surface forms in `lang`, the canonical full form first."""
        return getattr(self, lang)

    def role(self, lang: str) -> str:
        """The person's role in `lang` (empty for non-persons)."""
        return getattr(self, f"role_{lang}")


@dataclass(frozen=True)
class Outlet:
    """An invented news outlet with an ASCII slug for URLs."""

    name: str
    slug: str


@dataclass(frozen=True)
class LanguageData:
    """Per-language word lists and templates."""

    code: str
    outlets: tuple[Outlet, ...]
    breadcrumbs: tuple[str, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    minor_org_patterns: tuple[str, ...]
    minor_org_names: tuple[str, ...]
    minor_places: tuple[str, ...]
    minor_roles: tuple[str, ...]
    when: tuple[str, ...]
    topics: tuple[tuple[str, ...], ...]  # indexed like TOPIC_IDS
    headlines: tuple[str, ...]
    ledes: tuple[str, ...]
    sentences: tuple[str, ...]


# Ordered from most to least frequent: the generator weights them by rank (Zipf-like).
ACTORS: tuple[Actor, ...] = (
    # Countries
    Actor("iran", "country", ("l’Iran",), ("إيران",), ("Iran",)),
    Actor("israel", "country", ("Israël", "l’État hébreu"), ("إسرائيل",), ("Israel",)),
    Actor("united-states", "country", ("les États-Unis", "l’Amérique"),
          ("الولايات المتحدة", "أمريكا"), ("the United States", "the US")),
    Actor("lebanon", "country", ("le Liban",), ("لبنان",), ("Lebanon",)),
    Actor("france", "country", ("la France",), ("فرنسا",), ("France",)),
    Actor("russia", "country", ("la Russie",), ("روسيا",), ("Russia",)),
    Actor("ukraine", "country", ("l’Ukraine",), ("أوكرانيا",), ("Ukraine",)),
    Actor("egypt", "country", ("l’Égypte",), ("مصر",), ("Egypt",)),
    Actor("qatar", "country", ("le Qatar",), ("قطر",), ("Qatar",)),
    Actor("china", "country", ("la Chine",), ("الصين",), ("China",)),
    Actor("turkey", "country", ("la Turquie",), ("تركيا",), ("Turkey", "Türkiye")),
    Actor("saudi-arabia", "country", ("l’Arabie saoudite",),
          ("السعودية", "المملكة العربية السعودية"), ("Saudi Arabia",)),
    Actor("united-kingdom", "country", ("le Royaume-Uni", "la Grande-Bretagne"),
          ("بريطانيا", "المملكة المتحدة"), ("the United Kingdom", "Britain")),
    Actor("germany", "country", ("l’Allemagne",), ("ألمانيا",), ("Germany",)),
    Actor("syria", "country", ("la Syrie",), ("سوريا", "سورية"), ("Syria",)),
    Actor("jordan", "country", ("la Jordanie",), ("الأردن",), ("Jordan",)),
    Actor("iraq", "country", ("l’Irak",), ("العراق",), ("Iraq",)),
    Actor("morocco", "country", ("le Maroc",), ("المغرب",), ("Morocco",)),
    Actor("algeria", "country", ("l’Algérie",), ("الجزائر",), ("Algeria",)),
    # Organisations
    Actor("united-nations", "org", ("l’ONU", "les Nations unies", "l’Organisation des Nations unies"),
          ("الأمم المتحدة", "المنظمة الدولية"), ("the United Nations", "the UN")),
    Actor("hezbollah", "org", ("le Hezbollah",), ("حزب الله",), ("Hezbollah",)),
    Actor("european-union", "org", ("l’Union européenne", "l’UE"),
          ("الاتحاد الأوروبي",), ("the European Union", "the EU")),
    Actor("hamas", "org", ("le Hamas",), ("حركة حماس", "حماس"), ("Hamas",)),
    Actor("security-council", "org", ("le Conseil de sécurité",),
          ("مجلس الأمن الدولي", "مجلس الأمن"), ("the Security Council",)),
    Actor("nato", "org", ("l’OTAN", "l’Alliance atlantique"),
          ("حلف شمال الأطلسي", "الناتو"), ("NATO", "the Atlantic alliance")),
    Actor("who", "org", ("l’Organisation mondiale de la santé", "l’OMS"),
          ("منظمة الصحة العالمية",), ("the World Health Organization", "the WHO")),
    Actor("imf", "org", ("le Fonds monétaire international", "le FMI"),
          ("صندوق النقد الدولي",), ("the International Monetary Fund", "the IMF")),
    Actor("world-bank", "org", ("la Banque mondiale",), ("البنك الدولي",), ("the World Bank",)),
    Actor("arab-league", "org", ("la Ligue arabe",), ("جامعة الدول العربية", "الجامعة العربية"),
          ("the Arab League",)),
    Actor("iaea", "org", ("l’Agence internationale de l’énergie atomique", "l’AIEA"),
          ("الوكالة الدولية للطاقة الذرية",), ("the International Atomic Energy Agency", "the IAEA")),
    Actor("unrwa", "org", ("l’UNRWA",), ("الأونروا", "وكالة غوث وتشغيل اللاجئين"), ("UNRWA",)),
    Actor("icrc", "org", ("le Comité international de la Croix-Rouge", "le CICR"),
          ("اللجنة الدولية للصليب الأحمر",), ("the International Committee of the Red Cross", "the ICRC")),
    Actor("african-union", "org", ("l’Union africaine",), ("الاتحاد الأفريقي",), ("the African Union",)),
    Actor("opec", "org", ("l’OPEP",), ("منظمة أوبك", "أوبك"), ("OPEC",)),
    # People
    Actor("benjamin-netanyahu", "person", ("Benyamin Netanyahou", "Netanyahou"),
          ("بنيامين نتنياهو", "نتنياهو"), ("Benjamin Netanyahu", "Netanyahu"),
          "le Premier ministre israélien", "رئيس الوزراء الإسرائيلي", "Israeli Prime Minister"),
    Actor("antony-blinken", "person", ("Antony Blinken", "Blinken"), ("أنتوني بلينكن", "بلينكن"),
          ("Antony Blinken", "Blinken"),
          "le secrétaire d’État américain", "وزير الخارجية الأمريكي", "US Secretary of State"),
    Actor("antonio-guterres", "person", ("António Guterres", "Guterres"),
          ("أنطونيو غوتيريش", "غوتيريش", "غوتيريس"), ("António Guterres", "Guterres"),
          "le secrétaire général de l’ONU", "الأمين العام للأمم المتحدة", "UN Secretary-General"),
    Actor("emmanuel-macron", "person", ("Emmanuel Macron", "Macron"), ("إيمانويل ماكرون", "ماكرون"),
          ("Emmanuel Macron", "Macron"),
          "le président français", "الرئيس الفرنسي", "French President"),
    Actor("yoav-gallant", "person", ("Yoav Gallant", "Gallant", "Galant"),
          ("يوآف غالانت", "غالانت", "جالانت"), ("Yoav Gallant", "Gallant"),
          "le ministre israélien de la Défense", "وزير الدفاع الإسرائيلي", "Israeli Defence Minister"),
    Actor("vladimir-putin", "person", ("Vladimir Poutine", "Poutine"), ("فلاديمير بوتين", "بوتين"),
          ("Vladimir Putin", "Putin"),
          "le président russe", "الرئيس الروسي", "Russian President"),
    Actor("volodymyr-zelensky", "person", ("Volodymyr Zelensky", "Zelensky"),
          ("فولوديمير زيلينسكي", "زيلينسكي"), ("Volodymyr Zelensky", "Zelenskyy"),
          "le président ukrainien", "الرئيس الأوكراني", "Ukrainian President"),
    Actor("masoud-pezeshkian", "person", ("Massoud Pezeshkian", "Pezeshkian"),
          ("مسعود بزشكيان", "بزشكيان"), ("Masoud Pezeshkian", "Pezeshkian"),
          "le président iranien", "الرئيس الإيراني", "Iranian President"),
    Actor("abbas-araghchi", "person", ("Abbas Araghchi", "Araghchi"), ("عباس عراقجي", "عراقجي"),
          ("Abbas Araghchi", "Araghchi"),
          "le chef de la diplomatie iranienne", "وزير الخارجية الإيراني", "Iranian Foreign Minister"),
    Actor("najib-mikati", "person", ("Najib Mikati", "Mikati"), ("نجيب ميقاتي", "ميقاتي"),
          ("Najib Mikati", "Mikati"),
          "le Premier ministre libanais", "رئيس الحكومة اللبنانية", "Lebanese Prime Minister"),
    Actor("recep-tayyip-erdogan", "person", ("Recep Tayyip Erdoğan", "Erdoğan", "Erdogan"),
          ("رجب طيب أردوغان", "أردوغان"), ("Recep Tayyip Erdogan", "Erdogan"),
          "le président turc", "الرئيس التركي", "Turkish President"),
    Actor("abdel-fattah-al-sisi", "person", ("Abdel Fattah al-Sissi", "al-Sissi", "Sissi"),
          ("عبد الفتاح السيسي", "السيسي"), ("Abdel Fattah al-Sisi", "Sisi"),
          "le président égyptien", "الرئيس المصري", "Egyptian President"),
    Actor("ursula-von-der-leyen", "person", ("Ursula von der Leyen", "von der Leyen"),
          ("أورسولا فون دير لاين", "فون دير لاين"), ("Ursula von der Leyen", "von der Leyen"),
          "la présidente de la Commission européenne", "رئيسة المفوضية الأوروبية",
          "European Commission President"),
    Actor("keir-starmer", "person", ("Keir Starmer", "Starmer"), ("كير ستارمر", "ستارمر"),
          ("Keir Starmer", "Starmer"),
          "le Premier ministre britannique", "رئيس الوزراء البريطاني", "British Prime Minister"),
    Actor("xi-jinping", "person", ("Xi Jinping",), ("شي جين بينغ",), ("Xi Jinping", "Xi"),
          "le président chinois", "الرئيس الصيني", "Chinese President"),
    Actor("rafael-grossi", "person", ("Rafael Grossi", "Grossi"), ("رافائيل غروسي", "غروسي"),
          ("Rafael Grossi", "Grossi"),
          "le directeur général de l’AIEA", "المدير العام للوكالة الدولية للطاقة الذرية",
          "IAEA Director General"),
    Actor("tedros-adhanom-ghebreyesus", "person", ("Tedros Adhanom Ghebreyesus", "Tedros"),
          ("تيدروس أدهانوم غيبريسوس", "تيدروس"), ("Tedros Adhanom Ghebreyesus", "Tedros"),
          "le directeur général de l’OMS", "المدير العام لمنظمة الصحة العالمية",
          "WHO Director-General"),
    Actor("kristalina-georgieva", "person", ("Kristalina Georgieva", "Georgieva"),
          ("كريستالينا غورغييفا", "غورغييفا"), ("Kristalina Georgieva", "Georgieva"),
          "la directrice générale du FMI", "المديرة العامة لصندوق النقد الدولي",
          "IMF Managing Director"),
    Actor("olaf-scholz", "person", ("Olaf Scholz", "Scholz"), ("أولاف شولتس", "شولتس"),
          ("Olaf Scholz", "Scholz"),
          "le chancelier allemand", "المستشار الألماني", "German Chancellor"),
    # Cities
    Actor("beirut", "city", ("Beyrouth",), ("بيروت",), ("Beirut",)),
    Actor("jerusalem", "city", ("Jérusalem",), ("القدس",), ("Jerusalem",)),
    Actor("tehran", "city", ("Téhéran",), ("طهران",), ("Tehran",)),
    Actor("gaza", "city", ("Gaza",), ("غزة",), ("Gaza",)),
    Actor("washington", "city", ("Washington",), ("واشنطن",), ("Washington",)),
    Actor("paris", "city", ("Paris",), ("باريس",), ("Paris",)),
    Actor("cairo", "city", ("Le Caire",), ("القاهرة",), ("Cairo",)),
    Actor("doha", "city", ("Doha",), ("الدوحة",), ("Doha",)),
    Actor("geneva", "city", ("Genève",), ("جنيف",), ("Geneva",)),
    Actor("brussels", "city", ("Bruxelles",), ("بروكسل",), ("Brussels",)),
    Actor("moscow", "city", ("Moscou",), ("موسكو",), ("Moscow",)),
    Actor("kyiv", "city", ("Kiev", "Kyiv"), ("كييف",), ("Kyiv",)),
    Actor("new-york", "city", ("New York",), ("نيويورك",), ("New York",)),
    Actor("damascus", "city", ("Damas",), ("دمشق",), ("Damascus",)),
    Actor("baghdad", "city", ("Bagdad",), ("بغداد",), ("Baghdad",)),
    Actor("riyadh", "city", ("Riyad",), ("الرياض",), ("Riyadh",)),
    Actor("ankara", "city", ("Ankara",), ("أنقرة",), ("Ankara",)),
    Actor("beijing", "city", ("Pékin",), ("بكين",), ("Beijing",)),
    Actor("rabat", "city", ("Rabat",), ("الرباط",), ("Rabat",)),
    Actor("algiers", "city", ("Alger",), ("الجزائر العاصمة",), ("Algiers",)),
)

TOPIC_IDS: tuple[str, ...] = (
    "politics", "conflict", "economy", "health", "climate", "energy", "elections", "humanitarian",
)

# 14 tags per topic (indexed like TOPIC_IDS); with REGION_TAGS and one tag per actor id the
# whole pool has 8 * 14 + 14 + 72 = 198 tags.
TOPIC_TAGS: tuple[tuple[str, ...], ...] = (
    ("diplomacy", "foreign-policy", "sanctions", "summits", "nuclear-talks", "hostages",
     "bilateral-relations", "constitution", "parliament", "government", "opposition", "treaties",
     "ambassadors", "regional-dialogue"),
    ("ceasefire", "military", "drones", "civilians", "border-security", "missiles", "prisoners",
     "defence", "armed-groups", "peacekeeping", "air-strikes", "war-crimes", "mediation",
     "security"),
    ("inflation", "public-debt", "food-prices", "agriculture", "budget", "interest-rates",
     "unemployment", "investment", "trade", "currency", "tourism", "banking", "labour", "growth"),
    ("vaccination", "medicines", "cholera", "healthcare", "hospitals", "mental-health",
     "health-workers", "malnutrition", "epidemics", "public-health", "maternal-health",
     "pharmacy", "disease-control", "nursing"),
    ("drought", "floods", "water", "energy-transition", "air-pollution", "wildfires", "coastline",
     "emissions", "heatwave", "biodiversity", "climate-adaptation", "climate-talks",
     "deforestation", "recycling"),
    ("gas", "oil", "electricity", "power-cuts", "pipelines", "renewables", "opec-quotas",
     "nuclear-power", "solar", "wind-power", "fuel-subsidies", "lng", "refineries",
     "energy-security"),
    ("presidential-election", "legislative-elections", "turnout", "vote-count", "campaigns",
     "electoral-law", "runoff", "voter-rolls", "polls", "candidates", "election-observers",
     "referendum", "local-elections", "coalitions"),
    ("humanitarian-aid", "refugees", "humanitarian-corridors", "schools", "displaced-people",
     "food-aid", "camps", "returns", "migration", "asylum", "ngos", "reconstruction", "shelter",
     "child-protection"),
)

REGION_TAGS: tuple[str, ...] = (
    "middle-east", "europe", "north-africa", "gulf", "levant", "east-africa", "central-asia",
    "balkans", "sahel", "mediterranean", "caucasus", "south-asia", "americas", "east-asia",
)

FRENCH = LanguageData(
    code="fr",
    outlets=(
        Outlet("Le Courrier du Littoral", "courrier-littoral"),
        Outlet("Agence Presse Méridienne", "presse-meridienne"),
        Outlet("La Gazette des Deux Rives", "gazette-deux-rives"),
        Outlet("Radio Horizon Info", "radio-horizon"),
        Outlet("Le Quotidien de l’Est", "quotidien-est"),
        Outlet("Nouvelles du Monde Hebdo", "nouvelles-monde"),
        Outlet("L’Écho des Capitales", "echo-capitales"),
    ),
    breadcrumbs=(
        "Actualités Monde Politique", "Actualités Monde", "Accueil International",
        "Actualités Économie", "Accueil Monde Moyen-Orient", "Actualités Santé",
        "International Environnement",
    ),
    first_names=(
        "Claire", "Julien", "Mathilde", "Yannick", "Sophie", "Hervé", "Nadia", "Rémi", "Élodie",
        "Karim", "Agnès", "Thibault", "Samia", "Benoît", "Inès", "Gaspard", "Leïla", "Marius",
        "Solène", "Farid",
    ),
    last_names=(
        "Morvan", "Lefébure", "Castagnet", "Bouchereau", "Vasseur", "Benhamou", "Quéméner",
        "Delaunoy", "Fournival", "Haddadi", "Perrichon", "Lamarque", "Orsini", "Tessier-Noël",
        "Ben Salah", "Grandjouan", "Mercadier", "Aubertin", "Kerbrat", "Valdès",
    ),
    minor_org_patterns=(
        "l’association {}", "le collectif {}", "l’institut {}", "la fondation {}",
        "le centre d’études {}", "l’observatoire {}",
    ),
    minor_org_names=(
        "Terre Commune", "Rive Sud", "Eau Vive", "Nouvel Élan", "Passerelles", "Horizons Partagés",
        "Cap Solidaire", "Lumière du Nord", "Les Trois Ponts", "Mosaïque", "Vent d’Ouest",
        "Semences Libres",
    ),
    minor_places=(
        "Vallerange", "Montclaret", "Saint-Ormel", "Bellecombe-sur-Orne", "Pradelles-le-Haut",
        "Kerlouan-Vieux", "Roquebrune-des-Pins", "Fontvieille-sur-Lez", "Sainte-Aude",
        "Marcillac-la-Plaine",
    ),
    minor_roles=(
        "maire de {MP}", "chercheur {MO:a}", "porte-parole {MO:de}", "habitante de {MP}",
        "économiste {MO:a}", "élu local à {MP}",
    ),
    when=(
        "lundi", "mardi soir", "ce mercredi", "jeudi dernier", "vendredi matin", "samedi",
        "dimanche", "en début de semaine", "mardi", "jeudi",
    ),
    topics=(
        ("la réforme constitutionnelle", "le dialogue régional", "la coopération sécuritaire",
         "les négociations sur le nucléaire", "le renouvellement des sanctions",
         "la question des otages", "l’accord de coopération", "la feuille de route diplomatique"),
        ("le cessez-le-feu", "l’escalade militaire", "les frappes de drones",
         "la protection des civils", "le retrait des troupes", "la sécurité des frontières",
         "les tirs de roquettes", "la libération des prisonniers"),
        ("l’inflation", "la dette publique", "le prix du pain", "les exportations agricoles",
         "le budget de l’État", "la hausse des taux d’intérêt", "le chômage des jeunes",
         "les investissements étrangers"),
        ("la campagne de vaccination", "la pénurie de médicaments", "l’épidémie de choléra",
         "l’accès aux soins", "la situation des hôpitaux", "la santé mentale des enfants",
         "le manque de personnel soignant", "la malnutrition"),
        ("la sécheresse", "les inondations", "la gestion de l’eau", "la transition énergétique",
         "la pollution de l’air", "les incendies de forêt", "la protection du littoral",
         "les émissions de carbone"),
        ("le prix du gaz", "les livraisons de pétrole", "le réseau électrique",
         "les coupures de courant", "le gazoduc régional", "les énergies renouvelables",
         "la production pétrolière", "le nucléaire civil"),
        ("le scrutin présidentiel", "les élections législatives", "la participation électorale",
         "le dépouillement des bulletins", "la campagne électorale",
         "la réforme du code électoral", "le second tour", "les listes électorales"),
        ("l’aide humanitaire", "l’accueil des réfugiés", "les couloirs humanitaires",
         "la reconstruction des écoles", "le sort des déplacés", "la distribution de vivres",
         "les camps de réfugiés", "le retour des familles"),
    ),
    headlines=(
        "{P} et {P} discutent {T:de} à {Y}",
        "{O} s’inquiète {T:de}",
        "{C} annonce de nouvelles mesures sur {T}",
        "À {Y}, {T} au cœur des discussions",
        "{PR} exige le soutien {C:de}",
        "{M} alerte sur {T} à {MP}",
        "{C} et {C} relancent le dialogue sur {T}",
        "{T} : {O} réclame des garanties {C:a}",
        "{P} en visite à {Y} pour évoquer {T}",
        "{O} dénonce {T} et appelle {C} à agir",
        "{C} et {C} toujours divisés sur {T}",
        "Ce que l’on sait {T:de} après la réunion de {Y}",
    ),
    ledes=(
        "{C} a présenté {W} un plan consacré {T:a}, alors que {O} appelle à la prudence.",
        "Les discussions sur {T} se sont poursuivies {W} à {Y} en présence de représentants {O:de}.",
        "{PR} a plaidé {W} pour une réponse coordonnée sur {T}.",
        "Plusieurs responsables {C:de} ont évoqué {T} lors d’une rencontre avec {P}.",
        "La question {T:de} revient au premier plan après les déclarations {P:de}.",
        "{O} a averti {W} {T:que} pourrait peser durablement sur la région.",
    ),
    sentences=(
        "{PR} a déclaré {W} {T:que} restait une priorité pour {C}.",
        "Selon {S}, {O} envisage de présenter un plan sur {T} dans les prochaines semaines.",
        "Les discussions entre {C} et {C} se sont tenues à {Y}, en présence de représentants {O:de}.",
        "{M}, {MR}, estime que la question {T:de} aura des conséquences durables pour les habitants.",
        "À {Y}, plusieurs responsables ont évoqué {T} lors d’une réunion à huis clos.",
        "{P} doit se rendre à {Y} {W} pour évoquer {T} avec ses homologues.",
        "Le porte-parole {O:de} a rappelé que {N} personnes étaient directement concernées.",
        "{C} et {C} ont signé un accord portant sur {T}, a indiqué {O}.",
        "Des observateurs cités par {S} notent {T:que} divise toujours les membres {O:de}.",
        "« Nous ne pouvons pas attendre plus longtemps », a affirmé {P} devant la presse à {Y}.",
        "Le texte prévoit une enveloppe de {N} millions d’euros, selon un document consulté par {S}.",
        "{M} a pour sa part appelé {O} à clarifier sa position sur {T}.",
        "{P} a également évoqué la situation {C:de}, où le dossier {T:de} inquiète les autorités locales.",
        "Dans un communiqué publié {W}, {O} a salué les efforts {C:de} concernant {T}.",
        "Les autorités {C:de} affirment avoir mobilisé {N} agents supplémentaires.",
        "Interrogé par {S}, {M} a jugé la décision « prématurée » et « mal préparée ».",
        "À {MP}, les habitants attendent toujours des réponses concrètes sur {T}.",
        "{P} et {P} se sont entretenus par téléphone, selon un communiqué diffusé à {Y}.",
        "La réunion de {Y} devrait permettre de faire avancer le dossier, estime un diplomate en poste à {Y}.",
        "Ni {O} ni les autorités {C:de} n’ont souhaité commenter ces informations.",
        "{MO} a publié {W} un rapport consacré {T:a}, qui recense {N} cas.",
        "Pour {P}, {T} ne pourra être réglé sans la participation {C:de}.",
        "Les prochaines semaines seront décisives, selon plusieurs sources proches {O:de}.",
        "Cette annonce intervient alors {C:que} fait face à une pression croissante concernant {T}.",
        "{PR} a réaffirmé l’engagement {C:de} aux côtés {C:de} face {T:a}.",
        "Par ailleurs, {O} a confirmé l’envoi d’une mission d’évaluation à {Y} d’ici la fin du mois.",
        "De son côté, {P} a mis en garde contre toute décision unilatérale sur {T}.",
        "Les chiffres publiés par {MO} font état de {N} familles touchées depuis le début de l’année.",
        "Lors d’une conférence de presse à {Y}, {PR} a détaillé les grandes lignes du projet.",
        "Plusieurs élus de {MP} réclament une consultation publique avant toute décision sur {T}.",
        "La délégation {C:de} a quitté la salle avant la fin des débats, selon {S}.",
        "{C} a convoqué l’ambassadeur {C:de} après des propos jugés inacceptables.",
        "Un haut responsable {O:de} a reconnu que le calendrier restait « très serré ».",
        "Les négociateurs doivent se retrouver à {Y} dans une dizaine de jours pour un nouveau cycle de discussions.",
        "Sur place, {M} décrit une situation « difficile mais pas désespérée ».",
        "Le gouvernement {C:de} a débloqué une aide d’urgence de {N} millions d’euros.",
        "Aucune date n’a encore été fixée pour la prochaine rencontre entre {P} et {P}.",
        "Selon les estimations {O:de}, {N} personnes ont dû quitter leur domicile ces derniers mois.",
        "{P} a rencontré {W} des représentants de la société civile à {Y}.",
        "Pour de nombreux analystes, l’attitude {C:de} sera déterminante dans les semaines à venir.",
        "Les partenaires {C:de} attendent désormais des engagements chiffrés sur {T}.",
    ),
)

ARABIC = LanguageData(
    code="ar",
    outlets=(
        Outlet("صحيفة الأفق", "al-ufuq"),
        Outlet("وكالة أنباء المشرق", "mashreq-news"),
        Outlet("الرصد اليومي", "al-rasd"),
        Outlet("إذاعة صوت المدينة", "sawt-al-madina"),
        Outlet("موقع الخبر الآن", "al-khabar-alan"),
        Outlet("جريدة الضفتين", "al-diffatain"),
        Outlet("قناة المسار", "al-masar"),
    ),
    breadcrumbs=(
        "الرئيسية أخبار دولية", "أخبار عربية ودولية", "الرئيسية سياسة", "اقتصاد وأعمال",
        "الرئيسية الشرق الأوسط", "صحة", "الرئيسية بيئة",
    ),
    first_names=(
        "سامي", "ليلى", "عمر", "نادية", "خالد", "ريم", "يوسف", "هالة", "طارق", "سلمى", "مراد",
        "دينا", "باسل", "منى", "وليد", "رنا", "زياد", "سعاد", "جمال", "هبة",
    ),
    last_names=(
        "الحداد", "بن عيسى", "العطار", "النجار", "الخطيب", "السقا", "الزين", "المصري",
        "الشامي", "بوزيد", "القاسم", "الفاسي", "الحلبي", "النعيمي", "الصباغ", "عبد الرحيم",
        "الدباغ", "الكيلاني", "بن يوسف", "العلوي",
    ),
    minor_org_patterns=("جمعية {}", "مركز {} للدراسات", "مؤسسة {}", "مرصد {}", "تجمع {}"),
    minor_org_names=(
        "الأفق الجديد", "الضفة الجنوبية", "الماء الحي", "الأرض المشتركة", "الجسور",
        "النور", "الزيتونة", "السنابل", "المنارة", "الغد", "الواحة", "القمح",
    ),
    minor_places=(
        "عين الصفصاف", "تل الزيتون", "وادي الريحان", "كفر الياسمين", "بئر السنديان",
        "المنارة الجديدة", "دير البلوط", "رأس النبع", "حي الكرمة", "سهل القمح",
    ),
    minor_roles=(
        "رئيس بلدية {MP}", "الباحث في {MO}", "المتحدث باسم {MO}", "أحد سكان {MP}",
        "الخبير الاقتصادي في {MO}", "المسؤول المحلي في {MP}",
    ),
    when=(
        "يوم الاثنين", "يوم الثلاثاء", "مساء الأربعاء", "صباح الخميس", "يوم الجمعة",
        "يوم السبت", "يوم الأحد", "أمس", "اليوم", "مطلع الأسبوع",
    ),
    topics=(
        ("الإصلاح الدستوري", "الحوار الإقليمي", "التعاون الأمني", "المفاوضات النووية",
         "تجديد العقوبات", "قضية الرهائن", "اتفاق التعاون", "خريطة الطريق الدبلوماسية"),
        ("وقف إطلاق النار", "التصعيد العسكري", "هجمات الطائرات المسيرة", "حماية المدنيين",
         "انسحاب القوات", "أمن الحدود", "إطلاق الصواريخ", "الإفراج عن الأسرى"),
        ("التضخم", "الدين العام", "أسعار الخبز", "الصادرات الزراعية", "الموازنة العامة",
         "رفع أسعار الفائدة", "بطالة الشباب", "الاستثمارات الأجنبية"),
        ("حملة التطعيم", "نقص الأدوية", "تفشي الكوليرا", "الحصول على الرعاية الصحية",
         "أوضاع المستشفيات", "الصحة النفسية للأطفال", "نقص الكوادر الطبية", "سوء التغذية"),
        ("الجفاف", "الفيضانات", "إدارة المياه", "التحول الطاقي", "تلوث الهواء", "حرائق الغابات",
         "حماية السواحل", "انبعاثات الكربون"),
        ("أسعار الغاز", "إمدادات النفط", "الشبكة الكهربائية", "انقطاع التيار الكهربائي",
         "خط أنابيب الغاز الإقليمي", "الطاقات المتجددة", "إنتاج النفط", "الطاقة النووية المدنية"),
        ("الانتخابات الرئاسية", "الانتخابات التشريعية", "نسبة المشاركة", "فرز الأصوات",
         "الحملة الانتخابية", "تعديل القانون الانتخابي", "الجولة الثانية", "القوائم الانتخابية"),
        ("المساعدات الإنسانية", "استقبال اللاجئين", "الممرات الإنسانية", "إعادة بناء المدارس",
         "مصير النازحين", "توزيع المواد الغذائية", "مخيمات اللاجئين", "عودة العائلات"),
    ),
    headlines=(
        "{P} {P:w} يبحثان {T} في {Y}",
        "{O} تعرب عن قلقها إزاء {T}",
        "{C} تعلن إجراءات جديدة بشأن {T}",
        "{T} محور المباحثات في {Y}",
        "{PR} يطالب بدعم {C}",
        "{M} يحذر من تداعيات {T} في {MP}",
        "{C} {C:w} تستأنفان الحوار حول {T}",
        "{O} تطالب {C} بضمانات بشأن {T}",
        "{P} يزور {Y} لبحث {T}",
        "{P} {PR:l}: ملف {T} بحاجة إلى تحرك عاجل",
        "ما نعرفه عن {T} بعد اجتماع {Y}",
        "انقسام بين {C} {C:w} بشأن {T}",
    ),
    ledes=(
        "قدمت {C} {W} خطة بشأن {T}، في وقت تدعو فيه {O} إلى الحذر.",
        "تواصلت المباحثات حول {T} {W} في {Y} بحضور ممثلين عن {O}.",
        "دعا {PR} {W} إلى رد منسق بشأن {T}.",
        "بحث مسؤولون من {C} ملف {T} خلال لقاء مع {P}.",
        "عاد ملف {T} إلى الواجهة بعد تصريحات {P}.",
        "حذرت {O} {W} من أن تداعيات {T} قد تطال المنطقة بأسرها.",
    ),
    sentences=(
        "وقال {PR} {W} إن ملف {T} لا يزال أولوية {C:l}.",
        "وبحسب {S}، تعتزم {O} تقديم خطة بشأن {T} خلال الأسابيع المقبلة.",
        "وجرت المحادثات بين {C} {C:w} في {Y} بحضور ممثلين عن {O}.",
        "ويرى {M}، {MR}، أن تداعيات {T} ستطال السكان لفترة طويلة.",
        "وفي {Y}، ناقش عدد من المسؤولين ملف {T} خلال اجتماع مغلق.",
        "ومن المقرر أن يزور {P} {Y} {W} لبحث {T} مع نظرائه.",
        "وأشار المتحدث باسم {O} إلى أن أكثر من {N} شخص معنيون بشكل مباشر بهذه الإجراءات.",
        "ووقعت {C} {C:w} اتفاقا بشأن {T}، بحسب ما أعلنت {O}.",
        "ونقلت {S} عن مراقبين أن ملف {T} لا يزال يثير انقساما داخل {O}.",
        "وقال {P} للصحفيين في {Y}: “لا يمكننا الانتظار أكثر من ذلك”.",
        "وينص المشروع على تخصيص {N} مليون دولار، وفق وثيقة اطلعت عليها {S}.",
        "من جهته، طالب {M} {O} بتوضيح موقفها من {T}.",
        "كما تطرق {P} إلى الوضع في {C}، حيث يثير ملف {T} قلق السلطات المحلية.",
        "وفي بيان صدر {W}، أشادت {O} بجهود {C} فيما يتعلق {T:b}.",
        "وتؤكد سلطات {C} أنها حشدت {N} عنصرا إضافيا.",
        "وفي تصريح {S:l}، وصف {M} القرار بأنه “متسرع” و“غير مدروس”.",
        "وفي {MP}، لا يزال السكان ينتظرون إجابات ملموسة بشأن {T}.",
        "وأجرى {P} اتصالا هاتفيا مع {P}، بحسب بيان صدر في {Y}.",
        "ويرى دبلوماسي من {C} أن اجتماع {Y} قد يدفع ملف {T} إلى الأمام.",
        "ولم تعلق {O} ولا سلطات {C} على هذه المعلومات.",
        "ونشر {MO} {W} تقريرا حول {T} يرصد {N} حالة.",
        "وبالنسبة {P:l}، لا يمكن حل مسألة {T} دون مشاركة {C}.",
        "وأفادت مصادر مقربة من {O} بأن الأسابيع المقبلة ستكون حاسمة.",
        "ويأتي هذا الإعلان في وقت تواجه فيه {C} ضغوطا متزايدة بشأن {T}.",
        "وجدد {PR} دعم بلاده {C:l} في مواجهة {T}.",
        "وفي سياق متصل، أكدت {O} إرسال بعثة تقييم إلى {Y} قبل نهاية الشهر.",
        "من جانبه، حذر {P} من أي قرار أحادي بشأن {T}.",
        "وتشير أرقام نشرها {MO} إلى تضرر {N} عائلة منذ بداية العام.",
        "وخلال مؤتمر صحفي في {Y}، عرض {PR} الخطوط العريضة للمشروع.",
        "ويطالب عدد من المنتخبين في {MP} بإجراء استشارة عامة قبل أي قرار بشأن {T}.",
        "وغادر وفد {C} القاعة قبل نهاية النقاشات، بحسب {S}.",
        "واستدعت {C} سفير {C} على خلفية تصريحات وصفتها بأنها غير مقبولة.",
        "واعترف مسؤول رفيع في {O} بأن الجدول الزمني لا يزال ضيقا للغاية.",
        "ومن المنتظر أن يلتقي المفاوضون مجددا في {Y} خلال عشرة أيام لجولة جديدة من المحادثات.",
        "وعلى الأرض، يصف {M} الوضع بأنه “صعب لكنه ليس ميؤوسا منه”.",
        "وخصصت حكومة {C} مساعدات عاجلة بقيمة {N} مليون دولار.",
        "ولم يحدد بعد موعد اللقاء المقبل بين {P} {P:w}.",
        "ووفق تقديرات {O}، اضطر {N} شخص إلى مغادرة منازلهم خلال الأشهر الأخيرة.",
        "والتقى {P} {W} ممثلين عن المجتمع المدني في {Y}.",
        "ويرى محللون أن موقف {C} سيكون حاسما في الأسابيع المقبلة.",
        "وندد {PR} {C:b}، متهما إياها بعرقلة الجهود المتعلقة {T:b}.",
    ),
)

ENGLISH = LanguageData(
    code="en",
    outlets=(
        Outlet("The Harbour Gazette", "harbour-gazette"),
        Outlet("Meridian Press Agency", "meridian-press"),
        Outlet("The Daily Ledger", "daily-ledger"),
        Outlet("Northgate Radio News", "northgate-radio"),
        Outlet("The Continental Review", "continental-review"),
        Outlet("Crosswire News", "crosswire"),
        Outlet("The Evening Dispatch", "evening-dispatch"),
    ),
    breadcrumbs=(
        "News World Politics", "Home World", "News Business", "Home World Middle East",
        "News Health", "News Environment", "World Europe",
    ),
    first_names=(
        "Laura", "Daniel", "Priya", "Owen", "Hannah", "Marcus", "Aisha", "Tom", "Grace", "Ravi",
        "Megan", "Callum", "Nadia", "Peter", "Zoe", "Samuel", "Fiona", "Ibrahim", "Chloe", "Gareth",
    ),
    last_names=(
        "Whitcombe", "Ashby", "Okafor", "Pennington", "Hale", "Moreland", "Qureshi", "Dunmore",
        "Calloway", "Brennan", "Thackeray", "Osei", "Lindqvist", "Fairbairn", "Marsh",
        "Castellano", "Harrow", "Nakamura", "Greaves", "Ellison",
    ),
    minor_org_patterns=(
        "the {} Institute", "the {} Foundation", "the {} Collective", "the Centre for {} Studies",
        "the {} Trust", "the {} Observatory",
    ),
    minor_org_names=(
        "Common Ground", "South Bank", "Living Water", "New Horizons", "Bridgeway", "Northlight",
        "Three Rivers", "Mosaic", "Westwind", "Open Fields", "Harbourside", "Keystone",
    ),
    minor_places=(
        "Eastbury", "Harrowgate Falls", "Millbrook", "Port Aldwin", "Crestfield", "Wexley",
        "Stonebridge", "Lower Ambleside", "Fairhaven Cross", "Kingsmere",
    ),
    minor_roles=(
        "mayor of {MP}", "a researcher at {MO}", "a spokesperson for {MO}", "a resident of {MP}",
        "an economist at {MO}", "a local official in {MP}",
    ),
    when=(
        "on Monday", "on Tuesday evening", "late on Wednesday", "on Thursday", "on Friday morning",
        "on Saturday", "on Sunday", "earlier this week", "on Tuesday", "on Thursday night",
    ),
    topics=(
        ("the constitutional reform", "the regional dialogue", "security cooperation",
         "the nuclear talks", "the renewal of sanctions", "the hostage issue",
         "the cooperation agreement", "the diplomatic road map"),
        ("the ceasefire", "the military escalation", "drone strikes", "the protection of civilians",
         "the withdrawal of troops", "border security", "rocket fire", "the release of prisoners"),
        ("inflation", "public debt", "the price of bread", "farm exports", "the state budget",
         "rising interest rates", "youth unemployment", "foreign investment"),
        ("the vaccination campaign", "medicine shortages", "the cholera outbreak",
         "access to care", "conditions in hospitals", "children’s mental health",
         "the shortage of health workers", "malnutrition"),
        ("the drought", "the floods", "water management", "the energy transition",
         "air pollution", "forest fires", "coastal protection", "carbon emissions"),
        ("gas prices", "oil deliveries", "the power grid", "power cuts",
         "the regional gas pipeline", "renewable energy", "oil output", "civil nuclear power"),
        ("the presidential vote", "the parliamentary elections", "voter turnout",
         "the vote count", "the election campaign", "the electoral law reform", "the runoff",
         "the voter rolls"),
        ("humanitarian aid", "the reception of refugees", "humanitarian corridors",
         "the rebuilding of schools", "the fate of displaced people", "food distribution",
         "refugee camps", "the return of families"),
    ),
    headlines=(
        "{P} and {P} discuss {T} in {Y}",
        "{O} voices concern over {T}",
        "{C} announces new measures on {T}",
        "{T} at the heart of talks in {Y}",
        "{PR} calls for support from {C}",
        "{M} warns of {T} in {MP}",
        "{C} and {C} revive dialogue on {T}",
        "{O} seeks guarantees from {C} on {T}",
        "{P} visits {Y} to discuss {T}",
        "What we know about {T} after the {Y} meeting",
        "{C} and {C} remain divided over {T}",
        "{O} warns {C} over {T}",
    ),
    ledes=(
        "{C} unveiled a plan on {T} {W}, as {O} urged caution.",
        "Talks on {T} continued {W} in {Y} with representatives of {O}.",
        "{PR} called {W} for a coordinated response to {T}.",
        "Officials from {C} raised {T} during a meeting with {P}.",
        "{T} is back in focus after remarks by {P}.",
        "{O} warned {W} that {T} could weigh on the whole region for years.",
    ),
    sentences=(
        "{PR} said {W} that {T} remained a priority for {C}.",
        "According to {S}, {O} intends to present a plan on {T} in the coming weeks.",
        "Talks between {C} and {C} were held in {Y}, attended by representatives of {O}.",
        "{M}, {MR}, believes {T} will have lasting consequences for residents.",
        "In {Y}, several officials discussed {T} at a closed-door meeting.",
        "{P} is due to travel to {Y} {W} to discuss {T} with counterparts.",
        "A spokesperson for {O} said {N} people were directly affected.",
        "{C} and {C} signed an agreement on {T}, {O} said.",
        "Observers quoted by {S} note that {T} still divides members of {O}.",
        "“We cannot wait any longer,” {P} told reporters in {Y}.",
        "The draft sets aside {N} million dollars, according to a document seen by {S}.",
        "{M}, for their part, urged {O} to clarify its position on {T}.",
        "{P} also raised the situation in {C}, where the issue of {T} worries local authorities.",
        "In a statement issued {W}, {O} praised the efforts of {C} on {T}.",
        "Authorities in {C} say they have deployed {N} additional staff.",
        "Speaking to {S}, {M} called the decision “premature” and “poorly prepared”.",
        "In {MP}, residents are still waiting for concrete answers on {T}.",
        "{P} and {P} spoke by phone, according to a statement released in {Y}.",
        "A diplomat from {C} said the {Y} meeting could move the file forward.",
        "Neither {O} nor the authorities in {C} commented on the reports.",
        "{MO} published a report on {T} {W}, listing {N} cases.",
        "For {P}, {T} cannot be resolved without the participation of {C}.",
        "Sources close to {O} said the coming weeks would be decisive.",
        "The announcement comes as {C} faces growing pressure over {T}.",
        "{PR} reaffirmed the commitment of {C} to {C} in the face of {T}.",
        "Separately, {O} confirmed it would send an assessment mission to {Y} before the end of the month.",
        "{P} warned against any unilateral decision on {T}.",
        "Figures published by {MO} show {N} families affected since the start of the year.",
        "At a news conference in {Y}, {PR} outlined the main points of the plan.",
        "Several councillors in {MP} are calling for a public consultation before any decision on {T}.",
        "The delegation from {C} walked out before the end of the debate, according to {S}.",
        "{C} summoned the ambassador of {C} over remarks it called unacceptable.",
        "A senior official at {O} acknowledged that the timetable remained “very tight”.",
        "Negotiators are due to meet again in {Y} in about ten days for a new round of talks.",
        "On the ground, {M} describes the situation as “difficult but not hopeless”.",
        "The government of {C} has released {N} million dollars in emergency aid.",
        "No date has yet been set for the next meeting between {P} and {P}.",
        "According to estimates by {O}, {N} people have had to leave their homes in recent months.",
        "{P} met representatives of civil society in {Y} {W}.",
        "Many analysts believe the stance of {C} will be decisive in the coming weeks.",
        "Partners of {C} now expect firm commitments on {T}.",
    ),
)

LANGUAGES: tuple[LanguageData, ...] = (FRENCH, ARABIC, ENGLISH)
