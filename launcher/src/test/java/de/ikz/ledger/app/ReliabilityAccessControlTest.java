package de.ikz.ledger.app;

import static de.ikz.ledger.app.ReliabilityFixtures.ADMIN;
import static de.ikz.ledger.app.ReliabilityFixtures.CITY;
import static de.ikz.ledger.app.ReliabilityFixtures.DISTRICT;
import static de.ikz.ledger.app.ReliabilityFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner account sees only its own partner's views: another partner's services and savings are
 * refused with {@code 403 ACTOR_READS_OTHER_PARTNER}, an agreement it is no party to with {@code 403
 * ACTOR_NOT_A_PARTY} (and left out of its list), histories are for auditors.
 */
class ReliabilityAccessControlTest extends ReliabilityServer {

    static final String HOMBURG_AGREEMENT = "access-homburg";
    static final String DISTRICT_AGREEMENT = "access-kreis";

    private static String token;

    @BeforeEach
    void twoAgreementsOneWithoutTheDistrict() {
        if (token != null) {
            return;
        }
        ReliabilityFixtures.agreementInForce(api, DISTRICT_AGREEMENT, "saarbruecken", "saarpfalz-kreis");
        ReliabilityFixtures.runningDelegation(api, DISTRICT_AGREEMENT, "wohngeld", "iks", "saarpfalz-kreis");
        ReliabilityFixtures.agreementInForce(api, HOMBURG_AGREEMENT, "saarbruecken", "homburg");
        token = ReliabilityFixtures.created(api.as(ADMIN)
                        .post(
                                "/api/agreements/" + HOMBURG_AGREEMENT + "/delegations",
                                "{\"id\":\"d115\",\"serviceCode\":\"d115\",\"serviceName\":\"115\",\"providerId\":\"iks\","
                                        + "\"consumerIds\":[\"homburg\"],\"startsOn\":\"2014-01-01\"}"))
                .header("X-Consistency-Token");
    }

    private Reply get(String account, String path) {
        Reply reply = api.as(account).header("X-Consistency-Token", token).get(path);
        System.out.printf("GET %-55s as %-16s -> %d %s%n", path, account.split(":")[0], reply.status(), codeOf(reply));
        return reply;
    }

    private static String codeOf(Reply reply) {
        String code = reply.code();
        return code == null ? "" : code;
    }

    @Test
    void aPartnerReadsItsOwnServicesAndSavingsButNotThoseOfAnotherPartner() {
        assertThat(get(DISTRICT, "/api/partners/saarpfalz-kreis/services").status())
                .isEqualTo(200);
        assertThat(get(DISTRICT, "/api/partners/saarpfalz-kreis/savings?fiscalYear=2014")
                        .status())
                .isEqualTo(200);

        List<String> refused = new ArrayList<>();
        for (String path : List.of(
                "/api/partners/saarbruecken/services",
                "/api/partners/saarbruecken/savings",
                "/api/partners/homburg/services?asOf=2030-01-01T00:00:00Z",
                "/api/partners/homburg/savings?fiscalYear=2014",
                "/api/partners/iks/services",
                "/api/partners/no-such-partner/savings")) {
            Reply reply = get(DISTRICT, path);
            assertThat(reply.status()).as(path).isEqualTo(403);
            assertThat(reply.code()).as(path).isEqualTo("ACTOR_READS_OTHER_PARTNER");
            refused.add(path);
        }
        assertThat(get(CITY, "/api/partners/saarpfalz-kreis/services").code()).isEqualTo("ACTOR_READS_OTHER_PARTNER");
        System.out.println("refused " + (refused.size() + 1) + " reads of other partners' views with 403");

        assertThat(get(MANAGER, "/api/partners/saarbruecken/services").status()).isEqualTo(200);
        assertThat(get(ADMIN, "/api/partners/homburg/savings").status()).isEqualTo(200);
    }

    @Test
    void aPartnerSeesOnlyTheAgreementsItIsAPartyTo() {
        Reply own = get(DISTRICT, "/api/agreements/" + DISTRICT_AGREEMENT);
        assertThat(own.status()).isEqualTo(200);

        Reply foreign = get(DISTRICT, "/api/agreements/" + HOMBURG_AGREEMENT);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("ACTOR_NOT_A_PARTY");
        assertThat(get(DISTRICT, "/api/agreements/" + HOMBURG_AGREEMENT + "?on=2014-06-01")
                        .code())
                .isEqualTo("ACTOR_NOT_A_PARTY");
        assertThat(get(DISTRICT, "/api/agreements/no-such-agreement").code()).isEqualTo("AGREEMENT_NOT_FOUND");

        List<String> listed = ids(get(DISTRICT, "/api/agreements").json());
        System.out.println("the district's list: " + listed);
        assertThat(listed).contains(DISTRICT_AGREEMENT).doesNotContain(HOMBURG_AGREEMENT);
        List<String> cityListed = ids(get(CITY, "/api/agreements").json());
        System.out.println("the city's list: " + cityListed);
        assertThat(cityListed).contains(DISTRICT_AGREEMENT, HOMBURG_AGREEMENT);
        assertThat(ids(get(MANAGER, "/api/agreements").json())).contains(DISTRICT_AGREEMENT, HOMBURG_AGREEMENT);

        for (String account : List.of(DISTRICT, CITY)) {
            Reply history = get(account, "/api/agreements/" + DISTRICT_AGREEMENT + "/history");
            assertThat(history.status()).isEqualTo(403);
            assertThat(history.code()).isEqualTo("FORBIDDEN");
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
