"""Broken article files: each gets a message naming the problem and what to do, never a crash."""

import codecs

import pytest

from news_digest.pipeline.article_pipeline import ArticlePipeline
from news_digest.pipeline.config import AnalysisConfig
from news_digest.pipeline.folding import fold_word
from news_digest.pipeline.identifiers import article_id

ARABIC = ("غالانت يلتقي وزير الدفاع البريطاني في تل أبيب\n\n"
          "وصل الوزير البريطاني إلى إسرائيل يوم الجمعة في زيارة تستمر يومين.\n\n"
          "وقالت وزارة الدفاع إن الجانبين ناقشا التعاون الدفاعي والوضع في لبنان.\n")
FRENCH = ("Les ministres européens réunis à Bruxelles\n\n"
          "Les ministres des Affaires étrangères ont discuté des sanctions à l’égard de la Russie.\n\n"
          "Selon un diplomate, l’accord a été trouvé tard dans la soirée après de longues négociations.\n")


def fatal_messages(doc):
    return [problem.message for problem in doc.problems if problem.fatal]


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\ufeff  \n".encode("utf-8")])
def test_decoding_empty_or_blank_file_is_rejected(analyse, data):
    doc = analyse(data)
    assert doc.rejected and fatal_messages(doc) == ["is empty; it was skipped"]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    bytes(range(1, 32)) * 200,
])
def test_decoding_binary_file_is_rejected(analyse, data):
    doc = analyse(data)
    assert doc.rejected and "binary" in fatal_messages(doc)[0] and fatal_messages(doc)[0].endswith("it was skipped")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [FRENCH, ARABIC])
def test_decoding_utf16_without_byte_order_mark_is_read_and_reported(analyse, encoding, text):
    doc = analyse(text.encode(encoding))
    assert not doc.rejected and doc.encoding == encoding
    assert doc.headline == text.split("\n")[0]
    [problem] = doc.problems
    assert "UTF-16 without a byte-order mark" in problem.message and "UTF-8" in problem.hint


def test_decoding_stray_nul_bytes_are_removed_and_reported(analyse):
    doc = analyse(FRENCH.replace("discuté", "disc\x00uté").replace("soirée", "soir\x00ée"))
    assert not doc.rejected and "discuté" in doc.lede and "soirée" in doc.paragraphs[0]
    [problem] = doc.problems
    assert problem.message.startswith("2 invisible control characters removed (control characters)")
    assert problem.line == 3


def test_bidi_and_zero_width_characters_are_removed_and_reported_once(analyse):
    doc = analyse("Les ministres \u202eeuropéens\u202c réunis\n\nLe texte\u200b de la\u2060 dépêche.\n\n"
                  "Une phrase avec \u200fالقدس\u200f et un\u200c mot.\n")
    assert doc.title == "Les ministres européens réunis" and doc.lede == "Le texte de la dépêche."
    assert doc.paragraphs == ["Une phrase avec \u200fالقدس\u200f et un\u200c mot."]
    [problem] = doc.problems
    assert problem.message.startswith("4 invisible control characters removed (bidirectional controls, "
                                      "zero-width characters)")
    assert problem.line == 1 and problem.hint.startswith("Remove them")


def test_site_knowledge_names_lose_invisible_controls(tmp_path):
    site_file = tmp_path / "actors.toml"
    site_file.write_text('[[actor]]\nid = "tomas-ferlind"\ntype = "person"\n[actor.names]\n'
                         'en = "Tomas Fer\u200blind"\nfr = "\u202eTomas Ferlind\u202c"\n', encoding="utf-8")
    pipeline = ArticlePipeline(AnalysisConfig(site_actor_files=(site_file,)))
    assert pipeline.knowledge.actors["tomas-ferlind"].names == {"en": "Tomas Ferlind", "fr": "Tomas Ferlind"}
    doc = pipeline.analyse("Visite\n\nTomas Ferlind est arrivé à Paris mardi.\n".encode(), "visit.txt")
    assert "tomas-ferlind" in {actor.actor for actor in doc.actors}


@pytest.mark.parametrize("date", ["2026-02-30", "30/02/2026", "0001-01-01T00:00+01:00", "9999-12-31"])
def test_impossible_or_unshowable_date_is_unknown_and_reported(analyse, date):
    doc = analyse(f"Date: {date}\n\n{FRENCH}")
    assert doc.date is None
    [problem] = doc.problems
    assert date in problem.message and problem.line == 1


def test_decoding_windows_1256_arabic_is_detected_and_reported(analyse):
    doc = analyse(ARABIC.encode("cp1256"))
    assert not doc.rejected
    assert doc.encoding == "cp1256" and doc.lang == "ar"
    assert doc.headline == "غالانت يلتقي وزير الدفاع البريطاني في تل أبيب"
    [problem] = doc.problems
    assert "not UTF-8" in problem.message and "cp1256" in problem.message and "UTF-8" in problem.hint


def test_decoding_latin_1_french_is_detected_and_reported(analyse):
    doc = analyse(FRENCH.replace("’", "'").encode("latin-1"))
    assert not doc.rejected and doc.lang == "fr"
    assert doc.lede.startswith("Les ministres des Affaires étrangères ont discuté")
    assert "not UTF-8" in doc.problems[0].message


def test_decoding_truncated_utf8_keeps_the_text_and_warns(analyse):
    data = ARABIC.encode("utf-8").rstrip(b"\n.")[:-1]
    doc = analyse(data)
    assert not doc.rejected and doc.encoding == "utf-8"
    assert "truncated" in doc.problems[0].message and doc.problems[0].line == 5


def test_decoding_utf8_with_a_pasted_legacy_fragment_reports_its_line(analyse):
    data = FRENCH.encode("utf-8") + "\nCitation collée : « déjà vu ».\n".encode("cp1252")
    doc = analyse(data)
    assert not doc.rejected and doc.encoding == "utf-8"
    [problem] = doc.problems
    assert "mixes UTF-8" in problem.message and problem.line == 7 and "line(s) 7 " in problem.message
    assert doc.paragraphs[-1] == "Citation collée : « déjà vu »."
    assert doc.lede.startswith("Les ministres des Affaires étrangères")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_decoding_unicode_with_byte_order_mark(analyse, encoding):
    doc = analyse(FRENCH.encode(encoding))
    assert doc.problems == [] and doc.headline == "Les ministres européens réunis à Bruxelles"


def test_decoding_broken_utf16_with_bom_is_rejected(analyse):
    doc = analyse(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00")
    assert doc.rejected and "utf-16-le" in fatal_messages(doc)[0]


def test_oversized_file_is_skipped_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(FRENCH.encode("utf-8"))
        handle.truncate(20_000_000)
    doc = ArticlePipeline(AnalysisConfig()).read(path, "huge.txt")
    assert doc.rejected
    [problem] = doc.problems
    assert "20.0 MB" in problem.message and "NEWS_DIGEST_MAX_ARTICLE_BYTES" in problem.message


def test_missing_file_is_reported(tmp_path):
    doc = ArticlePipeline(AnalysisConfig()).read(tmp_path / "gone.txt", "gone.txt")
    assert doc.rejected and "cannot be read" in fatal_messages(doc)[0]


@pytest.mark.parametrize("source, expected", [
    ("000_28d7cdb8d0d4597e.txt", "000_28d7cdb8d0d4597e"),
    ("my article (draft).txt", "my-article-draft"),
    ("Été à Gaza.txt", "ete-a-gaza"),
    ("fr/2026/report.txt", "fr-2026-report"),
    ("..%2F..%2Fetc%2Fpasswd.txt", "2f-2fetc-2fpasswd"),
])
def test_article_id_is_a_readable_slug_of_the_path(source, expected):
    assert article_id(source) == (expected, None)


@pytest.mark.parametrize("source, why", [
    ("x" * 251 + ".txt", "longer than 120"),
    ("report-\u202eexe.txt", "invisible control"),
    (b"caf\xe9.txt".decode("utf-8", "surrogateescape"), "not valid UTF-8"),
])
def test_article_id_of_an_odd_file_name_is_short_hashed_and_explained(source, why):
    page_id, reason = article_id(source)
    assert why in reason and len(page_id) <= 120 and page_id.isascii()
    assert page_id == article_id(source)[0] != article_id("y" + source)[0]


def test_article_id_of_a_non_latin_file_name_is_stable_and_unique():
    first, lossy = article_id("مقال غالانت.txt")
    assert lossy and first.startswith("article-") and first == article_id("مقال غالانت.txt")[0]
    assert first != article_id("مقال آخر.txt")[0]
    assert article_id("rapport مقال.txt")[0].startswith("rapport-")


def test_non_latin_file_name_is_handled_with_a_warning(analyse):
    doc = analyse(ARABIC, "مقال.txt")
    assert not doc.rejected and doc.lang == "ar"
    assert any("outside Latin" in problem.message for problem in doc.problems)


def test_every_problem_names_the_file_and_line(analyse):
    doc = analyse(f"Title: T\nDate: soon\n\n{FRENCH}", "fr/brief.txt")
    described = doc.problems[0].describe(doc.source)
    assert described.startswith("fr/brief.txt:2: ") and "2026-03-14" in described


def test_arabic_copied_from_a_pdf_folds_like_arabic():
    # Presentation forms (what PDF text extraction gives) fold to the key of the letters they show.
    assert fold_word("ﻣﺪﺭﺳﺔ") == fold_word("مدرسة") == "مدرسه"
    assert fold_word("ﺍﻟﻤﺪﻳﻨﺔ") == fold_word("المدينة")
