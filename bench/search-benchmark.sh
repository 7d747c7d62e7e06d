#!/usr/bin/env bash
# Search benchmark: analyzer comparison, latency, index size and recall on a digitized corpus.
#   bench/search-benchmark.sh OUTPUT CORPUS [ARTICLES]
#     OUTPUT    output folder of `./inkstone run` over the corpus' scans (its index/ is read)
#     CORPUS    folder of issue-*/truth.json (e.g. ../shared/corpus/dev)
#     ARTICLES  articles in the replicated index (default 10000)
# Example:
#   ./inkstone run --scans /tmp/corpus-scans --output /tmp/search-out
#   bench/search-benchmark.sh /tmp/search-out ../shared/corpus/dev
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.inkstone.search.SearchBenchmark "$@"
