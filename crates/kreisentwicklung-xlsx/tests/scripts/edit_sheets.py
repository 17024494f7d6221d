"""Edits the sheets besides Maßnahmen and Indikatoren of a council workbook
(Zielsystem, Beteiligung, Akteure, Beschlüsse, Dokumente) through openpyxl,
the way county staff do.

Usage: edit_sheets.py good|bad IN.xlsx OUT.xlsx

Rows are found by what they show (a goal's number, an actor's name), so the
script does not depend on the row order. "good" makes valid edits and adds
a row to each sheet; "bad" types values that must be refused; "good" also sorts Akteure the
other way round and adds a column the library does not know to it. Both edit
the goal system's column "Übergeordnetes Ziel" (a goal's parent by number).

Prints the edited cells as JSON ({"goal_priority": "E3", ...}).
"""

import datetime
import sys

import openpyxl

from sheets_common import add_row, cells, finish, put, row_of, sheet

mode, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)

# Zielsystem: the parent column the workbook has.
ws, cols, end = sheet(wb, "Zielsystem", "Nr.")
parent = cols["Übergeordnetes Ziel"]
if mode == "good":
    put("goal_priority", ws, row_of(ws, cols["Nr."], "1.1"), cols["Priorität"], "hoch")
    put("goal_parent", ws, row_of(ws, cols["Nr."], "2.1"), parent, "1")
    add_row("goal_new", ws, cols, end + 1, {"Nr.": "4", "Ziel": "Der Landkreis Helmstedt ist klimaneutral"})
else:
    put("goal_unknown", ws, row_of(ws, cols["Nr."], "1.1"), parent, "9.9")
    put("goal_cycle", ws, row_of(ws, cols["Nr."], "1"), parent, "1.1")

# Beteiligung
ws, cols, end = sheet(wb, "Beteiligung", "Format")
if mode == "good":
    put("event_count", ws, 2, cols["Anzahl"], 40)
    put("event_location", ws, row_of(ws, cols["Titel"], "Gemeinsamer Workshop"), cols["Ort"], " Kreishaus Helmstedt ")
    add_row("event_new", ws, cols, end + 1, {
        "Titel": "Zukunftswerkstatt Mobilität",
        "Format": "Werkstatt / Zukunftswerkstatt",
        "Zeitraum": "15.09.2026",
    })
else:
    put("event_kind", ws, 2, cols["Format"], "Kaffeekranz")
    put("event_period", ws, 3, cols["Zeitraum"], "irgendwann")

# Akteure
ws, cols, end = sheet(wb, "Akteure", "Name")
if mode == "good":
    # Sorted the other way round: rows are matched by name, not position.
    width = ws.max_column
    values = [[ws.cell(r, c).value for c in range(1, width + 1)] for r in range(2, end + 1)]
    for r, row in enumerate(reversed(values), start=2):
        for c, v in enumerate(row, start=1):
            ws.cell(r, c).value = v
    put("actor_function", ws, row_of(ws, cols["Name"], "Landrat"), cols["Funktion"], "Landrat des Landkreises Helmstedt")
    add_row("actor_new", ws, cols, end + 1, {
        "Name": "Regionalmanagement Helmstedt",
        "Art": "Verwaltungseinheit",
        "Organisation": "Führungsebene der Verwaltung",
    })
    put("actor_extra", ws, 1, ws.max_column + 1, "Bemerkung Kämmerei")
    ws.cell(2, ws.max_column).value = "nur intern"
else:
    put("actor_count", ws, 2, cols["Anzahl"], "viele")
    put("actor_new", ws, end + 1, cols["Name"], "Neuer Akteur")
    cells["actor_new_kind"] = ws.cell(end + 1, cols["Art"]).coordinate

# Beschlüsse: the Kreistag's vote, and a new step of the last resolution.
ws, cols, end = sheet(wb, "Beschlüsse", "Beschluss")
if mode == "good":
    kreistag = row_of(ws, cols["Gremium"], "Kreistag")
    put("votes_yes", ws, kreistag, cols["Ja"], 40)
    put("votes_no", ws, kreistag, cols["Nein"], " 3 ")
    add_row("step_new", ws, cols, end + 1, {
        "Gremium": "Kreistag",
        "Beschluss": ws.cell(end, cols["Beschluss"]).value,
        "Rolle": "Entscheidung",
        "Datum": datetime.datetime(2023, 3, 15),
        "Ergebnis": "beschlossen",
    })
else:
    put("outcome", ws, 2, cols["Ergebnis"], "vertagt?")
    put("date", ws, 3, cols["Datum"], "32.13.2023")

# Dokumente
ws, cols, end = sheet(wb, "Dokumente", "Titel")
if mode == "good":
    put("doc_date", ws, row_of(ws, cols["Titel"], "Anlage 1"), cols["Datum"], "2018")
    add_row("doc_new", ws, cols, end + 1, {
        "Titel": "Fortschrittsbericht 2026",
        "Art": "Endbericht",
        "Datum": "2026",
    })
else:
    put("doc_kind", ws, 2, cols["Art"], "Flugblatt")

finish(wb, dst)
