"""The reader on the two sample articles: parts, language, direction."""

from conftest import ARABIC_SAMPLE, FRENCH_SAMPLE


def test_reader_french_sample_parts(samples):
    doc = samples[FRENCH_SAMPLE]
    assert doc.problems == []
    assert doc.section == "Actualités Monde Politique"
    assert doc.headline == ("Chef du ministère de la Défense d’Israël exige le soutien des États-Unis "
                            "après l’attaque prévue contre l’Iran")
    assert doc.title == doc.headline
    assert doc.lede == "Les États-Unis devraient soutenir Israël après son attaque attendue contre l’Iran."
    assert doc.dateline is None and doc.outlet is None
    assert len(doc.paragraphs) == 5
    assert doc.paragraphs[0].startswith("Selon CCN, c’est ce qu’a déclaré")
    assert doc.paragraphs[-1].endswith("Conseil de sécurité de l’ONU.")


def test_reader_arabic_sample_parts(samples):
    doc = samples[ARABIC_SAMPLE]
    assert doc.problems == []
    assert doc.section is None
    assert doc.headline == "غالانت لوزير الدفاع البريطاني: التحالف بحاجة إلى محاربة إيران ووكلائها"
    assert doc.lede.startswith("وصل جون هيلي في الوقت الذي")
    assert doc.dateline.place == "القدس المحتلة"
    assert doc.dateline.outlet == doc.outlet == "مصدر الإخبارية"
    assert len(doc.paragraphs) == 11
    assert doc.paragraphs[0].startswith("قال وزير الدفاع الإسرائيلي يوآف غالانت")


def test_reader_samples_language_and_direction(samples):
    assert (samples[FRENCH_SAMPLE].lang, samples[FRENCH_SAMPLE].direction) == ("fr", "ltr")
    assert (samples[ARABIC_SAMPLE].lang, samples[ARABIC_SAMPLE].direction) == ("ar", "rtl")


def test_reader_samples_keep_their_file_name_as_id(samples):
    assert samples[FRENCH_SAMPLE].article_id == "000_28d7cdb8d0d4597e"
    assert samples[ARABIC_SAMPLE].article_id == "003_c2c5c635330c0e8e"
    assert all(doc.date is None for doc in samples.values())
