package de.ikz.ledger.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.http.HttpApi.Reply;

/**
 * Agreements in every state the rules talk about, recorded through the HTTP API: {@code ref} in
 * force (a running and a planned delegation, one reversed entry), {@code old} terminated, {@code
 * draft} unsigned, {@code to-end} in force with an active, a suspended and a planned delegation.
 */
final class Background {

    private Background() {}

    static void load(HttpApi api, String admin, String city, String district) {
        post(
                api,
                admin,
                "/api/partners",
                "{\"id\":\"saarbruecken\",\"name\":\"Landeshauptstadt Saarbrücken\",\"kind\":\"MUNICIPALITY\",\"officialKey\":\"100410100100\"}");
        post(
                api,
                admin,
                "/api/partners",
                "{\"id\":\"iks\",\"name\":\"IKS\",\"kind\":\"OPERATING_UNIT\",\"parentId\":\"saarbruecken\"}");
        post(
                api,
                admin,
                "/api/partners",
                "{\"id\":\"tsc-saarbruecken\",\"name\":\"Telefon-Service-Center\",\"kind\":\"OPERATING_UNIT\",\"parentId\":\"saarbruecken\"}");
        post(
                api,
                admin,
                "/api/partners",
                "{\"id\":\"saarpfalz-kreis\",\"name\":\"Saarpfalz-Kreis\",\"kind\":\"DISTRICT\",\"officialKey\":\"100450000000\"}");
        post(
                api,
                admin,
                "/api/partners",
                "{\"id\":\"homburg\",\"name\":\"Kreisstadt Homburg\",\"kind\":\"MUNICIPALITY\"}");

        agreementInForce(api, admin, "ref", "2014-05-22");
        delegation(api, admin, "ref", "wohngeld", "iks", "saarpfalz-kreis", "2013-01-01");
        delegation(api, admin, "ref", "datensicherung", "iks", "saarpfalz-kreis", null);
        post(
                api,
                district,
                "/api/agreements/ref/delegations/wohngeld/cost-entries",
                "{\"id\":\"reversed-entry\",\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":\"5.00\"}");
        post(
                api,
                district,
                "/api/agreements/ref/cost-entries/reversed-entry/reversal",
                "{\"reason\":\"Falsch gebucht\"}");

        agreementInForce(api, admin, "old", "2014-01-01");
        delegation(api, admin, "old", "old-running", "iks", "saarpfalz-kreis", "2014-01-01");
        delegation(api, admin, "old", "old-planned", "iks", "saarpfalz-kreis", null);
        post(api, admin, "/api/agreements/old/termination", "{\"effectiveOn\":\"2014-12-31\",\"reason\":\"Ende\"}");

        post(
                api,
                admin,
                "/api/agreements",
                "{\"id\":\"draft\",\"title\":\"Entwurf\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2014-01-01\"}");
        delegation(api, admin, "draft", "draft-running", "iks", "homburg", "2014-01-01");

        agreementInForce(api, admin, "to-end", "2015-01-01");
        delegation(api, admin, "to-end", "te-active", "iks", "saarpfalz-kreis", "2015-01-01");
        delegation(api, admin, "to-end", "te-suspended", "tsc-saarbruecken", "saarpfalz-kreis", "2015-06-01");
        post(
                api,
                admin,
                "/api/agreements/to-end/delegations/te-suspended/suspension",
                "{\"on\":\"2016-01-01\",\"reason\":\"Umbau\"}");
        delegation(api, admin, "to-end", "te-planned", "iks", "saarpfalz-kreis", null);
    }

    private static void agreementInForce(HttpApi api, String admin, String id, String validFrom) {
        post(
                api,
                admin,
                "/api/agreements",
                "{\"id\":\"" + id + "\",\"title\":\"Kooperation " + id
                        + "\",\"subject\":\"IT\",\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\""
                        + validFrom + "\"}");
        for (String party : new String[] {"saarbruecken", "saarpfalz-kreis"}) {
            post(
                    api,
                    admin,
                    "/api/agreements/" + id + "/signatures",
                    "{\"partnerId\":\"" + party + "\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\""
                            + validFrom + "\"}");
        }
    }

    private static void delegation(
            HttpApi api, String admin, String agreement, String id, String provider, String consumer, String startsOn) {
        post(
                api,
                admin,
                "/api/agreements/" + agreement + "/delegations",
                "{\"id\":\"" + id + "\",\"serviceCode\":\"" + id + "\",\"serviceName\":\"Dienst " + id
                        + "\",\"providerId\":\"" + provider + "\",\"consumerIds\":[\"" + consumer + "\"]"
                        + (startsOn == null ? "" : ",\"startsOn\":\"" + startsOn + "\"") + "}");
    }

    private static void post(HttpApi api, String account, String path, String body) {
        Reply reply = api.as(account).post(path, body);
        assertThat(reply.status()).as(path + " -> " + reply).isBetween(200, 299);
    }
}
