"""The noise around a trend: what a period mean can wander by when nothing changes.

An AR(1) term (noise that lingers from one period to the next), an independent
irregular term, and extra measurement variance per period (bounds, provisional
values). Comparisons of period means take their uncertainty from this covariance,
so autocorrelated series get the wider intervals they need.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class NoiseModel:
    """Variances on the model scale; `df` are the degrees of freedom for t quantiles."""

    ar_phi: float
    ar_var: float
    irregular_var: float
    df: float

    def covariance(self, positions: np.ndarray, extra: np.ndarray) -> np.ndarray:
        """Covariance of the noise at grid positions, with per-position extra variance."""
        lag = np.abs(positions[:, None] - positions[None, :])
        phi = min(max(self.ar_phi, -0.99), 0.99)
        ar = self.ar_var / (1 - phi**2) * phi ** lag.astype(float) if self.ar_var > 0 else 0.0
        return ar + np.diag(self.irregular_var + extra)
