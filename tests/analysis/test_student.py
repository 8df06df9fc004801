"""Our Student's t (kept out of scipy for start-up time) against scipy's."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from indicators.analysis.student import t_cdf, t_ppf

DFS = [0.7, 1, 1.5, 2, 3.3, 5, 7.5, 12, 25.5, 49.9, 50.1, 103, 1000, 1e5, 1e6, 1e9, float("inf")]
XS = [-40, -8, -3, -1.96, -0.5, -1e-3, 0, 1e-3, 0.3, 1, 2.5, 6, 40]
PS = [1e-6, 0.01, 0.025, 0.1, 0.2, 0.5, 0.66, 0.8, 0.9, 0.975, 0.99, 1 - 1e-6]


@pytest.mark.parametrize("df", DFS)
def test_cdf_matches_scipy(df):
    # Closed-form special functions, no BLAS and no optimiser: agreement with scipy to
    # rounding (1e-9 relative) is what shows the formula is scipy's, not a near miss.
    for x in XS:
        expected = stats.t.cdf(x, df)
        assert t_cdf(x, df) == pytest.approx(expected, abs=1e-12, rel=1e-9), x


@pytest.mark.parametrize("df", DFS)
def test_quantile_matches_scipy_and_inverts_the_cdf(df):
    for p in PS:
        x = t_ppf(p, df)
        assert x == pytest.approx(stats.t.ppf(p, df), rel=1e-9, abs=1e-12), p
        assert t_cdf(x, df) == pytest.approx(p, rel=1e-9)


def test_quantiles_are_symmetric_and_increasing():
    qs = [t_ppf(p, 4.5) for p in np.linspace(0.01, 0.99, 99)]
    assert qs == sorted(qs)
    assert t_ppf(0.2, 4.5) == -t_ppf(0.8, 4.5)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.1])
def test_a_quantile_outside_0_1_is_refused(p):
    with pytest.raises(ValueError):
        t_ppf(p, 5)
