#!/usr/bin/env python3
"""Share of documented public declarations per module.

Usage: Scripts/doc-coverage.py [--min PERCENT] DIR...

A public declaration is a line whose first keyword (after attributes such as @inlinable) is
`public` or `open` and that declares a type, function, initializer, property, subscript or type
alias; `public extension` lines are not declarations. It is documented when the lines above it,
skipping attributes, end a `///` comment or a `/** … */` block. Prints one line per directory
and, with --min, exits 1 when any directory is below PERCENT.
"""
import os
import re
import sys

DECLARATION = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?:(?:final|static|class|override|mutating|"
    r"nonisolated|nonmutating|indirect|convenience|required|lazy|private\(set\)|"
    r"fileprivate\(set\)|internal\(set\))\s+)*(class|struct|enum|protocol|actor|func|init|var|let|"
    r"subscript|typealias)\b")
ATTRIBUTE = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s*)+$")


def documented(lines, index):
    """Whether the declaration on lines[index] has a doc comment above it."""
    j = index - 1
    while j >= 0 and ATTRIBUTE.match(lines[j]):
        j -= 1
    if j < 0:
        return False
    above = lines[j].strip()
    return above.startswith("///") or above.endswith("*/")


def coverage(directory):
    """(documented, total, undocumented locations) over the .swift files under directory."""
    done = total = 0
    missing = []
    for root, _, files in os.walk(directory):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            for i, line in enumerate(lines):
                if DECLARATION.match(line):
                    total += 1
                    if documented(lines, i):
                        done += 1
                    else:
                        missing.append(f"{path}:{i + 1}: {line.strip()[:80]}")
    return done, total, missing


def main():
    args = sys.argv[1:]
    minimum = None
    if len(args) >= 2 and args[0] == "--min":
        minimum = float(args[1])
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    failed = False
    for directory in args:
        done, total, missing = coverage(directory)
        share = 100.0 * done / total if total else 100.0
        print(f"{directory}: {done}/{total} public declarations documented ({share:.1f} %)")
        if os.environ.get("VERBOSE"):
            for m in missing:
                print("  " + m)
        if minimum is not None and share < minimum:
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
