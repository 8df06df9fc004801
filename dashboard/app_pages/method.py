"""Method: the trend model, the intervals, the likelihood scale, the robustness panel, and
why the dashboard makes no causal claims — in plain language, in Dutch and English.

The tables (likelihood scale, the methods of the panel, the evidence levels) come
from the library through services, so this page can never drift from what the
numbers elsewhere use.
"""

from __future__ import annotations

import streamlit as st

from dashboard import services
from dashboard.components import language
from dashboard.i18n import t

lang = language.current()
st.title(t("page_method", lang))
st.caption(t("method_intro", lang))

SECTIONS = {
    "nl": {
        "seen": """
### Wat u ziet
Elke grafiek toont de **waargenomen cijfers** zoals de bron ze levert. Een lichte band om
de punten is een **bandbreedte die de bron zelf geeft** (bijvoorbeeld minimale schattingen
of een marge van het partnerland). Open markeringen zijn **voorlopige** cijfers: die worden
vaak nog bijgesteld; voorlopige perioden zijn grijs gearceerd. Onder elke grafiek staan de
bron, de versiedatum, een korte samenvatting in woorden en de belangrijkste kanttekening.
""",
        "trend": """
### Het trendmodel
Cijfers per maand of kwartaal schommelen. Om te zien waar een reeks *naartoe beweegt*,
schat het dashboard per reeks een **adaptieve trend**: een structureel tijdreeksmodel met
een niveau en een helling die allebei geleidelijk mogen veranderen (een 'lokaal lineaire
trend'). Daaromheen:

- **ruis die even blijft hangen** (een AR(1)-term) zodra er genoeg waarden zijn (24 of meer):
  een uitschieter werkt dan een paar perioden door zonder dat de trend verschuift;
- een **vast seizoenspatroon** voor maandreeksen van drie jaar of langer;
- **extra meetonzekerheid** voor voorlopige, geschatte of onbetrouwbare waarden en voor
  waarden waarvan de bron een bandbreedte geeft;
- aantallen waarvan de schommelingen met het niveau meegroeien worden op een
  **logaritmische schaal** gemodelleerd, zodat een stijging van 100 naar 200 even zwaar weegt
  als van 1.000 naar 2.000.

Korte reeksen (3 tot 7 waarden) krijgen een rechte lijn met eerlijk brede intervallen;
onder de 3 waarden toont het dashboard geen trend maar 'te weinig datapunten'.
De trends worden berekend wanneer gegevens worden ingelezen, niet wanneer u een pagina
opent: elke pagina leest opgeslagen resultaten.
""",
        "intervals": """
### De intervallen
De **waaier** om de trendlijn toont de 50%-, 80%- en 95%-intervallen van het geschatte
niveau: het donkerste deel bevat het niveau met 50% waarschijnlijkheid, de lichtste rand met
95%. De middenlijn is bewust rustig getekend: de onzekerheid is net zo belangrijk als de lijn.

Bij een **vergelijking van twee perioden** vergelijkt het dashboard steeds dezelfde grootheid
per indicator, vastgelegd in de catalogus: het **rekenkundig gemiddelde** van de cijfers in
elke periode (bij aantallen: het gemiddelde aantal per maand, kwartaal of jaar; het
percentage is de verhouding van de twee gemiddelden). Die keuze hangt nooit af van de cijfers
zelf. De verandering krijgt een 80%-interval (dikke balk) en een 95%-interval (dunne lijn):

- **ruis die blijft hangen**: de onzekerheid komt uit een AR(1)-model van de ruis rond de
  twee gemiddelden; de persistentie wordt niet geschat en dan vastgezet, maar het interval
  wordt gemiddeld over alle persistenties die de gegevens toelaten (tot 0,96 per periode);
- **aantallen**: de spreiding mag per periode meegroeien met het niveau;
- **korte jaarreeksen** (minder dan 20 waarden): het Welch-interval van de t-toets;
- **voorlopige cijfers** kunnen scheef zijn, niet alleen onzeker: een gezamenlijke
  afwijking van 5% van hun waarde wordt meegenomen, die (anders dan ruis) niet uitmiddelt.
""",
        "level": """
### Het niveau dat de lijn toont
Wordt een reeks op de **logaritmische schaal** gemodelleerd (aantallen met uitschieters,
zoals grensdetecties per maand), dan toont de lijn het **typische niveau**: het meetkundig
gemiddelde zonder seizoenspatroon. Ongeveer de helft van de waarden ligt erboven, de helft
eronder; uitschieters (zoals de uitbarstingen uit Tunesië in 2011 en 2023) liggen er ver
boven, en het rekenkundig gemiddelde van de maanden ligt dus hoger dan de lijn. Grafiek en
legenda noemen de lijn dan 'trend: typisch niveau'. We kozen het typische niveau omdat het
niet door één uitschieter wordt opgetrokken.

De vergelijking van twee perioden vergelijkt de grootheid die de catalogus per indicator
vastlegt, niet de lijn. Is dat het rekenkundig gemiddelde, dan zegt de zin onder zo'n
grafiek '**het gemiddelde niveau** bewoog …'; is het het meetkundig gemiddelde, dan
'**het typische niveau** bewoog …'. Zo leest niemand de lijn als het vergeleken niveau.
""",
        "frequency": """
### Per maand, kwartaal of jaar
Elke indicator gebruikt één frequentie: de fijnste die de bron publiceert, tenzij hieronder
anders staat. Cijfers worden nooit over perioden verdeeld of opgeteld: een bestand dat grover
is dan zijn indicator wordt geweigerd, met de variant die u wel kunt downloaden.
""",
        "scale": """
### De waarschijnlijkheidsschaal
Kansen worden altijd met dezelfde woorden beschreven, volgens de schaal hieronder (de schaal
die ook het IPCC gebruikt). Een zin als 'het is waarschijnlijk dat het niveau hoger lag'
betekent dus: een kans tussen 66% en 90%.
""",
        "verdicts": """
### Vier soorten uitkomst, en welke kans in woorden komt
- **hoger** of **lager**: het 95%-interval van de verandering ligt helemaal boven of onder nul;
  alleen dan gebruikt het dashboard een richtingwoord;
- **weinig verandering**: het interval bevat nul én sluit veranderingen groter dan de
  **marge** uit (de verandering die ertoe doet, per indicator in de catalogus; standaard 10%
  van het niveau in de eerste periode);
- **geen aantoonbare verandering**: het interval bevat nul en is te breed om een flinke
  verandering uit te sluiten. Dat is **niet hetzelfde als 'geen verandering'**: de gegevens
  kunnen het verschil dan simpelweg niet zien.

De tabel hieronder geeft de regel van elke uitkomst. Bij een uitkomst zonder aantoonbare
verandering staat nooit een richting ('waarschijnlijk hoger'): de kans die dan in woorden
staat, is die op een verandering groter dan de marge. Naast de uitkomst staat de richting die
het partnerschap nastreeft (uit de catalogus) en of het niveau die kant op bewoog; dat is een
beschrijving, geen effect.

De kans die in woorden komt is die van een **verandering die ertoe doet**: bij 'hoger' de
kans op een stijging van meer dan de marge, bij 'lager' op een daling van meer dan de marge,
anders op een verandering van meer dan de marge in een van beide richtingen. Die kans gaat
uit van **scepsis**: vooraf is 'geen verandering' even waarschijnlijk als 'wel een
verandering' (de evaluatie vond dat de meeste uitkomsten buiten het bereik van een
partnerschap liggen), en veranderingen van enkele marges groot zijn aannemelijk. Een
schatting twee standaardfouten boven nul is dan niet 'zeer waarschijnlijk' een stijging, zoals
bij een vlakke aanname; het veld `probability_increase` houdt die oude betekenis (kans op een
stijging zonder scepsis) en staat er alleen voor scripts naast.

De **kleinste aantoonbare verandering** zegt hoe groot een verandering moet zijn om met deze
gegevens betrouwbaar op te vallen: de verandering die de uitkomst 'hoger' of 'lager' vier
van de vijf keer vindt (95%-niveau, 80% onderscheidend vermogen; de studie hieronder meet hoe
vaak dat in simulatie lukt). Bij aantallen telt de ruis van de tweede periode op het hogere
niveau dat zo'n verandering geeft: aantallen schommelen meer naarmate ze groter zijn. Een
kleinere verandering kan echt zijn en toch onzichtbaar blijven.
""",
        "panel": """
### Het robuustheidspanel
Drie methoden schatten **dezelfde grootheid** als de kop (het verschil van de gemiddelden),
elk met andere aannames over de ruis: het ruismodel van de kop, een blokbootstrap zonder
ruismodel, en het gemiddelde trendniveau uit het trendmodel. Ze **komen overeen** zolang
geen twee van hen een tegengestelde richting vinden (de een hoger, de ander lager). Dat de
een 'hoger' vindt en de ander 'geen aantoonbare verandering' is geen tegenspraak: zo
verschillen methoden van verschillend onderscheidend vermogen. Overlappende intervallen zijn
geen maatstaf: methoden die verschillende dingen meten hoeven niet te overlappen.

De vergelijking met **vergelijkingslanden** (Algerije, Egypte, Nigeria) meet iets anders, de
verandering ten opzichte van die landen, en staat erbij als context, zonder stem. Ook die
methode meet geen effect. Haar interval komt uit placeboperioden (dezelfde vergelijking met
de reeks verschoven in de tijd); met te weinig waarden voor ten minste 19 placebo's zegt het
dashboard dat, in plaats van een grove kans te geven. Twee toetsen staan ernaast, elk met het
aantal placebo's waarop ze rust:
- **placebolanden**: dezelfde vergelijking met elk vergelijkingsland op de plaats van de reeks
  (de reeks gaat bij de andere landen). Het dashboard zegt hoeveel van hen een even grote of
  grotere relatieve verandering tonen. Met drie landen is dat een rangorde onder vier, nooit
  een kans: een synthetische controle, of een kans uit placebo's over landen heen, vraagt
  veel meer vergelijkingslanden dan er zijn;
- **toets vooraf**: dezelfde vergelijking tussen de twee helften van de eerste periode, waar
  vergelijkingslanden die met de reeks meebewegen niets vinden. Valt de uitkomst buiten de
  spreiding van de placeboperioden binnen de eerste periode (haar waarden rondgeschoven over
  haar eigen perioden), dan zegt het dashboard dat de vergelijkingslanden vóór de tweede
  periode niet met de reeks meebewogen en dat de vergelijking met hen weinig zegt.
""",
        "many": """
### Veel reeksen tegelijk
Een overzicht toont tientallen reeksen. Bij een gewone 95%-toets krijgt ongeveer één op de
twintig reeksen zonder verandering toch 'hoger' of 'lager'. Het dashboard past de uitkomsten
**niet** aan voor het aantal reeksen op een pagina (geen Benjamini–Hochberg-correctie): zo'n
correctie maakt de uitkomst van een reeks afhankelijk van de andere reeksen op dezelfde
pagina, zodat dezelfde reeks op haar landenpagina 'hoger' en in het overzicht 'geen
aantoonbare verandering' zou krijgen, en een export iets anders zou zeggen dan het scherm.
Eén reeks krijgt één verhaal, waar ze ook staat. Het vele-reeksenprobleem zit in plaats
daarvan in de kans: de sceptische aanname begint elke reeks met gelijke kansen op helemaal
geen verandering, wat een hiërarchisch model dat naar 'geen verandering' krimpt doet voor een
pagina waarop veel reeksen niet veranderden. Van de 'zeer waarschijnlijke' (90–99%)
stijgingen op een pagina is daarom gemiddeld hooguit één op de tien geen stijging van meer
dan de marge, en de studie hieronder toetst op gesimuleerde reeksen dat 'zeer waarschijnlijk'
of sterker bijna nooit (hooguit 5%) valt op een reeks zonder verandering. Op een pagina met
40 reeksen zonder enige verandering tonen er toch ongeveer twee 'hoger' of 'lager' bij
toeval: lees een richting samen met de kans en de kwaliteit.
""",
        "study": """
### De kalibratiestudie
Zes processen met bekende waarheid, elk 950 gesimuleerde reeksen (vaste seeds): 400 zonder
verandering, 400 met een verandering uit de sceptische verdeling, 150 met precies de kleinste
aantoonbare verandering. Doel: 95%-dekking tussen 93% en 97%, 80%-dekking tussen 77% en 83%,
'zeer waarschijnlijk' of sterker in hooguit 5% van de reeksen zonder verandering, en
kalibratiefout van de genoemde kansen binnen 1,5 keer wat het toeval alleen geeft. De tabel
komt uit het opgeslagen resultaat (`data/calibration/study.json`), dat de testsuite opnieuw
berekent en vergelijkt.
""",
        "quality": """
### Kwaliteit van het bewijs
Naast de kans staat de kwaliteit van de cijfers erachter: welk deel van de perioden een waarde
heeft, hoeveel daarvan voorlopig of geschat is, en of er een breuk in de reeks zit.
""",
        "gaps": """
### Geen gegevens is niet nul
Als een land voor een indicator geen cijfers heeft, ziet u 'geen gegevens'. Dat betekent
niet dat er niets gebeurde, alleen dat er niets is vastgelegd of gedeeld. Beperkt
toegankelijke indicatoren tonen 'beperkt toegankelijk' in plaats van een grafiek.
""",
        "causes": """
### Waarom het dashboard geen oorzaken aanwijst
Migratie en terugkeer worden grotendeels bepaald door factoren buiten het bereik van een
partnerschap: conflicten, economie, het weer op zee, beleid van andere landen. Een
partnerschap is niet-lineair en adaptief en werkt op lange termijn; er is geen
controlegroep en geen moment waarop 'het partnerschap' begon en al het andere gelijk bleef.
Het dashboard toont daarom **ontwikkelingen en hoe zeker we daarvan zijn**, en zegt nooit
dat een partnerschap een verandering teweegbracht. Gebeurtenissen staan naast de reeksen:
ze vielen samen met een ontwikkeling, meer niet. Elke gegenereerde zin wordt bovendien
automatisch gecontroleerd op oorzakelijke taal. De **invloedssfeer** bij elke indicator
(sturing, invloed, context) zegt hoe ver de indicator van het handelen van Nederland af staat.
""",
    },
    "en": {
        "seen": """
### What you see
Every chart shows the **observed figures** as the source provides them. A light band
around the points is a **range the source itself gives** (for example minimum estimates or a
partner's margin). Open markers are **provisional** figures, which are often still revised;
provisional periods are shaded grey. Under every chart: the source, the vintage, a short
summary in words and the main caveat.
""",
        "trend": """
### The trend model
Monthly and quarterly figures fluctuate. To see where a series is *heading*, the dashboard
estimates an **adaptive trend** per series: a structural time-series model with a level and
a slope that may both change gradually (a 'local linear trend'). Around it:

- **noise that lingers** for a while (an AR(1) term) once there are enough values (24 or
  more): an outlier then carries over a few periods without moving the trend;
- a **fixed seasonal pattern** for monthly series of three years or more;
- **extra measurement uncertainty** for provisional, estimated or low-reliability values and
  for values the source gives a range for;
- counts whose fluctuations grow with their level are modelled on a **log scale**, so a rise
  from 100 to 200 weighs as much as one from 1,000 to 2,000.

Short series (3 to 7 values) get a straight line with honestly wide intervals; below 3
values the dashboard shows no trend but 'too few data points'. Trends are computed when
data are imported, not when you open a page: every page reads stored results.
""",
        "intervals": """
### The intervals
The **fan** around the trend line shows the 50%, 80% and 95% intervals of the estimated
level: the darkest part holds the level with 50% probability, the lightest edge with 95%. The
central line is drawn quietly on purpose: the uncertainty matters as much as the line.

When **comparing two windows**, the dashboard compares one quantity per indicator, fixed in
the catalogue: the **arithmetic mean** of the figures in each window (for counts, the mean
count per month, quarter or year; the percentage is the ratio of the two means). That choice
never depends on the figures themselves. The change gets an 80% interval (thick bar) and a
95% interval (thin line):

- **noise that lingers**: the uncertainty comes from an AR(1) model of the noise around the
  two means; its persistence is not estimated and then fixed, the interval is averaged over
  every persistence the data allow (up to 0.96 per period);
- **counts**: the spread may grow with the level from one window to the other;
- **short annual series** (fewer than 20 values): Welch's t interval;
- **provisional figures** may be biased, not only uncertain: a shared bias of 5% of their
  value is allowed for, which (unlike noise) does not average out.
""",
        "level": """
### The level the line shows
When a series is modelled on the **log scale** (counts with outbursts, such as monthly border
detections), the line shows the **typical level**: the geometric mean with the seasonal
pattern taken out. About half the values lie above it and half below; outbursts (such as the
departures from Tunisia in 2011 and 2023) lie far above it, so the arithmetic mean of the
months is higher than the line. Chart and legend then call the line 'trend: typical level'.
We chose the typical level because one outburst does not pull it up.

The comparison of two periods compares the quantity the catalogue fixes for the indicator,
not the line. Where that is the arithmetic mean, the sentence under such a chart says
'**the average level** moved …'; where it is the geometric mean, '**the typical level**
moved …'. So a reader never takes the line for the level that was compared.
""",
        "frequency": """
### Monthly, quarterly or annual
Each indicator uses one frequency: the finest its source publishes, unless the table below
says otherwise. Figures are never split or summed across periods: a file coarser than its
indicator is refused, naming the variant to download instead.
""",
        "scale": """
### The likelihood scale
Probabilities are always put into the same words, following the scale below (the scale the
IPCC uses too). A sentence such as 'it is likely that the level was higher' therefore means a
probability between 66% and 90%.
""",
        "verdicts": """
### Four kinds of outcome, and which probability is put into words
- **higher** or **lower**: the change's 95% interval lies entirely above or below zero; only
  then does the dashboard use a direction word;
- **little change**: the interval includes zero and rules out changes larger than the
  **margin** (the change that matters, per indicator in the catalogue; by default 10% of the
  level in the first window);
- **no detectable change**: the interval includes zero and is too wide to rule out a sizeable
  change. That is **not the same as 'no change'**: the data simply cannot see the difference.

The table below gives each outcome's rule. An outcome without a detectable change never
carries a direction ('likely higher'): the probability put into words is then that of a
change beyond the margin. Beside the outcome stands the direction the partnership aims for
(from the catalogue) and whether the level moved that way; that is a description, not an
effect.

The probability put into words is that of a **change that matters**: for 'higher' the
probability of a rise of more than the margin, for 'lower' of a fall of more than the margin,
otherwise of a change of more than the margin either way. It starts from **scepticism**:
beforehand 'no change' is as likely as 'some change' (the evaluation found most outcomes
outside a partnership's reach), and changes of a few margins are plausible. An estimate two
standard errors above zero is then not 'very likely' a rise, as a flat prior would have it;
the field `probability_increase` keeps that old meaning (the probability of a rise without
scepticism) and stays beside the new ones for scripts only.

The **smallest detectable change** says how large a change must be to reliably stand out in
these data: the change that the outcome 'higher' or 'lower' finds four times out of five
(95% level, 80% power; the study below measures how often that succeeds in simulation). For
counts the second period's noise is taken at the higher level such a change brings: counts
vary more the larger they are. A smaller change can be real and still stay invisible.
""",
        "panel": """
### The robustness panel
Three methods estimate **the same quantity** as the headline (the difference of the means),
each with other assumptions about the noise: the headline's noise model, a block bootstrap
without a noise model, and the mean trend level from the trend model. They **agree** as long
as no two of them find opposite directions (one higher, another lower). One finding 'higher'
and another 'no detectable change' is no contradiction: that is how methods of different
power differ. Overlapping intervals are no yardstick: methods that measure different things
need not overlap.

The comparison with **comparison countries** (Algeria, Egypt, Nigeria) measures something
else, the change relative to those countries, and is shown as context without a vote. It
does not measure an effect either. Its interval comes from placebo periods (the same
comparison with the series shifted in time); with too few values for at least 19 placebos
the dashboard says so instead of giving a coarse probability. Two checks stand beside it,
each with the number of placebos it rests on:
- **placebo countries**: the same comparison with each comparison country in the series'
  place (the series joins the others). The dashboard says how many of them show a relative
  change at least as large. With three countries that is a rank among four, never a
  probability: a synthetic control, or a probability from placebos across countries, needs
  far more comparison countries than there are;
- **pre-period check**: the same comparison between the two halves of the first period,
  where comparison countries that move with the series find nothing. When it falls outside
  the range of the placebo periods inside the first period (its values rotated among its own
  periods), the dashboard says that the comparison countries did not move with the series
  before the second period, and that the comparison with them says little.
""",
        "many": """
### Many series at once
An overview shows dozens of series. With a plain 95% test about one in twenty series without
a change still gets 'higher' or 'lower'. The dashboard does **not** adjust verdicts for the
number of series on a page (no Benjamini–Hochberg correction): such a correction makes a
series' verdict depend on the other series that share its page, so the same series would
read 'higher' on its country page and 'no detectable change' on the overview, and an export
would say something else than the screen. One series gets one account, wherever it is shown.
The many series are allowed for in the probability instead: the sceptical prior starts every
series at even odds of no change at all, which is what a hierarchical model shrinking
towards no change does for a page on which many series did not change. Of the 'very likely'
(90–99%) rises on a page, on average at most one in ten is therefore not a rise of more than
the margin, and the study below checks on simulated series that 'very likely' or stronger
almost never (at most 5%) falls on a series without a change. On a page of 40 series without
any change about two still show 'higher' or 'lower' by chance: read a direction with its
probability and its evidence quality.
""",
        "study": """
### The calibration study
Six processes with a known truth, each 950 simulated series (fixed seeds): 400 without a
change, 400 with a change drawn from the sceptical distribution, 150 with exactly the
smallest detectable change. Aims: 95% coverage between 93% and 97%, 80% coverage between 77%
and 83%, 'very likely' or stronger in at most 5% of series without a change, and a
calibration error of the stated probabilities within 1.5 times what chance alone gives. The
table comes from the stored result (`data/calibration/study.json`), which the test suite
computes again and compares.
""",
        "quality": """
### Evidence quality
Next to the probability stands the quality of the figures behind it: the share of periods
with a value, how many of them are provisional or estimated, and whether the series breaks.
""",
        "gaps": """
### No data is not zero
Where a country has no figures for an indicator, you see 'no data'. That does not mean
nothing happened, only that nothing was recorded or shared. Restricted indicators show
'restricted' instead of a chart.
""",
        "causes": """
### Why the dashboard makes no causal claims
Migration and return are largely driven by factors outside a partnership's reach: conflict,
the economy, the weather at sea, other countries' policies. A partnership is non-linear,
adaptive and long-term; there is no control group and no moment at which 'the partnership'
started while everything else stayed the same. The dashboard therefore shows **developments
and how sure we are of them**, and never says that a partnership brought about a change.
Events are shown next to the series: they coincided with a development, nothing more. Every
generated sentence is also checked automatically for causal language. The **sphere of
influence** of each indicator (control, influence, context) says how far the indicator lies
from what the Netherlands does.
""",
    },
}
text = SECTIONS["en" if lang == "en" else "nl"]

for section in ("seen", "trend", "intervals", "level", "frequency"):
    st.markdown(text[section])
    if section == "frequency":
        st.dataframe(services.frequencies(lang), hide_index=True, width="content")
st.markdown(text["scale"])
st.dataframe(services.likelihood_scale(lang), hide_index=True, width="content")
st.markdown(text["verdicts"])
st.dataframe(services.verdict_rules(lang), hide_index=True, width="stretch")
st.markdown(text["panel"])
st.dataframe(services.method_labels(lang), hide_index=True, width="stretch")
st.markdown(text["many"])
st.markdown(text["study"])
study = services.calibration_study(lang)
if study is None:
    st.info(t("study_missing", lang))
else:
    st.dataframe(study, hide_index=True, width="stretch")
st.markdown(text["quality"])
st.dataframe(services.evidence_levels(lang), hide_index=True, width="content")
for section in ("gaps", "causes"):
    st.markdown(text[section])
