// Search the digest with Pagefind's index (built by `invoke build`), in every article language at once.
// Results are rewritten to the reader's interface language, so a search never takes them out of it.
// Text is inserted with textContent; only Pagefind's <mark> highlighting is rebuilt as elements.
const box = document.getElementById("search");
const form = box.querySelector("form");
const input = box.querySelector("input[type=search]");
const status = box.querySelector("[role=status]");
const list = box.querySelector("ol");
const { bundle, lang, languages, numbering } = box.dataset;
const labels = JSON.parse(box.dataset.labels);
const interfaceLanguages = languages.split(" ");
const numbers = new Intl.NumberFormat(`${lang}-u-nu-${numbering}`);
let pagefind;
let latest = 0;

function inInterfaceLanguage(url) {
  // Indexed pages live under /<lang>/…: point at the same page under the reader's language.
  const match = url.match(/^(.*?\/)([a-z]{2,3})(\/.*)$/);
  return match && interfaceLanguages.includes(match[2]) ? `${match[1]}${lang}${match[3]}` : url;
}

function excerptNodes(excerpt) {
  // Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that, nothing else.
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function render(results) {
  list.replaceChildren(...results.map((data) => {
    const item = document.createElement("li");
    item.className = "search-result";
    const kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = labels[data.meta.kind] || "";
    const title = document.createElement("a");
    title.href = inInterfaceLanguage(data.url);
    title.textContent = data.meta.title || data.url;
    if (data.meta.lang) {
      title.lang = data.meta.lang;
      title.dir = data.meta.dir || "auto";
    }
    const heading = document.createElement("h2");
    heading.append(title);
    const excerpt = document.createElement("p");
    excerpt.className = "search-excerpt";
    excerpt.dir = "auto";
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(kind, heading, excerpt);
    return item;
  }));
}

async function search(query) {
  const ticket = ++latest;
  const params = new URL(location.href);
  params.searchParams.set("q", query);
  history.replaceState(null, "", params);
  if (!query.trim()) {
    status.textContent = "";
    list.replaceChildren();
    return;
  }
  status.textContent = labels.searching;
  if (!pagefind) {
    const bundleUrl = new URL(bundle, location.href);
    pagefind = await import(new URL("pagefind.js", bundleUrl));
    // Result addresses are relative to the site root, wherever the site is served from (a project subpath too).
    await pagefind.options({ baseUrl: new URL("..", bundleUrl).pathname });
  }
  const found = await pagefind.search(query);
  const results = await Promise.all(found.results.slice(0, 30).map((result) => result.data()));
  if (ticket !== latest) return; // a newer query has started
  status.textContent = results.length
    ? `${labels.results} ${numbers.format(found.results.length)}`
    : labels.none;
  render(results);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(input.value);
});
let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => search(input.value), 200);
});
box.hidden = false;
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  search(initial);
}
