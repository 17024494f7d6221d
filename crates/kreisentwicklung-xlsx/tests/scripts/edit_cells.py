"""Types text into cells of a council workbook through openpyxl, the way
people do.

Usage: edit_cells.py IN.xlsx OUT.xlsx EDITS

EDITS is a JSON list of edits, each {"sheet": name, "column": header text
(found in row 1), "row": sheet row (1-based), "value": text}.

Prints, for each edit, the cell it wrote and the value the cell had before,
as JSON: [{"cell": "K14", "old": "27.04.2017"}, ...].
"""

import json
import sys

import openpyxl

from sheets_common import columns

src, dst, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
done = []
for edit in edits:
    ws = wb[edit["sheet"]]
    cell = ws.cell(edit["row"], columns(ws)[edit["column"]])
    old = cell.value
    cell.value = edit["value"]
    done.append({"cell": cell.coordinate, "old": None if old is None else str(old)})
wb.save(dst)
print(json.dumps(done))
