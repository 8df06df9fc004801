"""Reusable pieces of screen, one module per concern.

- `language`: the language switch and the session's language;
- `url_state`: choices that live in the URL, so a copied link reopens the view;
- `notices`: notices for a bad link or demonstration figures, values shown as text;
- `toolbar`: the charts' toolbar on demand and the browser's own image button;
- `cards`: chart cards and the cells that stand in for a gap;
- `summaries`: a chart in words, for screen readers and the caption under it;
- `panels`: the robustness panel of a comparison.
"""
