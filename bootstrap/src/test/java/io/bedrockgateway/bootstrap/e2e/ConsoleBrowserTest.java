package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.bootstrap.Gateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in headless Chromium against a whole gateway on the emulator: sign in, make
 * a key, use it, read the overview, the key's page and the usage explorer (numbers compared with
 * {@code /usage}, CSV too), rotate, revoke, sign out. Screenshots go to {@code
 * target/console-screenshots}. Skipped without Chromium.
 */
class ConsoleBrowserTest {
  private static final String TOKEN = MongoGateways.ADMIN_TOKEN;
  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TOKEN);
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final int REQUESTS = 3;

  @TempDir Path downloads;
  @TempDir Path spool;
  private ConsoleBrowser browser;
  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    for (AutoCloseable closeable : running.reversed()) {
      closeable.close();
    }
  }

  @Test
  void withTheInMemoryStores() {
    browser = ConsoleBrowser.startOrSkip(downloads, SCREENSHOTS);
    Gateway gateway = TestGateways.start(Map.of("ADMIN_TOKEN", TOKEN));
    running.add(gateway);

    Console console = new Console(gateway, "memory");
    console.signInRefusesAWrongTokenThenAcceptsTheRightOne();
    console.keyboardReachesTheNavigationAndOpensASection();
    String id = console.createAKeyAndSeeItsPlainKeyOnce();
    console.useTheKey();
    console.keysPageShowsExactlyItsUsageLimitsAndBudget(id);
    console.overviewShowsExactlyTheRequestsTokensAndCost();
    console.filtersAndSearchNarrowTheKeyList();
    console.csvIsExactlyTheReport("key");
    console.csvIsExactlyTheReport("day");
    console.editChangesTheKeysOwnerAndLimits(id);
    console.rotateThenRevoke(id);
    console.readableAtAPhonesWidth();
    console.signOutForgetsTheToken();
    browser.assertNoErrors();
  }

  @Test
  void withMongoDb() {
    browser = ConsoleBrowser.startOrSkip(downloads, SCREENSHOTS);
    MongoGateways gateways = new MongoGateways(TestGateways.emulator());
    running.add(gateways);
    Gateway gateway = gateways.start(MongoFixture.shared().freshDatabaseUri(), spool, Map.of());

    Console console = new Console(gateway, "mongo");
    console.signInRefusesAWrongTokenThenAcceptsTheRightOne();
    String id = console.createAKeyAndSeeItsPlainKeyOnce();
    console.useTheKey();
    console.keysPageShowsExactlyItsUsageLimitsAndBudget(id);
    console.overviewShowsExactlyTheRequestsTokensAndCost();
    console.csvIsExactlyTheReport("model");
    console.rotateThenRevoke(id);
    console.signOutForgetsTheToken();
    browser.assertNoErrors();
  }

  /** One gateway's console, and what the test did through the API to compare it with. */
  private final class Console {
    private final SseClient api;
    private final SseClient admin;
    private final String base;
    private final String store;
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();
    private final String monthStart = today.substring(0, 8) + "01";
    private String plainKey;
    private String keyName;
    private long tokens;

    Console(Gateway gateway, String store) {
      this.api = new SseClient(gateway.port());
      this.admin = new SseClient(gateway.adminPort());
      this.base = "http://127.0.0.1:" + gateway.adminPort();
      this.store = store;
    }

    void signInRefusesAWrongTokenThenAcceptsTheRightOne() {
      browser.open(base + "/console");
      assertThat(browser.url()).isEqualTo(base + "/console/");
      browser.waitForHeading("Sign in");
      browser.screenshot(store + "-sign-in");
      browser.type("#token", "not-the-admin-token");
      browser.click("#sign-in-button");
      browser.waitForText(
          "#sign-in-error",
          "That admin token is not valid. Check ADMIN_TOKEN in the gateway’s environment.");
      assertThat(storedToken()).isNull();
      assertThat(browser.errors()) // the refusal, which the browser logs; nothing else
          .singleElement()
          .asString()
          .endsWith(
              "/admin/v1/keys - Failed to load resource: the server responded with a status"
                  + " of 401 (Unauthorized)");

      browser.type("#token", TOKEN);
      browser.click("#sign-in-button");
      browser.waitForHeading("Overview");
      assertThat(storedToken()).isEqualTo(TOKEN);
    }

    void keyboardReachesTheNavigationAndOpensASection() {
      browser.reload("Overview");
      assertThat(browser.active().getTagName()).isEqualTo("h1"); // each view focuses its heading
      List<String> reached = new ArrayList<>();
      for (int i = 0; i < 8 && !reached.contains("Skip to content"); i++) {
        browser.active().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        reached.add(browser.active().getText());
      }
      assertThat(reached)
          .containsExactly("Sign out", "Usage", "Keys", "Overview", "Skip to content");
      browser.active().sendKeys(Keys.TAB);
      browser.active().sendKeys(Keys.TAB);
      assertThat(browser.active().getText()).isEqualTo("Keys");
      browser.active().sendKeys(Keys.ENTER);
      browser.waitForHeading("Keys");
      assertThat(browser.active().getText()).isEqualTo("Keys");
      assertThat(browser.active().getTagName()).isEqualTo("h1");
    }

    String createAKeyAndSeeItsPlainKeyOnce() {
      keyName = "Console " + store + " key";
      browser.go("#/keys", "Keys");
      browser.click("#new-key");
      browser.waitForHeading("Create a key");
      browser.type("#create-name", keyName);
      browser.type("#create-department", "research");
      browser.type("#create-project", "apollo");
      browser.type("#create-tokens_per_day", "100000");
      browser.type("#create-monthly_budget_usd", "5");
      browser.screenshot(store + "-create-key");
      browser.click("#create-submit");
      browser.waitForHeading("Key created");
      plainKey = browser.text("#plain-key");
      assertThat(plainKey).startsWith("bgw_");
      assertThat(browser.text("#key-notice"))
          .isEqualTo(
              "Store this key now: it is shown only once and the gateway keeps only its hash.");
      assertThat(browser.text("#copy-key")).isEqualTo("Copy key");
      browser.screenshot(store + "-key-created");
      String id = browser.element("#issued-key-link").getAttribute("href").replaceAll(".*/", "");

      browser.click("#issued-key-link");
      browser.waitForHeading(keyName);
      assertThat(browser.source()).doesNotContain(plainKey);
      browser.go("#/keys", "Keys");
      assertThat(browser.source()).doesNotContain(plainKey);
      return id;
    }

    void useTheKey() {
      tokens = 0;
      for (int i = 0; i < REQUESTS; i++) {
        HttpResponse<String> answer =
            api.post(
                "/api/v1/converse",
                SseClient.chat("Hello number " + i + " from the console test"),
                Map.of("X-API-Key", plainKey));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode usage = SseClient.parse(answer.body()).path("usage");
        tokens += usage.path("inputTokens").asLong() + usage.path("outputTokens").asLong();
      }
      assertThat(tokens).isPositive();
      // the ledger is written off the request path: wait (bounded) until it holds them all
      waitFor(
          () ->
              usage("from=" + today + "&to=" + today).path("total").path("requests").asLong()
                  == REQUESTS);
    }

    void keysPageShowsExactlyItsUsageLimitsAndBudget(String id) {
      JsonNode month = usage("from=" + monthStart + "&to=" + today + "&key_id=" + id).path("total");
      assertThat(month.path("requests").asLong()).isEqualTo(REQUESTS);
      assertThat(allTokens(month)).isEqualTo(tokens);
      BigDecimal cost = dollars(month.path("cost_usd"));
      assertThat(cost).isPositive();

      browser.go("#/keys/" + id, keyName);
      assertThat(browser.text("#key-status")).isEqualTo("active");
      assertThat(number("[data-metric=key-month-requests]")).isEqualTo(REQUESTS);
      assertThat(number("[data-metric=key-month-tokens]")).isEqualTo(tokens);
      assertThat(money("[data-metric=key-month-cost]")).isEqualByComparingTo(cost);
      assertThat(number("[data-metric=key-today-requests]")).isEqualTo(REQUESTS);
      assertThat(number("[data-limit=tokens-per-day-limit]")).isEqualTo(100_000);
      assertThat(number("[data-limit=tokens-per-day-used]")).isEqualTo(tokens);
      assertThat(number("[data-limit=tokens-per-day-left]")).isEqualTo(100_000 - tokens);
      assertThat(money("[data-limit=budget-limit]")).isEqualByComparingTo("5");
      assertThat(money("[data-limit=budget-used]")).isEqualByComparingTo(cost);
      assertThat(money("[data-limit=budget-left]"))
          .isEqualByComparingTo(new BigDecimal("5").subtract(cost));
      assertThat(browser.elements("#key-chart canvas")).hasSize(1);
      assertThat(browser.element("#key-chart").getAttribute("aria-label"))
          .contains("$" + cost.stripTrailingZeros().toPlainString(), REQUESTS + " requests");
      browser.screenshot(store + "-key");
    }

    void overviewShowsExactlyTheRequestsTokensAndCost() {
      browser.go("#/overview", "Overview");
      for (String period : List.of("today", "month")) {
        JsonNode total =
            usage(
                    period.equals("today")
                        ? "from=" + today + "&to=" + today
                        : "from=" + monthStart + "&to=" + today)
                .path("total");
        assertThat(total.path("requests").asLong()).isEqualTo(REQUESTS);
        assertThat(number("[data-metric=" + period + "-requests]")).isEqualTo(REQUESTS);
        assertThat(number("[data-metric=" + period + "-input-tokens]"))
            .isEqualTo(total.path("input_tokens").asLong());
        assertThat(number("[data-metric=" + period + "-output-tokens]"))
            .isEqualTo(total.path("output_tokens").asLong());
        assertThat(
                number("[data-metric=" + period + "-input-tokens]")
                    + number("[data-metric=" + period + "-output-tokens]")
                    + number("[data-metric=" + period + "-cache-read-tokens]")
                    + number("[data-metric=" + period + "-cache-write-tokens]"))
            .isEqualTo(tokens);
        assertThat(money("[data-metric=" + period + "-cost]"))
            .isEqualByComparingTo(dollars(total.path("cost_usd")));
        assertThat(browser.text("[data-metric=" + period + "-error-rate]")).isEqualTo("0.0%");
      }
      assertThat(browser.elements("#overview-chart canvas")).hasSize(1);
      assertThat(browser.text("#top-keys tbody tr th")).isEqualTo(keyName);
      assertThat(browser.text("#top-departments tbody tr th")).isEqualTo("research");
      assertThat(browser.text("#top-projects tbody tr th")).isEqualTo("apollo");
      assertThat(browser.elements("#dependencies tbody tr")).isNotEmpty();
      assertThat(browser.text("#health-status")).isIn("healthy", "degraded");
      assertThat(browser.text("[data-metric=usage-lost]")).isEqualTo("0");
      browser.screenshot(store + "-overview");
    }

    void filtersAndSearchNarrowTheKeyList() {
      browser.go("#/keys", "Keys");
      assertThat(browser.text("#key-count")).isEqualTo("1 of 1 keys");
      browser.type("#key-search", "no such words");
      browser.waitForText("#key-count", "0 of 1 keys");
      browser.type("#key-search", store.toUpperCase());
      browser.waitForText("#key-count", "1 of 1 keys");
      new Select(browser.element("#filter-status")).selectByValue("revoked");
      browser.waitForText("#key-count", "0 of 1 keys");
      new Select(browser.element("#filter-status")).selectByValue("active");
      new Select(browser.element("#filter-department")).selectByValue("research");
      browser.waitForText("#key-count", "1 of 1 keys");
      assertThat(browser.text("#keys-table tbody tr th")).isEqualTo(keyName);
      browser.screenshot(store + "-keys");
    }

    /**
     * The explorer grouped by {@code grouping}; its CSV holds exactly /usage's groups and total.
     */
    void csvIsExactlyTheReport(String grouping) {
      browser.go("#/usage", "Usage");
      new Select(browser.element("#usage-group")).selectByValue(grouping);
      browser.click("#usage-show");
      browser.waitForHeading("Usage");
      browser.element("#usage-table");
      assertThat(browser.url()).endsWith("group_by=" + grouping);
      JsonNode report = usage("from=" + monthStart + "&to=" + today + "&group_by=" + grouping);
      String csv = browser.download("#usage-csv");

      List<List<String>> lines = csv.lines().map(line -> List.of(line.split(",", -1))).toList();
      List<String> header = lines.getFirst();
      List<String> numbers =
          List.of(
              "requests",
              "errors",
              "input_tokens",
              "output_tokens",
              "cache_read_input_tokens",
              "cache_write_input_tokens",
              "images",
              "cost_usd",
              "avg_latency_ms");
      assertThat(header.subList(header.size() - numbers.size(), header.size())).isEqualTo(numbers);
      assertThat(header.getFirst()).isEqualTo("group");
      Map<String, JsonNode> expected = new HashMap<>();
      report
          .path("groups")
          .forEach(group -> expected.put(group.path("group").asText(""), group.path("usage")));
      expected.put("total", report.path("total"));
      assertThat(lines).hasSize(expected.size() + 1);
      for (List<String> line : lines.subList(1, lines.size())) {
        JsonNode want = expected.get(line.getFirst());
        assertThat(want).as("a row of /usage for " + line.getFirst()).isNotNull();
        for (int i = 0; i < numbers.size(); i++) {
          String cell = line.get(header.size() - numbers.size() + i);
          JsonNode value = want.path(numbers.get(i));
          if (numbers.get(i).equals("cost_usd")) {
            assertThat(new BigDecimal(cell)).isEqualByComparingTo(dollars(value));
          } else {
            assertThat(Long.parseLong(cell)).as(numbers.get(i)).isEqualTo(value.asLong());
          }
        }
      }
      if (grouping.equals("key")) {
        assertThat(header.get(1)).isEqualTo("name");
        assertThat(lines.get(1).get(1)).isEqualTo(keyName);
      }
      assertThat(browser.elements("#usage-table tbody tr")).hasSize(expected.size() - 1);
      assertThat(browser.elements("#usage-chart canvas")).hasSize(1);
      browser.screenshot(store + "-usage-by-" + grouping);
    }

    void editChangesTheKeysOwnerAndLimits(String id) {
      browser.go("#/keys/" + id, keyName);
      browser.click("#edit-section summary");
      browser.type("#edit-project", "hermes");
      browser.type("#edit-tokens_per_day", "200000");
      browser.type("#edit-allowed_models", "amazon.nova-lite-v1:0");
      browser.click("#edit-submit");
      browser.waitForText("[data-limit=tokens-per-day-limit]", "200,000");
      JsonNode key = SseClient.parse(admin.get("/admin/v1/keys/" + id, ADMIN).body());
      assertThat(key.path("project").asText()).isEqualTo("hermes");
      assertThat(key.path("department").asText()).isEqualTo("research");
      assertThat(key.path("limits").path("tokens_per_day").asLong()).isEqualTo(200_000);
      assertThat(key.path("limits").path("monthly_budget_usd").decimalValue())
          .isEqualByComparingTo("5");
      assertThat(key.path("allowed_models").toString()).isEqualTo("[\"amazon.nova-lite-v1:0\"]");
    }

    void rotateThenRevoke(String id) {
      browser.go("#/keys/" + id, keyName);
      browser.type("#grace-hours", "0");
      browser.click("#rotate-submit");
      String successorKey = browser.text("#plain-key");
      assertThat(successorKey).startsWith("bgw_").isNotEqualTo(plainKey);
      String successor =
          browser.element("#issued-key-link").getAttribute("href").replaceAll(".*/", "");
      browser.screenshot(store + "-rotated");
      browser.reload(keyName);
      assertThat(browser.text("#key-status")).isEqualTo("expired");
      assertThat(
              api.post("/api/v1/converse", SseClient.chat("hi"), Map.of("X-API-Key", plainKey))
                  .statusCode())
          .isEqualTo(401);

      browser.go("#/keys/" + successor, keyName);
      assertThat(browser.text("#key-status")).isEqualTo("active");
      // the successor spends its line's budget: what the old key spent counts against it
      BigDecimal spent =
          dollars(
              usage("from=" + monthStart + "&to=" + today + "&key_id=" + id)
                  .path("total")
                  .path("cost_usd"));
      assertThat(money("[data-limit=budget-used]")).isEqualByComparingTo(spent);
      assertThat(browser.text("#limits-note")).contains("the 1 it replaced by rotation");
      browser.click("#revoke");
      browser.element("#confirm-cancel");
      browser.screenshot(store + "-revoke-confirmation");
      browser.click("#confirm-cancel");
      assertThat(browser.text("#key-status")).isEqualTo("active");
      browser.click("#revoke");
      browser.click("#confirm-ok");
      browser.waitForText("#key-status", "revoked");
      assertThat(browser.find("#revoke")).isEmpty();
      assertThat(
              api.post("/api/v1/converse", SseClient.chat("hi"), Map.of("X-API-Key", successorKey))
                  .statusCode())
          .isEqualTo(401);
      JsonNode keys = SseClient.parse(admin.get("/admin/v1/keys", ADMIN).body()).path("keys");
      assertThat(keys.findValuesAsText("status")).containsExactlyInAnyOrder("expired", "revoked");
    }

    void readableAtAPhonesWidth() {
      browser.resize(ConsoleBrowser.PHONE);
      try {
        for (String[] view :
            new String[][] {{"#/overview", "Overview"}, {"#/keys", "Keys"}, {"#/usage", "Usage"}}) {
          browser.go(view[0], view[1]);
          assertThat(
                  (Boolean)
                      browser.script(
                          "return document.documentElement.scrollWidth <= window.innerWidth"))
              .as("no sideways scrolling on " + view[0])
              .isTrue();
          browser.screenshot(store + "-phone-" + view[1].toLowerCase());
        }
      } finally {
        browser.resize(ConsoleBrowser.DESKTOP);
      }
    }

    void signOutForgetsTheToken() {
      browser.click("#sign-out");
      browser.waitForHeading("Sign in");
      assertThat(storedToken()).isNull();
      assertThat(browser.find("#nav").map(WebElement::isDisplayed)).contains(false);
      browser.reload("Sign in");
    }

    private Object storedToken() {
      return browser.script("return sessionStorage.getItem('bedrock-gateway.admin-token')");
    }

    private JsonNode usage(String query) {
      HttpResponse<String> answer = admin.get("/admin/v1/usage?" + query, ADMIN);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return SseClient.parse(answer.body());
    }

    private long number(String css) {
      return Long.parseLong(browser.text(css).replace(",", ""));
    }

    private BigDecimal money(String css) {
      String text = browser.text(css);
      assertThat(text).startsWith("$");
      return new BigDecimal(text.substring(1));
    }
  }

  private static long allTokens(JsonNode totals) {
    return totals.path("input_tokens").asLong()
        + totals.path("output_tokens").asLong()
        + totals.path("cache_read_input_tokens").asLong()
        + totals.path("cache_write_input_tokens").asLong();
  }

  private static BigDecimal dollars(JsonNode value) {
    return new BigDecimal(value.asText());
  }

  /** Polls until {@code condition} holds, for at most 20 seconds (a hang guard). */
  private static void waitFor(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
    }
  }
}
