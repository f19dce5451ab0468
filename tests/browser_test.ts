/**
 * The report in a real browser: headless Chromium (Debian's `/usr/bin/chromium`, or
 * $CLAIMBOOK_CHROMIUM) driven through playwright-core over a report built here from a small run
 * (the `optimizers` family, with its erratum) into a temp dir. Every page loads with no console
 * error, no failed request and no request off the page's own files; every internal link and anchor
 * resolves; the index's filter narrows the claims; the lecture view shows every cited slide.
 * Screenshots of the index and the lecture view go to $CLAIMBOOK_ARTIFACTS (default
 * reports/screenshots/). Skipped, with a message, where no Chromium exists or the test may not
 * run it: it needs `--allow-run=/usr/bin/chromium --allow-sys=homedir,osRelease` beyond the test task's.
 * @module
 */
import { assert, assertEquals } from "../lib/std.ts";
import { main } from "../lib/cli.ts";
import { experiments } from "../experiments/mod.ts";
import { matchCitations, parseSlides } from "../lib/report/lecture.ts";
import { readLecture } from "../lib/report/lecture_source.ts";
import type { Browser, Page } from "playwright-core";
import fs from "node:fs";

const CHROMIUM = Deno.env.get("CLAIMBOOK_CHROMIUM") || "/usr/bin/chromium";

function skipReason(): string | undefined {
  try {
    Deno.statSync(CHROMIUM);
  } catch {
    return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CLAIMBOOK_CHROMIUM)`;
  }
  const granted = (d: Deno.PermissionDescriptor) => Deno.permissions.querySync(d).state === "granted";
  if (
    !granted({ name: "run", command: CHROMIUM }) || !granted({ name: "sys", kind: "homedir" }) ||
    !granted({ name: "sys", kind: "osRelease" })
  ) {
    return `no permission to run ${CHROMIUM} (deno test --allow-run=deno,${CHROMIUM} --allow-sys=homedir,osRelease)`;
  }
}

/**
 * playwright-core probes /proc/sys/fs/binfmt_misc/WSLInterop to detect WSL, a path Deno lets only
 * --allow-all read; on Linux outside WSL the answer is "no", so the probe is answered here.
 */
function answerWslProbe(): void {
  const existsSync = fs.existsSync;
  fs.existsSync = ((p: fs.PathLike) => String(p).startsWith("/proc/sys/") ? false : existsSync(p)) as typeof existsSync;
}

const skip = skipReason();
if (skip) console.warn(`browser_test: skipped: ${skip}`);

/** What a page did while it loaded: console errors, failed requests, requests off its own files. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on("request", (r) => !/^(file|data|about):/.test(r.url()) && problems.push(`network request: ${r.url()}`));
  return problems;
}

async function visibleRows(page: Page): Promise<string[]> {
  return await page.$$eval(
    "#claims-all tbody tr",
    (rows) => (rows as HTMLElement[]).filter((r) => !r.hidden).map((r) => r.id),
  );
}

Deno.test({
  name: "the report in headless Chromium: pages, links, the claim filter, the lecture view",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "claimbook-browser-" });
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const code = await main(["optimizers", "--quiet", "--out", dir], io);
    assert(code === 0 || code === 1, `report run exit ${code}: ${out.join("\n")}`);
    const pages = [...Deno.readDirSync(dir)].map((f) => f.name).filter((n) => n.endsWith(".html")).sort();
    assertEquals(pages, ["index.html", "lecture.html", "optimizers.html"]);

    answerWslProbe();
    const { chromium } = await import("playwright-core");
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = watch(page);
      const ids = new Map<string, Set<string>>();
      const links: { from: string; href: string }[] = [];
      for (const name of pages) {
        await page.goto(`file://${dir}/${name}`, { waitUntil: "load" });
        ids.set(name, new Set(await page.$$eval("[id]", (els) => els.map((e) => e.id))));
        const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")!));
        links.push(...hrefs.map((href) => ({ from: name, href })));
      }
      assertEquals(problems, [], "every page loads cleanly");
      const broken = links.filter(({ from, href }) => {
        if (href.startsWith("data:")) return false; // the charts' Vega-Lite downloads
        if (/^[a-z]+:/i.test(href)) return true; // nothing off the report
        const [file, anchor] = href.split("#");
        const target = ids.get(file || from);
        return target === undefined || (anchor !== undefined && !target.has(decodeURIComponent(anchor)));
      });
      assertEquals(broken, [], "every internal link and anchor resolves");

      await page.goto(`file://${dir}/index.html`);
      const all = await visibleRows(page);
      assert(all.length > 5, `${all.length} claims`);
      await page.fill("#claim-filter", "erratum");
      const errata = await visibleRows(page);
      assert(errata.length >= 1 && errata.length < all.length, `erratum: ${errata.join(", ")}`);
      await page.fill("#claim-filter", all[2]);
      assert((await visibleRows(page)).includes(all[2]), `filter by id ${all[2]}`);
      assert((await visibleRows(page)).length < all.length);
      await page.fill("#claim-filter", "no claim has this word zqxw");
      assertEquals(await visibleRows(page), []);
      assertEquals(await page.textContent("#claim-count"), `0 of ${all.length} claims`);
      await page.fill("#claim-filter", "");
      assertEquals((await visibleRows(page)).length, all.length);
      const artifacts = Deno.env.get("CLAIMBOOK_ARTIFACTS") || "reports/screenshots";
      await Deno.mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: `${artifacts}/index.png`, fullPage: true });

      await page.goto(`file://${dir}/lecture.html`);
      const shown = await page.$$eval(
        "section[data-slide-title]",
        (ss) => (ss as HTMLElement[]).map((s) => s.dataset.slideTitle!),
      );
      const lecture = await readLecture(undefined);
      const slides = lecture ? parseSlides(lecture.text, experiments.flatMap((e) => e.lecture)) : [];
      const expected = lecture
        ? matchCitations(slides, experiments).flatMap((c) => c.slide === undefined ? [] : [slides[c.slide].title])
        : experiments.flatMap((e) => e.lecture.filter((t) => !t.startsWith("(")));
      for (const title of expected) assert(shown.includes(title), `the lecture view shows "${title}"`);
      assertEquals(await page.locator("#broken").count(), 0, "no broken citation");
      await page.screenshot({ path: `${artifacts}/lecture.png`, fullPage: true });
      assertEquals(problems, []);
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
