package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.app.browser.Browser;
import de.ikz.ledger.app.browser.ChromiumInstalled;
import de.ikz.ledger.app.browser.DashboardPage;
import de.ikz.ledger.app.browser.ReferenceCase;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real headless Chromium against the whole service with the reference case
 * loaded: management reads the savings, a partner page and an agreement, an auditor reads the
 * history, sees a reversal arrive and looks at the figures as they were recorded before it.
 * Screenshots of every page are kept under {@code target/screenshots/}.
 */
@ExtendWith(ChromiumInstalled.class)
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final String AGREEMENT_TITLE = "Kooperationsvereinbarung zur Zusammenarbeit im IT-Bereich";
    static final String DISTRICT = "saarpfalz-kreis:saarpfalz-kreis-local";
    static final Duration POLLED = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    static Browser browser;
    static boolean loaded;

    @LocalServerPort
    int port;

    DashboardPage dashboard;
    HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ikz.data-dir", dataDir::toString);
        registry.add("server.address", () -> "127.0.0.1");
    }

    @BeforeAll
    static void startTheBrowser() {
        if (Browser.installed()) {
            browser = Browser.start(Path.of("target", "screenshots").toAbsolutePath());
        }
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loadTheReferenceCase() throws Exception {
        api = new HttpApi(port);
        if (!loaded) {
            ReferenceCase.load(port);
            loaded = true;
        }
        dashboard = new DashboardPage(browser, port);
    }

    @Test
    @Order(1)
    void aManagerSignsInAndReadsTheSavingsOf2014InGermanAndInEnglish() {
        dashboard.open();
        assertThat(dashboard.language()).isEqualTo("de");
        assertThat(dashboard.heading()).isEqualTo("Anmelden");
        dashboard.press(Keys.TAB);
        assertThat(dashboard.focused().getAttribute("id"))
                .as("the first tab stop")
                .isEqualTo("skip-link");
        assertThat(dashboard.focused().getText()).isEqualTo("Zum Inhalt springen");
        browser.screenshot("01-sign-in");

        assertThat(dashboard.failingSignIn("manager", "wrong")).isEqualTo("Benutzername oder Passwort ist falsch.");

        dashboard.signInAs("manager", "manager-local");
        assertThat(dashboard.heading()).isEqualTo("Einsparungen");
        assertThat(dashboard.savingsTotal()).isEqualTo("15.000,00 €");
        assertThat(dashboard.text("#savings-total-label")).isEqualTo("Einsparungen 2014 insgesamt");
        assertThat(dashboard.text("#user")).isEqualTo("Angemeldet als manager");
        // the figures per partner, in a table with headers next to the chart
        assertThat(dashboard.text("tr[data-partner='saarpfalz-kreis'] td:last-child"))
                .isEqualTo("9.500,00 €");
        assertThat(dashboard.text("tr[data-partner='saarbruecken'] td:last-child"))
                .isEqualTo("5.500,00 €");
        assertThat(dashboard.all("table.data th[scope='col']")).isNotEmpty();
        // each chart is an image with a title and a description
        List<WebElement> charts = dashboard.all("svg.chart[role='img']");
        assertThat(charts).hasSize(2);
        charts.forEach(
                chart -> assertThat(chart.getAttribute("aria-labelledby")).isNotBlank());
        // landmarks and the live region
        assertThat(dashboard.all("header.banner, nav#nav, main#main, footer")).hasSize(4);
        assertThat(dashboard.attribute("#announcer", "aria-live")).isEqualTo("polite");
        // a manager may not read the event stream: the dashboard polls instead
        browser.waiting().until(d -> "polling-forbidden".equals(dashboard.attribute("#live-status", "data-mode")));
        assertThat(dashboard.text("#live-status")).contains("alle 10 Sekunden");
        browser.screenshot("02-savings-de");

        dashboard.switchLanguage();
        assertThat(dashboard.language()).isEqualTo("en");
        assertThat(dashboard.heading()).isEqualTo("Savings");
        assertThat(dashboard.savingsTotal()).isEqualTo("€15,000.00");
        assertThat(dashboard.text("#savings-total-label")).isEqualTo("Total savings 2014");
        browser.screenshot("03-savings-en");

        dashboard.switchLanguage();
        assertThat(dashboard.savingsTotal()).isEqualTo("15.000,00 €");
    }

    @Test
    @Order(2)
    void thePartnerPageShowsThatTheDistrictReceivesThreeRunningServicesAndOnePlanned() {
        dashboard.open().signInAs("manager", "manager-local");
        dashboard.navigateTo("partners");
        dashboard.follow("Saarpfalz-Kreis");

        assertThat(dashboard.heading()).isEqualTo("Saarpfalz-Kreis");
        List<String> statuses = dashboard.all("table.services-received tbody tr").stream()
                .map(row -> row.getAttribute("data-status"))
                .toList();
        assertThat(statuses).containsExactlyInAnyOrder("ACTIVE", "ACTIVE", "ACTIVE", "PLANNED");
        List<String> shown = dashboard.all("table.services-received tbody tr .badge").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(shown).containsExactlyInAnyOrder("laufend", "laufend", "laufend", "geplant");
        assertThat(dashboard.text("#services-summary"))
                .isEqualTo("Saarpfalz-Kreis erbringt 0 und bezieht 4 Leistungen: 3 laufend, 1 geplant.");
        assertThat(dashboard.all("#provided-none")).hasSize(1);
        // the provider-to-consumer diagram: four services between the two providers and the district
        assertThat(dashboard.all("svg.chart .node.service")).hasSize(4);
        assertThat(dashboard.all("svg.chart .node.partner")).hasSize(3);
        assertThat(dashboard.text("section[data-year='2014'] h3")).isEqualTo("Haushaltsjahr 2014: 9.500,00 €");
        browser.screenshot("04-partner-saarpfalz-kreis");
    }

    @Test
    @Order(3)
    void theAgreementPageShowsPartiesSignaturesAndTheServicesOnATimeline() {
        dashboard.open().signInAs("manager", "manager-local");
        dashboard.navigateTo("agreements");
        dashboard.follow(AGREEMENT_TITLE);

        assertThat(dashboard.heading()).isEqualTo(AGREEMENT_TITLE);
        assertThat(dashboard.text("tr[data-party='saarbruecken']"))
                .contains("ja", "Charlotte Britz", "Oberbürgermeisterin", "22.05.2014");
        assertThat(dashboard.text("tr[data-party='saarpfalz-kreis']"))
                .contains("ja", "Clemens Lindemann", "Landrat", "22.05.2014");
        assertThat(dashboard.all("table.delegations tbody tr")).hasSize(4);
        assertThat(dashboard.all("svg.chart rect.lane")).hasSize(4);
        assertThat(dashboard.all("table.entries tbody tr")).hasSize(12);
        browser.screenshot("05-agreement");
    }

    @Test
    @Order(4)
    void anAuditorSeesTheHistoryAReversalArriveAndTheFiguresAsRecordedBeforeIt() {
        dashboard.open().signInAs("auditor", "auditor-local");
        dashboard.navigateTo("audit");
        dashboard.follow(AGREEMENT_TITLE);

        assertThat(dashboard.heading()).isEqualTo("Historie: " + AGREEMENT_TITLE);
        List<WebElement> rows = dashboard.all("table.history tbody tr");
        assertThat(rows).hasSize(23);
        assertThat(rows.stream().map(row -> row.getAttribute("data-type")))
                .contains("AgreementDrafted", "AgreementSigned", "AgreementConcluded", "ServiceDelegated")
                .filteredOn("CostEntryRecorded"::equals)
                .hasSize(12);
        assertThat(dashboard.text("table.history tbody tr[data-type='AgreementDrafted'] td:nth-child(4)"))
                .contains("admin");
        assertThat(dashboard.text("table.history tbody tr[data-type='AgreementSigned'] td:nth-child(4)"))
                .contains("saarbruecken");
        assertThat(dashboard.text("table.history tbody tr[data-type='AgreementDrafted'] td:nth-child(2)"))
                .matches("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2},\\d{3}");
        browser.screenshot("06-audit-history");

        Reply reversal = api.as(DISTRICT)
                .post(
                        "/api/agreements/it-kooperation-2014/cost-entries/speicher-2014-kreis-baseline/reversal",
                        "{\"reason\":\"Doppelt erfasst\"}");
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(204);

        // the open page refreshes itself: no click
        browser.waiting(POLLED)
                .until(d -> !dashboard
                        .all("table.history tbody tr[data-type='CostEntryReversed']")
                        .isEmpty());
        assertThat(dashboard.text("table.history tbody tr[data-type='CostEntryReversed']"))
                .contains("Buchung storniert", "saarpfalz-kreis", "Doppelt erfasst");
        browser.screenshot("07-audit-after-reversal");

        dashboard.navigateTo("savings");
        assertThat(dashboard.waitForText("#savings-total", "8.000,00 €", Browser.WAIT))
                .isEqualTo("8.000,00 €");
        browser.screenshot("08-savings-after-reversal");

        dashboard.navigateTo("audit").follow(AGREEMENT_TITLE).showStateBefore("CostEntryReversed");
        assertThat(dashboard.attribute("#as-of", "value")).isNotBlank();
        assertThat(dashboard.text("#time-banner")).startsWith("Historische Ansicht: Stand ");
        dashboard.navigateTo("savings");
        browser.screenshot("09-savings-as-of-before-reversal");
        assertThat(dashboard.savingsTotal())
                .as("the 2014 total as recorded before the reversal (asOf)")
                .isEqualTo("15.000,00 €");

        dashboard.showCurrentState();
        assertThat(dashboard.savingsTotal()).isEqualTo("8.000,00 €");
    }

    @Test
    @Order(5)
    void anAccountThatMayReadTheEventStreamSeesANewFactWithoutPolling() {
        dashboard.open().signInAs("admin", "admin-local");
        browser.waiting().until(d -> "stream".equals(dashboard.attribute("#live-status", "data-mode")));
        assertThat(dashboard.text("#live-status")).isEqualTo("Aktualisierung: live über den Ereignisstrom");
        assertThat(dashboard.savingsTotal()).isEqualTo("8.000,00 €");

        Reply reversal = api.as(DISTRICT)
                .post(
                        "/api/agreements/it-kooperation-2014/cost-entries/speicher-2014-kreis-actual/reversal",
                        "{\"reason\":\"Zu Unrecht gebucht\"}");
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(204);

        // well within the polling interval of 10 s: the stream brought it
        assertThat(dashboard.waitForText("#savings-total", "14.000,00 €", Duration.ofSeconds(8)))
                .isEqualTo("14.000,00 €");
        // the page announces the fact a moment after it has redrawn the view
        browser.waiting().until(d -> dashboard.text("#announcer").contains("Buchung storniert"));
        assertThat(dashboard.text("#announcer")).contains("Buchung storniert");
        browser.screenshot("10-savings-live");
    }
}
