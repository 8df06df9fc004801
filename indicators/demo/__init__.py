"""Deterministic demonstration data: plausible, clearly marked, never official."""

from indicators.demo.generator import DEMO_SEED, generate_demo

__all__ = ["DEMO_SEED", "generate_demo"]
