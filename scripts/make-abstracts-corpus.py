#!/usr/bin/env python3
"""Makes fixpoint-bench/src/main/resources/ml-data/abstracts.txt, the character-level language-model corpus.

Input: the research-abstract files the project is grounded in (one title or abstract per line, ASCII),
given as arguments in order. Lines of site boilerplate ("Get trending papers ...") are dropped, the
"Subscribe" prefix glued to the first title is removed, non-ASCII characters become spaces, and whole
lines are kept until the corpus would exceed 300,000 characters.

    python3 scripts/make-abstracts-corpus.py /path/to/seeds/*.txt > fixpoint-bench/src/main/resources/ml-data/abstracts.txt
"""
import sys

LIMIT = 300_000


def main(paths):
    out = []
    size = 0
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("Get trending papers"):
                    continue
                if line.startswith("Subscribe"):
                    line = line[len("Subscribe"):]
                line = "".join(c if 32 <= ord(c) < 127 else " " for c in line).strip()
                if not line:
                    continue
                if size + len(line) + 1 > LIMIT:
                    sys.stdout.write("\n".join(out) + "\n")
                    return
                out.append(line)
                size += len(line) + 1
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
