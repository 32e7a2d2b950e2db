#!/usr/bin/env bash
# Installs what is missing and runs every test: unit tests, and the integration tests that run
# the built command as a process (mvn verify).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java_and_maven
ensure_packages "${SOHOA_PACKAGES[@]}"
# Second opinions the signing tests ask for (Poppler's pdfsig, qpdf --check), and the software
# token (SoftHSM2, with OpenSC's pkcs11-tool to load it) the PKCS#11 tests sign with.
ensure_packages poppler-utils qpdf softhsm2 opensc
# The verification page's browser test: Debian's Chromium and its chromedriver.
ensure_packages chromium chromium-driver
# /metrics is read by Prometheus's own text-format parser (its Python client), not by ours.
ensure_packages python3-prometheus-client
# The shared catalog's tests (register, concurrent certification) run on a real PostgreSQL.
ensure_postgres
# The scale-out tests (enqueue, workers, dead letters, a broker restart) use a real RabbitMQ.
ensure_rabbitmq
export OMP_THREAD_LIMIT=1
# Maven's own JVM runs on the quick compiler and the serial collector (.mvn/jvm.config, which
# takes no comments): a build is too short for the optimising compiler to pay. Measured on this
# 2-core machine: the build's CPU 41 -> 22 s, the suite's Maven process about 50 -> 22 s. The
# tests' own JVMs keep both compilers: signing with C1 alone took twice the CPU.
# clean: target/lib is the app folder; a stale jar left there could hide a missing dependency.
# -T 1C: modules that do not depend on each other (ocr, pdf, extract, sign, store, catalog) are
# built and tested side by side, one per core: about a minute less on a 2-core machine.
started=$(date +%s)
mvn -B -T 1C clean verify "$@"
took=$(( $(date +%s) - started ))
echo "every test passed in $((took / 60)) min $((took % 60)) s (build included)"
