package de.ikz.ledger.app.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dashboard as a person uses it: sign in, follow links, press buttons, read what it shows. */
public final class DashboardPage {

    private final Browser browser;
    private final String base;

    public DashboardPage(Browser browser, int port) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port;
    }

    private WebDriver driver() {
        return browser.driver();
    }

    /** Opens the dashboard at {@code /} and waits for the sign-in form. */
    public DashboardPage open() {
        driver().get(base + "/");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        return this;
    }

    public DashboardPage signInAs(String username, String password) {
        typeCredentials(username, password);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        return waitForView();
    }

    /** Signs in with a wrong password and answers the error the form shows. */
    public String failingSignIn(String username, String password) {
        typeCredentials(username, password);
        return browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")))
                .getText();
    }

    private void typeCredentials(String username, String password) {
        WebElement name = driver().findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = driver().findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver().findElement(By.id("login-submit")).click();
    }

    public DashboardPage signOut() {
        driver().findElement(By.id("logout")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        return this;
    }

    /** Follows a link of the main navigation: savings, partners, agreements or audit. */
    public DashboardPage navigateTo(String section) {
        driver().findElement(By.cssSelector("#nav a[data-route='" + section + "']"))
                .click();
        return waitForView();
    }

    public DashboardPage follow(String linkText) {
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.linkText(linkText)))
                .click();
        return waitForView();
    }

    /** Waits until the view is drawn: a heading in main and no request under way. */
    public DashboardPage waitForView() {
        browser.waiting().until(d -> {
            WebElement main = d.findElement(By.id("main"));
            return main.getAttribute("aria-busy") == null
                    && !main.findElements(By.cssSelector(".view h1")).isEmpty();
        });
        return this;
    }

    public String heading() {
        return driver().findElement(By.cssSelector("#main h1")).getText();
    }

    public String text(String cssSelector) {
        return driver().findElement(By.cssSelector(cssSelector)).getText();
    }

    public List<WebElement> all(String cssSelector) {
        return driver().findElements(By.cssSelector(cssSelector));
    }

    /** Waits until the element shows exactly this text; answers it. */
    public String waitForText(String cssSelector, String expected, Duration timeout) {
        try {
            browser.waiting(timeout).until(ExpectedConditions.textToBe(By.cssSelector(cssSelector), expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the caller's assertion reports what was shown instead
        }
        List<WebElement> found = all(cssSelector);
        return found.isEmpty() ? null : found.get(0).getText();
    }

    public String savingsTotal() {
        return text("#savings-total");
    }

    /** Switches between German and English with the button in the banner. */
    public DashboardPage switchLanguage() {
        String before = (String) browser.script("return document.documentElement.lang;");
        driver().findElement(By.id("language")).click();
        browser.waiting().until(d -> !before.equals(browser.script("return document.documentElement.lang;")));
        return waitForView();
    }

    public String language() {
        return (String) browser.script("return document.documentElement.lang;");
    }

    /** Presses the "state before" button of the first history row of this event type. */
    public DashboardPage showStateBefore(String eventType) {
        WebElement button = driver().findElement(By.cssSelector("tr[data-type='" + eventType + "'] button.before"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("time-banner")));
        return waitForView();
    }

    /** Presses "current state": every view as recorded now. */
    public DashboardPage showCurrentState() {
        driver().findElement(By.id("time-now")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("time-banner")));
        return waitForView();
    }

    /** Presses keys on the keyboard, wherever the focus is. */
    public DashboardPage press(CharSequence... keys) {
        new Actions(driver()).sendKeys(keys).perform();
        return this;
    }

    public WebElement focused() {
        return driver().switchTo().activeElement();
    }

    public String attribute(String cssSelector, String name) {
        return driver().findElement(By.cssSelector(cssSelector)).getAttribute(name);
    }
}
