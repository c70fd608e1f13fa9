// The search page: Pagefind's interface, with the query from the search box of the other pages
// (search.html?q=...). Result links are made relative to the folder the site is served from.
// A large site's index comes in parts (each built by its own Pagefind run, to bound its memory);
// parts.json in the first lists the others, which the interface searches together with it.
window.addEventListener("DOMContentLoaded", async () => {
  const element = document.getElementById("search");
  if (location.protocol === "file:") {
    document.getElementById("search-file-warning").hidden = false;
    return;
  }
  const bundle = new URL(element.dataset.bundle, location.href);
  let parts = [];
  try {
    const response = await fetch(new URL("parts.json", bundle));
    parts = response.ok ? await response.json() : [];
  } catch (error) {
    parts = [];  // an index written before parts existed: one part
  }
  const ui = new PagefindUI({
    element: "#search",
    bundlePath: bundle.pathname,
    mergeIndex: parts.map((part) => ({ bundlePath: new URL(part, bundle).pathname })),
    baseUrl: new URL(".", location.href).pathname,
    showImages: false,
    showSubResults: true,
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
