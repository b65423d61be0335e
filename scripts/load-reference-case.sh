#!/usr/bin/env bash
# Loads the reference case (IT cooperation Saarbrücken / Saarpfalz-Kreis, press release of
# 22 May 2014) through the public HTTP API of a running IKZ ledger.
#
#   scripts/load-reference-case.sh [BASE_URL]      default BASE_URL: http://127.0.0.1:8080
#
# Uses the local demo accounts; set IKZ_ADMIN, IKZ_SAARBRUECKEN and IKZ_SAARPFALZ_KREIS
# (user:password) to use others. Loading twice is refused by the service (ids are unique),
# so the script stops early when the reference partners exist already.
set -euo pipefail

BASE="${1:-http://127.0.0.1:8080}"
ADMIN="${IKZ_ADMIN:-admin:admin-local}"
CITY="${IKZ_SAARBRUECKEN:-saarbruecken:saarbruecken-local}"
DISTRICT="${IKZ_SAARPFALZ_KREIS:-saarpfalz-kreis:saarpfalz-kreis-local}"
AGREEMENT=it-kooperation-2014

step=0
send() { # send USER METHOD PATH JSON
  local user=$1 method=$2 path=$3 body=$4 out status
  step=$((step + 1))
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -u "$user" -X "$method" \
    -H 'Content-Type: application/json' --data "$body" "$BASE$path")
  printf '%2d  %s %-70s %s\n' "$step" "$method" "$path" "$status"
  if [ "${status:0:1}" != 2 ]; then
    cat "$out" >&2; echo >&2; rm -f "$out"; exit 1
  fi
  rm -f "$out"
}

existing=$(curl -sS -o /dev/null -w '%{http_code}' -u "$ADMIN" "$BASE/api/partners/saarbruecken" || true)
if [ "$existing" = 200 ]; then
  echo "The reference case is loaded already (partner saarbruecken exists)."
  exit 0
fi

echo "Partners"
send "$ADMIN" POST /api/partners '{"id":"saarbruecken","name":"Landeshauptstadt Saarbrücken","kind":"MUNICIPALITY","officialKey":"100410100100"}'
send "$ADMIN" POST /api/partners '{"id":"iks","name":"Informations- und Kommunikationsinstitut (IKS) der Landeshauptstadt Saarbrücken","kind":"OPERATING_UNIT","parentId":"saarbruecken"}'
send "$ADMIN" POST /api/partners '{"id":"tsc-saarbruecken","name":"Telefon-Service-Center Saarbrücken","kind":"OPERATING_UNIT","parentId":"saarbruecken"}'
send "$ADMIN" POST /api/partners '{"id":"saarpfalz-kreis","name":"Saarpfalz-Kreis","kind":"DISTRICT","officialKey":"100450000000"}'

echo "Agreement, signed by both parties on 22 May 2014"
send "$ADMIN" POST /api/agreements "{\"id\":\"$AGREEMENT\",\"title\":\"Kooperationsvereinbarung zur Zusammenarbeit im IT-Bereich\",\"subject\":\"Doppelarbeiten über Verwaltungsgrenzen hinweg vermeiden, Kosten senken, Leistungsangebot und Qualität erhalten.\",\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-05-22\"}"
send "$CITY" POST "/api/agreements/$AGREEMENT/signatures" '{"partnerId":"saarbruecken","signatoryName":"Charlotte Britz","signatoryRole":"Oberbürgermeisterin","signedOn":"2014-05-22"}'
send "$DISTRICT" POST "/api/agreements/$AGREEMENT/signatures" '{"partnerId":"saarpfalz-kreis","signatoryName":"Clemens Lindemann","signatoryRole":"Landrat","signedOn":"2014-05-22"}'

echo "Delegations: three running, one planned"
send "$ADMIN" POST "/api/agreements/$AGREEMENT/delegations" '{"id":"wohngeld","serviceCode":"wohngeld","serviceName":"Berechnung und Auszahlung des Wohngeldes","providerId":"iks","consumerIds":["saarpfalz-kreis"],"startsOn":"2013-01-01"}'
send "$ADMIN" POST "/api/agreements/$AGREEMENT/delegations" '{"id":"behoerdennummer-115","serviceCode":"behoerdennummer-115","serviceName":"Behördenrufnummer 115","providerId":"tsc-saarbruecken","consumerIds":["saarpfalz-kreis"],"startsOn":"2013-03-01"}'
send "$ADMIN" POST "/api/agreements/$AGREEMENT/delegations" '{"id":"datenspeicher","serviceCode":"datenspeicher","serviceName":"Betrieb eines Datenspeichers im Rechenzentrum des Saarpfalz-Kreises","providerId":"iks","consumerIds":["saarpfalz-kreis"],"startsOn":"2014-02-01"}'
send "$ADMIN" POST "/api/agreements/$AGREEMENT/delegations" '{"id":"datensicherung","serviceCode":"datensicherung","serviceName":"Gemeinsamer Prozess zur Datensicherung","providerId":"iks","consumerIds":["saarpfalz-kreis"]}'

echo "Cost entries for fiscal year 2014 (savings: Saarpfalz-Kreis 9500.00, Saarbrücken 5500.00)"
entry() { # entry USER DELEGATION ID PARTNER KIND AMOUNT DESCRIPTION
  send "$1" POST "/api/agreements/$AGREEMENT/delegations/$2/cost-entries" \
    "{\"id\":\"$3\",\"partnerId\":\"$4\",\"fiscalYear\":2014,\"kind\":\"$5\",\"amount\":\"$6\",\"description\":\"$7\"}"
}
entry "$DISTRICT" wohngeld            wohngeld-2014-kreis-baseline   saarpfalz-kreis BASELINE 18000.00 "Eigenes Wohngeldverfahren"
entry "$DISTRICT" wohngeld            wohngeld-2014-kreis-actual     saarpfalz-kreis ACTUAL   12500.00 "Entgelt an die Stadt"
entry "$CITY"     wohngeld            wohngeld-2014-stadt-actual     saarbruecken    ACTUAL    9000.00 "Mehraufwand IKS"
entry "$CITY"     wohngeld            wohngeld-2014-stadt-revenue    saarbruecken    REVENUE  12500.00 "Entgelt des Kreises"
entry "$DISTRICT" behoerdennummer-115 d115-2014-kreis-baseline       saarpfalz-kreis BASELINE 14000.00 "Eigene 115-Anbindung"
entry "$DISTRICT" behoerdennummer-115 d115-2014-kreis-actual         saarpfalz-kreis ACTUAL   11000.00 "Entgelt an die Stadt"
entry "$CITY"     behoerdennummer-115 d115-2014-stadt-actual         saarbruecken    ACTUAL   10000.00 "Mehraufwand Telefon-Service-Center"
entry "$CITY"     behoerdennummer-115 d115-2014-stadt-revenue        saarbruecken    REVENUE  11000.00 "Entgelt des Kreises"
entry "$DISTRICT" datenspeicher       speicher-2014-kreis-baseline   saarpfalz-kreis BASELINE  7000.00 "Eigener Betrieb"
entry "$DISTRICT" datenspeicher       speicher-2014-kreis-actual     saarpfalz-kreis ACTUAL    6000.00 "Entgelt an die Stadt"
entry "$CITY"     datenspeicher       speicher-2014-stadt-actual     saarbruecken    ACTUAL    5000.00 "Mehraufwand IKS"
entry "$CITY"     datenspeicher       speicher-2014-stadt-revenue    saarbruecken    REVENUE   6000.00 "Entgelt des Kreises"

echo "Loaded: $step requests. Savings 2014: curl -u manager:manager-local '$BASE/api/savings?fiscalYear=2014'"
