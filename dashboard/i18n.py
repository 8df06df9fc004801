"""Interface texts in Dutch and English. Dutch is the default.

Every key has both languages; a test fails when one is missing. Catalogue texts
(titles, definitions, caveats) live in data/, not here.
"""

from __future__ import annotations

DEFAULT_LANG = "nl"
LANG_NAMES = {"nl": "Nederlands", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    "download": {"nl": "Downloaden", "en": "Download"},
    "download_help": {
        "nl": "Afbeeldingen dragen titel, uitspraak, bron, kanttekening en markeringen; "
        "CSV en XLSX bevatten de cijfers achter de grafiek.",
        "en": "Images carry title, statement, source, caveat and markings; CSV and XLSX hold "
        "the numbers behind the chart.",
    },
    "no_renderer": {
        "nl": "PNG, SVG en PDF van de server zijn hier niet beschikbaar: {reason} Gebruik de "
        "cameraknop van de grafiek (PNG of SVG, zoals hierboven gekozen).",
        "en": "Server-side PNG, SVG and PDF are not available here: {reason} Use the chart's "
        "camera button (PNG or SVG, as chosen above).",
    },
    "bundle": {"nl": "Briefingbundel (zip)", "en": "Briefing bundle (zip)"},
    "bundle_charts": {"nl": "Grafieken in de bundel", "en": "Charts in the bundle"},
    "bundle_download": {
        "nl": "Bundel met {n} grafieken downloaden",
        "en": "Download bundle of {n} charts",
    },
    "browser_format": {"nl": "Formaat cameraknop", "en": "Camera button format"},
    "pack_pdf": {"nl": "Landenbriefing {country} (PDF)", "en": "Country briefing {country} (PDF)"},
    "pack_pptx": {
        "nl": "Landenbriefing {country} (PPTX)",
        "en": "Country briefing {country} (PPTX)",
    },
    "app_title": {"nl": "Partnerschapsmonitor", "en": "Partnership Monitor"},
    "app_tagline": {
        "nl": "Langetermijntrends met expliciete onzekerheid — geen causale claims.",
        "en": "Long-term trends with explicit uncertainty — no causal claims.",
    },
    "language": {"nl": "Taal", "en": "Language"},
    "choose_options": {"nl": "Kies een of meer", "en": "Choose one or more"},
    "page_overview": {"nl": "Overzicht", "en": "Overview"},
    "page_country": {"nl": "Land", "en": "Country"},
    "page_compare": {"nl": "Perioden vergelijken", "en": "Compare periods"},
    "page_explore": {"nl": "Verkennen", "en": "Explore"},
    "page_sources": {"nl": "Gegevens en bronnen", "en": "Data & sources"},
    "page_method": {"nl": "Methode", "en": "Method"},
    "demo_banner": {
        "nl": "Demonstratiegegevens — geen officiële statistiek. Alle cijfers op deze pagina "
        "zijn gegenereerd om het dashboard te tonen.",
        "en": "Demonstration data — not official statistics. Every figure on this page was "
        "generated to show the dashboard.",
    },
    "mixed_banner": {
        "nl": "Deze opslag bevat zowel echte gegevens als demonstratiegegevens; "
        "demonstratiereeksen zijn gemarkeerd.",
        "en": "This store holds both real and demonstration data; demonstration series are marked.",
    },
    "local_mode": {
        "nl": "Lokale modus: niet aangemeld.",
        "en": "Local mode: not signed in.",
    },
    "local_mode_notice": {
        "nl": "Lokale modus: aanmelden is niet ingesteld. Beperkte indicatoren worden alleen "
        "getoond zolang de opslag uitsluitend demonstratiegegevens bevat.",
        "en": "Local mode: sign-in is not configured. Restricted indicators are shown only "
        "while the store holds nothing but demonstration data.",
    },
    "restricted_local": {
        "nl": "Beperkt toegankelijk: deze opslag bevat echte beperkte cijfers. Die worden pas "
        "getoond als aanmelden is ingesteld.",
        "en": "Restricted: this store holds real restricted figures. They are shown only once "
        "sign-in is configured.",
    },
    "frequency_why": {"nl": "Waarom deze frequentie", "en": "Why this frequency"},
    "restricted_local_none": {
        "nl": "Beperkt toegankelijk: deze opslag bevat geen echte cijfers voor deze indicator. "
        "Beperkte indicatoren worden alleen getoond als aanmelden is ingesteld.",
        "en": "Restricted: this store holds no real figures for this indicator. Restricted "
        "indicators are shown only once sign-in is configured.",
    },
    "sign_in_needed": {
        "nl": "Meld u aan met uw organisatieaccount om het dashboard te openen.",
        "en": "Sign in with your organisation account to open the dashboard.",
    },
    "sign_in": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "signed_in_as": {
        "nl": "Aangemeld als {user} ({role})",
        "en": "Signed in as {user} ({role})",
    },
    "role_viewer": {"nl": "lezer", "en": "viewer"},
    "role_evaluator": {"nl": "evaluator", "en": "evaluator"},
    "role_taskforce": {"nl": "taskforcelid", "en": "taskforce member"},
    "role_admin": {"nl": "beheerder", "en": "administrator"},
    "access_error": {
        "nl": "De instellingen voor aanmelden of toegang zijn ongeldig; vraag de beheerder ze "
        "te herstellen",
        "en": "The sign-in or access settings are invalid; ask the administrator to repair them",
    },
    "country": {"nl": "Land", "en": "Country"},
    "countries": {"nl": "Landen", "en": "Countries"},
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "theme": {"nl": "Thema", "en": "Theme"},
    "reporter": {"nl": "Rapporterend gebied", "en": "Reporting area"},
    "reporter_help": {
        "nl": "Geldt voor indicatoren die dit gebied kennen; andere tonen hun eigen gebied.",
        "en": "Applies to indicators that have this area; others show their own area.",
    },
    "priority": {"nl": "prioriteitsland", "en": "priority country"},
    "comparison": {"nl": "vergelijkingsland", "en": "comparison country"},
    "no_data": {
        "nl": "Geen gegevens voor dit land. Dat is niet hetzelfde als nul.",
        "en": "No data for this country. That is not the same as zero.",
    },
    "restricted": {
        "nl": "Beperkt toegankelijk: deze indicator is alleen zichtbaar voor taskforceleden.",
        "en": "Restricted: this indicator is visible to taskforce members only.",
    },
    "restricted_badge": {"nl": "beperkt", "en": "restricted"},
    "too_few": {"nl": "Te weinig datapunten.", "en": "Too few data points."},
    "sphere": {"nl": "Invloedssfeer", "en": "Sphere of influence"},
    "sphere_control": {"nl": "sturing", "en": "control"},
    "sphere_influence": {"nl": "invloed", "en": "influence"},
    "sphere_context": {"nl": "context", "en": "context"},
    "counts": {"nl": "Wat telt het", "en": "What it counts"},
    "caveat": {"nl": "Let op", "en": "Caveat"},
    "caveats": {"nl": "Kanttekeningen", "en": "Caveats"},
    "definition": {"nl": "Definitie", "en": "Definition"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "frequency": {"nl": "Frequentie", "en": "Frequency"},
    "freq_M": {"nl": "maandelijks", "en": "monthly"},
    "freq_Q": {"nl": "per kwartaal", "en": "quarterly"},
    "freq_A": {"nl": "jaarlijks", "en": "annual"},
    "latest_data": {"nl": "Laatste gegevens", "en": "Latest data"},
    "with_data": {"nl": "indicatoren met gegevens", "en": "indicators with data"},
    "without_data": {"nl": "zonder gegevens", "en": "without data"},
    "open_country": {"nl": "Open landpagina", "en": "Open country page"},
    "events": {"nl": "Gebeurtenissen", "en": "Events"},
    "no_events": {"nl": "Geen gebeurtenissen vastgelegd.", "en": "No events recorded."},
    "event_partnership_milestone": {"nl": "mijlpaal partnerschap", "en": "partnership milestone"},
    "event_eu_agreement": {"nl": "EU-afspraak", "en": "EU-level agreement"},
    "event_external_shock": {"nl": "externe schok", "en": "external shock"},
    "event_data_break": {"nl": "breuk in gegevens", "en": "data break"},
    "overview_intro": {
        "nl": "Per prioriteitsland en thema: de richting van periode A naar periode B, hoe "
        "waarschijnlijk die is en hoe sterk het bewijs. Een richting is geen effect van "
        "het partnerschap.",
        "en": "Per priority country and theme: the direction from window A to window B, how "
        "likely it is and how strong the evidence. A direction is not an effect of the "
        "partnership.",
    },
    "evidence": {"nl": "bewijs", "en": "evidence"},
    "too_little_data": {
        "nl": "{k} van {n} indicatoren met te weinig gegevens",
        "en": "{k} of {n} indicators with too little data",
    },
    "no_data_short": {"nl": "geen gegevens", "en": "no data"},
    "too_few_short": {"nl": "te weinig datapunten", "en": "too few data points"},
    "too_few_comparison_short": {
        "nl": "te weinig gegevens in een van de perioden",
        "en": "too few data in one of the windows",
    },
    "open_country_of": {"nl": "{country}: {theme}", "en": "{country}: {theme}"},
    "same_windows": {
        "nl": "Periode A en B zijn gelijk; de standaardperioden worden getoond.",
        "en": "Windows A and B are the same; showing the default windows.",
    },
    "comparison_help": {
        "nl": "Trendniveaus van andere landen, alleen als context.",
        "en": "Trend levels of other countries, for context only.",
    },
    "trend_summary": {
        "nl": "{n} waarden van {first} tot en met {last}; laatste waarde {value} ({period}). "
        "Trendniveau in {end}: {level} (95%-interval {low} tot {high}).",
        "en": "{n} values from {first} to {last}; latest value {value} ({period}). "
        "Trend level in {end}: {level} (95% interval {low} to {high}).",
    },
    "provisional_shaded": {
        "nl": "{k} voorlopige periode(n) gearceerd.",
        "en": "{k} provisional period(s) shaded.",
    },
    "events_marked": {
        "nl": "Gemarkeerde gebeurtenissen: {events}.",
        "en": "Events marked: {events}.",
    },
    "window_a": {"nl": "Periode A", "en": "Window A"},
    "window_b": {"nl": "Periode B", "en": "Window B"},
    "periods": {"nl": "Vergelijkingsperioden", "en": "Comparison windows"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "catalogue": {"nl": "Indicatorcatalogus", "en": "Indicator catalogue"},
    "imports": {"nl": "Importgeschiedenis", "en": "Import history"},
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "chart_summary": {
        "nl": "{n} waarden van {first} tot en met {last}; laatste waarde {value} ({period}).",
        "en": "{n} values from {first} to {last}; latest value {value} ({period}).",
    },
    "bad_link": {
        "nl": "De link bevatte een onbekende waarde ({what}); de standaardweergave wordt getoond.",
        "en": "The link held an unknown value ({what}); showing the default view.",
    },
    "store_error": {
        "nl": "De gegevensopslag is niet beschikbaar",
        "en": "The store is unavailable",
    },
    "compare_intro": {
        "nl": "Kies twee perioden, landen en indicatoren. Per rij: de verandering van periode A "
        "naar B met 80%- en 95%-intervallen, berekend uit de opgeslagen trends. Een verandering "
        "is een beschrijving, geen effect van het partnerschap.",
        "en": "Choose two windows, countries and indicators. Per row: the change from window A "
        "to B with 80% and 95% intervals, computed from the stored trends. A change is a "
        "description, not an effect of the partnership.",
    },
    "explore_intro": {
        "nl": "Eén indicator voor landen en rapporterende gebieden naast elkaar: absoluut, als "
        "index of per inwoner, zoals nu bekend of zoals bekend op een eerdere versiedatum.",
        "en": "One indicator for countries and reporting areas side by side: absolute, as an "
        "index or per inhabitant, as known now or as known on an earlier vintage.",
    },
    "method_intro": {
        "nl": "Hoe dit dashboard trends schat, hoe zeker het daarvan is, welke woorden het "
        "daarvoor gebruikt, en waarom het geen oorzaken aanwijst.",
        "en": "How this dashboard estimates trends, how sure it is of them, which words it uses "
        "for that, and why it does not attribute causes.",
    },
    # --- Compare periods ---------------------------------------------------------
    "custom_years": {"nl": "Eigen jaren…", "en": "Custom years…"},
    "years": {"nl": "Jaren", "en": "Years"},
    "indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "comparison_group": {"nl": "Vergelijkingsgroep", "en": "Comparison group"},
    "comparison_group_help": {
        "nl": "Landen waartegen de methode 'ten opzichte van vergelijkingslanden' meet. "
        "Standaard: de vergelijkingslanden voor een prioriteitsland.",
        "en": "Countries the 'relative to comparison countries' method measures against. "
        "Default: the comparison countries for a priority country.",
    },
    "group_default": {"nl": "Standaard", "en": "Default"},
    "group_none": {"nl": "Geen", "en": "None"},
    "group_choose": {"nl": "Zelf kiezen", "en": "Choose"},
    "comparison_countries": {"nl": "Vergelijkingslanden", "en": "Comparison countries"},
    "compare_choose": {
        "nl": "Kies ten minste één land en één indicator.",
        "en": "Choose at least one country and one indicator.",
    },
    "forest_title": {"nl": "Veranderingen met intervallen", "en": "Changes with intervals"},
    "forest_chart_title": {
        "nl": "Verandering van {a} naar {b}",
        "en": "Change from {a} to {b}",
    },
    "forest_axis": {
        "nl": "Verandering in % van het niveau in periode A",
        "en": "Change in % of the level in window A",
    },
    "forest_summary": {
        "nl": "{n} vergelijkingen: {kinds}.",
        "en": "{n} comparisons: {kinds}.",
    },
    "forest_disagree": {
        "nl": "De methoden verschillen bij: {rows}.",
        "en": "The methods disagree for: {rows}.",
    },
    "verdict_increase": {"nl": "hoger", "en": "higher"},
    "verdict_decrease": {"nl": "lager", "en": "lower"},
    "verdict_little_change": {"nl": "weinig verandering", "en": "little change"},
    "verdict_no_detectable_change": {
        "nl": "geen aantoonbare verandering",
        "en": "no detectable change",
    },
    "verdict": {"nl": "Oordeel", "en": "Verdict"},
    "robustness_panel": {"nl": "Robuustheidspanel", "en": "Robustness panel"},
    "robustness_intro": {
        "nl": "Dezelfde verandering op vier manieren gemeten. Komen de 95%-intervallen van alle "
        "methoden overeen, dan hangt de uitkomst niet aan één rekenwijze.",
        "en": "The same change measured four ways. When the 95% intervals of all methods "
        "overlap, the result does not hang on one way of computing it.",
    },
    "methods_agree": {"nl": "methoden komen overeen", "en": "methods agree"},
    "methods_disagree": {"nl": "methoden verschillen", "en": "methods disagree"},
    "methods_agree_long": {
        "nl": "De {n} methoden komen overeen: hun 95%-intervallen delen ten minste één waarde.",
        "en": "The {n} methods agree: their 95% intervals share at least one value.",
    },
    "methods_disagree_long": {
        "nl": "De methoden verschillen: niet alle 95%-intervallen overlappen. Lees deze "
        "verandering met voorzichtigheid.",
        "en": "The methods disagree: not all 95% intervals overlap. Read this change with caution.",
    },
    "method": {"nl": "Methode", "en": "Method"},
    "change_pct": {"nl": "Verandering", "en": "Change"},
    "interval80": {"nl": "80%-interval", "en": "80% interval"},
    "interval95": {"nl": "95%-interval", "en": "95% interval"},
    "probability_increase": {"nl": "Kans op stijging", "en": "Probability of a rise"},
    "likelihood_term": {"nl": "Waarschijnlijkheid", "en": "Likelihood"},
    "overlaps_all": {"nl": "Overlapt met alle andere", "en": "Overlaps all others"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "sdc_line": {
        "nl": "**Kleinste aantoonbare verandering:** ongeveer {size} van het niveau in {a}. "
        "Een kleinere verandering kan echt zijn en toch niet opvallen tegen de ruis.",
        "en": "**Smallest detectable change:** about {size} of the level in {a}. A smaller "
        "change can be real and still not stand out from the noise.",
    },
    "evidence_quality": {"nl": "Kwaliteit van het bewijs", "en": "Evidence quality"},
    "row_label": {"nl": "Vergelijking", "en": "Comparison"},
    "panel_for": {"nl": "Robuustheidspanel van", "en": "Robustness panel of"},
    "sdc_short": {"nl": "Kleinste aantoonbare verandering", "en": "Smallest detectable change"},
    "methods_chart_title": {"nl": "Vier methoden naast elkaar", "en": "Four methods side by side"},
    "sdc_band": {"nl": "kleinste aantoonbare verandering", "en": "smallest detectable change"},
    "trend_method": {"nl": "trendmodel", "en": "trend model"},
    "compare_table": {"nl": "De tabel achter de grafiek", "en": "The table behind the chart"},
    "download_csv": {"nl": "Download tabel (CSV)", "en": "Download table (CSV)"},
    "download_xlsx": {"nl": "Download tabel (XLSX)", "en": "Download table (XLSX)"},
    # --- Explore -------------------------------------------------------------------
    "reporters": {"nl": "Rapporterende gebieden", "en": "Reporting areas"},
    "explore_mode": {"nl": "Weergave", "en": "Show as"},
    "mode_absolute": {"nl": "Absoluut", "en": "Absolute"},
    "mode_indexed": {"nl": "Index", "en": "Indexed"},
    "mode_per_capita": {"nl": "Per 100.000 inwoners", "en": "Per 100,000 inhabitants"},
    "explore_mode_help": {
        "nl": "Index: het gemiddelde van elke reeks in de gekozen periode is 100, zodat "
        "ontwikkelingen van landen van verschillende grootte naast elkaar passen. Per inwoner: "
        "gedeeld door de bevolking van het land in dat jaar.",
        "en": "Indexed: each series' mean over the chosen window is 100, so developments of "
        "countries of different size fit side by side. Per inhabitant: divided by the "
        "country's population in that year.",
    },
    "per_capita_unavailable": {
        "nl": "Per inwoner alleen voor aantallen.",
        "en": "Per inhabitant only for counts.",
    },
    "index_base": {"nl": "Index: periode = 100", "en": "Index: window = 100"},
    "log_scale": {"nl": "Logaritmische schaal", "en": "Log scale"},
    "log_scale_help": {
        "nl": "Gelijke afstanden zijn gelijke verhoudingen: een verdubbeling is overal even groot.",
        "en": "Equal distances are equal ratios: a doubling looks the same everywhere.",
    },
    "as_of": {"nl": "Stand van", "en": "As of"},
    "as_of_latest": {"nl": "nieuwste versie", "en": "latest vintage"},
    "as_of_help": {
        "nl": "Toon de cijfers zoals ze bekend waren op een eerdere versiedatum: latere "
        "herzieningen en aanvullingen worden weggelaten.",
        "en": "Show the figures as they were known on an earlier vintage: later revisions and "
        "additions are left out.",
    },
    "indexed_unit": {"nl": "index (gemiddelde {base} = 100)", "en": "index (mean {base} = 100)"},
    "per_capita_unit": {
        "nl": "{unit} per 100.000 inwoners",
        "en": "{unit} per 100,000 inhabitants",
    },
    "left_out_absolute": {"nl": "Weggelaten", "en": "Left out"},
    "left_out_indexed": {
        "nl": "Weggelaten, geen waarden in de indexperiode",
        "en": "Left out, no values in the index window",
    },
    "left_out_per_capita": {
        "nl": "Weggelaten, geen bevolkingscijfer",
        "en": "Left out, no population figure",
    },
    "series_summary": {
        "nl": "{n} reeksen van {first} tot en met {last}. Laatste waarden: {latest}.",
        "en": "{n} series from {first} to {last}. Latest values: {latest}.",
    },
    # --- Method ---------------------------------------------------------------------
    "probability": {"nl": "Kans", "en": "Probability"},
    "method_how": {"nl": "Hoe", "en": "How"},
    "how_adjusted_means": {
        "nl": "De kop: verschil van de seizoensgecorrigeerde gemiddelden van beide perioden; "
        "het interval komt uit de ruis van het trendmodel en is nooit smaller dan een "
        "blokbootstrap.",
        "en": "The headline: difference of the seasonally adjusted means of both windows; the "
        "interval comes from the trend model's noise and is never narrower than a block "
        "bootstrap.",
    },
    "how_period_means": {
        "nl": "Zonder model: verschil van de gewone gemiddelden, onzekerheid uit het herhaald "
        "trekken van aaneengesloten blokken binnen elke periode.",
        "en": "No model: difference of the plain means, uncertainty from resampling "
        "consecutive blocks within each window.",
    },
    "how_trend_ends": {
        "nl": "Het geschatte trendniveau aan het eind van periode B min dat aan het eind van A.",
        "en": "The estimated trend level at the end of window B minus that at the end of A.",
    },
    "how_relative_to_comparison": {
        "nl": "De verandering min de gemiddelde verandering van de vergelijkingslanden; het "
        "interval uit dezelfde berekening op in de tijd verschoven reeksen (placebo's).",
        "en": "The change minus the comparison countries' average change; the interval from "
        "the same statistic on series shifted in time (placebos).",
    },
    "criteria": {"nl": "Wanneer", "en": "When"},
    "quality_criteria": {
        "nl": "ten minste {coverage} van de perioden heeft een waarde, hoogstens {provisional} "
        "voorlopig en hoogstens {flagged} geschat of onbetrouwbaar",
        "en": "at least {coverage} of periods have a value, at most {provisional} provisional "
        "and at most {flagged} estimated or low-reliability",
    },
    "quality_no_break": {"nl": "en geen breuk in de reeks", "en": "and no break in the series"},
    "quality_otherwise": {"nl": "in alle andere gevallen", "en": "in every other case"},
    # --- Data & sources -----------------------------------------------------------
    "sources_intro": {
        "nl": "Wat elke indicator meet en telt, waar de cijfers vandaan komen (met volledige "
        "bronvermelding en licentie), wat de opslag bevat en wanneer het is ingelezen.",
        "en": "What each indicator measures and counts, where the figures come from (with full "
        "citation and licence), what the store holds and when it was imported.",
    },
    "public": {"nl": "openbaar", "en": "public"},
    "access": {"nl": "Toegang", "en": "Access"},
    "countries_with_data": {"nl": "Landen met gegevens", "en": "Countries with data"},
    "countries_with_data_help": {
        "nl": "Landen met gegevens: alleen indicatoren die u mag zien worden geteld.",
        "en": "Countries with data: only indicators you may see are counted.",
    },
    "first_period": {"nl": "Eerste periode", "en": "First period"},
    "last_period": {"nl": "Laatste periode", "en": "Last period"},
    "processing": {"nl": "Bewerking", "en": "Processing"},
    "sphere_control_help": {
        "nl": "Sturing: Nederland beslist hier zelf over.",
        "en": "Control: the Netherlands decides this itself.",
    },
    "sphere_influence_help": {
        "nl": "Invloed: het partnerschap kan dit beïnvloeden, niet bepalen.",
        "en": "Influence: the partnership can influence this, not decide it.",
    },
    "sphere_context_help": {
        "nl": "Context: buiten het bereik van het partnerschap; nodig om de rest te lezen.",
        "en": "Context: outside the partnership's reach; needed to read the rest.",
    },
    "published": {"nl": "gepubliceerd", "en": "published"},
    "accessed": {"nl": "geraadpleegd", "en": "accessed"},
    "licence": {"nl": "Licentie", "en": "Licence"},
    "producer": {"nl": "Producent", "en": "Producer"},
    "source_title": {"nl": "Titel", "en": "Title"},
    "dataset": {"nl": "Dataset", "en": "Dataset"},
    "citation": {"nl": "Volledige bronvermelding", "en": "Full citation"},
    "link": {"nl": "Link", "en": "Link"},
    "imports_intro": {
        "nl": "Elk inlezen met bestand, vingerafdruk (SHA-256), aantallen rijen en versiedatum.",
        "en": "Every import with its file, fingerprint (SHA-256), row counts and vintage.",
    },
    "import_format": {"nl": "Formaat", "en": "Format"},
    "revisions": {"nl": "Herzieningen", "en": "Revisions"},
    "revisions_intro": {
        "nl": "Cijfers die tussen twee versiedata zijn veranderd of bijgekomen; "
        "de oudere waarden blijven bewaard.",
        "en": "Figures that changed or appeared between two vintages; the older values are kept.",
    },
    "revisions_none": {
        "nl": "Deze gegevens hebben maar één versiedatum: er is niets herzien.",
        "en": "These data have a single vintage: nothing was revised.",
    },
    "revisions_from": {"nl": "Bekend op", "en": "Known on"},
    "revisions_to": {"nl": "Vergeleken met", "en": "Compared with"},
    "revisions_count": {"nl": "{n} veranderde waarden", "en": "{n} changed values"},
    "file": {"nl": "Bestand", "en": "File"},
    "rows_accepted": {"nl": "Rijen aanvaard", "en": "Rows accepted"},
    "rows_rejected": {"nl": "Rijen geweigerd", "en": "Rows rejected"},
    "imported_at": {"nl": "Ingelezen op", "en": "Imported at"},
    "vintage": {"nl": "Versiedatum", "en": "Vintage"},
    "is_demo": {"nl": "Demonstratie", "en": "Demonstration"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled in."""
    text = TEXTS[key]["en" if lang == "en" else "nl"]
    return text.format(**values) if values else text
