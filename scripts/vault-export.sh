#!/usr/bin/env bash
# Dumps a Vault (or OpenBao) estate for `idac import vault --from FILE` and `idac drift --vault FILE`:
# every ACL policy's text, every auth mount and its type, and the roles of every Kubernetes,
# AppRole and JWT/OIDC mount, as JSON (format idac-vault-dump/v1) on stdout:
#
#   VAULT_ADDR=https://vault.example:8200 VAULT_TOKEN=… scripts/vault-export.sh > vault-dump.json
#
# Uses only the vault CLI (VAULT_CLI=bao for OpenBao) with its usual environment (VAULT_ADDR,
# VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT…), plus sed, awk and sort; no jq. Read-only: it lists and
# reads sys/policies/acl, sys/auth and auth/<mount>/role/<name>. It never reads a role id, a secret id
# or a token, so none reaches the dump. Output is sorted, so two dumps of the same Vault are the same
# bytes. Nothing is printed unless the whole dump succeeded.
set -euo pipefail

V="${VAULT_CLI:-vault}"
export LC_ALL=C
out="$(mktemp)"
err="$(mktemp)"
trap 'rm -f "$out" "$err" "$err.list"' EXIT

die() {
  echo "vault-export: $*" >&2
  exit 1
}

# A JSON string for a plain name (policy, mount, role): backslash and quote escaped.
quote() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# The names under a LIST path, one a line; nothing when the path holds none.
names() {
  if "$V" list -format=json "$1" >"$err.list" 2>"$err"; then
    sed -n 's/^ *"\(.*\)",\{0,1\}$/\1/p' "$err.list" | sort
  elif [ ! -s "$err" ] || grep -q 'No value found' "$err"; then
    : # an empty list: status 2 and an empty stderr (-format=json), or "No value found"
  else
    die "listing $1 failed: $(cat "$err")"
  fi
  rm -f "$err.list"
}

# Exact JSON of one field of a read (`-field` with `-format=json` prints the value as JSON).
field() {
  "$V" read -format=json -field="$2" "$1" 2>"$err" || die "reading $1 failed: $(cat "$err")"
}

{
  printf '{\n  "format": "idac-vault-dump/v1",\n  "policies": {'
  sep=''
  policies="$("$V" policy list 2>"$err")" || die "listing policies failed: $(cat "$err")"
  for name in $(printf '%s\n' "$policies" | sort); do
    # root has no text to read (Vault answers with nothing or an error): it grants everything.
    [ "$name" = root ] && continue
    text="$(field "sys/policies/acl/$name" policy)" || exit 1
    printf '%s\n    %s: %s' "$sep" "$(quote "$name")" "$text"
    sep=','
  done
  printf '\n  },\n  "auth": {'
  mounts="$("$V" auth list -format=table 2>"$err")" || die "listing auth methods failed: $(cat "$err")"
  sep=''
  # The table: a header, a rule, then `path/ type accessor description version`.
  while read -r path type; do
    mount="${path%/}"
    printf '%s\n    %s: { "type": %s' "$sep" "$(quote "$mount")" "$(quote "$type")"
    sep=','
    case "$type" in
      kubernetes | approle | jwt | oidc)
        printf ', "roles": {'
        rsep=''
        roles="$(names "auth/$mount/role")" || exit 1
        for role in $roles; do
          data="$(field "auth/$mount/role/$role" data)" || exit 1
          printf '%s\n      %s: %s' "$rsep" "$(quote "$role")" "$data"
          rsep=','
        done
        printf '\n    } }'
        ;;
      *) printf ' }' ;;
    esac
  done < <(printf '%s\n' "$mounts" | awk 'NR > 2 && NF >= 2 { print $1, $2 }' | sort)
  printf '\n  }\n}\n'
} >"$out"

cat "$out"
