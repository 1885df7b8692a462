// factextract viewer: sends an article to POST /v1/extractions and highlights what came back.
// Article text is untrusted input: every piece of it enters the page through text nodes or
// textContent, never through HTML parsing.
"use strict";

(() => {
  const LAYERS = ["quote", "figure", "date", "claim"];
  // Figures of these kinds carry an ISO value and are shown as dates.
  const DATE_KINDS = new Set(["date", "time"]);
  // Outer layers open first when spans start together, so a figure nests inside its claim.
  const NESTING = { claim: 0, quote: 1, speaker: 2, cue: 2, figure: 3, date: 3 };
  const KEY_STORAGE = "factextract.apiKey";
  const QUOTE_TYPES = { direct: "Direct quote", partial: "Partial quote", indirect: "Reported speech" };
  // The side list is "who said it": a quote whose speaker resolves to no person or organization (a place,
  // "a city survey", an unresolved "it") is listed apart rather than under a name that says nobody.
  const SPEAKER_TYPES = new Set(["person", "organization"]);
  const PRONOUNS = new Set(["i", "we", "you", "he", "she", "it", "they", "him", "her", "them", "us", "me", "one"]);

  const $ = (id) => document.getElementById(id);

  // ---- small DOM helpers (text only) -------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function apiUrl(path) {
    // Relative to the page, so a stage prefix such as /Prod/ is kept.
    return new URL(path, document.baseURI).href;
  }

  // ---- offsets -----------------------------------------------------------------------------

  // The API counts characters as Unicode code points (Python str indexes); JavaScript strings
  // index UTF-16 code units. Without this map every emoji would shift later highlights.
  function codeUnitOffsets(text) {
    const offsets = [0];
    let unit = 0;
    for (const character of text) {
      unit += character.length;
      offsets.push(unit);
    }
    return (index) => offsets[Math.max(0, Math.min(index, offsets.length - 1))];
  }

  // ---- from an Extraction to annotations ---------------------------------------------------

  function annotationsOf(extraction, toUnit) {
    const annotations = [];
    const shared = new Map(); // one speaker or cue mark serves every quote that shares it

    function add(kind, layer, start, end, props) {
      const from = toUnit(start);
      const to = toUnit(end);
      if (!(to > from)) return null;
      const annotation = { kind, layer, start: from, end: to, ...props };
      annotations.push(annotation);
      return annotation;
    }

    function addShared(kind, span, quoteId) {
      const key = `${kind}:${span.start}:${span.end}`;
      const existing = shared.get(key);
      if (existing) {
        existing.quoteIds.push(quoteId);
        return;
      }
      const annotation = add(kind, "quote", span.start, span.end, { item: span, quoteIds: [quoteId] });
      if (annotation) shared.set(key, annotation);
    }

    for (const quote of extraction.quotes || []) {
      const spans = quote.spans && quote.spans.length ? quote.spans : [[quote.start, quote.end]];
      spans.forEach(([start, end], part) => add("quote", "quote", start, end, { item: quote, part }));
      if (quote.speaker) addShared("speaker", quote.speaker, quote.id);
      if (quote.cue) addShared("cue", quote.cue, quote.id);
    }
    for (const figure of extraction.figures || []) {
      const layer = DATE_KINDS.has(figure.kind) ? "date" : "figure";
      add(layer, layer, figure.start, figure.end, { item: figure });
    }
    for (const claim of extraction.claims || []) {
      add("claim", "claim", claim.start, claim.end, { item: claim });
    }
    return annotations;
  }

  function outerFirst(a, b) {
    return a.start - b.start || b.end - a.end || NESTING[a.kind] - NESTING[b.kind];
  }

  // ---- descriptions (tooltip lines, badges) ------------------------------------------------

  function number(value) {
    return typeof value === "number" ? String(value) : value;
  }

  function figureValue(figure) {
    if (figure.value !== null && figure.value !== undefined) {
      if (figure.kind === "percent") return `${number(figure.value)}%`;
      const parts = [figure.currency, number(figure.value), figure.unit].filter((part) => part);
      return parts.join(" ");
    }
    if (figure.min !== null && figure.min !== undefined) {
      return `${number(figure.min)}–${number(figure.max)}${figure.unit ? " " + figure.unit : ""}`;
    }
    return "unresolved";
  }

  function speakerName(quote) {
    if (!quote.speaker) return null;
    return quote.speaker.name || quote.speaker.text;
  }

  function describe(annotation, quotesById, claimCount) {
    const item = annotation.item;
    switch (annotation.kind) {
      case "quote": {
        const lines = [QUOTE_TYPES[item.type] || item.type];
        if (item.speaker) {
          const role = item.speaker.role ? ` (${item.speaker.role})` : "";
          lines.push(`Speaker: ${speakerName(item)}${role}`);
          if (item.speaker.name && item.speaker.text !== item.speaker.name) {
            lines.push(`Mentioned as: “${item.speaker.text}”`);
          }
        } else {
          lines.push("Speaker: not found");
        }
        if (item.cue) lines.push(`Cue: ${item.cue.text}`);
        lines.push(`Confidence: ${item.confidence.toFixed(2)}`);
        return lines;
      }
      case "speaker":
      case "cue": {
        const label = annotation.kind === "speaker" ? "Speaker mention" : "Attribution cue";
        const quotes = annotation.quoteIds.map((id) => quotesById.get(id)).filter(Boolean);
        const lines = [label];
        if (annotation.kind === "speaker" && quotes.length) lines.push(`Resolves to: ${speakerName(quotes[0])}`);
        lines.push(`For ${quotes.length} quote${quotes.length === 1 ? "" : "s"}`);
        return lines;
      }
      case "figure":
      case "date": {
        const lines = [`${item.kind}: ${figureValue(item)}`];
        if (item.qualifier) lines.push(`Qualifier: ${item.qualifier}`);
        if (item.counted) lines.push(`Counts: ${item.counted}`);
        lines.push(`Confidence: ${item.confidence.toFixed(2)}`);
        return lines;
      }
      case "claim": {
        const lines = [`Claim, check-worthiness ${item.checkworthiness.toFixed(2)}`];
        // rank is newer than the page: older APIs answer without it.
        if (Number.isInteger(item.rank)) lines.push(`Rank ${item.rank} of ${claimCount} (1 = most check-worthy)`);
        if (item.kinds && item.kinds.length) lines.push(`Kinds: ${item.kinds.join(", ")}`);
        if (item.claimant) lines.push(`Claimant: ${item.claimant}`);
        return lines;
      }
      default:
        return [];
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  function pieceFor(annotation, first) {
    const node = element("mark", `hl hl-${annotation.kind}`);
    node.dataset.layer = annotation.layer;
    node.dataset.kind = annotation.kind;
    const item = annotation.item;
    if (annotation.quoteIds) {
      node.dataset.for = annotation.quoteIds.join(" ");
    } else {
      node.dataset.id = item.id;
    }
    if (annotation.kind === "quote") {
      node.classList.add(`q-${item.type}`);
      node.dataset.type = item.type;
      node.dataset.part = String(annotation.part);
      node.dataset.speaker = speakerName(item) || "";
    }
    if (annotation.kind === "claim") {
      node.dataset.score = String(item.checkworthiness);
      // A custom property set through the CSSOM, which the style-src policy allows (a style attribute it would not).
      node.style.setProperty("--cw", String(item.checkworthiness));
    }
    // Only the first piece of a main highlight takes focus; speaker and cue marks are reached
    // through their quote, so the tab order stays one stop per fact.
    if (first && !annotation.quoteIds) {
      node.classList.add("first");
      node.tabIndex = 0;
      node.setAttribute("aria-describedby", "tip");
    }
    return node;
  }

  // Spans overlap freely (a figure inside a quote inside a claim, a quote crossing a claim's end).
  // Cutting the text at every boundary gives segments that each lie inside a fixed set of
  // annotations; keeping a stack of open marks and reopening the ones a closing mark interrupts
  // yields properly nested elements, with one annotation spread over several "pieces".
  function render(container, text, annotations) {
    annotations.sort(outerFirst);
    const points = new Set([0, text.length]);
    for (const annotation of annotations) {
      points.add(annotation.start);
      points.add(annotation.end);
    }
    const cuts = [...points].filter((point) => point >= 0 && point <= text.length).sort((a, b) => a - b);
    const pieces = new Map(annotations.map((annotation) => [annotation, []]));
    const stack = [];
    const fragment = document.createDocumentFragment();
    // A sweep over the cuts: annotations enter when they start and leave when they end, so each segment
    // looks only at the few open ones (a 100,000-character article has thousands of annotations).
    let open = [];
    let next = 0;
    for (let index = 0; index + 1 < cuts.length; index += 1) {
      const from = cuts[index];
      const to = cuts[index + 1];
      open = open.filter((annotation) => annotation.end > from);
      let entered = false;
      while (next < annotations.length && annotations[next].start <= from) {
        if (annotations[next].end > from) open.push(annotations[next]);
        next += 1;
        entered = true;
      }
      if (entered) open.sort(outerFirst);
      // No boundary lies inside (from, to), so every open annotation covers the whole segment.
      const covering = open;
      let kept = 0;
      while (kept < stack.length && kept < covering.length && stack[kept].annotation === covering[kept]) kept += 1;
      stack.length = kept;
      for (const annotation of covering.slice(kept)) {
        const node = pieceFor(annotation, pieces.get(annotation).length === 0);
        pieces.get(annotation).push(node);
        (stack.length ? stack[stack.length - 1].node : fragment).appendChild(node);
        stack.push({ annotation, node });
      }
      (stack.length ? stack[stack.length - 1].node : fragment).appendChild(document.createTextNode(text.slice(from, to)));
    }
    container.replaceChildren(fragment);
    for (const [annotation, nodes] of pieces) {
      if (annotation.kind === "figure" || annotation.kind === "date") {
        // The normalized value is drawn by CSS after the last piece, so the article's own text
        // stays exactly the input text.
        nodes[nodes.length - 1].dataset.badge = figureValue(annotation.item);
      }
    }
    return pieces;
  }

  // ---- the side list of quotes by speaker --------------------------------------------------

  // The person or organization a quote's speaker resolves to, or null.
  function namedSpeaker(quote, entitiesById) {
    const speaker = quote.speaker;
    const entity = speaker && speaker.entity_id ? entitiesById.get(speaker.entity_id) : null;
    if (!entity || !SPEAKER_TYPES.has(entity.type)) return null;
    const name = entity.name || speaker.name;
    if (!name || PRONOUNS.has(name.trim().toLowerCase())) return null;
    return { id: entity.id, name, type: entity.type, role: speaker.role || entity.role };
  }

  function quoteList(quotes, focusQuote, withSource) {
    const items = element("ol");
    for (const quote of quotes) {
      const button = element("button", `quote-link q-${quote.type}`);
      button.type = "button";
      button.dataset.quoteId = quote.id;
      button.appendChild(element("span", "quote-type", quote.type));
      button.appendChild(element("span", "quote-text", quote.text));
      if (withSource && quote.speaker) {
        button.appendChild(element("span", "quote-source", `attributed to “${quote.speaker.text}”`));
      }
      button.addEventListener("click", () => focusQuote(quote.id));
      const item = element("li");
      item.appendChild(button);
      items.appendChild(item);
    }
    return items;
  }

  function renderSpeakers(list, extraction, focusQuote) {
    const quotes = extraction.quotes || [];
    const entitiesById = new Map((extraction.entities || []).map((entity) => [entity.id, entity]));
    const groups = new Map(); // entity id -> its speaker and quotes: one person however the text names them
    const unnamed = [];
    for (const quote of quotes) {
      const speaker = namedSpeaker(quote, entitiesById);
      if (!speaker) {
        unnamed.push(quote);
        continue;
      }
      if (!groups.has(speaker.id)) groups.set(speaker.id, { ...speaker, quotes: [] });
      const group = groups.get(speaker.id);
      group.role = group.role || speaker.role;
      group.quotes.push(quote);
    }
    const ordered = [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
    const fragment = document.createDocumentFragment();
    for (const group of ordered) {
      const section = element("section", "speaker-group");
      section.dataset.speaker = group.name;
      section.dataset.type = group.type;
      const heading = element("h4", null, group.name);
      if (group.role) heading.appendChild(element("span", "role", group.role));
      section.appendChild(heading);
      section.appendChild(quoteList(group.quotes, focusQuote, false));
      fragment.appendChild(section);
    }
    if (unnamed.length) {
      const section = element("section", "speaker-group unnamed-quotes");
      section.appendChild(element("h4", null, "Quotes without a named speaker"));
      section.appendChild(quoteList(unnamed, focusQuote, true));
      fragment.appendChild(section);
    }
    if (!quotes.length) fragment.appendChild(element("p", "help", "No quotes found."));
    list.replaceChildren(fragment);
  }

  // ---- the viewer --------------------------------------------------------------------------

  function createViewer() {
    const article = $("article");
    const tip = $("tip");
    let byNode = new WeakMap();
    let piecesOf = new Map(); // item id -> its pieces, for hover and focus styling
    let attributionOf = new Map(); // quote id -> the pieces of its speaker and cue marks
    let quotesById = new Map();
    let claimPieces = []; // [score, its pieces] per claim, for the threshold slider
    const slider = $("claim-threshold");

    function showTip(node, annotation) {
      const lines = describe(annotation, quotesById, claimPieces.length);
      tip.replaceChildren(...lines.map((line) => element("span", null, line)));
      tip.hidden = false;
      const box = node.getBoundingClientRect();
      const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
      // Below the highlight, or above it when the window has no room left below.
      const below = box.bottom + 6 + tip.offsetHeight <= window.innerHeight || box.top < tip.offsetHeight + 6;
      const top = below ? box.bottom + 6 : box.top - tip.offsetHeight - 6;
      tip.style.left = `${left + window.scrollX}px`;
      tip.style.top = `${top + window.scrollY}px`;
    }

    function related(annotation) {
      const ids = annotation.quoteIds || [annotation.item.id];
      const nodes = ids.flatMap((id) => piecesOf.get(id) || []);
      if (annotation.kind === "quote") nodes.push(...(attributionOf.get(annotation.item.id) || []));
      return nodes;
    }

    function activate(node) {
      for (const active of article.querySelectorAll(".active")) active.classList.remove("active");
      if (!node) {
        tip.hidden = true;
        return;
      }
      const annotation = byNode.get(node);
      for (const piece of related(annotation)) piece.classList.add("active");
      showTip(node, annotation);
    }

    function isShown(node) {
      return !article.classList.contains(`hide-${node.dataset.layer}`) && !node.classList.contains("below");
    }

    // The innermost shown highlight: a hidden layer's marks, and claims under the threshold, stay in the DOM
    // but say nothing.
    function shownHighlight(target) {
      for (let node = target.closest(".hl"); node; node = node.parentElement.closest(".hl")) {
        if (isShown(node)) return node;
      }
      return null;
    }

    article.addEventListener("mouseover", (event) => activate(shownHighlight(event.target)));
    article.addEventListener("mouseleave", () => {
      activate(article.contains(document.activeElement) ? shownHighlight(document.activeElement) : null);
    });
    article.addEventListener("focusin", (event) => activate(shownHighlight(event.target)));
    article.addEventListener("focusout", () => activate(null));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") tip.hidden = true;
    });

    function focusQuote(id) {
      const toggle = document.querySelector('#layers input[data-layer="quote"]');
      if (!toggle.checked) {
        toggle.checked = true;
        setLayer("quote", true);
      }
      const first = (piecesOf.get(id) || [])[0];
      if (first) {
        first.scrollIntoView({ block: "center", behavior: "smooth" });
        first.focus({ preventScroll: true });
      }
    }

    function setLayer(layer, visible) {
      article.classList.toggle(`hide-${layer}`, !visible);
      // A hidden highlight must not stay a tab stop.
      for (const node of article.querySelectorAll(`.first[data-layer="${layer}"]`)) {
        node.tabIndex = isShown(node) ? 0 : -1;
      }
    }

    for (const toggle of document.querySelectorAll("#layers input[data-layer]")) {
      toggle.addEventListener("change", () => setLayer(toggle.dataset.layer, toggle.checked));
    }

    // Scores come rounded to 4 places and the slider moves in hundredths: a claim of 0.5 shows at 0.50.
    function applyThreshold() {
      const threshold = Number(slider.value);
      $("claim-threshold-value").textContent = threshold.toFixed(2);
      let shown = 0;
      for (const [score, nodes] of claimPieces) {
        const below = score < threshold - 1e-9;
        if (!below) shown += 1;
        for (const node of nodes) node.classList.toggle("below", below);
      }
      setLayer("claim", document.querySelector('#layers input[data-layer="claim"]').checked);
      const total = claimPieces.length;
      document.querySelector('[data-count="claim"]').textContent = shown === total ? `(${total})` : `(${shown} of ${total})`;
      return shown;
    }

    slider.addEventListener("input", applyThreshold);

    // The slider runs from the weakest returned claim to 1 and starts there: the API returns only claims at or
    // above its own threshold, chosen on annotated news, so by default every claim it returned is shown.
    function resetThreshold(claims) {
      const lowest = claims.length ? Math.min(...claims.map((claim) => claim.checkworthiness)) : 0;
      const floor = Math.floor(lowest * 100) / 100;
      slider.min = floor.toFixed(2);
      slider.value = floor.toFixed(2);
      slider.disabled = !claims.length;
    }

    // A failed request must not leave the previous article's answer under its message.
    function clear() {
      $("result").hidden = true;
      tip.hidden = true;
      article.replaceChildren();
      $("speaker-list").replaceChildren();
      $("extraction-id").textContent = "";
      const download = $("download-json");
      if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
      download.removeAttribute("href");
      byNode = new WeakMap();
      piecesOf = new Map();
      attributionOf = new Map();
      quotesById = new Map();
      claimPieces = [];
    }

    function show(text, extraction) {
      quotesById = new Map((extraction.quotes || []).map((quote) => [quote.id, quote]));
      const annotations = annotationsOf(extraction, codeUnitOffsets(text));
      const pieces = render(article, text, annotations);
      byNode = new WeakMap();
      piecesOf = new Map();
      attributionOf = new Map();
      const collect = (map, id, nodes) => map.set(id, (map.get(id) || []).concat(nodes));
      for (const [annotation, nodes] of pieces) {
        for (const node of nodes) byNode.set(node, annotation);
        if (annotation.quoteIds) {
          for (const id of annotation.quoteIds) collect(attributionOf, id, nodes);
        } else {
          collect(piecesOf, annotation.item.id, nodes);
        }
      }
      claimPieces = [...pieces]
        .filter(([annotation]) => annotation.kind === "claim")
        .map(([annotation, nodes]) => [annotation.item.checkworthiness, nodes]);
      const counts = {};
      for (const layer of LAYERS) {
        const count = new Set(annotations.filter((annotation) => annotation.kind === layer).map((a) => a.item.id)).size;
        counts[layer] = count;
        document.querySelector(`[data-count="${layer}"]`).textContent = `(${count})`;
        setLayer(layer, document.querySelector(`#layers input[data-layer="${layer}"]`).checked);
      }
      resetThreshold(extraction.claims || []);
      counts.shownClaims = applyThreshold();
      renderSpeakers($("speaker-list"), extraction, focusQuote);
      $("raw-json").href = apiUrl(`v1/extractions/${encodeURIComponent(extraction.id)}`);
      const download = $("download-json");
      if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
      const json = new Blob([JSON.stringify(extraction, null, 2)], { type: "application/json" });
      download.href = URL.createObjectURL(json);
      download.download = `${extraction.id}.json`;
      $("extraction-id").textContent = extraction.id;
      $("result").hidden = false;
      return counts;
    }

    return { show, clear };
  }

  // ---- the form ----------------------------------------------------------------------------

  function storedKey() {
    try {
      return window.localStorage.getItem(KEY_STORAGE) || "";
    } catch {
      return ""; // storage can be disabled (private browsing); the field still works
    }
  }

  function rememberKey(key, remember) {
    try {
      if (remember && key) window.localStorage.setItem(KEY_STORAGE, key);
      else window.localStorage.removeItem(KEY_STORAGE);
    } catch {
      // Nothing to do: the key is still sent with this request.
    }
  }

  function errorMessage(response, payload) {
    if (payload && payload.message) {
      const field = payload.field ? ` (${payload.field})` : "";
      return `${payload.code || response.status}: ${payload.message}${field}`;
    }
    if (response.status === 403) return "The API refused the request (403): check the API key.";
    return `The API answered ${response.status} ${response.statusText}.`;
  }

  function counted(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  // The answer lands below a tall form: bring it into view, and focus it so a screen reader reads on from there.
  function showResult() {
    const result = $("result");
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    result.focus({ preventScroll: true });
    result.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
  }

  function start() {
    const viewer = createViewer();
    const form = $("extract-form");
    const button = $("extract-button");
    const keyField = $("api-key");
    const remember = $("remember-key");
    const saved = storedKey();
    if (saved) {
      keyField.value = saved;
      remember.checked = true;
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = $("article-text").value;
      if (!text.trim()) {
        viewer.clear();
        setStatus("Paste an article first.", true);
        $("article-text").focus();
        return;
      }
      const body = { text };
      const published = $("published-at").value;
      if (published) body.published_at = published;
      if ($("join-follow-ups").checked) body.follow_up_quotes = "joined";
      const headers = { "Content-Type": "application/json", Accept: "application/json" };
      const key = keyField.value.trim();
      if (key) headers["x-api-key"] = key;
      rememberKey(key, remember.checked);

      button.disabled = true;
      form.setAttribute("aria-busy", "true");
      setStatus("Extracting…");
      try {
        const response = await fetch(apiUrl("v1/extractions"), { method: "POST", headers, body: JSON.stringify(body) });
        const payload = await response.json().catch(() => null);
        if (!response.ok || !payload) {
          viewer.clear();
          setStatus(errorMessage(response, payload), true);
          return;
        }
        const counts = viewer.show(text, payload);
        setStatus(`Found ${counted(counts.quote, "quote")}, ${counted(counts.figure, "figure")}, ` +
          `${counted(counts.date, "date")} and ${counted(counts.claim, "claim")} ` +
          `(${counts.shownClaims} shown at the slider's threshold).`);
        showResult();
      } catch (error) {
        viewer.clear();
        setStatus(`The API could not be reached: ${error.message}`, true);
      } finally {
        button.disabled = false;
        form.removeAttribute("aria-busy");
      }
    });
    // Before this, pressing the button would submit the form natively, reloading the page: scripts driving
    // the page (the browser test) wait for this mark.
    form.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
