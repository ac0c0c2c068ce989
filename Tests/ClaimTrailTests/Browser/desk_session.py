"""A desk's session in a real browser: headless Chromium, driven by Selenium, against a running
`claimtrail serve`. Started by BrowserSessionTests.swift, which then reads the store back.

Usage: desk_session.py BASE_URL PASSWORD_FILE OUTPUT_DIR RTL_CLAIM_ID

The store holds claim #1, source #1, extraction proposals, the editor `ed` and the viewer `vera`,
and labels in_progress "Being checked"; claim RTL_CLAIM_ID is right-to-left text followed by a
number and Latin words, said by a speaker whose name is right-to-left too. Every step checks what the page shows; a failed check
exits non-zero with what was expected. On success it prints one JSON object of what it saw,
and it leaves screenshots of the main pages in OUTPUT_DIR.
"""

import json
import os
import shutil
import sys
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, PASSWORD_FILE, OUTPUT, RTL_CLAIM = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
with open(PASSWORD_FILE, encoding="utf-8") as file:
    PASSWORD = file.read().rstrip("\n")
COUNTER_CLAIM = "The bridge stayed open all week"


def check(condition, message):
    if not condition:
        raise SystemExit(f"browser session: {message}")


def browser():
    options = Options()
    options.binary_location = shutil.which("chromium") or "chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    return webdriver.Chrome(options=options, service=service)


def screenshot(driver, name):
    """The whole page, not only the window: the height is the document's."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    # The window is the browser's outer size: add what its frame takes from the page.
    driver.set_window_size(1280, max(height, 600) + 160)
    driver.save_screenshot(os.path.join(OUTPUT, name))
    driver.set_window_size(1280, 1400)


def form(driver, action):
    return driver.find_element(By.CSS_SELECTOR, f"form[action='{action}']")


def fill(form_element, name, value):
    field = form_element.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def turn_page(driver, act):
    """Does what leads to another page (`act`: submitting a form, following a link) and waits for
    that page: Selenium's submit() does not wait for the navigation it starts, nor need a click,
    and on a loaded machine the old page could still be read. The old page is marked in its window
    object, which a new page does not have; asking about an old element instead (staleness) races
    the navigation, and Chromium may answer that with an inspector error rather than a stale
    element, so errors while the page turns are waited through. The wait is long because a loaded
    machine may take many seconds to answer (a sign-in checks a password hash)."""
    driver.execute_script("window.claimtrailPageBefore = true")
    act()

    def answered(driver):
        return driver.execute_script(
            "return window.claimtrailPageBefore === undefined && document.readyState === 'complete'"
        )

    WebDriverWait(driver, 300, ignored_exceptions=(WebDriverException,)).until(answered)


def send(driver, form_element):
    """Submits the form and waits for the page that answers it."""
    turn_page(driver, form_element.submit)


def follow(driver, link):
    """Follows the link and waits for the page it leads to."""
    turn_page(driver, link.click)


def sign_in(driver, name, next_path):
    driver.delete_all_cookies()
    driver.get(f"{BASE}/login?next={urllib.parse.quote(next_path, safe='')}")
    login = form(driver, "/login")
    fill(login, "name", name)
    fill(login, "password", PASSWORD)
    send(driver, login)
    check(
        urllib.parse.urlparse(driver.current_url).path == next_path,
        f"{name} was not signed in: {driver.current_url}",
    )


def shown(driver):
    """The page's text as the browser renders it (markup such as <bdi> around stored text aside)."""
    return driver.find_element(By.TAG_NAME, "main").text


def isolation(element):
    """What the browser made of an element holding stored text: its tag, its text exactly, and how
    it is laid out (an isolated run with a direction of its own)."""
    return {
        "tag": element.tag_name,
        "text": element.get_property("textContent"),
        "unicode_bidi": element.value_of_css_property("unicode-bidi"),
        "direction": element.value_of_css_property("direction"),
        "around": element.find_element(By.XPATH, "..").value_of_css_property("direction"),
    }


def post_forms(driver):
    return [element.get_attribute("action") for element in driver.find_elements(By.CSS_SELECTOR, "form[method='post']")]


def main():
    os.makedirs(OUTPUT, exist_ok=True)
    seen = {}
    driver = browser()
    try:
        # 1. The editor signs in and lands on the claim.
        sign_in(driver, "ed", "/claims/1")
        check("The bridge was closed on Monday" in driver.page_source, "the claim page does not show the claim")

        # 2. An attribution and a counter-claim, through the forms.
        attribute = form(driver, "/claims/1/attributions")
        fill(attribute, "speaker", "Harbour master")
        attribute.find_element(By.NAME, "new_speaker").click()
        fill(attribute, "source", "1")
        Select(attribute.find_element(By.NAME, "stance")).select_by_value("denies")
        fill(attribute, "quote", "The bridge was <b>never</b> closed")
        send(driver, attribute)
        check("Harbour master" in driver.page_source, "the new attribution is not on the claim page")
        check("The bridge was &lt;b&gt;never&lt;/b&gt; closed" in driver.page_source, "the quote is not shown as text")
        counter = form(driver, "/claims/1/counter-claims")
        fill(counter, "counter_claim", COUNTER_CLAIM)
        fill(counter, "source", "1")
        send(driver, counter)
        check(COUNTER_CLAIM in driver.page_source, "the counter-claim is not on the claim page")
        screenshot(driver, "claim-editor.png")

        # 3. The claim is now on the contested page.
        follow(driver, driver.find_element(By.LINK_TEXT, "Contested claims"))
        check(driver.find_elements(By.CSS_SELECTOR, "a[href='/claims/1']"), "claim #1 is not on the contested page")
        screenshot(driver, "contested.png")

        # 4. Its status, by the desk's label: a skipped step is refused on the page, one step is taken.
        driver.get(f"{BASE}/claims/1")
        status = form(driver, "/claims/1/status")
        Select(status.find_element(By.NAME, "status")).select_by_value("published")
        send(driver, status)
        refusal = driver.find_element(By.CSS_SELECTOR, "p.error").text
        check("cannot move from unchecked to published" in refusal, f"the illegal move was not refused: {refusal}")
        seen["refusal"] = refusal
        screenshot(driver, "status-refused.png")
        status = form(driver, "/claims/1/status")
        labels = [option.text for option in Select(status.find_element(By.NAME, "status")).options]
        check("Being checked" in labels, f"the desk's label is not offered: {labels}")
        Select(status.find_element(By.NAME, "status")).select_by_visible_text("Being checked")
        fill(status, "note", "Calling the harbour office")
        send(driver, status)
        check("Status: Being checked" in shown(driver), "the status did not change")

        # ... and it is assigned (to the editor, the name the form starts with), so it is in my queue.
        assign = form(driver, "/claims/1/assignee")
        check(assign.find_element(By.NAME, "assignee").get_attribute("value") == "ed", "the assignee is not prefilled")
        send(driver, assign)
        check("held by ed" in shown(driver), "the claim is not held by ed")
        note = form(driver, "/claims/1/notes")
        fill(note, "text", "Harbour office confirms the closure notice was withdrawn.")
        send(driver, note)
        check("closure notice was withdrawn" in driver.page_source, "the note is not shown")
        follow(driver, driver.find_element(By.LINK_TEXT, "My queue"))
        check(driver.find_elements(By.CSS_SELECTOR, "a[href='/claims/1']"), "claim #1 is not in my queue")
        screenshot(driver, "my-queue.png")

        # The review queue: the least confident proposal first; accept it with a corrected speaker.
        follow(driver, driver.find_element(By.LINK_TEXT, "Review queue"))
        proposals = [element.get_attribute("id") for element in driver.find_elements(By.CSS_SELECTOR, ".proposal")]
        check(len(proposals) >= 2, f"the review queue lists {proposals}")
        seen["proposals"] = proposals
        screenshot(driver, "review-queue.png")
        first = int(proposals[0].removeprefix("proposal-"))
        accept = form(driver, f"/proposals/{first}/accept")
        fill(accept, "speaker", "Harbour master")
        send(driver, accept)
        check(f"proposal-{first}" not in driver.page_source, "the accepted proposal is still listed")
        seen["accepted"] = first

        # 5. A viewer sees no write forms (only signing out), and a crafted post is refused.
        sign_in(driver, "vera", "/claims/1")
        screenshot(driver, "claim-viewer.png")
        seen["viewer_forms"] = post_forms(driver)
        check(seen["viewer_forms"] == [f"{BASE}/logout"], f"the viewer sees forms: {seen['viewer_forms']}")
        driver.get(f"{BASE}/review")
        check(post_forms(driver) == [f"{BASE}/logout"], "the viewer sees review forms")
        token = driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] input[name='csrf']").get_attribute("value")
        session = driver.get_cookie("claimtrail_session")["value"]
        seen["crafted"] = {}
        for path, fields in [
            ("/claims/1/counter-claims", {"counter_claim": "A viewer's counter-claim"}),
            ("/claims/1/status", {"status": "needs_second_look"}),
            ("/claims/1/assignee", {"assignee": "vera"}),
        ]:
            body = urllib.parse.urlencode({**fields, "csrf": token}).encode()
            request = urllib.request.Request(
                BASE + path,
                data=body,
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"claimtrail_session={session}",
                },
            )
            try:
                with urllib.request.urlopen(request) as reply:
                    seen["crafted"][path] = reply.status
            except urllib.error.HTTPError as error:
                seen["crafted"][path] = error.code
        check(set(seen["crafted"].values()) == {403}, f"a viewer's post was not refused: {seen['crafted']}")

        # 6. Right-to-left text is isolated: the claim's heading, and its speaker's page and title.
        driver.get(f"{BASE}/claims/{RTL_CLAIM}")
        seen["rtl_heading"] = isolation(driver.find_element(By.CSS_SELECTOR, "section h2 bdi"))
        seen["rtl_heading_shown"] = driver.find_element(By.CSS_SELECTOR, "section h2").text
        screenshot(driver, "claim-rtl.png")
        follow(driver, driver.find_element(By.CSS_SELECTOR, "section table a[href^='/speakers/']"))
        seen["rtl_speaker"] = isolation(driver.find_element(By.CSS_SELECTOR, "main h1 bdi"))
        seen["rtl_title"] = driver.title
    finally:
        driver.quit()
    print(json.dumps(seen))


main()
