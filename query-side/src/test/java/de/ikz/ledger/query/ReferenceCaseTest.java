package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.LedgerApi.Answer;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.ReferenceCase;
import de.ikz.ledger.query.support.SavingsChecks;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The reference case of the press release, read back through every query endpoint. */
@TestPropertySource(properties = "ikz.test.context=reference-case")
class ReferenceCaseTest extends QuerySideIntegrationTest {

    private static final ReferenceCase ref = ReferenceCase.plain();
    private static long position = -1;

    @BeforeEach
    void recordReferenceCaseOnce() {
        if (position < 0) {
            position = new EventLog(eventStore).append(ref.all());
        }
    }

    private Answer get(String path) {
        Answer answer = api.getConsistent(path, position);
        assertThat(answer.header("X-Consistency-Reached")).contains("true");
        return answer;
    }

    @Test
    void theDistrictReceivesThreeRunningServicesAndOnePlanned() {
        JsonNode services = get("/api/partners/saarpfalz-kreis/services").body();

        assertThat(services.get("partnerId").asText()).isEqualTo("saarpfalz-kreis");
        assertThat(services.get("provided")).isEmpty();
        assertThat(texts(services.get("received"), "serviceCode"))
                .containsExactly("wohngeld", "behoerdennummer-115", "datenspeicher", "datensicherung");
        assertThat(texts(services.get("received"), "status")).containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "PLANNED");
        JsonNode wohngeld = services.get("received").get(0);
        assertThat(wohngeld.get("agreementId").asText()).isEqualTo(ref.agreement);
        assertThat(wohngeld.get("delegationId").asText()).isEqualTo("wohngeld");
        assertThat(wohngeld.get("serviceName").asText()).isEqualTo("Wohngeld-Berechnung und -Auszahlung");
        assertThat(wohngeld.get("providerId").asText()).isEqualTo("iks");
        assertThat(wohngeld.get("consumerIds").get(0).asText()).isEqualTo("saarpfalz-kreis");
        assertThat(wohngeld.get("startsOn").asText()).isEqualTo("2013-01-01");
        assertThat(wohngeld.get("endsOn").isNull()).isTrue();
        assertThat(wohngeld.has("leikaKey")).isTrue();
        assertThat(services.get("received").get(3).get("startsOn").isNull()).isTrue();
    }

    @Test
    void theCityProvidesWhatItsOperatingUnitsProvide() {
        JsonNode services = get("/api/partners/saarbruecken/services").body();

        assertThat(texts(services.get("provided"), "serviceCode"))
                .containsExactly("wohngeld", "behoerdennummer-115", "datenspeicher", "datensicherung");
        assertThat(texts(services.get("provided"), "providerId"))
                .containsExactly("iks", "tsc-saarbruecken", "iks", "iks");
        assertThat(services.get("received")).isEmpty();
    }

    @Test
    void anOperatingUnitProvidesOnlyWhatItRunsItself() {
        JsonNode iks = get("/api/partners/iks/services").body();
        JsonNode tsc = get("/api/partners/tsc-saarbruecken/services").body();

        assertThat(texts(iks.get("provided"), "serviceCode"))
                .containsExactly("wohngeld", "datenspeicher", "datensicherung");
        assertThat(texts(tsc.get("provided"), "serviceCode")).containsExactly("behoerdennummer-115");
    }

    @Test
    void the2014SavingsOfAllPartnersAddUpTo15000() {
        JsonNode totals = get("/api/savings?fiscalYear=2014").body();

        assertThat(totals.get("currency").asText()).isEqualTo("EUR");
        assertThat(totals.get("fiscalYear").asInt()).isEqualTo(2014);
        assertThat(totals.get("total").get("savings").asText()).isEqualTo("15000.00");
        assertThat(texts(totals.get("partners"), "partnerId")).containsExactly("saarbruecken", "saarpfalz-kreis");
        assertThat(texts(totals.get("partners"), "name"))
                .containsExactly("Landeshauptstadt Saarbrücken", "Saarpfalz-Kreis");
        assertThat(texts(totals.get("partners"), "savings")).containsExactly("5500.00", "9500.00");
        assertThat(totals.get("total").get("baseline").asText()).isEqualTo("39000.00");
        assertThat(totals.get("total").get("actual").asText()).isEqualTo("53500.00");
        assertThat(totals.get("total").get("revenue").asText()).isEqualTo("29500.00");
        SavingsChecks.assertTotalsAddUp(totals);
    }

    @Test
    void savingsWithoutAFiscalYearCoverEveryYear() {
        JsonNode totals = get("/api/savings").body();

        assertThat(totals.get("fiscalYear").isNull()).isTrue();
        assertThat(totals.get("total").get("savings").asText()).isEqualTo("15000.00");
        SavingsChecks.assertTotalsAddUp(totals);
    }

    @Test
    void aYearWithoutEntriesSavesNothing() {
        JsonNode totals = get("/api/savings?fiscalYear=2013").body();
        JsonNode kreis =
                get("/api/partners/saarpfalz-kreis/savings?fiscalYear=2013").body();

        assertThat(totals.get("partners")).isEmpty();
        assertThat(totals.get("total").get("savings").asText()).isEqualTo("0.00");
        assertThat(kreis.get("years")).isEmpty();
        assertThat(kreis.get("total").get("savings").asText()).isEqualTo("0.00");
    }

    @Test
    void theDistrictSaves9500In2014AsConsumerOfThreeServices() {
        JsonNode savings =
                get("/api/partners/saarpfalz-kreis/savings?fiscalYear=2014").body();

        assertThat(savings.get("partnerId").asText()).isEqualTo("saarpfalz-kreis");
        assertThat(savings.get("currency").asText()).isEqualTo("EUR");
        assertThat(savings.get("years")).hasSize(1);
        JsonNode year = savings.get("years").get(0);
        assertThat(year.get("fiscalYear").asInt()).isEqualTo(2014);
        assertThat(year.get("baseline").asText()).isEqualTo("39000.00");
        assertThat(year.get("actual").asText()).isEqualTo("29500.00");
        assertThat(year.get("revenue").asText()).isEqualTo("0.00");
        assertThat(year.get("savings").asText()).isEqualTo("9500.00");
        assertThat(texts(year.get("services"), "serviceCode"))
                .containsExactly("wohngeld", "behoerdennummer-115", "datenspeicher");
        assertThat(texts(year.get("services"), "role")).containsOnly("CONSUMER");
        assertThat(texts(year.get("services"), "savings")).containsExactly("5500.00", "3000.00", "1000.00");
        assertThat(year.get("services").get(0).get("agreementId").asText()).isEqualTo(ref.agreement);
        assertThat(year.get("services").get(0).get("delegationId").asText()).isEqualTo("wohngeld");
        assertThat(savings.get("total").get("savings").asText()).isEqualTo("9500.00");
        SavingsChecks.assertPartnerSavingsAddUp(savings);
    }

    @Test
    void theCitySaves5500In2014AsProviderThroughItsOperatingUnits() {
        JsonNode savings = get("/api/partners/saarbruecken/savings").body();

        JsonNode year = savings.get("years").get(0);
        assertThat(texts(year.get("services"), "role")).containsOnly("PROVIDER");
        assertThat(texts(year.get("services"), "savings")).containsExactly("3500.00", "1000.00", "1000.00");
        assertThat(year.get("revenue").asText()).isEqualTo("29500.00");
        assertThat(savings.get("total").get("savings").asText()).isEqualTo("5500.00");
        SavingsChecks.assertPartnerSavingsAddUp(savings);
    }

    @Test
    void partnersAreAnsweredAsRegistered() {
        JsonNode list = get("/api/partners").body();
        JsonNode city = get("/api/partners/saarbruecken").body();
        JsonNode iks = get("/api/partners/iks").body();

        assertThat(texts(list.get("items"), "id"))
                .containsExactly("iks", "saarbruecken", "saarpfalz-kreis", "tsc-saarbruecken");
        assertThat(fieldNames(city)).containsExactly("id", "name", "kind", "officialKey", "parentId", "registeredAt");
        assertThat(city.get("name").asText()).isEqualTo("Landeshauptstadt Saarbrücken");
        assertThat(city.get("kind").asText()).isEqualTo("MUNICIPALITY");
        assertThat(city.get("officialKey").asText()).isEqualTo("100410100100");
        assertThat(city.get("parentId").isNull()).isTrue();
        assertThat(city.get("registeredAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(iks.get("kind").asText()).isEqualTo("OPERATING_UNIT");
        assertThat(iks.get("parentId").asText()).isEqualTo("saarbruecken");
    }

    @Test
    void theAgreementShowsItsPartiesSignaturesAndDelegations() {
        JsonNode list = get("/api/agreements").body();
        JsonNode agreement = get("/api/agreements/" + ref.agreement).body();

        assertThat(texts(list.get("items"), "id")).containsExactly(ref.agreement);
        assertThat(agreement.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(agreement.get("validFrom").asText()).isEqualTo("2014-05-22");
        assertThat(agreement.get("concludedOn").asText()).isEqualTo("2014-05-22");
        assertThat(texts(agreement.get("parties"), "partnerId")).containsExactly("saarbruecken", "saarpfalz-kreis");
        assertThat(texts(agreement.get("parties"), "signatoryName"))
                .containsExactly("Charlotte Britz", "Clemens Lindemann");
        assertThat(agreement.get("parties").get(0).get("signed").asBoolean()).isTrue();
        assertThat(texts(agreement.get("delegations"), "status"))
                .containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "PLANNED");
        assertThat(agreement.get("delegations").get(0).get("providerPartyId").asText())
                .isEqualTo("saarbruecken");
        assertThat(agreement.get("costEntries")).hasSize(12);
        assertThat(agreement.get("costEntries").get(0).get("amount").asText()).isEqualTo("18000.00");
        assertThat(agreement.get("costEntries").get(0).get("reversed").asBoolean())
                .isFalse();
    }

    @Test
    void theServiceMatrixShowsWhoProvidesWhatToWhom() {
        JsonNode matrix = get("/api/service-matrix").body();

        assertThat(matrix.get("rows")).hasSize(2);
        JsonNode iks = matrix.get("rows").get(0);
        assertThat(iks.get("providerId").asText()).isEqualTo("iks");
        assertThat(iks.get("consumerId").asText()).isEqualTo("saarpfalz-kreis");
        assertThat(texts(iks.get("services"), "serviceCode"))
                .containsExactly("wohngeld", "datenspeicher", "datensicherung");
        assertThat(texts(iks.get("services"), "status")).containsExactly("ACTIVE", "ACTIVE", "PLANNED");
        JsonNode tsc = matrix.get("rows").get(1);
        assertThat(tsc.get("providerId").asText()).isEqualTo("tsc-saarbruecken");
        assertThat(texts(tsc.get("services"), "serviceName")).containsExactly("Behördennummer 115");
    }

    @Test
    void unknownPartnersAndAgreementsAreNotFound() {
        for (String path :
                List.of("/api/partners/nobody", "/api/partners/nobody/services", "/api/partners/nobody/savings")) {
            Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("code").asText()).isEqualTo("PARTNER_NOT_FOUND");
        }
        Answer agreement = api.get("/api/agreements/no-such-agreement");
        assertThat(agreement.status()).isEqualTo(404);
        assertThat(agreement.body().get("code").asText()).isEqualTo("AGREEMENT_NOT_FOUND");
    }

    @Test
    void aFiscalYearThatIsNoYearIsABadRequest() {
        for (String path : List.of(
                "/api/savings?fiscalYear=abc",
                "/api/savings?fiscalYear=99999",
                "/api/savings?fiscalYear=2014.5",
                "/api/partners/saarbruecken/savings?fiscalYear=-1",
                "/api/partners/saarbruecken/savings?fiscalYear=99999999999999999999")) {
            Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("code").asText()).as(path).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void aConsistencyTokenAheadOfTheViewsIsAnsweredAfterTheWaitWithoutTheGuarantee() {
        long start = System.nanoTime();
        Answer answer = api.getConsistent("/api/partners/saarbruecken", position + 1000);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Consistency-Reached")).contains("false");
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void aTokenThatIsNotOursCannotBeWaitedFor() {
        Answer answer = api.getWithHeader("/api/partners/saarbruecken", "X-Consistency-Token", "not-a-position");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Consistency-Reached")).contains("false");
    }

    @Test
    void aReadWithoutATokenDoesNotWaitOrTell() {
        Answer answer = api.get("/api/partners/saarbruecken");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Consistency-Reached")).isEmpty();
    }

    @Test
    void readsNeedAnAuthenticatedAccount() {
        Answer answer = api.getAnonymously("/api/savings");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void viewsAreStoredAsDocumentsKeyedByIdWithTheirLastSequenceAndAmountsAsStrings() {
        get("/api/partners/saarbruecken");
        Document partner = viewDatabase
                .getCollection("partners")
                .find(Filters.eq("_id", "saarbruecken"))
                .first();
        Document agreement = viewDatabase
                .getCollection("agreements")
                .find(Filters.eq("_id", ref.agreement))
                .first();
        Document ledger = viewDatabase
                .getCollection("partner_ledgers")
                .find(Filters.eq("_id", "saarpfalz-kreis"))
                .first();

        assertThat(partner.getString("name")).isEqualTo("Landeshauptstadt Saarbrücken");
        assertThat(partner.get("lastSequence", Number.class).longValue()).isZero();
        assertThat(agreement.get("lastSequence", Number.class).longValue())
                .isEqualTo(ref.agreement().size() - 1);
        Document firstEntry = agreement.getList("costEntries", Document.class).get(0);
        assertThat(firstEntry.get("amount")).isEqualTo("18000.00");
        Document contribution = ledger.get("agreements", Document.class).get(ref.agreement, Document.class);
        assertThat(contribution.getList("received", Document.class)).hasSize(4);
        assertThat(contribution.getList("costs", Document.class).get(0).get("baseline"))
                .isEqualTo("18000.00");
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
