#!/usr/bin/env python3
"""Python XlsxWriter writing the same cells as the kreisentwicklung CLI.

The baseline of the comparison in BENCHMARKS.md: what a vendor would
otherwise run. Two steps:

    # once: the cells of a workbook the CLI wrote, per sheet (not timed)
    python3 benches/compare/xlsxwriter_same_cells.py prepare g100k.xlsx cells.pickle
    # timed, as a whole process: load the cells, write them with XlsxWriter
    /usr/bin/time -v python3 benches/compare/xlsxwriter_same_cells.py write cells.pickle out.xlsx
    /usr/bin/time -v python3 benches/compare/xlsxwriter_same_cells.py write cells.pickle out.xlsx --constant-memory

`write` writes every sheet with its name and every cell value (text as
strings, numbers as numbers) at its place, with no formats, tables,
validation or charts, so it does less than the CLI. It prints the time of
loading and of writing on standard error.

Needs XlsxWriter (`pip install XlsxWriter`); only the standard library
otherwise.
"""

import pickle
import sys
import time
import xml.etree.ElementTree as ET
import zipfile

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def col_index(ref):
    """`AB12` -> (11, 27): zero-based row and column."""
    letters = ""
    for ch in ref:
        if ch.isalpha():
            letters += ch
        else:
            break
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - 64)
    return int(ref[len(letters):]) - 1, col - 1


def text_of(el):
    return "".join(t.text or "" for t in el.iter(NS + "t"))


def prepare(xlsx_path, out_path):
    with zipfile.ZipFile(xlsx_path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for _, el in ET.iterparse(z.open("xl/sharedStrings.xml")):
                if el.tag == NS + "si":
                    shared.append(text_of(el))
                    el.clear()
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sheets = []
        for s in book.iter(NS + "sheet"):
            if s.get("state") == "veryHidden":
                continue
            target = targets[s.get(REL + "id")].lstrip("/")
            if not target.startswith("xl/"):
                target = "xl/" + target
            cells = []
            for _, el in ET.iterparse(z.open(target)):
                if el.tag != NS + "c":
                    continue
                row, col = col_index(el.get("r"))
                kind = el.get("t")
                v = el.find(NS + "v")
                if kind == "s":
                    cells.append((row, col, shared[int(v.text)]))
                elif kind == "inlineStr":
                    cells.append((row, col, text_of(el)))
                elif kind == "str":
                    cells.append((row, col, v.text if v is not None else ""))
                elif v is not None:
                    cells.append((row, col, float(v.text)))
                el.clear()
            # Row by row, as constant-memory mode needs.
            cells.sort()
            sheets.append((s.get("name"), cells))
    with open(out_path, "wb") as f:
        pickle.dump(sheets, f, protocol=pickle.HIGHEST_PROTOCOL)
    total = sum(len(c) for _, c in sheets)
    print(f"{len(sheets)} sheets, {total} cells", file=sys.stderr)


def write(cells_path, out_path, constant_memory):
    import xlsxwriter

    start = time.perf_counter()
    with open(cells_path, "rb") as f:
        sheets = pickle.load(f)
    loaded = time.perf_counter()
    wb = xlsxwriter.Workbook(out_path, {"constant_memory": constant_memory})
    for name, cells in sheets:
        ws = wb.add_worksheet(name)
        for row, col, value in cells:
            if isinstance(value, str):
                ws.write_string(row, col, value)
            else:
                ws.write_number(row, col, value)
    wb.close()
    done = time.perf_counter()
    total = sum(len(c) for _, c in sheets)
    print(
        f"{total} cells: load {loaded - start:.2f} s, write {done - loaded:.2f} s",
        file=sys.stderr,
    )


def main(argv):
    if len(argv) >= 3 and argv[0] == "prepare":
        prepare(argv[1], argv[2])
    elif len(argv) >= 3 and argv[0] == "write":
        write(argv[1], argv[2], "--constant-memory" in argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
