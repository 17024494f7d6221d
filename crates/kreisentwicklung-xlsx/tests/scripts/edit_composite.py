"""Edits the composite columns of Ludwigslust-Parchim's council workbook
through openpyxl: Zielgruppe, Teilnehmende, Dokumente and Teil von
(Beteiligung), Mitglieder (Akteure), Gegenstand and Aufträge (Beschlüsse).

Usage: edit_composite.py good|bad IN.xlsx OUT.xlsx

Rows are found by what they show (an event's title, an actor's name).
"good" makes valid edits, each in the form the sheet prints; "bad" types
names this concept does not have (or has twice).

Prints the edited cells as JSON ({"audience": "J5", ...}).
"""

import sys

import openpyxl

from sheets_common import finish, get, put, row_of, sheet

mode, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)

ws, cols, _ = sheet(wb, "Beteiligung")
title = cols["Titel"]
forum1 = row_of(ws, title, "1. Fachforum: Stadtwerke und Kreisverwaltung")
forum2 = row_of(
    ws,
    title,
    "2. Fachforum: Wirtschaftsstandort Ludwigslust-Parchim – Regionale Stärken und Entwicklungsperspektiven 2030",
)
vmk = row_of(ws, title, "Workshop: Workshop mit dem Ausschuss für Verwaltungsmodernisierung und Kreisentwicklung")
talks = row_of(ws, title, "Gespräche mit Fachdiensten")
if mode == "good":
    put("audience", ws, forum1, cols["Zielgruppe"], "Fachleute; Unternehmen; Vertreter der Stadtwerke")
    old = get(ws, forum2, cols["Teilnehmende"])
    assert old.startswith("rund fünfzig; "), old
    new = old.replace("rund fünfzig", "etwa fünfzig") + "; Rolf Christiansen (Gastgeber)"
    put("participants", ws, forum2, cols["Teilnehmende"], new)
    old = get(ws, vmk, cols["Dokumente"])
    put("documents", ws, vmk, cols["Dokumente"], "Projektablauf; " + old)
    first_workshop = row_of(ws, title, "Workshop")
    put("parent_cleared", ws, first_workshop, cols["Teil von"], None)
    put("parent", ws, talks, cols["Teil von"], " Strategiekonferenz mit Verwaltungsvorstand ")
else:
    old = get(ws, forum1, cols["Teilnehmende"])
    put("participants", ws, forum1, cols["Teilnehmende"], old + "; Herr Niemand")
    put(
        "documents",
        ws,
        forum1,
        cols["Dokumente"],
        "Protokoll der Veranstaltung (1. Fachforum); Presse: Kreisanzeiger",
    )
    put("parent", ws, forum2, cols["Teil von"], "Workshop")

ws, cols, _ = sheet(wb, "Akteure")
board = row_of(ws, cols["Name"], "Verwaltungsvorstand")
old = get(ws, board, cols["Mitglieder"])
assert old == "Rolf Christiansen\nWolfgang Schmülling\nGünter Matschoß\nAndreas Neumann", old
if mode == "good":
    new = old.replace("Rolf Christiansen", "Rolf Christiansen (Vorsitz)")
    put("members", ws, board, cols["Mitglieder"], new + "\nFachdienste der Kreisverwaltung (Geschäftsbereiche)")
else:
    put("members", ws, board, cols["Mitglieder"], old + "\nFrau Unbekannt (Vorsitz)")

ws, cols, _ = sheet(wb, "Beschlüsse")
kek = row_of(ws, cols["Beschluss"], "Kreisentwicklungskonzept 2030")
if mode == "good":
    put("adopts", ws, kek, cols["Gegenstand"], "Konzept; Dokument (Projektablauf): als Anlage; ungeändert")
    put(
        "mandates",
        ws,
        kek,
        cols["Aufträge"],
        "Rolf Christiansen: den Projektkatalog jährlich fortschreiben\nund dem Kreistag berichten (Frist: 2030)",
    )
else:
    put("adopts", ws, kek, cols["Gegenstand"], "Haushaltsplan 2017")
    put("mandates", ws, kek, cols["Aufträge"], "Kreiskämmerer: Mittel bereitstellen")

finish(wb, dst)
