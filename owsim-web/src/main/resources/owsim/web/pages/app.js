// Shared by every page: the header, calls to the API, errors shown at their field, and the charts' look.
"use strict";
const owsim = (() => {
  // The palette and font of the chart module (report.html, claims.html, the analysis page), so every chart looks the same.
  const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733", "#999933", "#661100"];
  const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  const PAGES = [["cost.html", "Cost"], ["market.html", "Market"], ["agent.html", "Agent run"], ["claims.html", "Claims"],
    ["experiments.html", "Experiments"]];

  function header(current) {
    const h = document.createElement("header");
    h.innerHTML = "<strong>owsim</strong><nav></nav><span class='muted'>the open-weights economy simulator</span>";
    const nav = h.querySelector("nav");
    for (const [href, name] of PAGES) {
      const a = document.createElement("a");
      a.href = href; a.textContent = name;
      if (href === current) a.className = "here";
      nav.appendChild(a);
    }
    document.body.prepend(h);
  }

  /** An API error: the server's {status, error, field, line}. */
  class ApiError extends Error {
    constructor(problem) { super(problem.error); this.problem = problem; }
  }

  async function call(url, options) {
    const r = await fetch(url, options);
    const text = await r.text();
    if (!r.ok) {
      let p;
      try { p = JSON.parse(text); } catch (e) { p = {status: r.status, error: text || r.statusText}; }
      throw new ApiError(p);
    }
    return {response: r, text: text, json: () => JSON.parse(text)};
  }

  async function json(url, options) {
    return (await call(url, options)).json();
  }

  /** Clears the error marks of a form. */
  function clearErrors(form) {
    for (const el of form.querySelectorAll(".invalid")) el.classList.remove("invalid");
    for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
  }

  /**
   * Shows an API error at the field it names (an element with data-field), else in the page's
   * message box. Returns true if a field took it.
   */
  function showError(form, box, err) {
    const p = err instanceof ApiError ? err.problem : {error: String(err)};
    let shown = false;
    if (p.field && form) {
      const input = form.querySelector("[name='" + CSS.escape(p.field) + "']");
      const slot = form.querySelector(".field-error[data-field='" + CSS.escape(p.field) + "']");
      if (input) input.classList.add("invalid");
      if (slot) { slot.textContent = p.error; shown = true; }
    }
    if (!shown && box) message(box, "error", p.error + (p.line ? " (line " + p.line + ")" : ""));
    else if (box) message(box, null, "");
    return shown;
  }

  function message(box, kind, text) {
    box.className = kind ? "message " + kind : "";
    box.textContent = text;
    box.hidden = !text;
  }

  /** A chart in an element, resized with the window. */
  function chart(el) {
    const c = echarts.init(el, null, {renderer: "canvas"});
    // Columns added after this chart narrow it: follow the element's size, not the window's.
    new ResizeObserver(() => c.resize()).observe(el);
    return c;
  }

  /** The options every chart shares: palette, font, tooltip, legend that toggles series. */
  function base(title, extra) {
    return Object.assign({
      color: PALETTE,
      textStyle: {fontFamily: FONT},
      title: {text: title, left: 8, top: 4, textStyle: {fontSize: 13, fontWeight: 600}},
      tooltip: {trigger: "axis", valueFormatter: v => fmt(v)},
      legend: {type: "scroll", bottom: 0},
      grid: {left: 64, right: 24, top: 52, bottom: 56, containLabel: false},
      animation: false,
    }, extra || {});
  }

  /** A number as people read it: 3 significant figures, k/M/B suffixes for large ones. */
  function fmt(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    if (typeof v !== "number") return String(v);
    const a = Math.abs(v);
    if (a >= 1e12) return (v / 1e12).toPrecision(3) + " T";
    if (a >= 1e9) return (v / 1e9).toPrecision(3) + " B";
    if (a >= 1e6) return (v / 1e6).toPrecision(3) + " M";
    if (a >= 1e4) return (v / 1e3).toPrecision(3) + " k";
    if (a === 0) return "0";
    if (a >= 100) return v.toFixed(0);
    return Number(v.toPrecision(3)).toString();
  }

  function pct(v) {
    return v === null || v === undefined || Number.isNaN(v) ? "–" : (100 * v).toFixed(1) + " %";
  }

  function usd(v) {
    return v === null || v === undefined ? "–" : "$" + fmt(v);
  }

  /** A table from rows of cells; a cell that is a number is right-aligned. */
  function table(el, head, rows) {
    const t = document.createElement("table");
    t.className = "data";
    const tr = t.createTHead().insertRow();
    for (const h of head) { const th = document.createElement("th"); th.textContent = h; tr.appendChild(th); }
    const body = t.createTBody();
    for (const row of rows) {
      const r = body.insertRow();
      for (const cell of row) {
        const td = r.insertCell();
        if (cell && typeof cell === "object" && "html" in cell) { td.innerHTML = cell.html; if (cell.cls) td.className = cell.cls; }
        else { td.textContent = cell === null || cell === undefined ? "–" : String(cell); if (typeof cell === "number") td.className = "num"; }
      }
    }
    el.replaceChildren(t);
    return t;
  }

  /** Parses the CSV the commands write (RFC 4180, quotes only where needed). */
  function csv(text) {
    const rows = [];
    let row = [], field = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false; }
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { row.push(field); field = ""; }
      else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
      else if (c !== "\r") field += c;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  /** Follows a queued job's server-sent events: each progress state to onProgress, the last one to onEnd. */
  function followJob(job, onProgress, onEnd) {
    const source = new EventSource("/api/jobs/" + job + "/events");
    source.addEventListener("progress", e => onProgress(JSON.parse(e.data)));
    source.addEventListener("end", e => { source.close(); onEnd(JSON.parse(e.data)); });
    source.onerror = () => source.close();
  }

  /** A job's progress in a bar and a line of text, counting unit (user-months, evaluations). */
  function showProgress(bar, text, s, unit) {
    bar.value = s.fraction;
    text.textContent = s.state + ": " + fmt(s.done) + " of " + fmt(s.total) + " " + unit + " ("
      + (100 * s.fraction).toFixed(0) + " %)" + (s.etaSeconds !== undefined ? ", about " + Math.round(s.etaSeconds) + " s left" : "");
    text.dataset.state = s.state;
  }

  /** Calls fn at most once per wait, with the last arguments (a slider's run on every change). */
  function debounce(fn, wait) {
    let t = null;
    return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), wait); };
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  return {header, call, json, clearErrors, showError, message, chart, base, fmt, pct, usd, table, csv, followJob, showProgress, debounce, esc, ApiError, PALETTE};
})();
