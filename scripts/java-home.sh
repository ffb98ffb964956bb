#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: $JAVA_HOME if it is one, else the `java` on PATH, else the newest JDK in the
# usual install folders. Exits 1 with a message when there is none. Sourced by ./stancewire and .ci/run.

java_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

is_jdk21() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v
  v=$(java_feature_version "$1")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

find_java_home() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if is_jdk21 "$candidate"; then echo "$candidate"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
    if is_jdk21 "$candidate"; then echo "$candidate"; return 0; fi
  done
  echo "stancewire: no JDK 21 or newer found. Install one (e.g. Temurin 21) and set JAVA_HOME to it." >&2
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  find_java_home
fi
