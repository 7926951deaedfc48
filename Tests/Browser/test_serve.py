#!/usr/bin/env python3
"""The page in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven
by Selenium. Starts psverify-serve on a loopback port, starts from the list, opens each problem,
types a wrong and a right answer, and reads the verdicts from the page (for 2 and 4 also the
table of the differing trial); then, with a roster whose names carry script, checks that no
script runs on the student's page or the class view; then, with a roster imported with an
assignment whose sets `psverify variant` recorded, that a student's page states and grades their
variant.

Usage: Tests/Browser/test_serve.py [--binary PATH] [--screenshots DIR]
Ends with 'N passed, N failed'; exits 1 if any failed."""
import argparse
import os
import subprocess
import sys
import tempfile
import traceback

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, UnexpectedAlertPresentException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from answers import ANSWERS  # noqa: E402
from serve_process import ServeProcess, default_binary, roster_import  # noqa: E402

# A debug build on a busy 2-core machine grades problem 2 in up to ~15 s; the page's own limit
# (10 s by default) is tested by the Swift tests, not here.
LIMIT = ["--time-limit", "300"]
HOSTILE = "<script>alert('answer')</script><img src=x onerror=alert(1)>"


class Run:
    def __init__(self, shots):
        self.passed = 0
        self.failed = 0
        self.shots = shots

    def check(self, condition, what):
        if condition:
            self.passed += 1
            print(f"ok      {what}")
        else:
            self.failed += 1
            print(f"FAILED  {what}")

    def shot(self, driver, name):
        if self.shots:
            driver.set_window_size(1200, max(900, driver.execute_script(
                "return document.documentElement.scrollHeight") + 200))
            driver.save_screenshot(os.path.join(self.shots, name + ".png"))


def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,900"]:
        options.add_argument(arg)
    binary = next((p for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
                   if os.path.exists(p)), None)
    if binary:
        options.binary_location = binary
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
                        if os.path.exists(p)), None)
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def no_alert(driver):
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


def follow(driver, element_id):
    """Clicks the element and waits until the page it leads to has loaded. The old document is
    marked and the wait is for a complete document without the mark: an element-staleness wait
    races the navigation (Chromium may answer "node does not belong to the document" instead of
    "stale element", an error rather than a wait).
    An alert is not waited through: it raises, so a script that ran fails the test."""
    driver.execute_script("window.psverifyOldPage = true;")
    driver.find_element(By.ID, element_id).click()

    def loaded(d):
        try:
            return d.execute_script(
                "return window.psverifyOldPage === undefined && document.readyState === 'complete'")
        except UnexpectedAlertPresentException:
            raise
        except WebDriverException:
            return False  # the document is being replaced
    WebDriverWait(driver, 600).until(loaded)


def post(driver, answer):
    """Types the answer, submits the form, waits for the next page, and returns the verdict it
    shows (or its title when it has none: an error page)."""
    box = driver.find_element(By.ID, "answer")
    box.clear()
    box.send_keys(answer)
    follow(driver, "submit")
    found = driver.find_elements(By.ID, "verdict")
    return found[0].text.strip() if found else "no verdict: " + driver.title


def local_page(run, driver, binary, directory):
    with ServeProcess(binary, os.path.join(directory, "local.db"), LIMIT) as server:
        driver.get(server.base + "/")
        run.check(driver.title == "Problems", "the list opens")
        run.shot(driver, "01-list")
        ids = [row.find_element(By.TAG_NAME, "td").text
               for row in driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]
        run.check(ids == list(ANSWERS), f"the list shows the six problems in order ({ids})")
        for n, problem in enumerate(ids):
            driver.get(server.base + "/")
            follow(driver, f"open-{problem}")
            run.check(driver.find_element(By.ID, "statement").text.strip() != "",
                      f"problem {problem}: the statement is shown")
            right, wrong = ANSWERS[problem]
            run.check(post(driver, wrong) == "incorrect", f"problem {problem}: a wrong answer is incorrect")
            if problem in ("2", "4"):
                trial_table(run, driver, problem)
                run.shot(driver, f"{n + 2:02d}-problem-{problem}-wrong")
            run.check(post(driver, right) == "correct", f"problem {problem}: the right answer is correct")
            if problem in ("2", "4"):
                agreed = driver.find_elements(By.ID, "trials-agreed")
                run.check(len(agreed) == 1 and agreed[0].text.isdigit()
                          and not driver.find_elements(By.ID, "trial-position"),
                          f"problem {problem}: the right equation's trials all agreed")
            attempts = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#attempts li")]
            run.check(len(attempts) == 2 and attempts[0].startswith("incorrect")
                      and attempts[1].startswith("correct"),
                      f"problem {problem}: both attempts listed, oldest first")
            run.shot(driver, f"{n + 2:02d}-problem-{problem}")
        driver.get(server.base + "/p/3b")
        run.check(post(driver, HOSTILE) == "unreadable", "a script answer is graded unreadable")
        run.check(no_alert(driver), "the script in the answer does not run")
        run.check(HOSTILE in driver.find_element(By.ID, "your-answer").text,
                  "the script answer is shown as text")
        run.shot(driver, "08-hostile-answer")
        driver.get(server.base + "/p/nothing")
        run.check("There is no problem" in driver.page_source, "an unknown problem is an error page")
        run.shot(driver, "09-not-found")


def trial_table(run, driver, problem):
    """Problems 2 and 4 under a wrong equation: the first differing output, both values."""
    cells = {i: driver.find_elements(By.ID, i)
             for i in ("trial-position", "trial-yours", "trial-reference", "trials-agreed")}
    if not all(cells.values()):
        run.check(False, f"problem {problem}: the trial table is shown")
        return
    yours, reference = (float(cells[i][0].text) for i in ("trial-yours", "trial-reference"))
    run.check("=" in cells["trial-position"][0].text and abs(yours - reference) > 1e-4,
              f"problem {problem}: the table shows an output where the values differ "
              f"({cells['trial-position'][0].text}: {yours} against {reference})")


def variant_pages(run, driver, binary, directory):
    roster = os.path.join(directory, "variants.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("id,name\nada,Ada Lovelace\n")
    database = os.path.join(directory, "variants.db")
    psverify = os.path.join(os.path.dirname(binary), "psverify")
    subprocess.run([psverify, "variant", "--roster", roster, "--assignment", "hw1",
                    "--out", os.path.join(directory, "sets"), "--db", database,
                    "--trials", "2000"], check=True, capture_output=True, text=True)
    links = roster_import(binary, database, roster, assignment="hw1")
    with ServeProcess(binary, database, LIMIT) as server:
        driver.get(server.base + links["ada"] + "/p/3b")
        named = driver.find_elements(By.ID, "variant")
        run.check(len(named) == 1 and named[0].text.startswith("Your variant:"),
                  "the student's page names their variant")
        # Every 3b variant but the base has γ ≠ 1/√2: the base answer is wrong there.
        run.check(post(driver, "1/sqrt(2)") == "incorrect",
                  "the base problem's answer is graded against the variant (incorrect)")
        run.check("This variant:" in driver.find_element(By.ID, "feedback").text,
                  "the feedback names the variant")
        run.shot(driver, "12-variant")


def roster_pages(run, driver, binary, directory):
    roster = os.path.join(directory, "students.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("id,name,email\r\nada,Ada Lovelace,ada@example.edu\r\n"
                "eve,\"<script>alert('name')</script>\",eve@example.edu\r\n")
    database = os.path.join(directory, "class.db")
    links = roster_import(binary, database, roster)
    with ServeProcess(binary, database, LIMIT) as server:
        driver.get(server.base + links["eve"])
        run.check(no_alert(driver), "a script in a roster name does not run")
        run.check("<script>alert('name')</script>" in driver.find_element(By.CLASS_NAME, "who").text,
                  "the roster name is shown as text")
        run.check(links["staff"] not in driver.page_source, "the staff link is not on the student page")
        follow(driver, "open-3b")
        run.check(post(driver, HOSTILE) == "unreadable" and no_alert(driver),
                  "the student's script answer does not run")
        run.shot(driver, "10-student")
        driver.get(server.base + links["ada"] + "/p/3b")
        post(driver, "1/2")
        driver.get(server.base + links["staff"])
        run.check(no_alert(driver), "no script runs on the class view")
        run.check("eve" in driver.find_element(By.ID, "groups-3b").find_element(
            By.XPATH, "following-sibling::table[1]").text, "the class view groups eve's answer")
        run.check("3b: 1 attempt, latest incorrect" in driver.find_element(By.ID, "students").text,
                  "the class view counts ada's attempts")
        run.shot(driver, "11-class")
        driver.get(server.base + links["ada"].replace("/s/", "/staff/"))
        run.check("403" in driver.title, "a student link on the staff page is refused (403)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    run = Run(args.screenshots)
    with tempfile.TemporaryDirectory(prefix="psverify-browser-") as directory:
        driver = browser()
        try:
            for part in (local_page, roster_pages, variant_pages):
                try:
                    part(run, driver, args.binary, directory)
                except Exception:  # a step that crashed is a failure, and the run goes on
                    traceback.print_exc()
                    run.check(False, f"{part.__name__} ran to the end")
        finally:
            driver.quit()
    print(f"browser: {run.passed} passed, {run.failed} failed")
    sys.exit(1 if run.failed else 0)


if __name__ == "__main__":
    main()
