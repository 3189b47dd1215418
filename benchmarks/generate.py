"""Generate deterministic synthetic news articles (fr, ar, en) as raw .txt and as Markdown."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

try:  # imported as part of the `benchmarks` package (tests, `python -m`)
    from benchmarks import vocabulary as vocab
except ImportError:  # run as a script: benchmarks/ is sys.path[0]
    import vocabulary as vocab  # type: ignore[no-redef]

LANG_WEIGHTS: tuple[tuple[str, int], ...] = (("fr", 40), ("ar", 30), ("en", 30))
FIRST_DAY = dt.date(2024, 3, 1)
DAY_SPAN = 730  # about two years of publication dates
DEFAULT_MARKDOWN_DATE = "2024-01-01"  # for stock Pelican, which needs a date on every article
METADATA_SHARE = 0.70
DATELINE_SHARE = 0.50
BREADCRUMB_SHARE = 0.35
STRAIGHT_APOSTROPHE_SHARE = 0.15  # some French sources use ' instead of ’
PARAGRAPHS = (5, 12)
PARAGRAPH_WORDS = (40, 90)
SLOT = re.compile(r"\{([A-Z]+)(?::([a-z]+))?\}")
ARABIC_CLITICS = {"l": "ل", "w": "و", "b": "ب", "f": "ف"}
ACTOR_SLOTS = {"P": "person", "PR": "person", "O": "org", "C": "country", "Y": "city"}


@dataclass(frozen=True)
class GeneratedArticle:
    """One synthetic article, with what the generator knows about it."""

    id: str
    lang: str
    topic: str
    headline: str
    lede: str
    paragraphs: tuple[str, ...]
    breadcrumb: str | None
    dateline: str | None
    metadata: tuple[tuple[str, str], ...]  # the raw file's leading `Key: value` block, in order
    date: str | None  # ISO date or date-time as in the raw metadata, None when absent
    source: str | None
    tags: tuple[str, ...]
    actor_ids: tuple[str, ...]  # recurring actors mentioned, in order of first mention
    minor_names: tuple[str, ...]  # invented people mentioned (canonical full names)


def language_data(lang: str) -> vocab.LanguageData:
    """The word lists for `lang`."""
    for data in vocab.LANGUAGES:
        if data.code == lang:
            return data
    raise ValueError(f"generate: unknown language {lang!r}")


def tag_pool() -> tuple[str, ...]:
    """Every tag the generator can give an article (about 200)."""
    topic_tags = [tag for tags in vocab.TOPIC_TAGS for tag in tags]
    return tuple(topic_tags) + vocab.REGION_TAGS + tuple(actor.id for actor in vocab.ACTORS)


def french_de(phrase: str) -> str:
    """Prefix a French noun phrase with "de", contracting du/des/d’."""
    lower = phrase.lower()
    if lower.startswith("le "):
        return "du " + phrase[3:]
    if lower.startswith("les "):
        return "des " + phrase[4:]
    if lower.startswith(("la ", "l’", "l'")):
        return "de " + phrase
    if phrase[:1].lower() in "aeiouéèêâîôûà":
        return "d’" + phrase
    return "de " + phrase


def french_que(phrase: str) -> str:
    """Prefix a French noun phrase with "que", eliding to qu’ before a vowel."""
    if phrase[:1].lower() in "aeiouéèêâîôûà":
        return "qu’" + phrase
    return "que " + phrase


def french_a(phrase: str) -> str:
    """Prefix a French noun phrase with "à", contracting au/aux."""
    lower = phrase.lower()
    if lower.startswith("le "):
        return "au " + phrase[3:]
    if lower.startswith("les "):
        return "aux " + phrase[4:]
    return "à " + phrase


def arabic_clitic(letter: str, phrase: str) -> str:
    """Attach an Arabic proclitic (ل و ب ف) to the first word of `phrase`."""
    if letter == "ل" and phrase.startswith("ال"):
        return "لل" + phrase[2:]  # ل + ال → لل (للأمم المتحدة)
    return letter + phrase


def apply_form(lang: str, text: str, form: str | None) -> str:
    """Inflect a filled slot as its template asks ({C:de}, {O:l}, ...)."""
    if form is None:
        return text
    if lang == "fr" and form == "de":
        return french_de(text)
    if lang == "fr" and form == "a":
        return french_a(text)
    if lang == "fr" and form == "que":
        return french_que(text)
    if lang == "ar" and form in ARABIC_CLITICS:
        return arabic_clitic(ARABIC_CLITICS[form], text)
    raise ValueError(f"generate: slot form {form!r} is not defined for language {lang!r}")


def capitalise(text: str) -> str:
    """Upper-case the first letter of a sentence (no-op for scripts without case)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1:]
    return text


def zipf_weights(count: int) -> list[float]:
    """Zipf-like weights, so the first items of a pool recur far more often."""
    return [1.0 / (rank + 2) for rank in range(count)]


def weighted_sample(rng: random.Random, items: Sequence[vocab.Actor], k: int) -> list[vocab.Actor]:
    """Draw `k` distinct items, weighted by their rank in `items`."""
    pool = list(items)
    weights = zipf_weights(len(pool))
    chosen: list[vocab.Actor] = []
    for _ in range(min(k, len(pool))):
        index = rng.choices(range(len(pool)), weights=weights)[0]
        chosen.append(pool.pop(index))
        weights.pop(index)
    return chosen


def actors_of_kind(kind: str) -> tuple[vocab.Actor, ...]:
    """The recurring actors of one kind, most frequent first."""
    return tuple(actor for actor in vocab.ACTORS if actor.kind == kind)


def format_number(rng: random.Random, lang: str) -> str:
    """A plausible count, written the way each language's press writes it."""
    value = rng.choice((rng.randint(2, 95), rng.randint(100, 990), rng.randint(1, 60) * 250))
    if lang == "fr":
        separator = rng.choice(("\u202f", " ", "\u00a0"))
        return f"{value:,}".replace(",", separator)
    if lang == "ar" and rng.random() < 0.25:
        return str(value).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    if lang == "en":
        return f"{value:,}"
    return str(value)


class ArticleWriter:
    """Writes the text of one article; holds that article's cast and what it has mentioned."""

    def __init__(self, rng: random.Random, lang: str, topic_index: int, outlet: vocab.Outlet):
        """Pick the cast (recurring actors and invented names) of one article."""
        self.rng = rng
        self.lang = lang
        self.data = language_data(lang)
        self.topic_index = topic_index
        self.outlet = outlet
        self.cast = {
            "person": weighted_sample(rng, actors_of_kind("person"), rng.randint(1, 3)),
            "org": weighted_sample(rng, actors_of_kind("org"), rng.randint(1, 2)),
            "country": weighted_sample(rng, actors_of_kind("country"), rng.randint(2, 3)),
            "city": weighted_sample(rng, actors_of_kind("city"), rng.randint(1, 2)),
        }
        self.minor_people = [self.invent_person() for _ in range(rng.randint(1, 3))]
        self.minor_orgs = [self.invent_org() for _ in range(rng.randint(1, 2))]
        self.minor_places = rng.sample(self.data.minor_places, rng.randint(1, 2))
        self.mentioned: dict[str, None] = {}  # actor ids in order of first mention
        self.minor_mentioned: dict[str, None] = {}
        self.deck: list[str] = []  # body templates not used yet in this round

    def invent_person(self) -> tuple[str, str]:
        """An invented (full name, last name) pair."""
        last = self.rng.choice(self.data.last_names)
        return f"{self.rng.choice(self.data.first_names)} {last}", last

    def invent_org(self) -> str:
        """An invented small organisation."""
        pattern = self.rng.choice(self.data.minor_org_patterns)
        return pattern.format(self.rng.choice(self.data.minor_org_names))

    def pick_actor(self, kind: str, used: list[str]) -> vocab.Actor:
        """An actor of `kind` not yet used in this sentence, mostly from the article's cast."""
        cast = [actor for actor in self.cast[kind] if actor.id not in used]
        if cast and self.rng.random() < 0.95:
            return self.rng.choice(cast)
        pool = [actor for actor in actors_of_kind(kind) if actor.id not in used]
        return weighted_sample(self.rng, pool, 1)[0]

    def actor_form(self, actor: vocab.Actor, with_role: bool) -> str:
        """How this mention names the actor: full on first mention, often shorter afterwards."""
        forms = actor.forms(self.lang)
        first = actor.id not in self.mentioned
        self.mentioned[actor.id] = None
        if with_role:
            return f"{actor.role(self.lang)} {forms[0]}"
        if first or len(forms) == 1:
            return forms[0]
        if actor.kind == "person":
            return self.rng.choice(forms[1:]) if self.rng.random() < 0.65 else forms[0]
        return self.rng.choices(forms, weights=[2] + [1] * (len(forms) - 1))[0]

    def minor_person_form(self) -> str:
        """An invented person: full name first, then often the last name alone (fr, en)."""
        full, last = self.rng.choice(self.minor_people)
        first = full not in self.minor_mentioned
        self.minor_mentioned[full] = None
        if not first and self.lang != "ar" and self.rng.random() < 0.6:
            return last
        return full

    def topic_phrase(self) -> str:
        """A topic phrase, mostly from the article's own topic."""
        index = self.topic_index
        if self.rng.random() < 0.2:
            index = self.rng.randrange(len(self.data.topics))
        return self.rng.choice(self.data.topics[index])

    def slot_value(self, name: str, used: list[str]) -> str:
        """The text for one template slot, before any inflection."""
        if name in ACTOR_SLOTS:
            actor = self.pick_actor(ACTOR_SLOTS[name], used)
            used.append(actor.id)
            return self.actor_form(actor, with_role=name == "PR")
        if name == "M":
            return self.minor_person_form()
        if name == "MR":
            return self.fill(self.rng.choice(self.data.minor_roles))
        if name == "MO":
            return self.rng.choice(self.minor_orgs)
        if name == "MP":
            return self.rng.choice(self.minor_places)
        if name == "T":
            return self.topic_phrase()
        if name == "N":
            return format_number(self.rng, self.lang)
        if name == "W":
            return self.rng.choice(self.data.when)
        if name == "S":
            outlet = self.outlet if self.rng.random() < 0.7 else self.rng.choice(self.data.outlets)
            return outlet.name
        raise ValueError(f"generate: unknown template slot {{{name}}}")

    def fill(self, template: str) -> str:
        """Fill every slot of one template (actors are distinct within it)."""
        used: list[str] = []

        def replace(match: re.Match[str]) -> str:
            value = self.slot_value(match.group(1), used)
            return apply_form(self.lang, value, match.group(2))

        return SLOT.sub(replace, template)

    def sentence(self, template: str) -> str:
        """One filled, capitalised sentence."""
        return capitalise(self.fill(template))

    def headline(self) -> str:
        """A one-line headline without a final period."""
        return self.sentence(self.rng.choice(self.data.headlines)).rstrip(".")

    def lede(self) -> str:
        """A one- or two-sentence lede."""
        parts = [self.sentence(self.rng.choice(self.data.ledes))]
        if self.rng.random() < 0.4:
            parts.append(self.sentence(self.next_template()))
        return " ".join(parts)

    def next_template(self) -> str:
        """The next body template: every template is used once before any repeats."""
        if not self.deck:
            self.deck = list(self.data.sentences)
            self.rng.shuffle(self.deck)
        return self.deck.pop()

    def paragraph(self) -> str:
        """A body paragraph of roughly 40 to 90 words."""
        low, high = PARAGRAPH_WORDS
        target = self.rng.randint(low, high)
        sentences: list[str] = []
        words = 0
        while words < target:
            sentence = self.sentence(self.next_template())
            if words >= low and words + len(sentence.split()) > high:
                break
            sentences.append(sentence)
            words += len(sentence.split())
        return " ".join(sentences)

    def dateline(self) -> str:
        """A `Place – Outlet` line."""
        city = self.rng.choice(self.cast["city"])
        self.mentioned[city.id] = None
        return f"{city.forms(self.lang)[0]} – {self.outlet.name}"


def article_rng(seed: int, index: int) -> random.Random:
    """The random source of one article: independent of N and of the other articles."""
    return random.Random(f"news-digest-bench:{seed}:{index}")


def publication_date(rng: random.Random) -> str:
    """An ISO date, with a time of day on most articles."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAY_SPAN))
    if rng.random() < 0.6:
        return f"{day.isoformat()}T{rng.randint(6, 22):02d}:{rng.randrange(60):02d}"
    return day.isoformat()


def choose_tags(rng: random.Random, topic_index: int, actor_ids: Sequence[str]) -> tuple[str, ...]:
    """Two to four tags: the topic's, maybe a region, and the main actors'."""
    tags = rng.sample(vocab.TOPIC_TAGS[topic_index], rng.randint(1, 2))
    if rng.random() < 0.4:
        tags.append(rng.choice(vocab.REGION_TAGS))
    if actor_ids:
        tags += rng.sample(list(actor_ids[:4]), min(len(actor_ids[:4]), rng.randint(1, 2)))
    unique = list(dict.fromkeys(tags))[:4]
    while len(unique) < 2:
        extra = rng.choice(vocab.TOPIC_TAGS[topic_index])
        if extra not in unique:
            unique.append(extra)
    return tuple(unique)


def raw_metadata(
    rng: random.Random, lang: str, article_id: str, date: str, outlet: vocab.Outlet
) -> tuple[tuple[str, str], ...]:
    """The leading `Key: value` block: Date and Source, sometimes Author, URL and Lang."""
    fields = [("Date", date), ("Source", outlet.name)]
    if rng.random() < 0.3:
        data = language_data(lang)
        fields.append(("Author", f"{rng.choice(data.first_names)} {rng.choice(data.last_names)}"))
    if rng.random() < 0.5:
        fields.append(("URL", f"https://{outlet.slug}.example/{date[:4]}/{date[5:7]}/{article_id}"))
    if rng.random() < 0.1:
        fields.append(("Lang", lang))
    return tuple(fields)


def straighten(text: str) -> str:
    """Use ASCII apostrophes, as some French sources do."""
    return text.replace("’", "'")


def generate_article(seed: int, index: int) -> GeneratedArticle:
    """Generate article number `index` of the corpus for `seed`."""
    rng = article_rng(seed, index)
    langs, weights = zip(*LANG_WEIGHTS)
    lang = rng.choices(langs, weights=weights)[0]
    article_id = f"{index:05d}_{rng.getrandbits(64):016x}"
    data = language_data(lang)
    topic_index = rng.randrange(len(vocab.TOPIC_IDS))
    outlet = rng.choice(data.outlets)
    writer = ArticleWriter(rng, lang, topic_index, outlet)
    breadcrumb = rng.choice(data.breadcrumbs) if rng.random() < BREADCRUMB_SHARE else None
    headline = writer.headline()
    lede = writer.lede()
    dateline = writer.dateline() if rng.random() < DATELINE_SHARE else None
    paragraphs = [writer.paragraph() for _ in range(rng.randint(*PARAGRAPHS))]
    has_metadata = rng.random() < METADATA_SHARE
    date = publication_date(rng) if has_metadata else None
    metadata = raw_metadata(rng, lang, article_id, date, outlet) if date else ()
    actor_ids = tuple(writer.mentioned)
    tags = choose_tags(rng, topic_index, actor_ids)
    if lang == "fr" and rng.random() < STRAIGHT_APOSTROPHE_SHARE:
        headline, lede = straighten(headline), straighten(lede)
        paragraphs = [straighten(paragraph) for paragraph in paragraphs]
        dateline = straighten(dateline) if dateline else None
    return GeneratedArticle(
        id=article_id,
        lang=lang,
        topic=vocab.TOPIC_IDS[topic_index],
        headline=headline,
        lede=lede,
        paragraphs=tuple(paragraphs),
        breadcrumb=breadcrumb,
        dateline=dateline,
        metadata=metadata,
        date=date,
        source=outlet.name if metadata else None,
        tags=tags,
        actor_ids=actor_ids,
        minor_names=tuple(writer.minor_mentioned),
    )


def generate(n: int, seed: int = 1) -> list[GeneratedArticle]:
    """Generate `n` articles; the first k articles are the same for any n >= k."""
    if n < 0:
        raise ValueError(f"generate: n must be >= 0, got {n}")
    articles = [generate_article(seed, index) for index in range(n)]
    ids = [article.id for article in articles]
    if len(set(ids)) != len(ids):
        raise RuntimeError("generate: duplicate article ids; change the seed")
    return articles


def render_raw(article: GeneratedArticle) -> str:
    """The article in the project's raw .txt format."""
    blocks: list[str] = []
    if article.metadata:
        blocks.append("\n".join(f"{key}: {value}" for key, value in article.metadata))
    if article.breadcrumb:
        blocks.append(article.breadcrumb)
    blocks += [article.headline, article.lede]
    if article.dateline:
        blocks.append(article.dateline)
    blocks += article.paragraphs
    return "\n\n".join(blocks) + "\n"


def render_markdown(article: GeneratedArticle, default_date: str = DEFAULT_MARKDOWN_DATE) -> str:
    """The same article as Markdown for stock Pelican (no Lang: that would mean translations)."""
    date = article.date.replace("T", " ") if article.date else default_date
    header = [
        f"Title: {article.headline}",
        f"Date: {date}",
        "Category: news",
        f"Tags: {', '.join(article.tags)}",
        f"Slug: {article.id}",
    ]
    body = [article.lede] + ([article.dateline] if article.dateline else []) + list(article.paragraphs)
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"


def write_files(texts: Iterable[tuple[str, str]], folder: Path) -> list[Path]:
    """Write (file name, text) pairs as UTF-8 with LF line ends; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for name, text in texts:
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def write_raw(articles: Iterable[GeneratedArticle], folder: Path) -> list[Path]:
    """Write each article as `<id>.txt` in the raw format."""
    return write_files(((f"{a.id}.txt", render_raw(a)) for a in articles), Path(folder))


def write_markdown(
    articles: Iterable[GeneratedArticle], folder: Path, default_date: str = DEFAULT_MARKDOWN_DATE
) -> list[Path]:
    """Write each article as `<id>.md` for stock Pelican."""
    texts = ((f"{a.id}.md", render_markdown(a, default_date)) for a in articles)
    return write_files(texts, Path(folder))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--raw", type=Path, help="folder for the raw .txt articles")
    parser.add_argument("--markdown", type=Path, help="folder for the Markdown copies")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.raw is None and args.markdown is None:
        parser.error("give --raw and/or --markdown")
    if args.n < 0:
        parser.error(f"--n must be >= 0, got {args.n}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    args = parse_args(argv)
    articles = generate(args.n, args.seed)
    counts = {lang: sum(a.lang == lang for a in articles) for lang, _ in LANG_WEIGHTS}
    summary = ", ".join(f"{lang} {count}" for lang, count in counts.items())
    if args.raw:
        write_raw(articles, args.raw)
        print(f"generate: wrote {len(articles)} raw articles ({summary}) to {args.raw}", file=sys.stderr)
    if args.markdown:
        write_markdown(articles, args.markdown)
        print(f"generate: wrote {len(articles)} Markdown articles to {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
