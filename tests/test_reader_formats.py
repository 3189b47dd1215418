"""The reader on the variations real article files come in: line ends, Unicode forms, metadata, datelines."""

import datetime as dt
import unicodedata

import pytest

FRENCH = """Actualités Monde Politique

L’Union européenne prépare « de nouvelles sanctions » contre Moscou

Les ministres des Affaires étrangères se réunissent lundi à Bruxelles.

Bruxelles – Le Quotidien

Selon un diplomate, l'accord n’est pas encore “acquis”.

Un second paragraphe, écrit sur
deux lignes.
"""


def test_reader_crlf_and_bom_give_the_same_document(analyse):
    plain = analyse(FRENCH)
    windows = analyse("\ufeff" + FRENCH.replace("\n", "\r\n"))
    assert windows.problems == []
    assert (windows.headline, windows.lede, windows.paragraphs, windows.dateline) == (
        plain.headline, plain.lede, plain.paragraphs, plain.dateline)


def test_reader_nfd_text_reads_like_nfc(analyse):
    decomposed = analyse(unicodedata.normalize("NFD", FRENCH))
    assert decomposed.headline == unicodedata.normalize("NFC", analyse(FRENCH).headline)
    assert decomposed.lang == "fr"


def test_reader_keeps_apostrophes_and_quotes_as_written(analyse):
    doc = analyse(FRENCH)
    assert doc.headline == "L’Union européenne prépare « de nouvelles sanctions » contre Moscou"
    assert doc.paragraphs[0] == "Selon un diplomate, l'accord n’est pas encore “acquis”."


def test_reader_joins_wrapped_lines_of_a_paragraph(analyse):
    assert analyse(FRENCH).paragraphs[1] == "Un second paragraphe, écrit sur deux lignes."


def test_reader_finds_section_headline_lede_and_dateline(analyse):
    doc = analyse(FRENCH)
    assert doc.section == "Actualités Monde Politique"
    assert doc.lede == "Les ministres des Affaires étrangères se réunissent lundi à Bruxelles."
    assert (doc.dateline.place, doc.dateline.outlet) == ("Bruxelles", "Le Quotidien")


@pytest.mark.parametrize("breadcrumb", ["International > Moyen-Orient", "أخبار › الشرق الأوسط", "World | Europe"])
def test_reader_breadcrumb_with_separators_is_the_section(analyse, breadcrumb):
    doc = analyse(f"{breadcrumb}\n\nA headline about the summit\n\nThe lede.\n\nA paragraph.\n")
    assert doc.section == breadcrumb
    assert doc.headline == "A headline about the summit"


def test_reader_short_headline_is_not_mistaken_for_a_breadcrumb(analyse):
    doc = analyse("Gaza Truce Holds\n\nThe ceasefire held for a third day.\n\nTalks resume on Monday.\n")
    assert doc.section is None
    assert doc.headline == "Gaza Truce Holds"
    assert doc.lede == "The ceasefire held for a third day."


def test_reader_wire_dateline_opening_the_text(analyse):
    doc = analyse("Summit ends without a deal\n\nLeaders failed to agree.\n\n"
                  "GENEVA (Reuters) – Talks ended late on Friday.\n")
    assert (doc.dateline.place, doc.dateline.outlet) == ("GENEVA", "Reuters")
    assert doc.paragraphs[0].startswith("GENEVA (Reuters) –")


def test_reader_metadata_block_overrides_what_is_inferred(analyse):
    doc = analyse("Title: Sanctions: the EU decides\nDate: 2026-03-14T09:30\nSource: Le Quotidien\n"
                  "URL: https://example.org/a\nAuthor: Marie Dupont, Karim Benali\nLang: fr\n"
                  "Tags: Europe, sanctions, Europe\n\n" + FRENCH)
    assert doc.problems == []
    assert doc.title == "Sanctions: the EU decides"
    assert doc.headline.startswith("L’Union européenne")
    assert doc.date == dt.datetime(2026, 3, 14, 9, 30)
    assert doc.outlet == "Le Quotidien" and doc.dateline.place == "Bruxelles"
    assert doc.url == "https://example.org/a"
    assert doc.authors == ["Marie Dupont", "Karim Benali"]
    assert doc.tags == ["Europe", "sanctions"]
    assert (doc.lang, doc.lang_origin) == ("fr", "metadata")


def test_reader_lang_line_wins_over_detection(analyse):
    doc = analyse("Lang: en\n\n" + FRENCH)
    assert (doc.lang, doc.lang_origin, doc.direction) == ("en", "metadata", "ltr")


@pytest.mark.parametrize("value", ["2026-03-14", "2026-03-14 09:30", "2026-03-14T09:30:00+02:00", "14/03/2026"])
def test_reader_understands_common_date_forms(analyse, value):
    doc = analyse(f"Date: {value}\n\n{FRENCH}")
    assert doc.date.date() == dt.date(2026, 3, 14)
    assert doc.problems == []


def test_reader_bad_date_is_reported_with_its_line_and_left_unknown(analyse):
    doc = analyse(f"Source: X\nDate: next Tuesday\n\n{FRENCH}")
    assert doc.date is None
    [problem] = doc.problems
    assert problem.line == 2 and "next Tuesday" in problem.message and not problem.fatal


def test_reader_unknown_metadata_key_is_reported_and_ignored(analyse):
    doc = analyse(f"Title: T\nCategory: world\n\n{FRENCH}")
    [problem] = doc.problems
    assert problem.line == 2 and "Category" in problem.message
    assert "Title" in problem.hint


def test_reader_text_that_merely_contains_a_colon_is_not_metadata(analyse):
    doc = analyse("Paris: la ville se prépare au sommet\n\nLes délégations arrivent.\n\nTexte.\n")
    assert doc.header == {}
    assert doc.headline == "Paris: la ville se prépare au sommet"


def test_reader_article_without_headline_gets_a_title_and_a_warning(analyse):
    long_paragraph = ("Les négociations ont repris mardi à Doha entre les délégations, qui se sont "
                      "retrouvées pour la première fois depuis des semaines. " * 3)
    doc = analyse(long_paragraph + "\n\nDeuxième paragraphe.\n")
    assert doc.headline is None and doc.title_origin == "inferred"
    assert doc.title.startswith("Les négociations ont repris mardi à Doha")
    assert len(doc.title.split()) <= 13
    assert any("no headline" in problem.message and problem.line == 1 for problem in doc.problems)


def test_reader_headline_only_article_is_kept_with_a_warning(analyse):
    doc = analyse("Actualités Monde Politique\n")
    assert not doc.rejected
    assert doc.title == "Actualités Monde Politique"
    assert any("no article text" in problem.message for problem in doc.problems)


@pytest.mark.parametrize("text, expected", [
    ("Le gouvernement a annoncé mardi un nouveau plan pour l’économie.", "fr"),
    ("The government announced a new plan for the economy on Tuesday.", "en"),
    ("أعلنت الحكومة يوم الثلاثاء عن خطة جديدة للاقتصاد.", "ar"),
    ("Sommet de l’OTAN à Vilnius", "fr"),
    ("NATO summit opens in Vilnius", "en"),
])
def test_language_detection_chooses_among_site_languages(analyse, text, expected):
    assert analyse(f"{text}\n\n{text}\n").lang == expected


def test_language_outside_the_site_languages_is_reported(analyse):
    doc = analyse("Президент провёл встречу с министрами\n\nПереговоры продолжатся в понедельник.\n")
    assert doc.lang == "ru"
    assert any("NEWS_DIGEST_LANGUAGES" in problem.message for problem in doc.problems)
