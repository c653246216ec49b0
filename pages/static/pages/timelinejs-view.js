// Draws the API's TimelineJS document of the page's filters with the vendored TimelineJS3.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const container = document.getElementById("timelinejs");
  const note = document.getElementById("timelinejs-note");
  if (!container) return;
  let response;
  try {
    response = await fetch(container.dataset.document, { headers: { Accept: "application/json" } });
  } catch (error) {
    note.textContent = "The timeline could not be loaded.";
    return;
  }
  if (!response.ok) {
    note.textContent = `The timeline could not be loaded (HTTP ${response.status}).`;
    return;
  }
  const timeline = await response.json();
  const notes = [];
  if (timeline.events.length === 0) notes.push("No dated event matches these filters.");
  if (timeline.undated) {
    notes.push(`${timeline.undated} matching event${timeline.undated === 1 ? "" : "s"} need${timeline.undated === 1 ? "s" : ""} a date and cannot be placed.`);
  }
  if (response.headers.get("Link")?.includes('rel="next"')) {
    notes.push(`Showing the first ${timeline.events.length} events; narrow the filters to see the rest.`);
  }
  note.textContent = notes.join(" ");
  // Rows are named after the event types as a reader says them ("model release").
  for (const event of timeline.events) {
    if (event.group) event.group = event.group.replaceAll("_", " ");
  }
  if (timeline.events.length === 0) return;
  // No web fonts and no language files from elsewhere: everything comes from this site.
  window.timelineView = new TL.Timeline(container, timeline, {
    script_path: new URL(container.dataset.scriptPath, window.location.href).href,
    font: null,
    language: "en",
    hash_bookmark: false,
    initial_zoom: 2,
  });
});
