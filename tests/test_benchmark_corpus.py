"""The benchmark's synthetic articles: reproducible, and read by the reader as they were written."""

from benchmarks.generate import generate, render_raw


def test_benchmark_generator_is_deterministic():
    assert [render_raw(article) for article in generate(30, seed=3)] == [render_raw(a) for a in generate(30, seed=3)]
    assert render_raw(generate(5, seed=3)[0]) != render_raw(generate(5, seed=4)[0])


def test_benchmark_articles_read_as_generated(analyse):
    articles = generate(60, seed=1)
    assert {article.lang for article in articles} == {"fr", "ar", "en"}
    for article in articles:
        doc = analyse(render_raw(article), f"{article.id}.txt")
        assert doc.problems == []
        assert (doc.lang, doc.headline, doc.lede, doc.section) == (article.lang, article.headline, article.lede,
                                                                   article.breadcrumb)
        assert len(doc.paragraphs) == len(article.paragraphs)
