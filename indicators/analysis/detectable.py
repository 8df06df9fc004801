"""The smallest detectable change: how large a change must be to stand out from the noise.

From the series' own noise (its fitted noise model and the windows compared): the
change that a two-sided test at the 95% level would pick up four times out of five
(80% power), the classical minimum detectable effect (t_{0.975} + t_{0.80}) x sd.
A change smaller than this can be real and still leave "no detectable change".
"""

from __future__ import annotations

from indicators.analysis.student import t_ppf

LEVEL = 0.95
POWER = 0.80


def smallest_detectable_change(
    sd: float, df: float, level: float = LEVEL, power: float = POWER
) -> float:
    """On the model scale, for a difference whose standard deviation is `sd`."""
    return (t_ppf(0.5 + level / 2, df) + t_ppf(power, df)) * sd
