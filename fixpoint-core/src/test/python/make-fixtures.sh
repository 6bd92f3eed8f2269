#!/usr/bin/env bash
# Regenerates the frozen reference trajectories in src/test/resources/io/fixpoint/train/:
#   torch-reference.txt  (torch.optim 1.13, 200 steps)   and   paper-reference.txt  (NumPy from the papers, 100 steps)
# Needs the compiled test classes (mvn -pl fixpoint-core test-compile) and /usr/bin/python3 with PyTorch 1.13
# and NumPy (Debian: apt-get install -y python3-torch). The tests themselves never need them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
core="$here/../../.."
repo="$core/.."
cp="$core/target/classes:$core/target/test-classes:$(find "${M2_REPO:-$HOME/.m2/repository}" /work/m2 -path '*org/ejml/ejml-*0.43.1.jar' 2>/dev/null | tr '\n' ':')"
inputs="$(mktemp)"
java -cp "$cp" io.fixpoint.train.ReferenceProblem "$repo/fixpoint-bench/src/main/resources/ml-data/iris.csv" "$inputs"
out="$core/src/test/resources/io/fixpoint/train"
(cd "$here" && /usr/bin/python3 torch_reference.py "$inputs" > "$out/torch-reference.txt")
(cd "$here" && /usr/bin/python3 paper_reference.py "$inputs" > "$out/paper-reference.txt")
rm -f "$inputs"
echo "wrote $out/torch-reference.txt and $out/paper-reference.txt"
