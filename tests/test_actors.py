"""Actors: found in every language, merged across scripts, each with a page, listed, exported."""

import pytest
from conftest import ARABIC_SAMPLE, FRENCH_SAMPLE

from news_digest.pipeline.folding import fold_arabic

FRENCH_ID, ARABIC_ID = FRENCH_SAMPLE.removesuffix(".txt"), ARABIC_SAMPLE.removesuffix(".txt")


def actor_ids(doc):
    return {actor.actor for actor in doc.actors}


def test_actors_of_the_french_sample(samples):
    found = actor_ids(samples[FRENCH_SAMPLE])
    assert {"yoav-gallant", "antony-blinken", "hezbollah", "iran", "israel", "united-states", "lebanon",
            "gaza-strip", "united-nations", "middle-east"} <= found


def test_actors_of_the_arabic_sample(samples):
    found = actor_ids(samples[ARABIC_SAMPLE])
    assert {"yoav-gallant", "john-healey", "david-lammy", "israel-katz", "hezbollah", "hamas", "iran", "israel",
            "united-kingdom", "united-states", "lebanon", "qatar", "beirut", "france", "jordan"} <= found


def test_samples_have_no_junk_actors(samples):
    junk = {"actualites", "monde", "politique", "selon", "etat", "le ministre", "secretaire", "ministre"}
    for doc in samples.values():
        names = {" ".join(form.casefold().split()) for actor in doc.actors for form in actor.forms}
        assert not {name for name in names if name in junk or name.startswith(("le ", "selon"))}, names
        assert all(actor.actor.startswith("new:") is False or actor.type for actor in doc.actors)
    new_actors = sorted(actor.forms for doc in samples.values() for actor in doc.actors if not actor.known)
    assert new_actors == [["CCN"], ["الجيش البريطاني"]]


def test_gallant_spellings_and_role_in_both_samples(samples):
    gallant = {name: next(a for a in doc.actors if a.actor == "yoav-gallant") for name, doc in samples.items()}
    assert set(gallant[FRENCH_SAMPLE].forms) == {"Yoav Galant", "Galant", "Gallant"}
    assert set(gallant[ARABIC_SAMPLE].forms) == {"يوآف غالانت", "غالانت"}
    assert "minister-of-defence" in gallant[ARABIC_SAMPLE].roles


@pytest.mark.parametrize("text, actor, surface", [
    ("أعلنت طهران رفضها للعقوبات الجديدة وإيران تستعد للرد.", "iran", "إيران"),
    ("وجه الرئيس رسالة لإسرائيل بشأن الحدود الشمالية اليوم.", "israel", "إسرائيل"),
    ("واتهم المسؤولون الجيش بالتنسيق بحزب الله في الجنوب.", "hezbollah", "حزب الله"),
    ("وقدمت الحكومة شكوى للأمم المتحدة بشأن الانتهاكات.", "united-nations", "الأمم المتحدة"),
    ("وقال المتحدث إن وفدا سيتوجه إلى غزّة قريبًا.", "gaza-strip", "غزّة"),
    ("Le ministre a évoqué l’Iran et les sanctions.", "iran", "Iran"),
    ("Les forces d'Israël ont été placées en alerte.", "israel", "Israël"),
    ("Il a affirmé qu’Israël répondrait à toute attaque.", "israel", "Israël"),
    ("Israel's cabinet met late on Sunday to discuss the plan.", "israel", "Israel"),
    ("The U.S. envoy arrived in the region on Monday.", "united-states", "U.S."),
])
def test_actors_found_through_clitics_elision_and_possessives(analyse, text, actor, surface):
    doc = analyse(f"Titre\n\n{text}\n\n{text}\n")
    mentions = [mention for mention in doc.mentions if mention.actor == actor and mention.part == "lede"]
    assert mentions and mentions[0].surface == surface


def test_arabic_matching_ignores_diacritics_and_tatweel(analyse):
    doc = analyse("عنوان\n\nوصل وزيرُ الخارجيـــة إلى لُبْنان أمس.\n\nفقرة.\n")
    assert "lebanon" in actor_ids(doc)
    assert fold_arabic("لُبْنان") == "لبنان" and fold_arabic("الخارجيـــة") == "الخارجيه"


def test_unknown_person_after_a_role_then_by_surname(analyse):
    doc = analyse("Titre\n\nLe porte-parole du ministère, Karim Benslimane, a répondu aux questions.\n\n"
                  "« Nous attendons une réponse », a ajouté M. Benslimane.\n")
    [karim] = [actor for actor in doc.actors if "Karim Benslimane" in actor.forms]
    assert karim.type == "person" and not karim.known and karim.mentions == 2
    assert set(karim.forms) == {"Karim Benslimane", "Benslimane"}


def test_unknown_arabic_person_after_a_role(analyse):
    doc = analyse("عنوان\n\nقال وزير الدفاع البريطاني جون سميثسون يوم الجمعة إن الوضع خطير.\n\n"
                  "وأضاف سميثسون أن المحادثات ستستمر.\n")
    [person] = [actor for actor in doc.actors if "جون سميثسون" in actor.forms]
    assert person.type == "person" and person.mentions == 2 and "minister-of-defence" in person.roles


def test_institution_next_to_a_country_is_one_actor_in_every_language(analyse):
    texts = {"fr": "Le ministère libanais de la Santé a publié un bilan.",
             "ar": "وأعلنت وزارة الصحة اللبنانية عن حصيلة جديدة.",
             "en": "Lebanon's health ministry published a new toll."}
    keys = set()
    for lang, text in texts.items():
        doc = analyse(f"Lang: {lang}\n\nT\n\n{text}\n")
        keys |= {actor.actor for actor in doc.actors if actor.type == "organization"}
        assert "lebanon" in actor_ids(doc)
    assert keys == {"new:@lebanese-ministry-of-health"}


CROSS_SCRIPT = {
    "fr.txt": "Lang: fr\n\nRéunion à Tunis\n\nLe porte-parole du ministère, Karim Benslimane, a annoncé une réunion.\n\n"
              "Selon M. Benslimane, la réunion aura lieu jeudi à Tunis.\n",
    "ar.txt": "Lang: ar\n\nاجتماع في تونس\n\nقال المتحدث باسم الوزارة كريم بنسليمان إن الاجتماع سيعقد الخميس.\n\n"
              "وأضاف بنسليمان أن الوفود ستصل إلى تونس.\n",
}


def test_site_merges_an_unknown_actor_across_scripts(build_site):
    site = build_site(CROSS_SCRIPT, with_samples=False)
    entities = {entity["id"]: entity for entity in site.json("api/entities.json")["entities"]}
    karim = entities["karim-benslimane"]
    assert {"Karim Benslimane", "Benslimane", "كريم بنسليمان", "بنسليمان"} <= set(karim["aliases"])
    assert karim["articles"] == 2 and not karim["known"]
    assert [item["rule"] for item in karim["evidence"]] == ["transliteration"]
    page = site.page("en/actors/karim-benslimane.html")
    assert "Transliteration match" in page.select_one(".evidence").get_text()
    assert {"fr", "ar"} == {bdi["lang"] for bdi in page.select(".spellings bdi")}


def test_gallant_has_one_page_listing_both_samples_and_five_spellings(sample_site):
    page = sample_site.page("en/actors/yoav-gallant.html")
    assert page.select_one("h1").get_text() == "Yoav Gallant"
    spellings = {bdi.get_text() for bdi in page.select(".spellings bdi")}
    assert spellings == {"Yoav Galant", "Galant", "Gallant", "يوآف غالانت", "غالانت"}
    articles = {link["href"] for link in page.select(".article-list h3 a")}
    assert articles == {f"../articles/{FRENCH_ID}.html", f"../articles/{ARABIC_ID}.html"}
    assert "10 mentions" in page.select_one(".actor-counts").get_text()


def test_article_text_links_mentions_to_actor_pages(sample_site):
    page = sample_site.page(f"en/articles/{ARABIC_ID}.html")
    links = page.select(".article-body a.actor-link")
    assert {link["href"] for link in links} >= {"../actors/yoav-gallant.html", "../actors/john-healey.html"}
    assert all(link.find("bdi") for link in links)
    first = page.select_one(".article-body p").get_text()
    assert first.startswith("قال وزير الدفاع الإسرائيلي يوآف غالانت")
    for link in links:
        assert (sample_site.output / "en" / "actors" / link["href"].removeprefix("../actors/")).is_file()


def test_actor_index_groups_by_type_under_letter_headings(sample_site):
    page = sample_site.page("en/actors/index.html")
    sections = page.select("section.actor-index")
    assert [section.h2.get_text() for section in sections] == ["People", "Organizations", "Places"]
    people = [li.a.get_text() for li in sections[0].select("li")]
    assert people == sorted(people) and "Yoav Gallant" in people
    letters = [h3.get_text() for h3 in sections[0].select("h3.letter")]
    assert letters == sorted(letters) and "Y" in letters


def test_export_lists_entities_and_article_mentions(sample_site):
    entities = {entity["id"]: entity for entity in sample_site.json("api/entities.json")["entities"]}
    gallant = entities["yoav-gallant"]
    assert gallant["type"] == "person" and gallant["articles"] == 2 and gallant["url"] == "en/actors/yoav-gallant.html"
    assert gallant["names"]["ar"] == "يوآف غالانت" and gallant["names"]["fr"] == "Yoav Gallant"
    articles = {record["id"]: record for record in sample_site.json("api/articles.json")["articles"]}
    mentions = {entity["id"]: entity["mentions"] for entity in articles[ARABIC_ID]["entities"]}
    assert mentions["yoav-gallant"] == 6 and mentions["john-healey"] == 4


BROKEN_TOML = 'this is = not [valid toml\n'
BAD_ENTRY = '''
[[actor]]
id = "good-person"
type = "person"
[actor.names]
fr = "Néstor Bonaventura"

[[actor]]
id = "Bad Id"
type = "person"
[actor.names]
fr = "Quelqu'un"

[[actor]]
id = "no-type"
[actor.names]
en = "Nobody"
'''


def test_malformed_knowledge_files_are_reported_and_the_site_builds(build_site):
    article = "Lang: fr\n\nVisite\n\nNéstor Bonaventura est arrivé à Paris.\n\nIl repart demain.\n"
    site = build_site({"visit.txt": article}, NEWS_DIGEST_ACTOR_FILES=["site/broken.toml", "site/entries.toml"],
                      with_samples=True, extra_files={"site/broken.toml": BROKEN_TOML, "site/entries.toml": BAD_ENTRY})
    broken = site.warnings_about("site/broken.toml")
    assert broken and "cannot be read as TOML" in broken[0] and "line 1" in broken[0]
    entries = site.warnings_about("site/entries.toml")
    assert any("'Bad Id'" in message and "`id`" in message for message in entries)
    assert any("'no-type'" in message and "`type`" in message for message in entries)
    entities = {entity["id"]: entity for entity in site.json("api/entities.json")["entities"]}
    assert entities["good-person"]["known"] and entities["good-person"]["articles"] == 1
    assert (site.output / "en" / "actors" / "yoav-gallant.html").is_file()
