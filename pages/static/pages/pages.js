// Progressive touches to server-rendered pages; every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A submitted filter form leaves its blank fields out of the URL, so a shared link
  // names only the filters in use.
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const field of form.querySelectorAll("input, select")) {
        const blank = field.type !== "checkbox" && field.value.trim() === "";
        const defaultOrder = field.name === "ordering" && field.value === "date";
        if (blank || defaultOrder) field.disabled = true;
      }
    });
  }
  // Arriving at a claim's anchor opens the event's evidence around it.
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target) {
    const details = target.closest("details");
    if (details) details.open = true;
  }
});
