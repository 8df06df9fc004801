"""The words of an account, in Dutch and English: one template per thing said.

The templates live in the library's gettext catalogue (indicators/locale, keys
`view_<kind>_<key>`; `make translations`); `word(kind, key, lang)` looks one up.

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
from indicators.texts import N_, t

# The one vocabulary of verdicts (symbol and words) is the inference layer's; the rule
# that decides each verdict is written here in words for the Method page.
SYMBOLS = direction.SYMBOLS
VERDICTS: dict[str, dict[str, str]] = direction.VERDICT_WORDS

# The kinds of template, each with one key per thing said (the key's last part):
RULES = "rule"  # the rule that decides a verdict (the Method page)
HEADLINES = "headline"  # an account's headline, one per verdict or status
DETAILS = "detail"  # the details under a headline
COUNT = "count"  # "{k} {verdict}": how many methods gave a verdict
AIM = "aim"  # the partnership's aim (catalogue `desired_direction`)
MOVED = "moved"  # how the level moved relative to the aim
SPHERES = "sphere"  # the sphere of influence, in words

# Which level a sentence speaks of. Where the trend model works on the log scale the
# chart's line is the typical level (the geometric mean, charts.trend_spec), so the
# sentence names what the comparison compared: the typical level when the catalogue
# compares geometric means, the average level when it compares arithmetic means (a
# reader must not take the line's level for the compared one). `level_key` decides.
LEVELS = "level"

# Keys composed at run time by `word`: declared so that extraction keeps them.
KEYS = (
    N_("view_rule_increase"),
    N_("view_rule_decrease"),
    N_("view_rule_little_change"),
    N_("view_rule_no_detectable_change"),
    N_("view_headline_increase"),
    N_("view_headline_decrease"),
    N_("view_headline_little_change"),
    N_("view_headline_no_detectable_change"),
    N_("view_headline_too_few_comparison"),
    N_("view_headline_no_data"),
    N_("view_detail_chance"),
    N_("view_detail_detectable"),
    N_("view_detail_methods_all"),
    N_("view_detail_methods_split"),
    N_("view_detail_events"),
    N_("view_detail_comparison"),
    N_("view_level_level"),
    N_("view_level_typical"),
    N_("view_level_average"),
    N_("view_aim_up"),
    N_("view_aim_down"),
    N_("view_aim_none"),
    N_("view_moved_with"),
    N_("view_moved_against"),
    N_("view_moved_little_change"),
    N_("view_moved_no_detectable_change"),
    N_("view_sphere_control"),
    N_("view_sphere_influence"),
    N_("view_sphere_context"),
    N_("view_count_methods"),
)


def word(kind: str, key: str, lang: str) -> str:
    """The template of `kind` for `key` in `lang` ({placeholders} left for the caller)."""
    return t(f"view_{kind}_{key}", lang)


def verdict_words(verdict: str, lang: str) -> str:
    """'higher', 'no detectable change (wide interval)': the inference layer's one
    vocabulary of verdicts (catalogue texts; other languages read Dutch)."""
    return VERDICTS[verdict][lang]


def level_key(trend_scale: str | None, compared_quantity: str) -> str:
    """'typical', 'average' or 'level': the key of `LEVELS` a series' sentence uses."""
    if compared_quantity == "geometric_mean":
        return "typical"
    return "average" if trend_scale == "log" else "level"
