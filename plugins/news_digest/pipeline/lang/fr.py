"""French: elided articles, capitalised names, titles and cue words."""

from __future__ import annotations

from ..folding import fold_latin
from .base import LanguageRules


def _keys(words: str) -> frozenset[str]:
    return frozenset(fold_latin(word) for word in words.split())


RULES = LanguageRules(
    code="fr",
    elisions=_keys("l d qu j n s c m t jusqu lorsqu puisqu quoiqu presqu"),
    stopwords=_keys("""
        le la les un une des du de au aux et ou mais donc or ni car en dans par pour sur sous avec sans chez
        vers entre contre selon après avant depuis pendant durant lors ce cet cette ces son sa ses leur leurs
        mon ma mes notre nos votre vos il elle ils elles on nous vous je tu qui que quoi dont où quand comme si
        ne pas plus très aussi ainsi alors cependant toutefois néanmoins pourtant enfin ensuite puis hier
        demain lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
        juillet août septembre octobre novembre décembre état états gouvernement cela ceci celui celle ceux
        lui leur tout tous toute toutes aucun aucune chaque plusieurs certains certaines autre autres même
        mêmes tel telle quel quelle lequel laquelle face suite outre malgré grâce parmi dès afin
        actualités monde politique international internationale économie société culture sport sports
        opinion éditorial analyse exclusif direct urgent dernière dernières nouvelles info infos
        soit voici voilà oui non lors notamment également encore déjà toujours jamais ici là-bas
        adjoint adjointe ancien ancienne ex intérim intérimaire vice haut haute
        ong ngo ngos ong
    """),
    honorifics=_keys("m mme mlle me dr pr mgr"),
    name_particles=_keys("de du des la le van von der den bin ben ibn bint al el abou abu ould da di dos del"),
    organization_words=_keys("""
        ministère parti front forces armée conseil agence commission union organisation fondation association
        banque tribunal cour assemblée mouvement brigades brigade comité croissant croix fédération alliance
        coalition groupe entreprise société compagnie institut université observatoire syndicat office fonds
        programme bureau commissariat police garde gardiens milice autorité agence ligue direction
        centre réseau quartier siège institut cabinet consultants conseil partenaires groupe
    """),
    organization_connectors=_keys("de du des la le les pour et d l"),
    place_cues=_keys("à près ville village localité camp région province quartier commune district port aéroport"),
    speech_verbs=_keys("""
        déclaré dit affirmé annoncé ajouté souligné expliqué estimé indiqué précisé assuré répondu averti
        prévenu martelé insisté confié rappelé jugé déclare dit affirme annonce ajoute souligne explique
    """),
)
