// Copies the Design Systems' scripts and images, and Leaflet, into wwwroot/lib so nothing is fetched from a CDN.
import { cpSync, mkdirSync } from "node:fs";

const copies = [
  ["node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "wwwroot/lib/govuk-frontend.min.js"],
  ["node_modules/govuk-frontend/dist/govuk/assets/images", "wwwroot/lib/assets/images"],
  ["node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js", "wwwroot/lib/moj-frontend.min.js"],
  ["node_modules/@ministryofjustice/frontend/moj/assets/images", "wwwroot/lib/assets/images"],
  ["node_modules/leaflet/dist/leaflet.js", "wwwroot/lib/leaflet/leaflet.js"],
  ["node_modules/leaflet/dist/leaflet.css", "wwwroot/lib/leaflet/leaflet.css"],
  ["node_modules/leaflet/dist/images", "wwwroot/lib/leaflet/images"],
];

mkdirSync("wwwroot/lib", { recursive: true });
for (const [from, to] of copies) cpSync(from, to, { recursive: true });
