// Progressive enhancement only: every page works without this file (and the CSP forbids inline scripts).
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // Oferta form: show only the fields of the chosen type.
  const radios = document.querySelectorAll("[data-tipo-radio]");
  const showTipo = () => {
    const chosen = document.querySelector("[data-tipo-radio]:checked");
    document.querySelectorAll(".tipo-fields").forEach((fs) => {
      fs.hidden = chosen !== null && fs.dataset.tipo !== chosen.value;
    });
  };
  radios.forEach((r) => r.addEventListener("change", showTipo));
  if (radios.length) showTipo();

  // Oferta form: one more row in the precio_cantidad table.
  document.querySelectorAll("[data-add-regla]").forEach((button) => {
    button.addEventListener("click", () => {
      const body = document.querySelector("[data-reglas-body]");
      const row = body.lastElementChild.cloneNode(true);
      row.querySelectorAll("input").forEach((i) => { i.value = ""; });
      body.appendChild(row);
      row.querySelector("input").focus();
    });
  });

  // Product picker: Enter in its search box searches (htmx "search" event) instead of submitting the oferta.
  const pickerSearch = document.getElementById("picker-q");
  if (pickerSearch) {
    pickerSearch.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  // Product picker: a search result adds its SKU to the oferta's list.
  document.addEventListener("click", (event) => {
    const add = event.target.closest(".picker-add");
    if (!add) return;
    const box = document.querySelector("[data-skus]");
    const skus = box.value.split(/[\s,;]+/).filter((s) => s.length > 0);
    if (!skus.includes(add.dataset.sku)) skus.push(add.dataset.sku);
    box.value = skus.join(", ");
    add.disabled = true;
  });
});

// A one-time secret's "Copy" button (shown only where JavaScript and the clipboard work).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const source = document.getElementById(button.dataset.copy);
      navigator.clipboard.writeText(source.value || source.textContent).then(() => {
        button.textContent = button.dataset.copied;
      });
    });
  });
});

// The remito's "Print" button (hidden without JavaScript: the browser's own print still works).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
});
