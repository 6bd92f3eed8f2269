"""Prints 'tests: N passed, N failed, N skipped' from the Surefire reports of every module."""
import glob
import xml.etree.ElementTree as ET

total = failed = skipped = 0
for path in glob.glob("*/target/surefire-reports/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    total += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(f"tests: {total - failed - skipped} passed, {failed} failed, {skipped} skipped")
