"""English: possessives, capitalised names, titles and cue words."""

from __future__ import annotations

from ..folding import fold_latin
from .base import LanguageRules


def _keys(words: str) -> frozenset[str]:
    return frozenset(fold_latin(word) for word in words.split())


RULES = LanguageRules(
    code="en",
    suffixes=("'s",),
    stopwords=_keys("""
        the a an and or but nor of in on at to for from by with without about after before during since
        until against between into through over under as is was were be been being has have had do does did
        it its this that these those he she they we you i his her their our your who whom whose which what
        when where while if than then also not no yes so yet there here all any each every both either
        neither some many much more most other another such only own same few several monday tuesday
        wednesday thursday friday saturday sunday january february march april may june july august
        september october november december today yesterday tomorrow according however meanwhile despite
        although though because state states government news world politics international breaking
        live analysis opinion exclusive update updates latest home region middle
        deputy former acting interim vice ex senior top chief head
        ong ngo ngos ong
    """),
    honorifics=_keys("mr mrs ms miss dr sir dame lord prof gen col lt capt sgt rev sen rep gov"),
    name_particles=_keys("de du la le van von der den bin ben ibn bint al el abu ould da di dos del"),
    organization_words=_keys("""
        ministry department party front forces army council agency commission union organization organisation
        foundation association bank court assembly movement brigades brigade committee crescent cross
        federation alliance coalition group company corporation institute university observatory fund
        programme program office bureau police guard militia authority league network
        headquarters centre center network institute office advisory consultancy consulting partners
        associates holdings analytics research capital media
    """),
    organization_connectors=_keys("for of the and on"),
    place_cues=_keys("in near town city village camp region province district port airport"),
    speech_verbs=_keys("said says told added stated announced warned insisted explained noted stressed urged"),
)
