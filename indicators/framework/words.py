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

REPORT: dict[str, dict[str, str]] = {
    "round": {"nl": "Beoordelingsronde", "en": "Review round"},
    "prepared_on": {
        "nl": "voorbereid op gegevens zoals bekend op",
        "en": "prepared on data as known on",
    },
    "objective": {"nl": "Doelstelling", "en": "Objective"},
    "judgement": {"nl": "Oordeel", "en": "Judgement"},
    "no_judgement": {"nl": "Nog geen goedgekeurd oordeel.", "en": "No approved judgement yet."},
    "rationale": {"nl": "Onderbouwing", "en": "Rationale"},
    "confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "data": {"nl": "Wat de gegevens zeggen", "en": "What the data say"},
    "baseline": {"nl": "basisperiode", "en": "baseline"},
    "ambition": {"nl": "ambitie", "en": "ambition"},
    "path": {"nl": "verwacht verloop", "en": "expected path"},
    "too_early_until": {"nl": "te vroeg om te oordelen tot", "en": "too early to judge until"},
    "no_data": {"nl": "geen gegevens bekend op deze datum", "en": "no data known on that date"},
    "too_few": {
        "nl": "te weinig gegevens om te vergelijken",
        "en": "too few data points to compare",
    },
    "claims": {"nl": "Bijdrageclaims", "en": "Contribution claims"},
    "toc": {"nl": "stap in de veranderingstheorie", "en": "theory-of-change step"},
    "activity": {"nl": "activiteiten", "en": "activity evidence"},
    "observed": {"nl": "waargenomen verandering", "en": "observed change"},
    "rivals": {"nl": "andere verklaringen", "en": "rival explanations"},
    "tests": {"nl": "toetsen", "en": "evidence tests"},
    "changes": {
        "nl": "Wat veranderde sinds de vorige ronde",
        "en": "What changed since the last round",
    },
    "first_round": {
        "nl": "Dit is de eerste ronde voor dit land.",
        "en": "This is the country's first round.",
    },
    "new_values": {"nl": "nieuwe waarden", "en": "new values"},
    "revised_values": {"nl": "herziene waarden", "en": "revised values"},
    "changed_judgement": {"nl": "gewijzigd oordeel", "en": "changed judgement"},
    "nothing_changed": {"nl": "geen", "en": "none"},
    "approved_by": {
        "nl": "goedgekeurd door {who} op {when} (versie {version})",
        "en": "approved by {who} on {when} (version {version})",
    },
    "draft_by": {
        "nl": "CONCEPT van {who}, versie {version}, nog niet goedgekeurd",
        "en": "DRAFT by {who}, version {version}, not yet approved",
    },
    "demo": {
        "nl": "Demonstratiekader — geen echte beoordeling",
        "en": "Demonstration framework — not a real review",
    },
}


def label(key: str, lang: str) -> str:
    """The word for a rating, status, path, test or kind; the key itself when unknown."""
    forms = LABELS.get(key)
    return forms["en" if lang == "en" else "nl"] if forms else key
