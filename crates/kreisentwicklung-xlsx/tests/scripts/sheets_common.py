"""What the workbook-editing scripts beside this file share: columns found
by their header, rows found by what they show, and the record of edited
cells each script prints as JSON.

The scripts are run as `python3 tests/scripts/NAME.py ...`, so this
directory is on `sys.path` and `import sheets_common` finds this file.
"""

import datetime
import json

# The edited cells by key ({"audience": "J5", ...}), printed by `finish`.
cells = {}


def columns(ws):
    """The column number of each header text in row 1."""
    return {c.value: c.column for c in ws[1] if c.value is not None}


def row_of(ws, col, value):
    """The first row below the header whose cell in `col` shows `value`."""
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col).value == value:
            return r
    raise SystemExit(f"{ws.title}: no row with {value!r}")


def last_row(ws, col):
    """The last row with a value in `col`."""
    return max(r for r in range(1, ws.max_row + 1) if ws.cell(r, col).value is not None)


def sheet(wb, name, filled=None):
    """The sheet `name`, its columns and, with `filled` (a header), the last
    row with a value in that column."""
    ws = wb[name]
    cols = columns(ws)
    end = last_row(ws, cols[filled]) if filled else None
    return ws, cols, end


def put(key, ws, row, col, value, number_format=None):
    """Writes `value` into a cell and records the cell under `key`."""
    cell = ws.cell(row, col)
    cell.value = value
    if number_format:
        cell.number_format = number_format
    cells[key] = cell.coordinate


def add_row(key, ws, cols, row, values):
    """Fills `row` (a new one) with `values` by header, dates as dates;
    the cell of the first is recorded under `key`."""
    for i, (header, value) in enumerate(values.items()):
        if i == 0:
            put(key, ws, row, cols[header], value)
        else:
            ws.cell(row, cols[header]).value = value
        if isinstance(value, datetime.datetime):
            ws.cell(row, cols[header]).number_format = "DD.MM.YYYY"


def get(ws, row, col):
    """The cell's value, "" when empty."""
    return ws.cell(row, col).value or ""


def finish(wb, dst):
    """Saves the workbook to `dst` and prints the edited cells as JSON."""
    wb.save(dst)
    print(json.dumps(cells))
