package de.ikz.ledger.distributed.support;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;

/**
 * The reference case of the README (the IT cooperation of Saarbrücken and the Saarpfalz-Kreis,
 * signed on 22 May 2014) recorded through the command side's HTTP API, request for request as
 * {@code scripts/load-reference-case.sh} records it. Savings 2014: 15000.00 together.
 */
public final class ReferenceCaseCommands {

    public static final String AGREEMENT = "it-kooperation-2014";

    private final HttpApi commands;
    private final String admin;
    private String lastConsistencyToken;

    public ReferenceCaseCommands(HttpApi commands, String admin) {
        this.commands = commands;
        this.admin = admin;
    }

    /** Records the whole case; answers the consistency token of the last write. */
    public String load() {
        partner("saarbruecken", "Landeshauptstadt Saarbrücken", "MUNICIPALITY", "\"officialKey\":\"100410100100\"");
        partner(
                "iks",
                "Informations- und Kommunikationsinstitut (IKS)",
                "OPERATING_UNIT",
                "\"parentId\":\"saarbruecken\"");
        partner(
                "tsc-saarbruecken",
                "Telefon-Service-Center Saarbrücken",
                "OPERATING_UNIT",
                "\"parentId\":\"saarbruecken\"");
        partner("saarpfalz-kreis", "Saarpfalz-Kreis", "DISTRICT", "\"officialKey\":\"100450000000\"");

        send(
                "/api/agreements",
                "{\"id\":\"" + AGREEMENT + "\",\"title\":\"Kooperationsvereinbarung zur Zusammenarbeit im IT-Bereich\","
                        + "\"subject\":\"Doppelarbeiten vermeiden, Kosten senken\","
                        + "\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-05-22\"}");
        sign("saarbruecken", "Charlotte Britz", "Oberbürgermeisterin");
        sign("saarpfalz-kreis", "Clemens Lindemann", "Landrat");

        delegation("wohngeld", "Berechnung und Auszahlung des Wohngeldes", "iks", "2013-01-01");
        delegation("behoerdennummer-115", "Behördenrufnummer 115", "tsc-saarbruecken", "2013-03-01");
        delegation("datenspeicher", "Betrieb eines Datenspeichers", "iks", "2014-02-01");
        delegation("datensicherung", "Gemeinsamer Prozess zur Datensicherung", "iks", null);

        entry("wohngeld", "wohngeld-2014-kreis-baseline", "saarpfalz-kreis", "BASELINE", "18000.00");
        entry("wohngeld", "wohngeld-2014-kreis-actual", "saarpfalz-kreis", "ACTUAL", "12500.00");
        entry("wohngeld", "wohngeld-2014-stadt-actual", "saarbruecken", "ACTUAL", "9000.00");
        entry("wohngeld", "wohngeld-2014-stadt-revenue", "saarbruecken", "REVENUE", "12500.00");
        entry("behoerdennummer-115", "d115-2014-kreis-baseline", "saarpfalz-kreis", "BASELINE", "14000.00");
        entry("behoerdennummer-115", "d115-2014-kreis-actual", "saarpfalz-kreis", "ACTUAL", "11000.00");
        entry("behoerdennummer-115", "d115-2014-stadt-actual", "saarbruecken", "ACTUAL", "10000.00");
        entry("behoerdennummer-115", "d115-2014-stadt-revenue", "saarbruecken", "REVENUE", "11000.00");
        entry("datenspeicher", "speicher-2014-kreis-baseline", "saarpfalz-kreis", "BASELINE", "7000.00");
        entry("datenspeicher", "speicher-2014-kreis-actual", "saarpfalz-kreis", "ACTUAL", "6000.00");
        entry("datenspeicher", "speicher-2014-stadt-actual", "saarbruecken", "ACTUAL", "5000.00");
        entry("datenspeicher", "speicher-2014-stadt-revenue", "saarbruecken", "REVENUE", "6000.00");
        return lastConsistencyToken;
    }

    /** A further cost entry of the district in 2014 (a baseline, so the district saves that much more). */
    public String extraBaseline(String entryId, String amount) {
        entry("datenspeicher", entryId, "saarpfalz-kreis", "BASELINE", amount);
        return lastConsistencyToken;
    }

    private void partner(String id, String name, String kind, String extra) {
        send(
                "/api/partners",
                "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"," + extra + "}");
    }

    private void sign(String partnerId, String signatory, String role) {
        send(
                "/api/agreements/" + AGREEMENT + "/signatures",
                "{\"partnerId\":\"" + partnerId + "\",\"signatoryName\":\"" + signatory + "\",\"signatoryRole\":\""
                        + role + "\",\"signedOn\":\"2014-05-22\"}");
    }

    private void delegation(String id, String serviceName, String providerId, String startsOn) {
        send(
                "/api/agreements/" + AGREEMENT + "/delegations",
                "{\"id\":\"" + id + "\",\"serviceCode\":\"" + id + "\",\"serviceName\":\"" + serviceName
                        + "\",\"providerId\":\"" + providerId + "\",\"consumerIds\":[\"saarpfalz-kreis\"]"
                        + (startsOn == null ? "" : ",\"startsOn\":\"" + startsOn + "\"") + "}");
    }

    private void entry(String delegation, String id, String partnerId, String kind, String amount) {
        send(
                "/api/agreements/" + AGREEMENT + "/delegations/" + delegation + "/cost-entries",
                "{\"id\":\"" + id + "\",\"partnerId\":\"" + partnerId + "\",\"fiscalYear\":2014,\"kind\":\"" + kind
                        + "\",\"amount\":\"" + amount + "\"}");
    }

    private void send(String path, String json) {
        Reply reply = commands.as(admin).post(path, json);
        assertThat(reply.status()).as("POST " + path + " -> " + reply).isBetween(200, 299);
        lastConsistencyToken = reply.header("X-Consistency-Token");
    }
}
