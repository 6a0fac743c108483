#!/usr/bin/env bash
# A usm-link partner in a POSIX shell, with nothing but openssl 3, curl, jq, od and GNU date.
# It is the worked example of docs/protocol.md as one script.
#
#   partner-with-openssl.sh jwk      create the Ed25519 key in $KEY_PEM if it is not there yet,
#                                    and print its public JWK (with kid) for the provider's config
#   partner-with-openssl.sh submit   submit an incident for $SERVICE under $AGREEMENT, check the
#                                    gateway's receipt, read the call back with a JWT, and print
#                                    {"submitted": <answer to the submission>, "read": <the call>}
#
# Environment:
#   KEY_PEM       the partner's Ed25519 private key, PEM (both modes)
#   GATEWAY_URL   e.g. http://127.0.0.1:8080                      (submit)
#   GATEWAY_ID    the gateway's party id: the envelope's `to`, the token's `aud` (submit)
#   PARTNER_ID    this partner's party id: `from` and `iss`       (submit)
#   SERVICE       the service id, e.g. workplace                  (submit)
#   AGREEMENT     the agreement id that covers it                 (submit)
#   SUMMARY       optional, the incident's summary
#
# The kid is the RFC 7638 thumbprint of the public key, the same kid `usm-link keys generate`
# gives: base64url(SHA-256('{"crv":"Ed25519","kty":"OKP","x":"<x>"}')), members in that order, no
# spaces. Any unique string would do, as long as the JWK the provider configures carries it.
#
# Exit status: 0 done; 1 the gateway refused, or its answer or receipt did not check out;
# 2 usage, a missing input or a missing tool.
set -euo pipefail

die() {
  local status=$1
  shift
  printf 'partner-with-openssl: %s\n' "$*" >&2
  exit "$status"
}

need() {
  local name
  for name in "$@"; do
    [[ -n "${!name:-}" ]] || die 2 "set $name (see the head of this script)"
  done
}

for tool in openssl curl jq od date tr tail mktemp; do
  command -v "$tool" >/dev/null 2>&1 || die 2 "$tool is not installed"
done

# base64url without padding (RFC 7515 section 2), of stdin.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '=\n'; }

# The bytes of a base64url string (stdin): back to base64 with its padding, then decoded.
b64url_decode() {
  local text
  text=$(tr -- '-_' '+/')
  case $(( ${#text} % 4 )) in
    2) text="$text==" ;;
    3) text="$text=" ;;
  esac
  printf '%s' "$text" | openssl base64 -d -A
}

# A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10, 74 random bits.
uuidv7() {
  local ms hex rand variant
  ms=$(date +%s%3N)
  [[ $ms =~ ^[0-9]{13}$ ]] || die 2 "date +%s%3N must print milliseconds (GNU date)"
  hex=$(printf '%012x' "$ms")
  rand=$(od -An -N10 -tx1 /dev/urandom | tr -d ' \n')
  variant=$(printf '%x' $(( (0x${rand:3:1} & 0x3) | 0x8 )))
  printf '%s-%s-7%s-%s%s-%s' "${hex:0:8}" "${hex:8:4}" "${rand:0:3}" "$variant" "${rand:4:3}" "${rand:7:12}"
}

# The public key's x (base64url of the 32 raw bytes: the last 32 bytes of its DER form).
public_x() { openssl pkey -in "$KEY_PEM" -pubout -outform DER | tail -c 32 | b64url; }

# The RFC 7638 thumbprint of an Ed25519 public key.
thumbprint() { printf '{"crv":"Ed25519","kty":"OKP","x":"%s"}' "$1" | openssl dgst -sha256 -binary | b64url; }

# An Ed25519 signature (64 bytes, base64url) over the bytes of a file.
sign_file() { openssl pkeyutl -sign -inkey "$KEY_PEM" -rawin -in "$1" | b64url; }

# Checks a compact JWS (the gateway's receipt) against a key of the gateway's JWKS.
# Prints the payload. Ed25519 keys are checked with pkeyutl; P-256 keys with dgst, after turning
# the 64-byte R||S signature into the DER form openssl expects.
verify_compact() {
  local jws=$1 jwks=$2 dir=$3 header payload signature kid jwk kty
  IFS=. read -r header payload signature <<<"$jws"
  [[ -n $header && -n $payload && -n $signature ]] || die 1 "the receipt is not a compact JWS"
  kid=$(b64url_decode <<<"$header" | jq -r '.kid')
  [[ $(b64url_decode <<<"$header" | jq -r '.typ') == usm-link-receipt+jws ]] || die 1 "the receipt's typ is not usm-link-receipt+jws"
  jwk=$(jq -c --arg kid "$kid" '.keys[] | select(.kid == $kid)' <<<"$jwks")
  [[ -n $jwk ]] || die 1 "the gateway publishes no key $kid"
  printf '%s.%s' "$header" "$payload" >"$dir/receipt-input"
  b64url_decode <<<"$signature" >"$dir/receipt-signature"
  kty=$(jq -r '.kty' <<<"$jwk")
  if [[ $kty == OKP ]]; then
    # SubjectPublicKeyInfo of an Ed25519 key: a fixed 12-byte prefix, then the 32-byte key.
    printf '%s\n' '-----BEGIN PUBLIC KEY-----' \
      "MCowBQYDK2VwAyEA$(jq -r '.x' <<<"$jwk" | b64url_decode | openssl base64 -A)" \
      '-----END PUBLIC KEY-----' >"$dir/gateway.pem"
    openssl pkeyutl -verify -pubin -inkey "$dir/gateway.pem" -rawin -in "$dir/receipt-input" \
      -sigfile "$dir/receipt-signature" >/dev/null || die 1 "the receipt's signature does not verify"
  elif [[ $kty == EC ]]; then
    # SubjectPublicKeyInfo of a P-256 key: a fixed 27-byte prefix (ending in 04), then x and y.
    printf '%s\n' '-----BEGIN PUBLIC KEY-----' \
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE$( { jq -r '.x' <<<"$jwk" | b64url_decode; jq -r '.y' <<<"$jwk" | b64url_decode; } | openssl base64 -A)" \
      '-----END PUBLIC KEY-----' >"$dir/gateway.pem"
    local rs
    rs=$(od -An -v -tx1 "$dir/receipt-signature" | tr -d ' \n')
    [[ ${#rs} -eq 128 ]] || die 1 "an ES256 signature has 64 bytes"
    printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' "${rs:0:64}" "${rs:64:64}" >"$dir/signature.cnf"
    openssl asn1parse -noout -genconf "$dir/signature.cnf" -out "$dir/signature.der"
    openssl dgst -sha256 -verify "$dir/gateway.pem" -signature "$dir/signature.der" "$dir/receipt-input" >/dev/null \
      || die 1 "the receipt's signature does not verify"
  else
    die 1 "the gateway key $kid is neither OKP nor EC"
  fi
  b64url_decode <<<"$payload"
}

cmd_jwk() {
  need KEY_PEM
  if [[ ! -e $KEY_PEM ]]; then
    (umask 077 && openssl genpkey -algorithm ed25519 -out "$KEY_PEM")
    printf 'partner-with-openssl: wrote a new Ed25519 key to %s\n' "$KEY_PEM" >&2
  fi
  local x
  x=$(public_x)
  jq -cn --arg x "$x" --arg kid "$(thumbprint "$x")" '{kty: "OKP", crv: "Ed25519", x: $x, kid: $kid, alg: "EdDSA", use: "sig"}'
}

cmd_submit() {
  need KEY_PEM GATEWAY_URL GATEWAY_ID PARTNER_ID SERVICE AGREEMENT
  [[ -r $KEY_PEM ]] || die 2 "no key at $KEY_PEM: run '$0 jwk' first and give the provider its output"
  local url=${GATEWAY_URL%/} work x kid id status call_id
  work=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  x=$(public_x)
  kid=$(thumbprint "$x")

  # 1. The envelope: exact bytes in a file, compact JSON without a trailing newline.
  id=$(uuidv7)
  jq -cjn \
    --arg id "$id" --arg from "$PARTNER_ID" --arg to "$GATEWAY_ID" \
    --arg time "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg chain "$(uuidv7)" \
    --arg service "$SERVICE" --arg agreement "$AGREEMENT" \
    --arg summary "${SUMMARY:-Mail is down for the whole office}" \
    '{id: $id, type: "call.submit", from: $from, to: $to, time: $time, chainId: $chain,
      data: {type: "incident", service: $service, agreement: $agreement, summary: $summary,
             impact: "high", urgency: "high", requester: {name: "Service desk"}}}' >"$work/body.json"

  # 2. The detached JWS over those bytes: <protected>..<signature>.
  local protected signature
  protected=$(printf '{"alg":"EdDSA","kid":"%s"}' "$kid" | b64url)
  printf '%s.%s' "$protected" "$(b64url <"$work/body.json")" >"$work/input"
  signature=$(sign_file "$work/input")

  # 3. POST it; a new call is answered 201 with the call and a receipt.
  status=$(curl -sS -o "$work/submitted.json" -w '%{http_code}' \
    -H 'content-type: application/json' -H "usm-signature: $protected..$signature" \
    --data-binary "@$work/body.json" "$url/v1/calls") || die 1 "cannot reach $url"
  [[ $status == 201 ]] || die 1 "the gateway answered $status: $(cat "$work/submitted.json")"
  call_id=$(jq -r '.call.id' "$work/submitted.json")

  # 4. The receipt: signed by a key in the gateway's JWKS, over the digest of exactly our bytes.
  local digest jwks receipt
  digest="sha-256=$(openssl dgst -sha256 -binary "$work/body.json" | b64url)"
  jwks=$(curl -sS --fail "$url/.well-known/jwks.json") || die 1 "cannot read $url/.well-known/jwks.json"
  receipt=$(verify_compact "$(jq -r '.receipt.jws' "$work/submitted.json")" "$jwks" "$work")
  jq -e --arg id "$id" --arg digest "$digest" --arg gateway "$GATEWAY_ID" --arg from "$PARTNER_ID" \
    '.messageId == $id and .digest == $digest and .gateway == $gateway and .from == $from' <<<"$receipt" >/dev/null \
    || die 1 "the receipt is for something else: $receipt"
  jq -e --arg digest "$digest" '.receipt.digest == $digest' "$work/submitted.json" >/dev/null \
    || die 1 "the answer's digest is not the digest of the body sent"

  # 5. A read token: a JWT signed the same way, for this gateway, living 60 seconds.
  local iat header claims token
  iat=$(date +%s)
  header=$(printf '{"alg":"EdDSA","kid":"%s","typ":"JWT"}' "$kid" | b64url)
  claims=$(jq -cjn --arg iss "$PARTNER_ID" --arg aud "$GATEWAY_ID" --argjson iat "$iat" --arg jti "$(uuidv7)" \
    '{iss: $iss, aud: $aud, iat: $iat, exp: ($iat + 60), jti: $jti}' | b64url)
  printf '%s.%s' "$header" "$claims" >"$work/token-input"
  token="$header.$claims.$(sign_file "$work/token-input")"

  # 6. Read the call back.
  status=$(curl -sS -o "$work/read.json" -w '%{http_code}' -H "authorization: Bearer $token" "$url/v1/calls/$call_id") \
    || die 1 "cannot reach $url"
  [[ $status == 200 ]] || die 1 "reading the call answered $status: $(cat "$work/read.json")"

  jq -n --slurpfile submitted "$work/submitted.json" --slurpfile read "$work/read.json" \
    '{submitted: $submitted[0], read: $read[0]}'
}

case "${1:-}" in
  jwk) cmd_jwk ;;
  submit) cmd_submit ;;
  *) die 2 "usage: $0 jwk|submit" ;;
esac
