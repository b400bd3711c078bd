package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The officers' console in a real browser (headless Chromium) against the whole stack with the real
 * identity provider: 常山's officer signs in on Keycloak's own login page and uses the console as
 * an officer would, on a desktop and on a 375-pixel phone.
 */
class ConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CHANGSHAN = "330822";

  private static LocalStack.Running stack;
  private static ChromeDriver browser;
  private static String loginPage;

  @BeforeAll
  static void signedInAsChangshansOfficer() throws Exception {
    browser = Browser.get();
    stack = RunningStack.get();
    if (loginPage == null) {
      loginPage = signIn("officer.changshan", "changshan-demo");
    }
  }

  /** Signs in on Keycloak's own login page, which the console sends a signed-out browser to; returns its address. */
  private static String signIn(String user, String password) {
    browser.get(stack.console().baseUrl() + "/");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    String page = browser.getCurrentUrl();
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("kc-login")).click();
    waitFor().until(ExpectedConditions.urlToBe(stack.console().baseUrl() + "/"));
    return page;
  }

  /** Signs out of the console, which signs out of Keycloak too. */
  private static void signOut() {
    browser.get(stack.console().baseUrl() + "/");
    browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
    waitFor().until(ExpectedConditions.urlToBe(stack.console().baseUrl() + "/signed-out"));
  }

  @Test
  void signsInOnTheProvidersOwnLoginPageWithPkceAndLandsOnTheirPairings() {
    assertThat(loginPage).startsWith(stack.keycloak().issuer() + "/protocol/openid-connect/auth")
        .contains("client_id=shanhai-console").contains("code_challenge_method=S256");
    browser.get(stack.console().baseUrl() + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的山海协作");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("常山县", "慈溪市");
    assertThat(browser.manage().getCookies()).as("the console's only cookie is its session: no token reaches the browser")
        .filteredOn(c -> c.getDomain().contains("localhost") && c.getPath().equals("/"))
        .allSatisfy(c -> assertThat(c.getValue()).doesNotContain("eyJ")).isNotEmpty();
  }

  @Test
  void reportsProgressShowingTheApisFieldErrorAndThenTheUpdateInTheHistoryAndOnKafka() throws Exception {
    String project = firstProject("county=" + CHANGSHAN + "&kind=SCI_TECH_ENCLAVE");
    browser.get(stack.console().baseUrl() + "/projects/" + project);
    browser.findElement(By.id("report")).click();
    WebElement investment = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("cumulativeInvestment")));
    investment.clear();
    investment.sendKeys("-5");
    browser.findElement(By.id("save")).click();

    WebElement error = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("cumulativeInvestment-error")));
    assertThat(error.getText()).isEqualTo("不能为负数。");
    assertThat(browser.findElement(By.id("cumulativeInvestment")).getAttribute("aria-invalid")).isEqualTo("true");
    Browser.screenshot(browser, "console-report-error-desktop");

    String note = "浏览器测试 " + UUID.randomUUID();
    investment = browser.findElement(By.id("cumulativeInvestment"));
    investment.clear();
    investment.sendKeys("800");
    browser.findElement(By.id("note")).sendKeys(note);
    browser.findElement(By.id("save")).click();
    if (!browser.findElements(By.id("confirm")).isEmpty()) {
      browser.findElement(By.id("confirm")).click();
    }

    waitFor().until(ExpectedConditions.urlContains("reported="));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("进度已保存。");
    assertThat(browser.findElement(By.id("updates")).getText()).contains(note, "800万元");
    assertThat(eventsOnTheProjectsTopic(project, note, WAIT)).as("the update's event on Kafka")
        .singleElement().satisfies(event -> assertThat(event.value()).contains("\"cumulativeInvestment\":\"8000000.00\""));
  }

  @Test
  void asksToConfirmWarningsAndCatchesAReportMadeMeanwhileWithoutLosingWhatWasTyped() throws Exception {
    String pairing = DemoApi.JSON.readTree(get(stack.projects().baseUrl() + "/api/v1/pairings?county=" + CHANGSHAN))
        .path("items").get(0).path("id").asText();
    String project = DemoApi.JSON.readTree(post(stack.projects().baseUrl() + "/api/v1/projects", """
        {"pairingId":"%s","name":"常山食用菌加工园","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
         "plannedInvestment":"10000000.00"}""".formatted(pairing))).path("id").asText();
    browser.get(stack.console().baseUrl() + "/projects/" + project + "/report");
    WebElement investment = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("cumulativeInvestment")));
    investment.clear();
    investment.sendKeys("800");
    browser.findElement(By.id("note")).sendKeys("厂房封顶");

    // Someone else reports while the form is open.
    post(stack.projects().baseUrl() + "/api/v1/projects/" + project + "/updates",
        "{\"reportDate\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\","
        + "\"cumulativeInvestment\":\"1000000.00\"}");
    browser.findElement(By.id("save")).click();

    // 8 million yuan on a plan of 10: more than half of the plan in one report, so it asks first.
    WebElement confirm = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    assertThat(browser.findElement(By.cssSelector(".notice.warn")).getText()).contains("本次新增投资超过计划投资的一半");
    confirm.click();

    WebElement conflict = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error")));
    assertThat(conflict.getText()).contains("已有人为此项目报送了新的进度");
    assertThat(browser.findElement(By.id("cumulativeInvestment")).getAttribute("value")).isEqualTo("800");
    assertThat(browser.findElement(By.id("note")).getAttribute("value")).isEqualTo("厂房封顶");
    browser.findElement(By.id("save")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm"))).click();

    waitFor().until(ExpectedConditions.urlContains("reported="));
    assertThat(browser.findElements(By.cssSelector("#updates tbody tr"))).hasSize(2);
    assertThat(browser.findElement(By.id("updates")).getText()).containsOnlyOnce("厂房封顶").contains("增幅大");
  }

  @Test
  void aPageThatIsNotThereSaysSoInChineseNotOnSpringsEnglishErrorPage() {
    browser.get(stack.console().baseUrl() + "/no-such-page");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("找不到这一页");
    assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
  }

  @Test
  void turnsOffAPushSubscriptionAndSaysWhoDidInChinese() {
    browser.get(stack.console().baseUrl() + "/subscriptions");
    String name = "常山县发改局值班群 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("name")).sendKeys(name);
    // The empty form starts the address with https:// for the officer. Loopback is an address the local stack may
    // push to; nothing listens there, and nothing needs to.
    browser.findElement(By.id("url")).sendKeys("127.0.0.1:9/shanhai");
    browser.findElement(By.id("subscribe")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
    browser.findElement(By.linkText(name)).click();
    waitFor().until(ExpectedConditions.elementToBeClickable(By.id("disable"))).click();

    waitFor().until(d -> d.findElement(By.id("status")).getText().equals("已停用"));
    assertThat(browser.findElement(By.cssSelector("#status + .muted")).getText())
        .as("the alerts service's reason code, said in Chinese").isEqualTo("（负责人手动操作）");
  }

  @Test
  void aFormTheSessionNoLongerKnowsAndASignInThatDidNotCompleteAreSaidInChineseNotInSpringsEnglish() {
    browser.get(stack.console().baseUrl() + "/subscriptions");
    // What a form left open across the console's restart sends: a token its new session never gave out.
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelector(\"form[action='/subscriptions'] input[name='_csrf']\").value = 'stale';");
    browser.findElement(By.id("name")).sendKeys("过期的表单");
    browser.findElement(By.id("subscribe")).click();
    waitFor().until(d -> d.findElement(By.tagName("h1")).getText().equals("没有保存"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("请重新登录").doesNotContain("Access Denied");
    browser.get(stack.console().baseUrl() + "/subscriptions");
    assertThat(browser.findElement(By.tagName("main")).getText()).as("nothing was stored").doesNotContain("过期的表单");
    // A button htmx sends (the alerts page's) is told where to go, not redirected into the list it updates.
    Object htmx = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/alerts/none/acknowledge', {method: 'POST', redirect: 'manual', body: '_csrf=stale', headers: {"
        + "'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded'}})"
        + ".then(r => done(r.status + ' ' + r.headers.get('HX-Redirect')));");
    assertThat(htmx).isEqualTo("403 /signed-out?why=expired");

    // The provider's answer to a sign-in it did not complete (the officer cancelled, or came back with Back).
    browser.get(stack.console().baseUrl() + "/login/oauth2/code/shanhai?error=access_denied&state=stale");
    waitFor().until(d -> d.findElement(By.tagName("h1")).getText().equals("登录没有完成"));
    assertThat(browser.getPageSource()).doesNotContain("Please sign in");
  }

  @Test
  void switchesToEnglishAndBack() {
    browser.get(stack.console().baseUrl() + "/");
    try {
      browser.findElement(By.linkText("English")).click();
      waitFor().until(d -> d.findElement(By.tagName("h1")).getText().equals("My pairings"));
      browser.get(stack.console().baseUrl() + "/alerts");
      assertThat(browser.findElement(By.tagName("h1")).getText()).as("the choice is kept").isEqualTo("Alerts");
    } finally {
      browser.findElement(By.linkText("中文")).click();
      waitFor().until(d -> d.findElement(By.tagName("h1")).getText().equals("预警"));
    }
  }

  @Test
  void registersAProjectWithAnInvestmentPlanOfRowsAddedInTheForm() throws Exception {
    browser.get(stack.console().baseUrl() + "/");
    browser.findElement(By.linkText("登记项目")).click();
    String name = "常山胡柚深加工项目 " + UUID.randomUUID().toString().substring(0, 6);
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("plannedInvestment")).sendKeys("5000");
    browser.findElement(By.id("add-row")).click();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("planCumulative-1")));
    date("planDate-0", "2026-06-30");
    browser.findElement(By.id("planCumulative-0")).sendKeys("2000");
    date("planDate-1", "2026-12-31");
    browser.findElement(By.id("planCumulative-1")).sendKeys("9000");
    browser.findElement(By.id("register")).click();

    // The plan's last row is above the planned investment: the service says so, at the plan.
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.error")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("投资计划超过了计划总投资。");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
    WebElement last = browser.findElement(By.id("planCumulative-1"));
    last.clear();
    last.sendKeys("5000");
    browser.findElement(By.id("register")).click();

    waitFor().until(ExpectedConditions.urlContains("registered"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("项目已登记。");
    assertThat(browser.findElement(By.cssSelector(".chart polyline.plan")).getAttribute("points")).contains(" ");
  }

  /** Sets a date input: typing into one follows the browser's own date format, which varies by locale. */
  private static void date(String id, String isoDate) {
    ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
        isoDate);
  }

  @Test
  void offersNoReportFormOnAProjectOfACountyNotTheirsAndSaysSoIfAskedDirectly() throws Exception {
    String qingyuanProject = aQingyuanProject();
    browser.get(stack.console().baseUrl() + "/projects/" + qingyuanProject);
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("庆元");
    assertThat(browser.findElements(By.id("report"))).as("the report button").isEmpty();

    browser.get(stack.console().baseUrl() + "/projects/" + qingyuanProject + "/report");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您没有权限做这件事");
    assertThat(browser.findElements(By.tagName("form"))).as("forms besides signing out").hasSize(1);
  }

  @Test
  void acknowledgesAnAlertAndSeesOthersChangesWithoutReloading() throws Exception {
    // The demo data's overdue payouts of 常山 fire at the rules' next clock round.
    waitFor().until(d -> firingAlertsOf(CHANGSHAN) >= 2);
    browser.get(stack.console().baseUrl() + "/alerts");
    List<WebElement> firing = waitFor().until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector("li:has(button.acknowledge)"));
      return found.size() >= 2 ? found : null;
    });
    String mine = firing.get(0).getAttribute("id");
    String someoneElses = firing.get(1).getAttribute("id");
    assertThat(browser.findElement(By.id("alert-rows")).getText()).as("what the rules found, said in Chinese")
        .contains("年的保底收益").doesNotContain("yuan").doesNotContain("overdue");
    JsonNode payoutAlert = null;
    for (JsonNode alert : DemoApi.JSON.readTree(get(stack.alerts().baseUrl() + "/api/v1/alerts?state=FIRING&county="
        + CHANGSHAN)).path("items")) {
      if (alert.path("rule").asText().startsWith("payout-") && payoutAlert == null) {
        payoutAlert = alert;
      }
    }
    assertThat(payoutAlert).as("a payout alert of 常山").isNotNull();
    String projectName = DemoApi.JSON.readTree(get(stack.projects().baseUrl() + "/api/v1/projects/"
        + payoutAlert.path("project").asText())).path("name").asText();
    assertThat(browser.findElement(By.id("alert-" + payoutAlert.path("id").asText())).getText())
        .as("the alert names its project, as the service's English summary did").contains(projectName + "：");
    ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

    browser.findElement(By.id("note-" + mine.substring("alert-".length()))).sendKeys("已联系慈溪方核实");
    browser.findElement(By.cssSelector("#" + css(mine) + " button.acknowledge")).click();
    waitFor().until(d -> stateOf(mine).equals("已认领"));

    // The province acknowledges another through the API: the page follows the alerts service's stream.
    post(stack.alerts().baseUrl() + "/api/v1/alerts/" + someoneElses.substring("alert-".length()) + "/acknowledge",
        "{\"note\":\"省专班已跟进\"}");
    waitFor().until(d -> stateOf(someoneElses).equals("已认领"));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
  }

  @Test
  void noPageScrollsSidewaysOnAPhoneAndEachIsPhotographedOnBoth() throws Exception {
    String project = firstProject("county=" + CHANGSHAN + "&kind=INDUSTRIAL_ENCLAVE");
    String pairing = DemoApi.JSON.readTree(get(stack.projects().baseUrl() + "/api/v1/projects/" + project))
        .path("pairingId").asText();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("project", "/projects/" + project);
    pages.put("report", "/projects/" + project + "/report");
    pages.put("register", "/pairings/" + pairing + "/projects/new");
    pages.put("dividends", "/counties/" + CHANGSHAN + "/dividends");
    pages.put("alerts", "/alerts");
    pages.put("subscriptions", "/subscriptions");
    pages.put("imports", "/imports");
    assertThat(sidewaysOnAPhone(pages)).as("pages wider than a %d px phone", Browser.PHONE_WIDTH).isEmpty();
  }

  @Test
  void anOldExcelFileIsRefusedSayingInChineseHowToSaveItAgain() throws Exception {
    Path file = Files.createTempDirectory("console-import").resolve("常山进度表.xls");
    Files.write(file, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1, 0, 0});

    browser.get(stack.console().baseUrl() + "/imports");
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload")).click();

    WebElement problem = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(problem.getText()).contains("这不是 Excel（.xlsx）或 CSV 文件。").contains("另存为“Excel 工作簿（.xlsx）”")
        .doesNotContain("save it as");
  }

  @Test
  void importsAProgressFileShowingTheDryRunsErrorsAtTheirCellsThenTheCommitsProgressAndTheReport() throws Exception {
    String pairing = DemoApi.JSON.readTree(get(stack.projects().baseUrl() + "/api/v1/pairings?county=" + CHANGSHAN))
        .path("items").get(0).path("id").asText();
    String code = "CS-" + UUID.randomUUID().toString().substring(0, 8);
    String project = DemoApi.JSON.readTree(post(stack.projects().baseUrl() + "/api/v1/projects", """
        {"pairingId":"%s","name":"常山胡柚深加工 %s","kind":"INDUSTRIAL_PROJECT","hostCounty":"330822",
         "plannedInvestment":"10000000.00","externalCode":"%s"}""".formatted(pairing, code, code))).path("id").asText();
    Path file = Files.createTempDirectory("console-import").resolve("常山进度表.csv");
    Files.writeString(file, "\uFEFF项目编号,报告日期,累计完成投资（万元）,备注\r\n" + code + ",2026-03-31,100,一季度开工\r\n"
        + code + ",31.06.2026,200,\r\n" + "NO-SUCH-CODE,2026-06-30,300,\r\n");

    browser.get(stack.console().baseUrl() + "/imports");
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload")).click();
    WebElement commit = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("commit")));
    assertThat(commit.getText()).isEqualTo("导入检查通过的 1 行");
    assertThat(browser.findElement(By.id("rejected")).getText()).isEqualTo("2");
    WebElement odd = browser.findElement(By.cssSelector("#row-3 td.cell-error"));
    assertThat(odd.getText()).contains("31.06.2026", "日期写法看不懂");
    assertThat(browser.findElement(By.id("row-4")).getText()).contains("找不到这个项目");
    Browser.screenshot(browser, "console-import-dry-run-desktop");
    String page = browser.getCurrentUrl().substring(stack.console().baseUrl().length());
    assertThat(sidewaysOnAPhone(Map.of("import", page))).isEmpty();

    browser.get(stack.console().baseUrl() + page);
    browser.findElement(By.id("commit")).click();
    WebElement done = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    assertThat(done.getText()).isEqualTo("导入完成：新记录 1 行，此前已记录 0 行，未导入 2 行。");
    assertThat(browser.findElement(By.id("report")).getAttribute("href")).endsWith("/report.xlsx");
    assertThat(eventsOnTheProjectsTopic(project, "一季度开工", WAIT)).as("the imported row's event on Kafka")
        .singleElement().satisfies(event -> assertThat(event.value()).contains("\"cumulativeInvestment\":\"1000000.00\""));
  }

  @Test
  void theProvinceOverviewIsTheProvincesAndSigningOutEndsTheProvidersSessionToo() throws Exception {
    browser.get(stack.console().baseUrl() + "/province");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您没有权限做这件事");

    signOut();
    browser.get(stack.console().baseUrl() + "/");
    assertThat(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("username"))))
        .as("the provider asks for a password again: its session ended with the console's").isNotNull();
    try {
      signIn("province.admin", "province-demo");
      browser.findElement(By.linkText("全省概览")).click();
      assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("年全省山海协作概览");
      assertThat(browser.findElements(By.cssSelector("#counties tbody tr"))).as("the mountain counties").hasSize(26);
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("全年目标约 300 个", "全年目标 400亿元");
      assertThat(sidewaysOnAPhone(Map.of("province", "/province"))).isEmpty();
    } finally {
      signOut();
      signIn("officer.changshan", "changshan-demo");
    }
  }

  /** Loads each page on a desktop and on a phone, photographing both; the pages wider than the phone. */
  private static List<String> sidewaysOnAPhone(Map<String, String> pages) throws Exception {
    List<String> sideways = new ArrayList<>();
    try {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        Browser.desktop(browser);
        browser.get(stack.console().baseUrl() + page.getValue());
        assertThat(browser.findElements(By.tagName("h1"))).as(page.getValue()).isNotEmpty();
        Browser.screenshot(browser, "console-" + page.getKey() + "-desktop");
        Browser.phone(browser);
        browser.get(stack.console().baseUrl() + page.getValue());
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        if (((Number) width).intValue() > Browser.PHONE_WIDTH) {
          sideways.add(page.getValue() + " is " + width + " px wide");
        }
        Browser.screenshot(browser, "console-" + page.getKey() + "-phone");
      }
    } finally {
      Browser.desktop(browser);
    }
    return sideways;
  }

  private static int firingAlertsOf(String county) {
    try {
      return DemoApi.JSON.readTree(get(stack.alerts().baseUrl() + "/api/v1/alerts?state=FIRING&county=" + county))
          .path("items").size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stateOf(String alertElementId) {
    return browser.findElement(By.cssSelector("#" + css(alertElementId) + " .tag.state")).getText();
  }

  /** An element id made a CSS selector: the alerts' ids hold dots. */
  private static String css(String id) {
    return id.replace(".", "\\.");
  }

  private static WebDriverWait waitFor() {
    return new WebDriverWait(browser, WAIT);
  }

  private static String firstProject(String query) throws Exception {
    JsonNode page = DemoApi.JSON.readTree(get(stack.projects().baseUrl() + "/api/v1/projects?" + query));
    assertThat(page.path("items")).as("projects for %s", query).isNotEmpty();
    return page.path("items").get(0).path("id").asText();
  }

  /** 庆元 has no pairing in the demo data: the province registers one with 鄞州, and a project under it. */
  private static String aQingyuanProject() throws Exception {
    JsonNode pairing = DemoApi.JSON.readTree(post(stack.projects().baseUrl() + "/api/v1/pairings",
        "{\"mountainCounty\":\"331126\",\"partnerCounty\":\"330212\",\"since\":2021}"));
    JsonNode project = DemoApi.JSON.readTree(post(stack.projects().baseUrl() + "/api/v1/projects", """
        {"pairingId":"%s","name":"庆元生物医药产业园","kind":"INDUSTRIAL_PARK","hostCounty":"331126"}"""
        .formatted(pairing.path("id").asText())));
    return project.path("id").asText();
  }

  private static String get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** A write as the province (the demo loader's client), replayed if the test runs again on the same stack. */
  private static String post(String url, String json) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Idempotency-Key", "console-it-" + Integer.toHexString((url + json).hashCode()))
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(request
        .header("Authorization", stack.tokens().demoLoader()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return response.body();
  }

  /** The records of {@code project} on the projects topic whose body carries {@code text}, read from the start. */
  private static List<ConsumerRecord<String, String>> eventsOnTheProjectsTopic(String project, String text,
      Duration timeout) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.stack().kafka().bootstrapServers());
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "console-it-" + UUID.randomUUID());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
        new StringDeserializer())) {
      consumer.subscribe(List.of("shanhai.projects.v1"));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (found.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (project.equals(record.key()) && record.value().contains(text)) {
            found.add(record);
          }
        }
      }
      // Read on a moment: a second copy of the event would show as a second record.
      consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
        if (project.equals(record.key()) && record.value().contains(text)) {
          found.add(record);
        }
      });
    }
    return found;
  }
}
