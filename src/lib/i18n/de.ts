/**
 * Deutsche Texte des Dashboards, nach Schlüssel; dieselben Schlüssel wie i18n-en.ts.
 */
import type {MessageKey} from "./en.js";

export const de: Record<MessageKey, string> = {
  "language.label": "Sprache",
  "language.en": "English",
  "language.de": "Deutsch",
  "nav./": "Überblick",
  "nav./simulator": "Übergabe-Simulator",
  "nav./timing": "Übergabe-Timing",
  "nav./campaigns": "Kampagnenqualität",
  "nav./conversion": "Konversion bis zum Abschluss",
  "nav./scorecard": "Scorecard-Analyse",
  "nav./lead-check": "Lead-Check",
  "nav./quality": "Datenqualität",
  "filter.compare": "Vergleichen mit",
  "filter.compare.previous": "dem Zeitraum davor",
  "filter.compare.year": "ein Jahr davor",
  "filter.compare.none": "keinem Vergleich",
  "filter.from": "Von",
  "filter.to": "Bis",
  "filter.all": "Alle",
  "dimension.campaign": "Kampagne",
  "dimension.source": "Quelle",
  "dimension.segment": "Branche",
  "dimension.companySize": "Unternehmensgröße",
  "dimension.region": "Region",
  "common.reading": "Was die Daten sagen",
  "common.smallN": "kleines n",
  "common.minN": "Mindest-n",
  "common.winRate": "Gewinnrate",
  "common.shareWon": "Gewonnener Anteil",
  "common.days": "{n} Tage",
  "evidence.icp_fit": "ICP-Passung",
  "evidence.role_known": "Rolle bekannt",
  "evidence.need_identified": "Bedarf erkannt",
  "evidence.requirements_defined": "Anforderungen definiert",
  "evidence.buying_process_known": "Einkaufsprozess bekannt",
  "evidence.budget_confirmed": "Budget bestätigt",
  "evidence.authority_confirmed": "Befugnis bestätigt",
  "evidence.need_confirmed": "Bedarf bestätigt",
  "evidence.timing_confirmed": "Zeitpunkt bestätigt",
  "reading.noHandoff":
    "Keiner der {leads} Leads wurde bisher an den Vertrieb übergeben; es gibt nichts zu vergleichen.",
  "reading.mostCommon":
    "Von {handoffs} Übergaben aus {leads} Leads erfolgen die meisten auf Stufe {level} ({name}), mit {share} aller Übergaben.",
  "reading.lowHigh":
    "Übergaben auf Stufe {low} wurden zu {lowRate} gewonnen (95-%-KI {lowInterval}, {lowClosed} abgeschlossen), auf Stufe {high} zu {highRate} ({highInterval}, {highClosed} abgeschlossen){verdict}",
  "reading.laterWin": ": Spätere Übergaben gewinnen deutlich häufiger.",
  "reading.earlierWin": ": Frühere Übergaben gewinnen deutlich häufiger.",
  "reading.overlap": ": Die Intervalle überlappen, die Daten können diese Stufen noch nicht unterscheiden.",
  "reading.survey":
    "{ours} der Übergaben erfolgen auf den Stufen 1–2, gegenüber {survey} in der SiriusDecisions-Umfrage: Dieses Unternehmen übergibt früh {verdict} die befragten Unternehmen.",
  "reading.aboutAsOften": "etwa so oft wie",
  "reading.moreOften": "öfter als",
  "reading.lessOften": "seltener als",
  "reading.open": "{open} Übergaben sind noch offen; sie zählen weder als Gewinn noch als Verlust.",
  "reading.noClosed": "Stufe(n) {levels}: noch keine abgeschlossene Übergabe, daher keine Gewinnrate.",
  "reading.campaignNoLeader":
    "Die {n} Gruppen unterscheiden sich nicht über das Rauschen hinaus: Jede schrumpft auf dieselbe Gewinnrate, {share}; keine führt.",
  "reading.thinOne":
    "Stufe {levels} beruht auf weniger als {min} abgeschlossenen Übergaben: ihre Gewinnrate mit Vorsicht lesen.",
  "reading.thinMany":
    "Die Stufen {levels} beruhen auf weniger als {min} abgeschlossenen Übergaben: ihre Gewinnraten mit Vorsicht lesen.",
  "reading.limitedWon":
    "Von {handoffs} Übergaben aus {leads} Leads wurden {won} gewonnen: {rate} der abgeschlossenen Übergaben (95-%-KI {interval}).",
  "reading.limitedShare":
    "Von {handoffs} Übergaben aus {leads} Leads wurden {won} bis zum Ende der Daten gewonnen: {rate} aller Übergaben (95-%-KI {interval}). Verlorene Abschlüsse sind nicht erfasst; die übrigen können verloren oder noch offen sein, eine Gewinnrate über abgeschlossene Übergaben gibt es nicht.",
  "reading.noEvidence":
    "Die Daten enthalten keine Qualifizierungsnachweise; jede Übergabe steht auf Stufe 1, und die Frage nach der richtigen Stufe lässt sich damit nicht beantworten. Vergleichen Sie stattdessen Kampagnen und Quellen.",
  "reading.occursOne": "Übergaben erfolgen auf Stufe {levels}.",
  "reading.occursMany": "Übergaben erfolgen auf den Stufen {levels}.",
  "overview.title": "Wann sollte das Marketing einen Lead an den Vertrieb übergeben?",
  "overview.subtitle":
    "Jede Übergabe vom Marketing an den Vertrieb, eingestuft nach der Qualifizierungsstufe, die der Lead im Moment der Übergabe erreicht hatte (Leiter: {ladder}), und was daraus wurde. Daten vom {dates}.",
  "overview.about": "Über diese Daten",
  "overview.level": "Stufe",
  "overview.leads": "Leads",
  "overview.leadsNote": "{n} davon übergeben ({share})",
  "overview.handoffs": "Übergaben",
  "overview.handoffsNote": "n = {leads} Leads; {repeat} erneute Übergaben nach Rückgabe",
  "overview.won": "Gewonnen",
  "overview.closed": "Abgeschlossen",
  "overview.open": "Offen",
  "overview.lost": "Nicht gewonnen",
  "overview.ofClosed": "von n = {n} abgeschlossenen Übergaben",
  "overview.ofHandoffs": "von n = {n} Übergaben",
  "overview.winRateCi": "Gewinnrate (95-%-KI)",
  "overview.shareWonCi": "Gewonnener Anteil (95-%-KI)",
  "overview.daysToHandoff": "Tage bis Übergabe",
  "overview.daysToClose": "Tage bis Abschluss",
  "overview.winRateNote": "95-%-KI {interval}, n = {n} abgeschlossen",
  "overview.shareWonNote":
    "95-%-KI {interval}, n = {n} Übergaben; verlorene Abschlüsse sind nicht erfasst, eine Gewinnrate über abgeschlossene Übergaben gibt es daher nicht",
  "overview.lostNote":
    "von n = {n} abgeschlossenen: {lost} verloren, {rejected} vom Vertrieb abgelehnt, {recycled} zurück in die Pflege ({again} davon erneut übergeben, {wonLater} später gewonnen)",
  "overview.lostUnknown":
    "in diesen Daten nicht erfasst: Die {n} nicht gewonnenen Übergaben können verloren oder noch offen sein",
  "overview.openNote": "von n = {n} Übergaben; nicht als verloren gezählt",
  "overview.perLevel": "Übergaben je Stufe bei Übergabe",
  "overview.perLevelNote": "Nach Ergebnis aufgeteilt; offene Übergaben stehen gesondert, nie als verloren",
  "overview.noEvidence":
    ". Diese Daten enthalten keine Qualifizierungsnachweise, daher steht jede Übergabe auf Stufe 1",
  "overview.winRatePerLevel": "Gewinnrate je Stufe",
  "overview.shareWonPerLevel": "Gewonnener Anteil je Stufe",
  "overview.winRatePerLevelNote":
    "Gewonnen ÷ abgeschlossene Übergaben, mit 95-%-Wilson-Intervall und n abgeschlossen; hohle Punkte beruhen auf weniger als 30",
  "overview.shareWonPerLevelNote":
    "Gewonnen ÷ alle Übergaben bis zum Ende der Daten (verlorene Abschlüsse sind nicht erfasst), mit 95-%-Wilson-Intervall und n",
  "overview.mix": "Stufenmix bei Übergabe",
  "overview.mixNote":
    "Anteil der Übergaben je Stufe in diesem Unternehmen neben der SiriusDecisions-Umfrage (Anteil der Unternehmen, die auf der jeweiligen Stufe übergeben)",
  "overview.mixNoteNoSurvey":
    "Anteil der Übergaben je Stufe in diesem Unternehmen (den Umfrage-Vergleich gibt es nur für ihre fünf Stufen)",
  "overview.numbers": "Stufen in Zahlen",
  "overview.numbersNote": "Mediane über die Übergaben; Tage bis Abschluss über abgeschlossene Übergaben",
  "overview.accounted": "Alle Eingabezeilen erfasst",
  "overview.accountedInput": "{read} Eingabezeilen gelesen = {used} verwendet + {rejected} abgewiesen",
  "overview.notEvents":
    " + {n} kein Ereignis (ein Status, den das Profil auf keines abbildet, oder eine Zeile, die kein Ereignisabschnitt nimmt)",
  "overview.accountedExport": "{read} Zeilen aus dem Export gelesen = {used} verwendet + {rejected} abgewiesen",
  "overview.flaggedOne": "; {n} Widerspruch behalten und markiert",
  "overview.flaggedMany": "; {n} Widersprüche behalten und markiert",
  "overview.qualityLink": "Datenqualität: jede Datei, jeder Grund, jedes Beispiel →",
  "compare.overviewTitle": "Besser oder schlechter als zuvor?",
  "compare.overviewNote":
    "Die Übergaben eines Zeitraums gegenüber dem gleich langen Zeitraum davor oder denselben Monaten ein Jahr davor; Änderungen mit 95-%-Intervall (Newcombe)",
  "compare.off": "Kein Vergleich gewählt.",
  "compare.title": "Dieser Zeitraum gegenüber {mode}",
  "compare.thisPeriod": "Dieser Zeitraum",
  "compare.comparisonPeriod": "Vergleichszeitraum",
  "compare.measure": "Kennzahl",
  "compare.changeHeader": "Änderung (95-%-KI, Prozentpunkte)",
  "compare.handoffs": "Übergaben",

  "compare.levelShare": "Anteil auf {level}",
  "compare.change": "{change} ({lo} bis {hi})",
  "compare.noCases": "– (keine Fälle in einem Zeitraum)",
  "compare.noEarlierData": "Die Daten haben keine Übergaben von {from} bis {to}: Es gibt nichts zu vergleichen.",
  "compare.noClosed": "Ein Zeitraum hat keine abgeschlossenen Übergaben: Die Raten lassen sich nicht vergleichen.",
  "compare.sentence.up":
    "{rate}: gestiegen um {change} Prozentpunkte (95-%-KI {lo} bis {hi}) – jenseits des Rauschens, das ganze Intervall liegt über null.",
  "compare.sentence.down":
    "{rate}: gefallen um {change} Prozentpunkte (95-%-KI {lo} bis {hi}) – jenseits des Rauschens, das ganze Intervall liegt unter null.",
  "compare.sentence.noise":
    "{rate}: verändert um {change} Prozentpunkte, aber das 95-%-Intervall ({lo} bis {hi}) schließt null ein: im Rauschen, die Daten können die Änderung nicht von Zufall unterscheiden.",
  "chart.download": "Dieses Diagramm als {format} speichern, mit Titel, Zeitraum und n, für eine Folie",
  "chart.nHandoffs": "n = {n} Übergaben",
  "chart.handoffs": "Übergaben",
  "chart.winRateAxis": "Gewinnrate abgeschlossener Übergaben (%)",
  "chart.shareWonAxis": "Bis zum Datenende gewonnener Anteil der Übergaben (%)",
  "chart.mixAxis": "Anteil der Übergaben (%)",
  "chart.thisCompany": "Dieses Unternehmen",
  "chart.survey": "SiriusDecisions-Umfrage",
  "outcome.won": "Gewonnen",
  "outcome.lost": "Verloren",
  "outcome.rejected": "Vom Vertrieb abgelehnt",
  "outcome.recycled": "An Marketing zurück",
  "outcome.open": "Offen",
  "quality.title": "Datenqualität",
  "quality.subtitle":
    "Jede Eingabezeile landet entweder im Modell oder bei den abgewiesenen Zeilen, mit Datei, Zeile und Grund: Nichts geht stillschweigend verloren. Zeilen sind Datenzeilen, gezählt ab 1 nach der Kopfzeile. Widersprüche, die in den Daten wirklich stehen, bleiben erhalten und werden markiert, nicht korrigiert. Die Gründe stehen so da, wie der Import sie in rejects.csv schreibt.",
  "quality.file": "Datei",
  "quality.rowsRead": "Gelesen",
  "quality.used": "Verwendet",
  "quality.rejected": "Abgewiesen",
  "quality.notEvents":
    "Kein Ereignis (ein Status, den das Profil auf keines abbildet, oder eine Zeile, die kein Ereignisabschnitt nimmt)",
  "quality.partly": "Verwendet, ein Wert abgewiesen",
  "quality.check": "Prüfung",
  "quality.checkOk": "✓ gelesen = verwendet + abgewiesen",
  "quality.checkOkNotEvents": "✓ gelesen = verwendet + abgewiesen + kein Ereignis",
  "quality.checkFailed": "✗ Zeilen fehlen",
  "quality.column": "Spalte",
  "quality.reason": "Grund",
  "quality.rows": "Zeilen",
  "quality.examples": "Beispiele (Zeile: Wert)",
  "quality.export": "Der Export, wie importiert",
  "quality.exportNote":
    "{read} Zeilen gelesen, {rejected} abgewiesen ({share}); die vollständige Liste mit Rohwerten steht in rejects.csv neben den importierten Daten und wird nie veröffentlicht",
  "quality.why": "Warum Zeilen abgewiesen wurden",
  "quality.flags": "Behaltene und markierte Widersprüche",
  "quality.noExportReject": "Keine Zeile des Exports wurde abgewiesen.",
  "quality.noReject": "Keine Zeile wurde abgewiesen.",
  "quality.noFlag": "Kein Widerspruch gefunden.",
  "quality.canonical": "Die Daten: Lead-Verläufe im eigenen Modell von Leadstage",
  "quality.imported": "Die Daten: importiert mit dem Profil {profile}",
  "quality.datesExport":
    "Angenommen werden Daten vom {earliest} bis zum Export ({exportedAt} UTC); frühere oder spätere werden abgelehnt. Die Daten reichen bis {dataEnd}: Offene Übergaben gelten bis zu diesem Zeitpunkt als offen.",
  "quality.datesBuild":
    "Angenommen werden Daten vom {earliest} bis zum Zeitpunkt des Builds; frühere oder spätere werden abgelehnt (exportedAt in dataset.json setzt das Exportdatum). Die Daten reichen bis {dataEnd}: Offene Übergaben gelten bis zu diesem Zeitpunkt als offen.",
  "quality.everything":
    "Die Daten enthalten alles, was das Dashboard nutzt: Übergaben, Qualifizierungsnachweise, verlorene Abschlüsse, Vertriebsstunden und Auftragswerte.",
  "quality.loaded": "Die importierten Lead-Verläufe, wie geladen",
  "quality.inputFiles": "Die Eingabedateien",
  "quality.readRejected": "{read} Zeilen gelesen, {rejected} abgewiesen",
  "chart.partWon": "Gewonnen",
  "chart.partNotWon": "Verloren, abgelehnt oder zurückgegeben",
  "chart.partOpen": "Noch offen",
  "chart.salesHours": "Vertriebsstunden",
  "chart.hoursNotWon": "{hours} h ohne Gewinn",
  "chart.daysToHandoffAxis": "Tage von der Lead-Anlage bis zur Übergabe →",
  "chart.median": "Median",
  "chart.shareOfHandoffs": "Anteil an {n} Übergaben (%)",
  "chart.surveyLine": "Umfrage {share} %",
  "chart.fewerThan": "; weniger als {min}: mit Vorsicht lesen",
  "label.< 1 day": "< 1 Tag",
  "label.1\u20133 days": "1–3 Tage",
  "label.3\u20137 days": "3–7 Tage",
  "label.1\u20132 weeks": "1–2 Wochen",
  "label.2\u20134 weeks": "2–4 Wochen",
  "label.1\u20132 months": "1–2 Monate",
  "label.2+ months": "2+ Monate",
  "label.< 1 hour": "< 1 Stunde",
  "label.1\u20134 hours": "1–4 Stunden",
  "label.4\u201324 hours": "4–24 Stunden",
  "label.1+ week": "1+ Woche",
  "label.never": "nie",
  "label.handed off": "übergeben",
  "label.accepted": "angenommen",
  "label.opportunity": "Opportunity",
  "label.won": "gewonnen",
  "timing.title": "Übergabe-Timing",
  "timing.subtitle":
    "Für die Vertriebsleitung: wie lange Leads bis zum Vertrieb brauchen, wie schnell der Vertrieb nachfasst, wohin Vertriebszeit fließt und was der Vertrieb mit den Übergaben jeder Stufe macht. Die Filter ändern jede Zahl der Seite und stehen in der Adresse, so lässt sich eine Ansicht teilen.",
  "timing.sla": "Nachfass-SLA (Stunden)",
  "timing.rate": "Kosten je Vertriebsstunde ({currency})",
  "timing.rateClosed": "Gewinnrate abgeschlossener Übergaben (%)",
  "timing.rateAll": "Gewonnener Anteil aller Übergaben (%)",
  "timing.unavailable":
    "{what} ist in diesen Daten nicht erfasst (Profil {profile}), daher kann diese Ansicht nicht gezeigt werden.",
  "timing.what.handoff": "Ein Übergabezeitpunkt",
  "timing.what.touch": "Ein Vertriebskontakt",
  "timing.what.time": "Vertriebszeit",
  "timing.what.outcome": "Ein verlorenes, abgelehntes oder zurückgegebenes Ergebnis",
  "timing.handoffs": "Übergaben",
  "timing.matching": "im Filter, von {n}",
  "timing.firstTouch": "Erstkontakt binnen {sla} h",
  "timing.slaNote": "95-%-KI {interval}, n = {n} Übergaben",
  "timing.noTouches": "Vertriebskontakte sind nicht erfasst",
  "timing.hoursNotWon": "Vertriebsstunden ohne Gewinn",
  "timing.hoursNote": "{share} von {n} Stunden auf abgeschlossenen Übergaben",
  "timing.noHours": "Vertriebsstunden sind nicht erfasst",
  "timing.cost": "Ihre Kosten",
  "timing.costNote": "bei {rate} je Vertriebsstunde",
  "timing.readingNoTouchesNoHandoffTime":
    "{n} Übergaben im Filter. Diese Daten enthalten weder Vertriebskontakte noch den Zeitpunkt der Übergabe; die Ansichten zu Nachfassen, Vertriebszeit und Tagen bis zur Übergabe bleiben leer, der Stufenmix nach Monat wird gezeigt.",
  "timing.readingNoTouchesNoHandoffTimeNoCalendar":
    "{n} Übergaben entsprechen den Filtern. Diese Daten enthalten weder Vertriebskontakte noch den Zeitpunkt der Übergabe; die Ansichten zu Nachfassen, Vertriebszeit und Tagen bis zur Übergabe bleiben leer.",
  "timing.readingNoTouches":
    "{n} Übergaben im Filter. Diese Daten enthalten keine Vertriebskontakte; die Ansichten zu Nachfassen und Vertriebszeit bleiben leer, Tage bis zur Übergabe und Stufenmix werden gezeigt.",
  "timing.daysTitle": "Tage von der Lead-Anlage bis zur Übergabe, je Stufe",
  "timing.daysNote": "Balken: mittlere Hälfte der Übergaben; Linie: 10.–90. Perzentil; Strich: Median",
  "timing.byDays": "{rate} nach Tagen bis zur Übergabe",
  "timing.intervalsNote": "95-%-Wilson-Intervalle; hohle Punkte beruhen auf weniger als {minN}",
  "timing.touchTitle": "Übergabe → erster Vertriebskontakt",
  "timing.touchNote": "{n} Übergaben nie kontaktiert; SLA {sla} Stunden",
  "timing.bySpeed": "{rate} nach Nachfass-Tempo",
  "timing.bySpeedNote": "Lohnt sich ein schneller Erstkontakt? 95-%-Intervalle",
  "timing.salesTime": "Vertriebszeit je Stufe",
  "timing.salesTimeNote":
    "Stunden an Vertriebskontakten nach dem Ergebnis der Übergabe; ein Klick auf einen Balken zeigt seine Übergaben",
  "timing.mixByMonth": "Stufenmix nach Übergabemonat",
  "timing.mixSurvey": "Gestapelte Anteile; gestrichelt: die kumulierten 28/53/78/88 % der SiriusDecisions-Umfrage",
  "timing.mixPlain": "Gestapelte Anteile je Stufe",
  "timing.flows": "Was der Vertrieb mit den Übergaben jeder Stufe machte",
  "timing.flowsNote":
    "Angenommen, vom Vertrieb abgelehnt, an Marketing zurück, verloren, gewonnen, noch offen; die häufigsten Gründe",
  "timing.accepted": "Angenommen",
  "timing.rejectedRate": "Abgelehnt (Quote, 95-%-KI)",
  "timing.recycled": "Zurück",
  "timing.topReasons": "Häufigste Gründe",
  "timing.fewerHandoffs": "weniger als {min} Übergaben",
  "timing.outcome.rejected": "abgelehnt",
  "timing.outcome.recycled": "zurück",
  "timing.outcome.lost": "verloren",
  "drill.title": "Die Übergaben hinter einer Zahl",
  "drill.show": "Zeigen",
  "drill.hintSales": "Klicken Sie auf einen Balken der Vertriebszeit oder wählen Sie oben Stufe und Ergebnis.",
  "reading.timingNone": "Keine Übergabe entspricht dem Filter.",
  "reading.timingHours":
    "Von {total} Vertriebsstunden auf abgeschlossenen Übergaben gingen {share} an Übergaben, die verloren, abgelehnt oder zurückgegeben wurden ({hours} Stunden{cost})",
  "reading.timingCost": ", {cost} bei {rate} je Stunde",
  "reading.timingWorst": "; auf Stufe {level} ist der Anteil {share}.",
  "reading.timingSla":
    "{share} von {n} Übergaben erhielten binnen {sla} Stunden einen ersten Vertriebskontakt (95-%-KI {interval}); {untouched} wurden nie kontaktiert.",
  "reading.timingRejects":
    "Der Vertrieb lehnt auf Stufe {level} am häufigsten ab: {share} von {n} Übergaben ({interval}).",
  "campaigns.title": "Kampagnenqualität",
  "campaigns.subtitle":
    "Für das Marketing: Welche Kampagnen, Quellen und Branchen bringen Übergaben, die abschließen? Gereiht nach der {rate}, zum Gesamtwert hin geschrumpft (eine Beta-Binomial-Empirical-Bayes-Schätzung): Der eigene Wert einer Kampagne zählt umso mehr, je mehr abgeschlossene Übergaben sie hat; ein glückliches 3 von 4 überholt kein solides 300 von 1.000.",
  "campaigns.groupBy": "Gruppieren nach",
  "campaigns.groups.campaign": "Kampagnen: {n} mit Übergaben im Filter",
  "campaigns.groups.source": "Quellen: {n} mit Übergaben im Filter",
  "campaigns.groups.segment": "Branchen: {n} mit Übergaben im Filter",
  "campaigns.tableNote":
    "Klick auf eine Spalte sortiert, auf eine Zeile zeigt Details; weniger als {minN} abgeschlossene Übergaben sind markiert",
  "campaigns.noCosts": ". Kosten je Abschluss erscheinen, wenn data/costs.csv vorliegt (Spalten campaign,cost)",
  "campaigns.rank": "Rang",
  "campaigns.mix": "Stufenmix",
  "campaigns.rateCi": "{rate} (95-%-KI, n)",
  "campaigns.shrunk": "Geschrumpft",
  "campaigns.revenue": "Umsatz / Übergabe",
  "campaigns.pipeline": "Offene Opportunities / Übergabe",
  "campaigns.hoursPerWin": "Vertriebsstunden / Gewinn",
  "campaigns.costPerWin": "Kosten / Abschluss",
  "campaigns.showDetail": "Details zeigen für {name}",
  "campaigns.chartTitle": "{rate} und die geschrumpfte Schätzung",
  "campaigns.chartNote":
    "Die {n} größten nach Übergaben, beste geschrumpfte Rate zuerst (abgeschlossene Übergaben in Klammern); Punkt: eigener Wert mit 95-%-KI, Ring: geschrumpft",
  "campaigns.detail": "Details",
  "campaigns.detailHint":
    "Klicken Sie eine Zeile der Tabelle an, um Stufenmix im Zeitverlauf, Ergebnisse und Zeit bis zum Abschluss zu sehen.",
  "campaigns.detailHandoffs": "{n} Übergaben:",
  "campaigns.outcome.won": "gewonnen",
  "campaigns.outcome.lost": "verloren",
  "campaigns.outcome.rejected": "abgelehnt",
  "campaigns.outcome.recycled": "zurückgegeben",
  "campaigns.outcome.open": "offen",
  "campaigns.medianToWin": "Median bis zum Gewinn {median} (95-%-KI {lo}–{hi}, n = {n}).",
  "campaigns.noWin": "Noch kein Gewinn.",
  "campaigns.daysToWinAxis": "Tage von der Übergabe bis zum Gewinn →",
  "campaigns.wins": "Gewinne",
  "campaigns.listHandoffs": "Übergaben auflisten",
  "reading.campaignBest.campaign":
    "{n} Kampagnen brachten Übergaben; gereiht nach ihrer zum Gesamtwert geschrumpften {rate} führt {best} mit {share} (95-%-KI {interval}, n = {closed}).",
  "reading.campaignBest.source":
    "{n} Quellen brachten Übergaben; gereiht nach ihrer zum Gesamtwert geschrumpften {rate} führt {best} mit {share} (95-%-KI {interval}, n = {closed}).",
  "reading.campaignBest.segment":
    "{n} Branchen brachten Übergaben; gereiht nach ihrer zum Gesamtwert geschrumpften {rate} führt {best} mit {share} (95-%-KI {interval}, n = {closed}).",
  "reading.campaignWorst": "{worst} liegt unter denen mit genug Fällen zuletzt: {share} (n = {closed}).",
  "reading.campaignSmall": "{n} beruhen auf weniger als {min} Fällen und sind markiert.",
  "drill.count": "{n} Übergaben",
  "drill.firstShown": ", die ersten {n} angezeigt",
  "drill.download": "Alle als CSV herunterladen",
  "drill.column.lead": "Lead (Pseudonym)",
  "drill.column.handoff": "Übergabe",
  "drill.column.level": "Stufe",
  "drill.column.outcome": "Ergebnis",
  "drill.column.campaign": "Kampagne",
  "drill.column.source": "Quelle",
  "drill.column.daysToClose": "Tage bis Abschluss",
  "drill.column.salesHours": "Vertriebsstunden",
  "drill.column.amount": "Betrag",
  "drill.column.reason": "Grund",
  "conversion.title": "Konversion bis zum Abschluss",
  "conversion.subtitle":
    "Für Analysten: wie Übergaben jeder Stufe zum Gewinn werden, wie lange das dauert, wie sich junge Kohorten entwickeln und welche einzelne bei Übergabe bekannte Tatsache mit Gewinnen einhergeht. Offene Übergaben zählen nie als verloren: In den Kurven bis zum Gewinn werden sie am Datenende zensiert.",
  "conversion.funnel": "Trichter",
  "conversion.inOrder": "In Reihenfolge (angenommen → Opportunity → gewonnen)",
  "conversion.anyPath": "Beliebiger Weg (jeder Schritt, wie auch immer erreicht)",
  "conversion.funnelTitle": "Trichter von der Übergabestufe bis zum Gewinn",
  "conversion.funnelInOrder":
    "Jeder Schritt zählt erst nach den vorherigen; % = Anteil am vorherigen Schritt; ein Klick auf einen Balken zeigt seine Übergaben",
  "conversion.funnelAnyPath":
    "Jeder Schritt zählt, wie auch immer erreicht; % = Anteil am vorherigen Schritt; ein Klick auf einen Balken zeigt seine Übergaben",
  "conversion.funnelNumbers": "Trichter in Zahlen",
  "conversion.funnelNumbersNote": "Anteile am nächsten Schritt und kumuliert",
  "conversion.stepsMissing":
    "Diese Daten erfassen keine {steps}: Der Trichter lässt den Schritt aus, statt ihn als null zu zeigen (was der Reihe nach keine Übergabe mehr gewinnen ließe).",
  "conversion.next": "nächster",
  "conversion.cumulative": "kum.",
  "conversion.kmTitle": "Zeit bis zum Gewinn je Stufe (Kaplan–Meier)",
  "conversion.kmNote":
    "Kumulierte Gewinnwahrscheinlichkeit nach Tagen seit Übergabe mit 95-%-Bändern; nicht gewonnene Übergaben werden am Datenende zensiert",
  "conversion.noHandoffTime":
    "Diese Daten haben keinen Übergabezeitpunkt; Zeiten seit der Übergabe sind nicht aussagekräftig.",
  "conversion.chanceTitle": "Gewinnchance binnen 30, 90, 180 Tagen",
  "conversion.chanceNote":
    "95-%-Intervalle (Greenwood, log-log); Median der Tage bis zum Gewinn über gewonnene Übergaben mit verteilungsfreiem Intervall",
  "conversion.medianDays": "Median Tage bis Gewinn",
  "conversion.noWin": "kein Gewinn",
  "conversion.cohorts": "Kohorten nach Übergabemonat",
  "conversion.cohortsNote":
    "Gewonnener Anteil binnen 1, 2, 3, … Monaten nach Übergabe; jede Linie endet, wo die Beobachtung ihrer Kohorte endet, damit junge Kohorten nicht als schlecht gelesen werden",
  "conversion.criteria": "Jede bei Übergabe bekannte Tatsache: {rate} mit und ohne sie",
  "conversion.criteriaNote":
    "95-%-Wilson-Intervalle; nach dem Unterschied sortiert; ein Klick auf einen Punkt zeigt seine Übergaben",
  "conversion.noEvidence": "Diese Daten enthalten keine Qualifizierungsnachweise.",
  "conversion.knownAt": "{evidence} bei Übergabe bekannt",
  "conversion.notKnownAt": "{evidence} bei Übergabe nicht bekannt",
  "conversion.reached": "{level}, „{step}“ erreicht ({mode})",
  "conversion.drillHint": "Klicken Sie auf einen Trichterbalken oder einen Kriterienpunkt oder wählen Sie oben.",
  "chart.known": "Bei Übergabe bekannt",
  "chart.notKnown": "Nicht bekannt",
  "chart.winRateArrow": "Gewinnrate (%) →",
  "chart.daysSinceHandoff": "Tage seit Übergabe →",
  "chart.cumulativeWin": "Kumulierte Gewinnwahrscheinlichkeit (%)",
  "chart.monthsSinceHandoff": "Monate seit Übergabe →",
  "chart.shareWonPercent": "Gewonnener Anteil (%)",
  "reading.conversionLow":
    "Binnen 90 Tagen nach Übergabe wurden {share} der Übergaben auf Stufe {level} ({name}, n = {n}) gewonnen",
  "reading.conversionHigh": ", gegenüber {share} auf Stufe {level} ({name}, n = {n}).",
  "reading.conversionOpen": " Offene Übergaben zählen als noch gewinnbar, nicht als verloren.",
  "reading.conversionStrongest":
    "Unter den einzelnen bei Übergabe bekannten Tatsachen geht {evidence} mit dem größten Unterschied einher: {with} gewonnen mit ihr, {without} ohne.",
  "simulator.title": "Wann sollte das Marketing einen Lead an den Vertrieb übergeben?",
  "simulator.subtitle":
    "Die Antwort auf die Frage, aus den eigenen Übergaben des Unternehmens: Was wäre für jede Schwellenstufe k geschehen, wenn das Marketing einen Lead erst ab Stufe k übergeben hätte, verglichen mit dem, was wirklich geschah. Bearbeiten Sie unten die Leiter, und jede Zahl wird in Ihrem Browser mit demselben Klassifikator neu eingestuft, den der Build verwendet.",
  "simulator.nurture": "Pflegekosten je Lead ({currency})",
  "simulator.cannot": "Diese Daten können die Frage nicht beantworten",
  "simulator.noEvidence":
    "Sie enthalten keine Qualifizierungsnachweise; jede Übergabe steht auf Stufe 1, eine strengere Regel lässt sich nicht simulieren. ",
  "simulator.noLost":
    "Sie enthalten keine verlorenen Abschlüsse; Gewinnraten über abgeschlossene Übergaben gibt es nicht, und die Simulation behandelt jede nicht gewonnene Übergabe als offen.",
  "simulator.ladder": "Die Leiter",
  "simulator.ladderNote": "Welche Nachweise jede Stufe verlangt; die Stufen bauen aufeinander auf",
  "simulator.mix": "Übergaben je Stufe mit dieser Leiter",
  "simulator.mixNote": "Balken: die bearbeitete Leiter; Striche: die Leiter des Builds ({ladder})",
  "simulator.assumptions": "Annahmen",
  "simulator.assumptionsNote":
    "Jede ist eine Eingabe; die Standardwerte stammen aus den Daten, wo die Daten es hergeben",
  "simulator.delayLoss": "Warteverlust (Anteil der Gewinne, der durch das Warten verloren geht)",
  "simulator.table": "Alle Schwellen nebeneinander",
  "simulator.k": "Übergabe ab Stufe ≥",
  "simulator.toSales": "Übergaben an den Vertrieb",
  "simulator.netValue": "Nettowert",
  "simulator.actual": "tatsächlich",
  "simulator.netChart": "Nettowert je Schwelle",
  "simulator.netValueAxis": "Nettowert ({currency})",
  "simulator.a1":
    "Übergaben ab Stufe k geschehen wie geschehen. Ihre {open} offenen Übergaben enden erwartungsgemäß wie die abgeschlossenen Übergaben ihrer eigenen Stufe, die ebenso lange offen waren (gewichtet mit der umgekehrten Wahrscheinlichkeit, den Abschluss zu sehen){unmatched}.",
  "simulator.a1Unmatched":
    "; {n} davon haben keine ebenso lange verfolgte abgeschlossene Übergabe ihrer Stufe und zählen als nicht gewonnen",
  "simulator.a2":
    "Ob ein zurückgestellter Lead k erreicht hätte, wird daraus geschätzt, wie {leads} Leads in der Marketing-Pflege die Leiter hinaufstiegen: Es zählen nur Nachweise, die vor der ersten Übergabe eines Leads vorlagen, nie, was der Vertrieb später fand ({later} von {n} Übergaben gewannen nach der Übergabe Nachweise; keiner davon wird verwendet). Angenommen: Wie ein Lead eine Stufe verlässt, hängt nicht davon ab, wie er dorthin kam, und zurückgehaltene Leads entwickeln sich wie die Leads, die das Marketing behielt.",
  "simulator.a3":
    "Was ein zurückgestellter Lead, der k erreicht, dann bringt, steht nicht in den Daten. Annahme „Schwelle“: Er konvertiert wie die Übergaben auf der Stufe, auf der er ankommt (deren Gewinnrate, Vertriebsstunden und Auftragsgröße; auch diese Leads warteten auf ihre Stufe). Annahme „selbst“: Er konvertiert wie er selbst bei früher Übergabe, abzüglich des Warteverlusts. Jede Zahl zeigt beide; die Wahrheit liegt annahmegemäß dazwischen.",
  "simulator.a4":
    "Warteverlust unter „selbst“: {loss} (Standard geschätzt aus {slow} abgeschlossenen Übergaben, die langsamer als der Median ihrer Stufe übergeben wurden, gewonnen {slowRate}, gegenüber {fast} schnelleren, gewonnen {fastRate}; langsame Leads können auch einfach schwächere Leads sein, daher ist dies eine obere Größe).",
  "simulator.a5":
    "Intervalle: das 2,5. Perzentil der niedrigeren und das 97,5. der höheren Annahme über {samples} Bootstrap-Stichproben aus Übergaben und Pflege-Leads (fester Startwert). Geprüft an den wahren Ergebnissen erzeugter Szenarien: docs/simulator-validation.md.",
  "simulator.recommendation": "Die Antwort",
  "simulator.pending":
    "Die Unsicherheit wird geschätzt: bisher {done} von {of} Bootstrap-Stichproben. Unten stehen die Schätzungen; ihre Intervalle füllen sich, während die Stichproben eintreffen.",
  "simulator.recommend":
    "Ab Stufe {level} ({name}) übergeben. Gegenüber dem, was wirklich geschah, {per}: Vertriebsstunden {hours}, Gewinne {wins}, Nettowert {value} (95-%-Intervalle über beide Annahmen). Sie ist unter beiden Annahmen in {share} % von {samples} Bootstrap-Stichproben die beste Schwelle.",
  "simulator.recommendKeep":
    "Weiter übergeben wie bisher (Stufe {level}, {name}): Keine strengere Schwelle ist unter einer der Annahmen besser, in {share} % von {samples} Bootstrap-Stichproben.",
  "simulator.undecidedAssumptions":
    "Die Daten können nicht zwischen den Schwellen {candidates} entscheiden. Welche am besten ist, hängt davon ab, was die Daten nicht sagen: ob ein Lead, der die Schwelle in der Pflege erreicht, wie die Übergaben auf dieser Stufe konvertiert (dann ist k = {bar} am besten) oder wie er selbst bei früher Übergabe (dann ist k = {self} am besten). Das Experiment unten würde es klären.",
  "simulator.undecidedNoise":
    "Die Daten können nicht zwischen den Schwellen {candidates} entscheiden: k = {best} ist unter beiden Annahmen am besten, aber nur in {share} % von {samples} Bootstrap-Stichproben (95 % nötig). Mehr Übergaben oder das Experiment unten würden es klären.",
  "simulator.undecidedFew":
    "Die Daten können nicht entscheiden: Hinter diesen Zahlen stehen nur {closed} abgeschlossene Übergaben (mindestens {minimum} nötig). Erweitern Sie die Filter oder warten Sie auf weitere Ergebnisse.",
  "simulator.notRecorded": "nicht erfasst",
  "simulator.netChartUnmeasured":
    "Kein Nettowert darstellbar: Diese Daten erfassen nicht, worauf er beruht (siehe die Antwort oben).",
  "simulator.tradeoffUnmeasured": "Keine Vertriebsstunden darstellbar: Diese Daten enthalten keine Vertriebskontakte.",
  "simulator.undecidedUnmeasured": "Die Daten können nicht entscheiden: Sie enthalten keine {what}.",
  "simulator.unmeasured.evidence": "Qualifizierungsnachweise",
  "simulator.unmeasured.salesHours": "Vertriebsstunden",
  "simulator.unmeasured.amounts": "Beträge gewonnener Deals",
  "simulator.unmeasuredWhy.evidence":
    "Ohne Qualifizierungsnachweise steigt kein Lead auf der Leiter, und eine strengere Regel sieht nur so aus, als würde niemand übergeben.",
  "simulator.unmeasuredWhy.salesHours":
    "Ohne Vertriebsstunden zählt die Vertriebszeit, die eine strengere Regel spart, nichts.",
  "simulator.unmeasuredWhy.amounts": "Ohne Beträge gewonnener Deals bringt keine Regel etwas ein.",
  "simulator.unmeasuredFigures":
    "Die Zahlen unten zeigen, was das Modell aus dem Erfassten macht; sie reihen keine Regel.",
  "simulator.basis":
    "Über {n} Übergaben ({closed} abgeschlossen) in {quarters} Quartalen; Nettowert = Umsatz − Vertriebsstunden × {rate} − zurückgestellte Übergaben × {nurture}.",
  "simulator.tableNote":
    "k = {actual} ist, was wirklich geschah. Jede Zelle: „Schwelle“ / „selbst“, darunter das 95-%-Intervall über beide",
  "simulator.deferred": "In Pflege behalten (erreichen k erwartungsgemäß)",
  "simulator.wins": "Gewinne",
  "simulator.revenue": "Umsatz",
  "simulator.change": "Nettowert gegenüber tatsächlich",
  "simulator.bestIn": "Beste unter beiden",
  "simulator.netChartNote":
    "Gefüllt: „Schwelle“, offen: „selbst“; Linie: 95-%-Intervall über beide; gestrichelt: was wirklich geschah",
  "simulator.tradeoff": "Vertriebsstunden gegen Gewinne",
  "simulator.tradeoffNote": "Jede Schwelle k unter beiden Annahmen, mit 95-%-Intervallen",
  "simulator.experiment": "Das Experiment, das entscheiden würde",
  "simulator.experimentNote":
    "Einen zufälligen Anteil der Übergaben unter k zurückhalten, bis sie k erreichen oder die längste Wartezeit um ist, die übrigen wie bisher übergeben und die Gewinne je Lead vergleichen",
  "simulator.experimentK": "Kandidat für die Schwelle k",
  "simulator.holdBack": "Zurückgehaltener Anteil",
  "simulator.effect": "Zu erkennender Unterschied (Prozentpunkte)",
  "simulator.maxWait": "Längste Wartezeit (Monate)",
  "simulator.design":
    "Jeder Arm braucht {perArm} Leads, um {control} von {treatment} gewonnenen Leads je Lead mit 80 % Teststärke bei 5 % Signifikanz (zweiseitig) zu unterscheiden. Unter Stufe {k} hat die Auswahl {perMonth} Übergaben im Monat: Bei {share} zurückgehaltenen dauert die Aufnahme {enrol} Monate; mit der längsten Wartezeit von {wait} Monaten und im Median {close} Monaten bis zum Abschluss lässt sich das Ergebnis nach etwa {total} Monaten ablesen.",
  "simulator.designImpractical":
    "Das sind etwa {years} Jahre: kein praktikabler Test bei diesem Volumen. Ein größerer nachzuweisender Unterschied, ein größerer zurückgehaltener Anteil oder eine breitere Auswahl verkürzt ihn.",
  "simulator.designRead":
    "So wird es gelesen: Gewonnene ÷ Leads in beiden Armen vergleichen, sobald jeder Lead seine Wartezeit und Zeit bis zum Abschluss hatte. Ist der zurückgehaltene Arm nicht um mehr als den gesetzten Unterschied schlechter und braucht weniger Vertriebsstunden, stützt das die strengere Schwelle; ist er deutlich schlechter, widerlegt es sie.",
  "simulator.designNone":
    "Hier lässt sich kein Test planen: Die Auswahl hat keine abgeschlossenen Übergaben unter Stufe {k}, oder der Unterschied ist nicht erreichbar.",
  "editor.evidenceByLevel": "Nachweis · nötig ab Stufe",
  "editor.none": "keine",
  "editor.start": "Ausgangsleiter",
  "editor.levels": "Stufen",
  "editor.notRequired": "nicht verlangt",
  "editor.level": "Stufe {n}",
  "editor.invalid": "Noch keine gültige Leiter: {error}. Die Diagramme behalten die letzte gültige Leiter.",
  "editor.anyContact": "jeder Kontakt",
  "times.title": "Keine Zeitpunkte in diesem Export",
  "times.titleCalendar": "Keine Kalenderdaten in diesem Export",
  "times.none":
    "Dieser Export enthält keine Zeitpunkte (Profil {profile}): Er sagt, welche Meilensteine jeder Lead erreicht hat, nicht wann. Hier nicht gezeigt: {what}.",
  "times.noCalendar":
    "Dieser Export enthält Zeitspannen seit der Anlage jedes Leads, aber keine Kalenderdaten (Profil {profile}): Tage bis zur Übergabe und bis zum Abschluss sind echt, doch nichts wird einem Monat, Quartal oder Zeitraum zugeordnet. Hier nicht gezeigt: {what}.",
  "times.leakage":
    "In einer Momentaufnahme können die Qualifizierungsfelder nach der Übergabe ausgefüllt worden sein, sogar aus dem, was der Vertrieb erfuhr: Eine mit der Stufe steigende Gewinnrate kann teils dieses Durchsickern sein statt des Werts der Stufe.",
  "times.noDates": "keine Daten im Export",
  "times.what.overview": "die Daten des Zeitraums, Tage bis zur Übergabe und bis zum Abschluss, der Zeitraumvergleich",
  "times.what.overviewCalendar": "die Daten des Zeitraums und der Zeitraumvergleich",
  "times.what.timing":
    "Tage bis zur Übergabe, erster Vertriebskontakt innerhalb der SLA, der Stufenmix je Monat, der Zeitraumvergleich",
  "times.what.timingCalendar": "der Stufenmix je Monat und der Zeitraumvergleich",
  "times.what.conversion":
    "Gewinne binnen 30, 90 und 180 Tagen, der Median der Tage bis zum Gewinn und die Kurven der Zeit bis zum Gewinn",
  "times.what.conversionCalendar": "die Kohorten nach Übergabemonat",
  "times.what.campaigns": "Übergaben je Monat, Tage bis zum Gewinn und der Zeitraumvergleich",
  "times.what.campaignsCalendar": "Übergaben je Monat und der Zeitraumvergleich",
  "times.what.leadCheck": "die Tage bis zum Gewinn vergleichbarer Übergaben",
  "times.what.quality": "die Daten des Zeitraums",
  "times.what.simulator":
    "Werte je Quartal (alle Werte gelten stattdessen für den ganzen Export), die Wartezeit, die eine strengere Schwelle auferlegt (ein zurückgehaltener Lead erreicht k nur, wenn er es je tat, ohne Verzögerung), und die Dauer des Experiments",
  "times.what.simulatorCalendar":
    "Werte je Quartal (alle Werte gelten stattdessen für den ganzen Export) und die Dauer des Experiments",
  "simulator.perQuarter": "je Quartal",
  "simulator.perExport": "über den ganzen Export",
  "simulator.basisNoCalendar":
    "Über {n} Übergaben ({closed} abgeschlossen), der ganze Export (er hat keine Kalenderdaten, daher gilt nichts je Quartal); Nettowert = Umsatz − Vertriebsstunden × {rate} − zurückgestellte Übergaben × {nurture}.",
  "simulator.designNoCalendar":
    "Jeder Arm braucht {perArm} Leads, um {control} von {treatment} gewonnen je Lead mit 80 % Teststärke bei 5 % Signifikanz (zweiseitig) zu unterscheiden. Wie lange ihre Aufnahme dauert, lässt sich nicht sagen: Der Export hat keine Kalenderdaten.",
  "reading.conversionNoTimes":
    "Dieser Export hat keine Zeitpunkte, daher lässt sich hier nicht ablesen, wie bald jede Stufe gewinnt; die Gewinnrate je Stufe steht im Überblick.",
  "timing.readingNoTimes":
    "{n} Übergaben entsprechen den Filtern. Dieser Export enthält weder Zeitpunkte noch Vertriebskontakte: Auf dieser Seite bleibt, was der Vertrieb mit den Übergaben jeder Stufe tat.",
  "overview.numbersNoteNoTimes": "Übergaben, Gewinne und abgeschlossene Übergaben je Stufe",
  "timing.readingNoTouchesNoCalendar":
    "{n} Übergaben entsprechen den Filtern. Diese Daten enthalten keine Vertriebskontakte, daher bleiben Nachfass- und Vertriebszeit-Ansichten leer; die Tage bis zur Übergabe werden weiterhin gezeigt.",
  "reading.campaignBest.other":
    "{n} Werte von {dimension} brachten Übergaben; gereiht nach ihrer zum Gesamtwert geschrumpften {rate} führt {best} mit {share} (95-%-KI {interval}, n = {closed}).",
  "simulator.a4NoTimes":
    "Warteverlust unter „selbst“: {loss}, von Hand gesetzt: Der Export hat keine Zeitpunkte, daher lässt er sich nicht daraus schätzen, wie lange Übergaben warteten.",
  "campaigns.groups.other": "{dimension}: {n} Werte mit Übergaben im Filter",
  footer: "Leadstage · Wann sollte das Marketing einen Lead an den Vertrieb übergeben?",
  "common.winRateInline": "Gewinnrate",
  "common.shareWonInline": "gewonnenen Anteil",
  "leadCheck.title": "Lead-Check: jetzt übergeben oder weiter pflegen?",
  "leadCheck.subtitle":
    "Beantworten Sie die zehn Fragen für einen Lead. Stufe und Punktzahl ändern sich mit jeder Antwort, berechnet in diesem Browser mit demselben Klassifikator wie im Dashboard: Nichts, was Sie eingeben, verlässt die Seite.",
  "leadCheck.questions": "Die zehn Fragen",
  "leadCheck.lead": "Der Lead",
  "leadCheck.handOffNow": "Jetzt übergeben: Stufe {level} erreicht die empfohlene Stufe {target}.",
  "leadCheck.keepInNurture": "Weiter pflegen: Für Stufe {target} fehlt {missing}.",
  "leadCheck.undecided":
    "Der Simulator kann auf diesen Daten nicht zwischen den Schwellen {candidates} entscheiden; diese Prüfung nutzt die niedrigste, Stufe {target}, die heutige Praxis.",
  "leadCheck.level": "Stufe",
  "leadCheck.score": "Punkte",
  "leadCheck.of": "von {max}",
  "leadCheck.forNext": "Für Stufe {level}: {missing}.",
  "leadCheck.top": "Die oberste Stufe der Leiter.",
  "leadCheck.comparable": "Vergleichbare frühere Übergaben (gleiche Stufe, gleiches Punkteband)",
  "leadCheck.none": "Keine in den Daten.",
  "leadCheck.comparableText":
    "{handoffs} Übergaben: {rate} von {closed} abgeschlossenen wurden gewonnen (95-%-KI {interval})",
  "leadCheck.medianToWin": "; Median bis zum Gewinn {median} ({lo}–{hi}, n = {n})",
  "scorecard.title": "Die 10-Punkte-Qualifizierungs-Scorecard",
  "scorecard.subtitle":
    "Zehn Fragen, die Marketing oder Vertrieb beantworten, um einen Interessenten früh zu erschließen und auf Fakten zu entscheiden, höchstens {max} Punkte. Eine Bestantwort zählt als Nachweis für die Leiter. Bedeutet eine höhere Punktzahl einen wahrscheinlicheren Abschluss, und welche Fragen zählen?",
  "scorecard.withScorecard": "Übergaben mit Scorecard",
  "scorecard.ofHandoffs": "von n = {n} Übergaben ({share})",
  "scorecard.matching": "Punktzahl passend zu Stufe {level}",
  "scorecard.matchingText":
    "Median der Punktzahl von n = {n} Übergaben auf der vom Simulator empfohlenen Stufe ({level}), Standardannahmen.",
  "scorecard.undecided":
    "Der Simulator kann nicht zwischen den Schwellen {candidates} entscheiden; hier gilt die niedrigste, die heutige Praxis.",
  "scorecard.noMatching": "keine bewertete Übergabe auf dieser Stufe.",
  "scorecard.noneRecorded":
    "Diese Daten enthalten keine Scorecard-Antworten, es gibt also nichts auszuwerten: Die Scorecard braucht die zehn Fragen vor der Übergabe beantwortet (Ereignisse vom Typ scorecard im Leadstage-Modell oder ein Importprofil, das sie abbildet).",
  "scorecard.readingNone": "Keine Übergabe im Filter hat Scorecard-Antworten; es gibt nichts auszuwerten.",
  "scorecard.readingShare": "Bei {share} von {n} Übergaben war die Scorecard ausgefüllt.",
  "scorecard.readingBand": "Punkte {band}: {rate} gewonnen (n = {n})",
  "scorecard.readingStrongest":
    "Die Frage, die Gewonnene und Verlorene am stärksten trennt, lautet „{question}“: {top} gewonnen mit ihrer Bestantwort, {other} ohne ({lift}×).",
  "scorecard.byLevel": "Punktzahl bei Übergabe je Stufe",
  "scorecard.byLevelNote": "Balken: mittlere Hälfte der bewerteten Übergaben; Strich: Median; n je Stufe",
  "scorecard.scoreAxis": "Punkte (0–{max}) →",
  "scorecard.calibration": "{rate} je Punkteband (Kalibrierung)",
  "scorecard.calibrationNote": "95-%-Wilson-Intervalle; hohle Punkte beruhen auf weniger als {minN}",
  "scorecard.lifts": "Welche Fragen Gewonnene und Verlorene trennen",
  "scorecard.liftsNote":
    "{rate} mit der Bestantwort der Frage gegenüber ohne sie; Lift = das Verhältnis, mit 95-%-Intervall (Log-Methode)",
  "scorecard.question": "Frage",
  "scorecard.topAnswer": "Bestantwort: {rate} (95-%-KI, n)",
  "scorecard.otherwise": "Sonst",
  "scorecard.lift": "Lift (95-%-KI)"
};
