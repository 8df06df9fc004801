"""The words of an account, in Dutch and English: one template per thing said.

Headlines are short (at most about 25 words) and say one thing: the verdict, its
size and, for a detectable change, its likelihood. Everything else is a detail.
A verdict of little or no detectable change never carries a direction word: its
worded probability is that of a change beyond the margin (`worded_change`), so "no
detectable change" never stands beside "very likely higher".

The desired direction is the partnership's aim from the catalogue, said beside the
verdict; it is never a judgement of success and never called an effect.
"""

from __future__ import annotations

from indicators.analysis import direction

# The one vocabulary of verdicts (symbol and words) is the inference layer's; the rule
# that decides each verdict is written here in words for the Method page.
SYMBOLS = direction.SYMBOLS
VERDICTS: dict[str, dict[str, str]] = direction.VERDICT_WORDS
RULES: dict[str, dict[str, str]] = {
    "increase": {
        "en": "The whole 95% interval of the change lies above zero.",
        "nl": "Het hele 95%-interval van de verandering ligt boven nul.",
    },
    "decrease": {
        "en": "The whole 95% interval of the change lies below zero.",
        "nl": "Het hele 95%-interval van de verandering ligt onder nul.",
    },
    "little_change": {
        "en": "The 95% interval includes zero and lies within ±{margin}% of the level in A: "
        "larger changes are ruled out.",
        "nl": "Het 95%-interval bevat nul en ligt binnen ±{margin}% van het niveau in A: "
        "grotere veranderingen zijn uitgesloten.",
    },
    "no_detectable_change": {
        "en": "The 95% interval includes zero and is too wide to rule out a sizeable change. "
        "This is not evidence of no change.",
        "nl": "Het 95%-interval bevat nul en is te breed om een flinke verandering uit te "
        "sluiten. Dit is geen bewijs dat er niets veranderde.",
    },
}

HEADLINES: dict[str, dict[str, str]] = {
    "increase": {
        "en": "Higher in {b} than in {a}: {change} (95% interval {low} to {high}); "
        "{event}: {term} ({range}).",
        "nl": "Hoger in {b} dan in {a}: {change} (95%-interval {low} tot {high}); "
        "{event}: {term} ({range}).",
    },
    "decrease": {
        "en": "Lower in {b} than in {a}: {change} (95% interval {low} to {high}); "
        "{event}: {term} ({range}).",
        "nl": "Lager in {b} dan in {a}: {change} (95%-interval {low} tot {high}); "
        "{event}: {term} ({range}).",
    },
    "little_change": {
        "en": "Little change from {a} to {b}: the 95% interval ({low} to {high}) rules out "
        "changes over {margin}%.",
        "nl": "Weinig verandering van {a} naar {b}: het 95%-interval ({low} tot {high}) sluit "
        "veranderingen boven {margin}% uit.",
    },
    "no_detectable_change": {
        "en": "No detectable change from {a} to {b}: the 95% interval ({low} to {high}) "
        "includes zero.",
        "nl": "Geen aantoonbare verandering van {a} naar {b}: het 95%-interval ({low} tot "
        "{high}) bevat nul.",
    },
    "too_few_comparison": {
        "en": "Too few data points to compare {a} with {b}.",
        "nl": "Te weinig gegevenspunten om {a} met {b} te vergelijken.",
    },
    "no_data": {"en": "No data for this series.", "nl": "Geen gegevens voor deze reeks."},
}

DETAILS: dict[str, dict[str, str]] = {
    "chance": {
        "en": "Chance of {event}: {chance}.",
        "nl": "Kans op {event}: {chance}.",
    },
    "detectable": {
        "en": "With this much noise, only changes of about {size} or more reliably stand out.",
        "nl": "Bij deze ruis vallen alleen veranderingen van ongeveer {size} of meer "
        "betrouwbaar op.",
    },
    "methods_all": {
        "en": "All {n} methods of the robustness panel: {verdict}.",
        "nl": "Alle {n} methoden van het robuustheidspanel: {verdict}.",
    },
    "methods_split": {
        "en": "The {n} methods differ: {counts}. Read this change with caution.",
        "nl": "De {n} methoden verschillen: {counts}. Lees deze verandering met voorzichtigheid.",
    },
    "events": {
        "en": "{b} coincided with: {events}.",
        "nl": "{b} viel samen met: {events}.",
    },
    "comparison": {
        "en": "Compared with: {countries}.",
        "nl": "Vergeleken met: {countries}.",
    },
}
COUNT = {"en": "{k} {verdict}", "nl": "{k} {verdict}"}

# Which level a sentence speaks of. Where the trend model works on the log scale the
# chart's line is the typical level (the geometric mean, charts.trend_spec), so the
# sentence names what the comparison compared: the typical level when the catalogue
# compares geometric means, the average level when it compares arithmetic means (a
# reader must not take the line's level for the compared one). `level_key` decides.
LEVELS: dict[str, dict[str, str]] = {
    "level": {"en": "the level", "nl": "het niveau"},
    "typical": {"en": "the typical level", "nl": "het typische niveau"},
    "average": {"en": "the average level", "nl": "het gemiddelde niveau"},
}


def level_key(trend_scale: str | None, compared_quantity: str) -> str:
    """'typical', 'average' or 'level': the key of `LEVELS` a series' sentence uses."""
    if compared_quantity == "geometric_mean":
        return "typical"
    return "average" if trend_scale == "log" else "level"


# The partnership's aim (catalogue `desired_direction`), and how the level moved.
AIM: dict[str, dict[str, str]] = {
    "up": {"en": "The partnership aims for higher", "nl": "Het partnerschap streeft naar hoger"},
    "down": {"en": "The partnership aims for lower", "nl": "Het partnerschap streeft naar lager"},
    "none": {
        "en": "The partnership sets no aim for this level.",
        "nl": "Het partnerschap stelt voor dit niveau geen doel.",
    },
}
MOVED: dict[str, dict[str, str]] = {
    "with": {"en": "{level} moved that way.", "nl": "{level} bewoog die kant op."},
    "against": {
        "en": "{level} moved the other way.",
        "nl": "{level} bewoog de andere kant op.",
    },
    "little_change": {"en": "there was little change.", "nl": "er was weinig verandering."},
    "no_detectable_change": {
        "en": "no detectable change.",
        "nl": "geen aantoonbare verandering.",
    },
}
SPHERES: dict[str, dict[str, str]] = {
    "control": {"en": "control", "nl": "sturing"},
    "influence": {"en": "influence", "nl": "invloed"},
    "context": {"en": "context", "nl": "context"},
}
LABELS: dict[str, dict[str, str]] = {
    "sphere": {"en": "Sphere of influence", "nl": "Invloedssfeer"},
    "caveat": {"en": "Caveat", "nl": "Kanttekening"},
    "evidence": {"en": "evidence", "nl": "bewijs"},
}


def word(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    """`table[key]` in `lang` (Dutch unless English is asked for)."""
    return table[key]["en" if lang == "en" else "nl"]
