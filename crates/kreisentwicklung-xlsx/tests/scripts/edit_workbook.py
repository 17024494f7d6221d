"""Edits a council workbook the way county staff do, through openpyxl.

Usage: edit_workbook.py IN.xlsx OUT.xlsx STATUS_LABEL

- swaps the columns Priorität and Status (header included),
- sets the first measure's status to STATUS_LABEL and its
  Letzte Aktualisierung to 15.01.2031 (a date cell),
- types the second measure's costs as German text "1.234,56 €",
- replaces the third measure's Förderung by one LEADER funding with a
  name, share, amount and period (the old text is printed as
  "funding_old"),
- enters a new latest value for the first indicator: text "1.234,5" for
  the period "2030",
- adds a measure row below the table: N1, "Neue Radstation", status
  "in Bearbeitung", priority "hoch".

Prints the edited cells as JSON ({"status": "M2", ...}).
"""

import datetime
import sys

import openpyxl

from sheets_common import cells, columns, finish, last_row

src, dst, status_label = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)

ws = wb["Maßnahmen"]
cols = columns(ws)
a, b = cols["Priorität"], cols["Status"]
for row in range(1, ws.max_row + 1):
    x, y = ws.cell(row, a), ws.cell(row, b)
    x.value, y.value = y.value, x.value
cols = columns(ws)
last = last_row(ws, 1)

status = ws.cell(2, cols["Status"])
status.value = status_label
cells["status"] = status.coordinate
updated = ws.cell(2, cols["Letzte Aktualisierung"])
updated.value = datetime.datetime(2031, 1, 15)
updated.number_format = "DD.MM.YYYY"
cells["updated"] = updated.coordinate
costs = ws.cell(3, cols["Kosten (EUR)"])
costs.value = "1.234,56 €"
cells["costs"] = costs.coordinate
funding = ws.cell(4, cols["Förderung"])
cells["funding_old"] = funding.value
funding.value = "LEADER-Region Musterland (LEADER, 50 %, 10.000,00 €, 2025–2027)"
cells["funding"] = funding.coordinate

new = last + 1
ws.cell(new, cols["Nr."]).value = "N1"
ws.cell(new, cols["Maßnahme"]).value = "  Neue Radstation "
ws.cell(new, cols["Status"]).value = "in Bearbeitung"
ws.cell(new, cols["Priorität"]).value = "hoch"
cells["new"] = ws.cell(new, cols["Nr."]).coordinate

ind = wb["Indikatoren"]
icols = columns(ind)
value = ind.cell(2, icols["Letzter Wert"])
value.value = "1.234,5"
cells["latest"] = value.coordinate
ind.cell(2, icols["Stand"]).value = "2030"

finish(wb, dst)
