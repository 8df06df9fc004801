"""The framework's words in Dutch and English, shared by the app and every export.

Ratings carry no colour and no score: a judgement is a person's word with its reasons.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "on_track": {"nl": "op koers", "en": "on track"},
    "off_track": {"nl": "niet op koers", "en": "off track"},
    "too_early": {"nl": "te vroeg om te oordelen", "en": "too early to judge"},
    "cannot_assess": {"nl": "niet te beoordelen", "en": "cannot assess"},
    "plausible_contribution": {"nl": "aannemelijke bijdrage", "en": "plausible contribution"},
    "unclear": {"nl": "onduidelijk", "en": "unclear"},
    "not_supported": {"nl": "niet ondersteund", "en": "not supported"},
    "steady": {"nl": "geleidelijk", "en": "steady"},
    "late": {"nl": "laat", "en": "late"},
    "none_until_end": {"nl": "geen tot het einde", "en": "none until the end"},
    "stepwise": {"nl": "stapsgewijs", "en": "stepwise"},
    "up": {"nl": "omhoog", "en": "up"},
    "down": {"nl": "omlaag", "en": "down"},
    "none": {"nl": "geen voorkeur", "en": "no preferred direction"},
    "hoop": {"nl": "hoepeltest", "en": "hoop test"},
    "smoking_gun": {"nl": "rokend pistool", "en": "smoking gun"},
    "straw_in_the_wind": {"nl": "strohalm in de wind", "en": "straw in the wind"},
    "doubly_decisive": {"nl": "dubbel beslissend", "en": "doubly decisive"},
    "passed": {"nl": "doorstaan", "en": "passed"},
    "failed": {"nl": "niet doorstaan", "en": "failed"},
    "not_yet": {"nl": "nog niet getoetst", "en": "not yet tested"},
    "event": {"nl": "gebeurtenis", "en": "event"},
    "eu_policy": {"nl": "EU-beleid", "en": "EU policy"},
    "measurement": {"nl": "meting (inzet, definities)", "en": "measurement (effort, definitions)"},
    "other": {"nl": "anders", "en": "other"},
    "indicator": {"nl": "indicator", "en": "indicator"},
    "document": {"nl": "document", "en": "document"},
    "draft": {"nl": "concept", "en": "draft"},
    "returned": {"nl": "teruggestuurd", "en": "returned"},
    "approved": {"nl": "goedgekeurd", "en": "approved"},
}

SENTENCES: dict[str, dict[str, str]] = {
    "claim_plausible": {
        "nl": "Volgens de goedgekeurde beoordeling heeft de samenwerking aannemelijk "
        "bijgedragen aan deze verandering (bijdrage, geen oorzaak): {claim}",
        "en": "By the approved assessment the partnership plausibly contributed to this "
        "change (a contribution, not a cause): {claim}",
    },
    "claim_other": {
        "nl": "Bijdrageclaim ({status}): {claim}",
        "en": "Contribution claim ({status}): {claim}",
    },
    "claim_pending": {
        "nl": "Bijdrageclaim, nog niet goedgekeurd: {claim}",
        "en": "Contribution claim, not yet approved: {claim}",
    },
    "mismatch_on_track": {
        "nl": "Let op: het oordeel is ‘op koers’, maar de gegevens wijzen de andere kant op: "
        "{indicator} ging {verdict} terwijl {direction} gewenst is.",
        "en": "Note: the judgement is ‘on track’, but the data point the other way: "
        "{indicator} went {verdict} while {direction} is desired.",
    },
    "mismatch_off_track": {
        "nl": "Let op: het oordeel is ‘niet op koers’, maar de gegevens bewegen de gewenste "
        "kant op: {indicator} ging {verdict}.",
        "en": "Note: the judgement is ‘off track’, but the data move the desired way: "
        "{indicator} went {verdict}.",
    },
    "hidden_evidence": {
        "nl": "{n} verwijzing(en) naar indicatoren met beperkte toegang weggelaten.",
        "en": "{n} reference(s) to restricted indicators left out.",
    },
}


def label(key: str, lang: str) -> str:
    """The word for a rating, status, path, test or kind; the key itself when unknown."""
    forms = LABELS.get(key)
    return forms["en" if lang == "en" else "nl"] if forms else key
