"""Method: how the dashboard shows figures and why it makes no causal claims."""

from __future__ import annotations

import streamlit as st

from dashboard import components
from dashboard.i18n import t

lang = components.current_lang()
st.title(t("page_method", lang))
st.caption(t("method_intro", lang))

TEXT = {
    "nl": """
### Wat u ziet
Elke grafiek toont de waargenomen cijfers zoals de bron ze levert. Een gekleurde band
is een **bandbreedte die de bron zelf geeft** (bijvoorbeeld minimale schattingen of een
marge van het partnerland). Open markeringen zijn **voorlopige** cijfers: die worden vaak
nog bijgesteld.

### Geen gegevens is niet nul
Als een land voor een indicator geen cijfers heeft, ziet u 'geen gegevens'. Dat betekent
niet dat er niets gebeurde, alleen dat er niets is vastgelegd of gedeeld.

### Waarom geen oorzaken
Migratie en terugkeer worden grotendeels bepaald door factoren buiten het bereik van een
partnerschap: conflicten, economie, het weer op zee, beleid van andere landen. Een
partnerschap is niet-lineair en adaptief en werkt op lange termijn. Dit dashboard toont
daarom ontwikkelingen en hoe zeker we daarvan zijn, en zegt nooit dat een partnerschap
een verandering teweegbracht. Gebeurtenissen staan naast de reeksen: ze vielen samen
met een ontwikkeling, meer niet.
""",
    "en": """
### What you see
Every chart shows the observed figures as the source provides them. A shaded band is a
**range the source itself gives** (for example minimum estimates or a partner's margin).
Open markers are **provisional** figures: they are often still revised.

### No data is not zero
Where a country has no figures for an indicator, you see 'no data'. That does not mean
nothing happened, only that nothing was recorded or shared.

### Why no causes
Migration and return are largely driven by factors outside a partnership's reach:
conflict, the economy, the weather at sea, other countries' policies. A partnership is
non-linear, adaptive and long-term. This dashboard therefore shows developments and how
sure we are of them, and never says that a partnership brought about a change. Events are
shown next to the series: they coincided with a development, nothing more.
""",
}
st.markdown(TEXT[lang])
