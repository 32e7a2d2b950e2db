#!/usr/bin/env bash
# Shared by scripts/demo.sh, scripts/test.sh and the benchmarks: installs what is missing.

# The Debian packages sohoa runs on: Tesseract 5 with Vietnamese and orientation models, the
# library Tess4J loads, and a Unicode font for the PDF/A text layer and the fixtures.
SOHOA_PACKAGES=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd libtesseract-dev fonts-dejavu-core fonts-liberation2)

# Installs the given Debian packages that are not installed yet (apt-get update only if needed).
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Checks the two things the README asks for before anything else: a JDK 17+ and Maven.
ensure_java_and_maven() {
  command -v mvn >/dev/null || { echo "Maven is missing: apt-get install maven" >&2; exit 2; }
  command -v javac >/dev/null || { echo "a JDK is missing: apt-get install openjdk-17-jdk-headless" >&2; exit 2; }
  local version
  version=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
  [ "$version" -ge 17 ] || { echo "sohoa needs JDK 17 or newer; javac is $version" >&2; exit 2; }
}

# Runs a main class of the test kit (fixture generators) with its runtime classpath. The
# classpath goes through a file: Maven writes colour codes to stdout even with -B -q.
run_testkit() {
  local cpfile
  cpfile="$(mktemp)"
  mvn -B -q -Dstyle.color=never -pl modules/sohoa-testkit dependency:build-classpath \
    -Dmdep.outputFile="$cpfile" >/dev/null
  java -Djava.awt.headless=true -cp "modules/sohoa-testkit/target/classes:$(cat "$cpfile")" "$@"
  rm -f "$cpfile"
}

# Makes sure the PostgreSQL server the shared-catalog tests use answers on 127.0.0.1:5432 as the
# user postgres: installs Debian's server if missing, starts the cluster if stopped, and on a
# fresh install lets local TCP connections in without a password (trust, loopback only: a test
# machine's database, never a production one). SOHOA_TEST_POSTGRES names another server instead.
ensure_postgres() {
  [ -n "${SOHOA_TEST_POSTGRES:-}" ] && return 0
  ensure_packages postgresql postgresql-client
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local version
  version=$(ls /etc/postgresql | sort -n | tail -1)
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    $sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! psql -h 127.0.0.1 -U postgres -w -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    echo "letting loopback connections into the test PostgreSQL ($hba)" >&2
    $sudo sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    $sudo pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    sleep 1
  fi
  psql -h 127.0.0.1 -U postgres -w -d postgres -c 'SELECT 1' >/dev/null \
    || { echo "PostgreSQL does not answer on 127.0.0.1:5432 as postgres" >&2; exit 2; }
}

# RabbitMQ on 127.0.0.1:5672 with its development user guest/guest, for the scale-out tests and
# benchmarks; installed and started when missing. A scale-out test restarts the broker with
# rabbitmqctl, which needs its Erlang cookie: run the tests as root or as the rabbitmq user.
ensure_rabbitmq() {
  ensure_packages rabbitmq-server
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; then
    echo "starting RabbitMQ" >&2
    $sudo rabbitmq-server -detached
  fi
  $sudo rabbitmqctl -q --timeout 120 await_startup >/dev/null \
    || { echo "RabbitMQ does not answer on 127.0.0.1:5672" >&2; exit 2; }
}

# Prints the test classpath of a module (its test classes, classes and test-scope dependencies),
# with absolute paths: benchmarks run their main classes from it.
module_test_classpath() {
  local module="$1" cpfile root
  root="$(pwd)"
  cpfile="$(mktemp)"
  mvn -B -q -Dstyle.color=never -f "modules/$module" dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
  echo "$root/modules/$module/target/test-classes:$root/modules/$module/target/classes:$(cat "$cpfile")"
  rm -f "$cpfile"
}
