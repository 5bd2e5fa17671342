"""Prints the message and the first stack lines of every failed test in the .trx files given (make test runs it)."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
failed = 0
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
        if result.get("outcome") != "Failed":
            continue
        failed += 1
        message = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message") or ""
        stack = (result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}StackTrace") or "").splitlines()[:6]
        print(f"FAILED {result.get('testName')}\n  {message.strip()}\n  " + "\n  ".join(s.strip() for s in stack))
if failed:
    print(f"{failed} failed test(s); the .trx files are in artifacts/test-logs/")
