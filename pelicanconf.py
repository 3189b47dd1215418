"""Settings for building the News Digest site (see README.md, "Settings")."""

AUTHOR = "News Digest"
SITENAME = "News Digest"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
# The interface language the site root leads to; one of NEWS_DIGEST_INTERFACE_LANGUAGES.
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_digest"]
THEME = "theme"

# Languages articles are written in; detection picks among them, a `Lang:` line overrides.
NEWS_DIGEST_LANGUAGES = ["fr", "ar", "en"]
# Every page exists in each of these, under /en/, /fr/, /ar/ (each needs theme/translations/<lang>/).
NEWS_DIGEST_INTERFACE_LANGUAGES = ["en", "fr", "ar"]
# Arabic pages write dates and numbers with Latin digits ("latn") or Arabic-Indic ones ("arab").
NEWS_DIGEST_DIGITS = {"ar": "latn"}
# Interface languages that show the Hijri date beside the Gregorian one.
NEWS_DIGEST_HIJRI_DATES = ["ar"]

# Raw articles are `.txt` files anywhere under content/; pages live in content/pages/.
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages"]
PAGE_PATHS = ["pages"]

# Articles in different languages are never "translations" of each other here: stories group them.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Addresses come from the file name, never from the title, whatever the article's language.
# The news_digest plugin writes every HTML page once per interface language, under its prefix
# (`en/articles/{slug}.html`, `fr/…`, `ar/…`), so Pelican's own article, page and index writers are off.
ARTICLE_URL = ARTICLE_LANG_URL = "articles/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = ""
PAGE_URL = PAGE_LANG_URL = "pages/{slug}.html"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_PAGINATION = False

# Pelican's own feeds stay off: the news_digest plugin writes Atom feeds whose ids do not need SITEURL
# (README, "Feeds and sitemap").
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Everything a template prints is escaped unless it is marked safe on purpose.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

RELATIVE_URLS = True
