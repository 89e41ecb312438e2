// factwire live view: enriched articles arrive by server-sent events (/api/events); the
// trending panel reads the Faust tables through /api/trending. No framework, no CDN.
"use strict";

const TYPES = ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
  "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"];
const TYPE_NAMES = {
  PERSON: "person", NORP: "nationality, religious or political group", FAC: "facility",
  ORG: "organisation", GPE: "country, city, state", LOC: "location", PRODUCT: "product",
  EVENT: "event", WORK_OF_ART: "work of art", LAW: "law", LANGUAGE: "language", DATE: "date",
  TIME: "time", PERCENT: "percentage", MONEY: "money", QUANTITY: "quantity",
  ORDINAL: "ordinal", CARDINAL: "number",
};
// Without a type filter the panel ranks names, not numbers and dates.
const NAMED = ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
  "LAW", "LANGUAGE"];
const HISTORY = 50;
const TRENDING_LIMIT = 10;

const state = { cards: new Map(), speakers: new Set(), typeFilter: "", speakerFilter: "" };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function tint(node, type) {
  node.style.setProperty("--tint", `var(--t-${type})`);
  return node;
}

// -- one article ------------------------------------------------------------------------------

function speakerName(claim, entities) {
  if (!claim.speaker) return null;
  const entity = entities.get(claim.speaker.entity_id);
  return entity ? entity.name : claim.speaker.name;
}

function bodyMentions(body, entities) {
  const marks = [];
  for (const entity of entities) {
    for (const m of entity.mentions) {
      if (m.field === "body" && m.end <= body.length && body.slice(m.start, m.end) === m.text) {
        marks.push({ start: m.start, end: m.end, type: entity.type, name: entity.name });
      }
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const mark of marks) {
    if (!kept.length || mark.start >= kept[kept.length - 1].end) kept.push(mark);
  }
  return kept;
}

function renderBody(body, entities, claims) {
  const marks = bodyMentions(body, entities);
  const spans = claims.filter((c) => c.end <= body.length && c.start < c.end);
  const points = new Set([0, body.length]);
  for (const x of [...marks, ...spans]) { points.add(x.start); points.add(x.end); }
  const cuts = [...points].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    while (next < marks.length && marks[next].end <= a) next += 1;
    const mark = next < marks.length && marks[next].start <= a ? marks[next] : null;
    const inClaims = spans.filter((c) => c.start <= a && b <= c.end).map((c) => c.id);
    const text = body.slice(a, b);
    if (!mark && !inClaims.length) { out.append(text); continue; }
    const node = mark ? tint(el("mark", { class: "ent", text }), mark.type) : el("span", { text });
    if (mark) {
      node.dataset.type = mark.type;
      node.dataset.start = String(mark.start);
      node.title = `${mark.type} (${TYPE_NAMES[mark.type] || ""}): ${mark.name}`;
      if (b < mark.end) node.classList.add("cont");
    }
    if (inClaims.length) { node.classList.add("in-claim"); node.dataset.claims = inClaims.join(" "); }
    out.append(node);
  }
  return out;
}

function renderClaim(claim, entities, card) {
  const speaker = speakerName(claim, entities);
  const button = el("button", { type: "button", class: "claim", "aria-pressed": "false" });
  button.dataset.claim = claim.id;
  button.append(el("span", { class: "kind", text: claim.kind }));
  button.append(speaker ? el("span", { class: "speaker", text: speaker })
    : el("span", { class: "unattributed", text: "unattributed" }));
  if (claim.cue) button.append(` ${claim.cue}`);
  if (claim.hedged) button.append(" ", el("span", { class: "hedged", text: "hedged" }));
  const worth = el("span", { class: "worth", text: "check-worthiness " });
  worth.append(el("meter", { min: "0", max: "1", value: String(claim.checkworthiness),
    "aria-label": "check-worthiness" }), ` ${claim.checkworthiness.toFixed(2)}`);
  button.append(worth, el("span", { class: "content", text: claim.content }));
  button.addEventListener("click", () => selectClaim(card, claim.id, button));
  const item = el("li", {}, button);
  item.dataset.speaker = speaker || "";
  return item;
}

function selectClaim(card, claimId, button) {
  const wasOn = button.getAttribute("aria-pressed") === "true";
  for (const other of card.querySelectorAll(".claim")) other.setAttribute("aria-pressed", "false");
  for (const seg of card.querySelectorAll(".in-claim.active")) seg.classList.remove("active");
  if (wasOn) return;
  button.setAttribute("aria-pressed", "true");
  const segments = [...card.querySelectorAll(".in-claim")]
    .filter((seg) => seg.dataset.claims.split(" ").includes(claimId));
  for (const seg of segments) seg.classList.add("active");
  if (segments.length) segments[0].scrollIntoView({ block: "nearest", behavior: "smooth" });
}

function renderArticle(item) {
  const article = item.article;
  const entities = new Map(article.entities.map((e) => [e.id, e]));
  const card = $("article-template").content.firstElementChild.cloneNode(true);
  card.dataset.articleId = article.article_id;
  card.dataset.types = [...new Set(article.entities.map((e) => e.type))].join(" ");
  const speakers = article.claims.map((c) => speakerName(c, entities)).filter(Boolean);
  card.dataset.speakers = JSON.stringify([...new Set(speakers)]);
  speakers.forEach((s) => state.speakers.add(s));
  card.setAttribute("aria-label", article.title || article.article_id);
  card.querySelector(".title").textContent = article.title || article.article_id;
  const when = new Date(article.enriched_at).toLocaleTimeString();
  card.querySelector(".meta").textContent = [article.source, `id ${article.article_id}`,
    `enriched ${when} by ${article.extractor.name}`,
    `${article.entities.length} entities · ${article.claims.length} claims`]
    .filter(Boolean).join(" · ");
  const body = card.querySelector(".body");
  if (item.body === null) {
    body.append(el("p", { class: "missing",
      text: "The body was published before this view started, so only the entities are shown: " }));
    for (const e of article.entities) body.append(tint(el("span", { class: "chip", text: e.name }), e.type), " ");
  } else {
    body.append(renderBody(item.body, article.entities, article.claims));
  }
  const claims = card.querySelector(".claims");
  for (const claim of article.claims) claims.append(renderClaim(claim, entities, card));
  if (!article.claims.length) card.querySelector(".claims-title").textContent = "No claims";
  return card;
}

// -- the list, its filters --------------------------------------------------------------------

function upsert(item, fresh) {
  const key = `${item.article.article_id}:${item.article.content_sha256}`;
  const card = renderArticle(item);
  card.dataset.shownAt = String(Date.now());
  const old = state.cards.get(key);
  const list = $("articles");
  if (old) old.replaceWith(card);
  else list.insertBefore(card, list.querySelector(".article"));
  if (fresh && !old) card.classList.add("fresh");
  state.cards.set(key, card);
  while (state.cards.size > HISTORY) {
    const [oldest] = state.cards.keys();
    state.cards.get(oldest).remove();
    state.cards.delete(oldest);
  }
  $("empty").classList.toggle("hidden", state.cards.size > 0);
  applyFilters(card);
  refreshSpeakers();
}

function applyFilters(only) {
  const cards = only ? [only] : state.cards.values();
  for (const card of cards) {
    const types = card.dataset.types.split(" ");
    const speakers = JSON.parse(card.dataset.speakers);
    const show = (!state.typeFilter || types.includes(state.typeFilter))
      && (!state.speakerFilter || speakers.includes(state.speakerFilter));
    card.classList.toggle("hidden", !show);
    const body = card.querySelector(".body");
    body.classList.toggle("type-filtered", Boolean(state.typeFilter));
    for (const mark of body.querySelectorAll("mark.ent")) {
      mark.classList.toggle("chosen", mark.dataset.type === state.typeFilter);
    }
    for (const li of card.querySelectorAll(".claims li")) {
      li.classList.toggle("hidden", Boolean(state.speakerFilter) && li.dataset.speaker !== state.speakerFilter);
    }
  }
}

function refreshSpeakers() {
  const select = $("speaker-filter");
  const known = new Set([...select.options].map((o) => o.value));
  for (const name of [...state.speakers].sort()) {
    if (!known.has(name)) select.append(el("option", { value: name, text: name }));
  }
}

function setFilters(type, speaker) {
  state.typeFilter = type;
  state.speakerFilter = speaker;
  $("type-filter").value = type;
  if (speaker && ![...$("speaker-filter").options].some((o) => o.value === speaker)) {
    state.speakers.add(speaker);
    refreshSpeakers();
  }
  $("speaker-filter").value = speaker;
  applyFilters();
  loadTrending();
}

// -- trending panel ---------------------------------------------------------------------------

let trendingTimer = null;

async function loadTrending() {
  const select = $("window-select");
  const params = new URLSearchParams({ limit: String(TRENDING_LIMIT) });
  if (select.value) params.set("window", select.value);
  params.set("type", state.typeFilter || NAMED.join(","));
  try {
    const response = await fetch(`/api/trending?${params}`);
    if (!response.ok) return;
    renderTrending(await response.json());
  } catch (error) {
    // the status line already says when the view is unreachable
  }
}

let shownTrending = "";

function renderTrending(data) {
  // Unchanged counts leave the panel alone, so keyboard focus on a speaker is not lost.
  const key = JSON.stringify(data);
  if (key === shownTrending) return;
  shownTrending = key;
  const select = $("window-select");
  if (select.options.length !== data.windows.length) {
    select.replaceChildren(...data.windows.map((w) => el("option", { value: w, text: w })));
    select.value = data.window;
  }
  const from = new Date(data.start).toLocaleString(), to = new Date(data.end).toLocaleTimeString();
  $("window-range").textContent = `tumbling window ${from} – ${to}`;
  const entities = data.entities.map((e) => {
    const li = el("li", {}, el("div", { class: "row" },
      tint(el("span", { class: "chip", text: e.name }), e.type),
      el("span", { class: "count", text: `${e.articles} · ${e.mentions}` })));
    li.title = `${e.type}: ${e.articles} articles, ${e.mentions} mentions, ${e.claims} claims`;
    return li;
  });
  $("trending-entities").replaceChildren(...(entities.length ? entities : [el("li", { text: "none yet" })]));
  const speakers = data.speakers.map((s) => {
    const button = el("button", { type: "button", text: s.name,
      title: `show only the claims of ${s.name}` });
    button.addEventListener("click", () => setFilters(state.typeFilter, s.name));
    const count = el("span", { class: "count", text: `${s.claims} · ${s.checkworthy}` });
    return el("li", {}, el("div", { class: "row" }, button, count));
  });
  $("trending-speakers").replaceChildren(...(speakers.length ? speakers : [el("li", { text: "none yet" })]));
}

function trendingSoon() {
  clearTimeout(trendingTimer);
  trendingTimer = setTimeout(loadTrending, 300);
}

// -- live connection --------------------------------------------------------------------------

async function loadLatest() {
  const response = await fetch(`/api/articles?limit=${HISTORY}`);
  if (!response.ok) return;
  const items = await response.json();
  for (const item of items.reverse()) upsert(item, false);
}

function status(text, live) {
  const line = $("status");
  line.textContent = text;
  line.classList.toggle("live", live);
  line.classList.toggle("down", !live);
}

function connect() {
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => {
    status("live", true);
    loadLatest().then(loadTrending);
  });
  source.addEventListener("article", (event) => {
    upsert(JSON.parse(event.data), true);
    trendingSoon();
  });
  source.addEventListener("error", () => status("reconnecting…", false));
}

function setup() {
  const legend = $("legend");
  for (const type of TYPES) {
    legend.append(el("li", { title: TYPE_NAMES[type] }, tint(el("span", { class: "chip", text: type }), type)));
    $("type-filter").append(el("option", { value: type, text: `${type} (${TYPE_NAMES[type]})` }));
  }
  $("type-filter").addEventListener("change", (e) => setFilters(e.target.value, state.speakerFilter));
  $("speaker-filter").addEventListener("change", (e) => setFilters(state.typeFilter, e.target.value));
  $("clear-filters").addEventListener("click", () => setFilters("", ""));
  $("window-select").addEventListener("change", loadTrending);
  setInterval(loadTrending, 5000);
  connect();
}

document.addEventListener("DOMContentLoaded", setup);
