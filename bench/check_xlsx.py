#!/usr/bin/env python3
"""Checks that a benchmarked collective sheet in xlsx is a whole workbook: check_xlsx.py FILE EMPLOYEES.

The reply must be a zip holding xl/workbook.xml and a worksheet whose employee rows (column A a number, the row's
nr. crt.) run 1, 2, ... EMPLOYEES without a gap: a fast reply that lost rows or is not a workbook would otherwise look
like a good result. Prints the number of employee rows.
"""
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

path, employees = sys.argv[1], int(sys.argv[2])
try:
    archive = zipfile.ZipFile(path)
except zipfile.BadZipFile as error:
    raise SystemExit(f"{path}: not a zip: {error}")
with archive:
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/worksheets/sheet1.xml" not in names:
        raise SystemExit(f"{path}: not a workbook: {sorted(names)[:8]}")
    numbered = 0
    with archive.open("xl/worksheets/sheet1.xml") as sheet:
        for _, element in ElementTree.iterparse(sheet):
            if element.tag != MAIN + "row":
                continue
            first = element.find(MAIN + "c")
            value = first.find(MAIN + "v") if first is not None else None
            if first is not None and first.get("r", "").startswith("A") and first.get("t") is None and value is not None:
                if value.text != str(numbered + 1):
                    raise SystemExit(f"{path}: row {element.get('r')} is nr. {value.text}, expected {numbered + 1}")
                numbered += 1
            element.clear()
if numbered != employees:
    raise SystemExit(f"{path}: {numbered} employee rows, expected {employees}")
print(numbered)
