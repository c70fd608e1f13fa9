// The search page: Pagefind's interface, with the query from the search box of the other pages
// (search.html?q=...). Result links are made relative to the folder the site is served from.
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  if (location.protocol === "file:") {
    document.getElementById("search-file-warning").hidden = false;
    return;
  }
  const ui = new PagefindUI({
    element: "#search",
    bundlePath: new URL(element.dataset.bundle, location.href).pathname,
    baseUrl: new URL(".", location.href).pathname,
    showImages: false,
    showSubResults: true,
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
