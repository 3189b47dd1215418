"""The actor knowledge base: shipped TOML lists plus a site's own files, and country names from CLDR."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_global

from .document import Problem
from .folding import fold_latin
from .text import strip_invisible

ACTOR_TYPES = ("person", "organization", "place")
REQUIRED_NAME_LANGUAGES = ("fr", "ar", "en")
# CLDR territory codes that are not countries, or that the lists hold as organizations.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ"})
_SLUG = re.compile(r"[^a-z0-9]+")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """A lowercase ASCII id from an English name (`Côte d’Ivoire` -> `cote-d-ivoire`)."""
    return _SLUG.sub("-", fold_latin(text)).strip("-")


@dataclass(frozen=True)
class Actor:
    """A person, organization or place the site knows by name."""

    id: str
    type: str
    names: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    wikidata: str | None = None
    origin: str = ""
    # The CLDR territory code when the actor is a country or territory.
    territory: str | None = None

    def demonym(self) -> str:
        """The English adjective of a place (`Lebanese`), else its id: names institutions of the place."""
        english = self.demonyms.get("en", ())
        return slugify(english[0]) if english else self.id

    def surface_forms(self) -> list[tuple[str, str, str]]:
        """Every (language, form, kind) this actor is written as; kind is `name` or `demonym`."""
        forms = [(lang, name, "name") for lang, name in self.names.items()]
        forms += [(lang, alias, "name") for lang, aliases in self.aliases.items() for alias in aliases]
        forms += [(lang, demonym, "demonym") for lang, demonyms in self.demonyms.items() for demonym in demonyms]
        return forms


@dataclass(frozen=True)
class Role:
    """A title or function (minister-of-defence) and the phrases that say it, per language."""

    id: str
    phrases: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Institution:
    """An institution every country has (ministry of health, coast guard), and the phrases that say it."""

    id: str
    name: str
    phrases: dict[str, tuple[str, ...]]


@dataclass
class KnowledgeBase:
    """Actors and roles by id, the problems met loading them, and a version that changes with the data."""

    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    ambiguous: dict[str, frozenset[str]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    version: str = ""


class _EntryError(ValueError):
    """One entry of a knowledge file is malformed."""


def _clean(text: str) -> str:
    # Spellings are shown and matched: invisible controls would reorder them or split them into other words.
    return strip_invisible(text).strip()


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and _clean(item) for item in value):
        raise _EntryError(f"{what} must be a list of non-empty strings")
    return tuple(_clean(item) for item in value)


def _per_language(table: Any, what: str) -> dict[str, tuple[str, ...]]:
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise _EntryError(f"{what} must be a table of languages, like `[{what}]` with `fr = [...]`")
    return {lang: _strings(values, f"{what}.{lang}") for lang, values in table.items()}


def _actor(entry: dict[str, Any], origin: str, required_names: tuple[str, ...]) -> Actor:
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not _ID.match(actor_id):
        raise _EntryError(f"`id` must be a lowercase ascii slug like `yoav-gallant`, got {actor_id!r}")
    actor_type = entry.get("type")
    if actor_type not in ACTOR_TYPES:
        raise _EntryError(f"`type` must be one of {', '.join(ACTOR_TYPES)}, got {actor_type!r}")
    names = entry.get("names")
    if not isinstance(names, dict) or not all(isinstance(v, str) and _clean(v) for v in names.values()):
        raise _EntryError("`names` must be a table of one name per language, like `[actor.names]` with `fr = \"…\"`")
    if missing := [lang for lang in required_names if lang not in names]:
        raise _EntryError(f"`names` lacks {', '.join(missing)}")
    wikidata = entry.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and re.match(r"^Q\d+$", wikidata)):
        raise _EntryError(f"`wikidata` must look like Q1234, got {wikidata!r}")
    return Actor(
        id=actor_id, type=actor_type, names={lang: _clean(name) for lang, name in names.items()},
        aliases=_per_language(entry.get("aliases"), "aliases"),
        demonyms=_per_language(entry.get("demonyms"), "demonyms"),
        roles=_strings(entry.get("roles", []), "roles"), countries=_strings(entry.get("countries", []), "countries"),
        wikidata=wikidata, origin=origin,
    )


def _country(entry: dict[str, Any], origin: str, languages: tuple[str, ...]) -> Actor:
    code = entry.get("territory")
    english = Locale.parse("en").territories
    if not isinstance(code, str) or code not in english or code in _NOT_COUNTRIES:
        raise _EntryError(f"`territory` must be a CLDR country code such as `IL`, got {code!r}")
    actor_id = entry.get("id") or slugify(english[code])
    names = {lang: Locale.parse(lang).territories.get(code, english[code]) for lang in languages}
    actor = _actor({**entry, "id": actor_id, "type": "place", "names": names, "countries": [code]}, origin, ())
    return replace(actor, territory=code)


def _cldr_countries(languages: tuple[str, ...], listed: set[str]) -> list[Actor]:
    """Countries the lists do not mention still get their CLDR names in every language."""
    english = Locale.parse("en").territories
    territories = {lang: Locale.parse(lang).territories for lang in languages}
    return [
        Actor(id=slugify(english[code]), type="place", countries=(code,), origin="CLDR", territory=code,
              names={lang: territories[lang].get(code, english[code]) for lang in languages})
        for code in sorted(english)
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES and code not in listed
    ]


# Time-zone cities that are also common surnames or words (Regina, Phoenix, Darwin), or US sub-zones.
_CITY_EXCLUSIONS = frozenset("""Center Knox Marengo Vevay Monticello Beulah Phoenix Regina Resolute Darwin Nome Creston
    Dawson Thule Oral Chita Lindeman Eucla Mahe Canary Bahia Menominee Winamac Vincennes Tell Petersburg Swift
    Atikokan Busingen Kanton Wake Midway Chatham Stanley Glace Goose Santiago Chagos Comoro Efate Fakaofo""".split())


def _cldr_cities(languages: tuple[str, ...], kb: KnowledgeBase) -> list[Actor]:
    """Cities CLDR names in every language (its time-zone exemplar cities), unless already listed or a country."""
    zones = get_global("zone_territories")
    localized = {lang: Locale.parse(lang).time_zones for lang in languages}
    taken = {fold_latin(form) for actor in kb.actors.values() for _, form, _ in actor.surface_forms()}
    cities = []
    for zone in sorted(zones):
        if zone.startswith(("Etc/", "Antarctica/")) or zone.count("/") != 1:
            continue
        default = zone.split("/")[1].replace("_", " ")
        english = localized["en"].get(zone, {}).get("city", default)
        actor_id = slugify(english)
        if english.split()[0] in _CITY_EXCLUSIONS or actor_id in kb.actors or "," in english:
            continue
        names = {lang: localized[lang].get(zone, {}).get("city", default if lang in ("fr", "en") else "")
                 for lang in languages}
        names = {lang: name for lang, name in names.items() if name and fold_latin(name) not in taken}
        if len(names) == len(languages):
            cities.append(Actor(id=actor_id, type="place", names=names, countries=(zones[zone],), origin="CLDR"))
    return cities


def _entry_label(entry: Any, index: int, table: str) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("id") or entry.get("territory"), str):
        return f"[[{table}]] {entry.get('id') or entry.get('territory')!r}"
    return f"[[{table}]] number {index + 1}"


def _read_file(path: Path, label: str, kb: KnowledgeBase, languages: tuple[str, ...],
               required_names: tuple[str, ...], listed_territories: set[str]) -> list[Actor]:
    """Actors and roles of one file; malformed entries are recorded as problems and skipped."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        kb.problems.append((label, Problem(f"cannot be read as TOML ({error}); the whole file was skipped",
                                           "Fix the syntax: see https://toml.io", fatal=True)))
        return []
    actors: list[Actor] = []
    for table, build in (("actor", lambda e: _actor(e, label, required_names)),
                         ("country", lambda e: _country(e, label, languages))):
        for index, entry in enumerate(data.get(table, [])):
            try:
                if not isinstance(entry, dict):
                    raise _EntryError("is not a table")
                actor = build(entry)
            except _EntryError as error:
                kb.problems.append((label, Problem(f"entry {_entry_label(entry, index, table)}: {error}; it was skipped",
                                                   "Fix the entry; the schema is in plugins/news_digest/data/actors/README.md")))
                continue
            if table == "country":
                listed_territories.update(actor.countries)
            actors.append(actor)
    for index, entry in enumerate(data.get("role", [])):
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise _EntryError("needs an `id`")
            kb.roles[entry["id"]] = Role(entry["id"], _per_language(entry.get("phrases"), "phrases"))
        except _EntryError as error:
            kb.problems.append((label, Problem(f"entry {_entry_label(entry, index, 'role')}: {error}; it was skipped")))
    for index, entry in enumerate(data.get("institution", [])):
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("name"), str):
                raise _EntryError("needs an `id` and a `name`")
            kb.institutions[entry["id"]] = Institution(entry["id"], entry["name"],
                                                       _per_language(entry.get("phrases"), "phrases"))
        except _EntryError as error:
            kb.problems.append((label, Problem(f"entry {_entry_label(entry, index, 'institution')}: {error}; it was skipped")))
    for lang, words in data.get("ambiguous", {}).items():
        kb.ambiguous[lang] = kb.ambiguous.get(lang, frozenset()) | frozenset(_strings(words, f"ambiguous.{lang}"))
    return actors


def load_knowledge_base(shipped: list[Path], site: list[Path], languages: tuple[str, ...],
                        label_root: Path | None = None) -> KnowledgeBase:
    """Load the shipped files, then the site's (an entry with a known id replaces it), then CLDR countries."""
    kb = KnowledgeBase()
    languages = tuple(dict.fromkeys((*REQUIRED_NAME_LANGUAGES, *languages)))
    digest = hashlib.sha256()
    listed_territories: set[str] = set()
    for group, paths, required in (("shipped", shipped, REQUIRED_NAME_LANGUAGES), ("site", site, ())):
        seen_in_group: dict[str, str] = {}
        for path in paths:
            label = _label(path, label_root)
            digest.update(path.read_bytes() if path.is_file() else b"missing")
            if not path.is_file():
                kb.problems.append((label, Problem("is listed in NEWS_DIGEST_ACTOR_FILES but does not exist",
                                                   "Fix the path in pelicanconf.py", fatal=True)))
                continue
            for actor in _read_file(path, label, kb, languages, required, listed_territories):
                if actor.id in seen_in_group:
                    kb.problems.append((label, Problem(
                        f"entry {actor.id!r} repeats an id already defined in {seen_in_group[actor.id]}; "
                        "the later one was skipped", "Give each actor one entry")))
                    continue
                seen_in_group[actor.id] = label
                kb.actors[actor.id] = actor
    for actor in _cldr_countries(languages, listed_territories):
        kb.actors.setdefault(actor.id, actor)
    for actor in _cldr_cities(languages, kb):
        kb.actors.setdefault(actor.id, actor)
    kb.countries = {actor.territory: actor.id for actor in kb.actors.values() if actor.territory}
    digest.update(repr(languages).encode())
    kb.version = digest.hexdigest()[:16]
    return kb


def country_of(kb: KnowledgeBase, place: Actor) -> Actor:
    """The country a place belongs to (Taipei -> Taiwan); a country is its own."""
    if len(place.countries) == 1 and (country_id := kb.countries.get(place.countries[0])):
        return kb.actors[country_id]
    return place


def _label(path: Path, root: Path | None) -> str:
    try:
        return path.relative_to(root).as_posix() if root else path.as_posix()
    except ValueError:
        return path.as_posix()
