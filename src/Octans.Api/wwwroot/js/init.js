// Switches on the Design Systems' enhancements. Every page works without it.
import { initAll } from "/lib/govuk-frontend.min.js";
import { initAll as initMoj } from "/lib/moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
initMoj();
