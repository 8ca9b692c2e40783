// An industry: its issuers and the issuer-free texts scored for it.
import { el, failure, formatTime } from "./dom.mjs";

export async function renderIndustry(view, { api }, industryId) {
  const id = encodeURIComponent(industryId);
  view.replaceChildren(el("p", { class: "muted" }, "Loading the industry…"));
  let industry;
  try {
    industry = await api.get(`/api/v1/industries/${id}`);
  } catch (error) {
    view.replaceChildren(failure(error));
    return;
  }
  const issuers = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  const texts = el("div", {}, el("p", { class: "muted" }, "Loading…"));
  view.replaceChildren(
    el("h1", {}, industry.name, " ", el("span", { class: "muted" }, `${industry.industry_id} · ${industry.sector}`)),
    el("h2", {}, "Issuers"), issuers,
    el("h2", {}, "Texts about the industry"),
    el("p", { class: "muted" }, "Issuer-free texts scored for this industry, newest first; open one for its score and topics."), texts);

  api.getAll(`/api/v1/issuers?industry=${id}`).then((list) => issuers.replaceChildren(list.length === 0 ? el("p", { class: "muted" }, "None.")
    : el("ul", { class: "issuers" }, list.map((i) => el("li", {}, el("a", { href: `#/issuer/${encodeURIComponent(i.issuer_id)}` }, i.legal_name))))),
  (error) => issuers.replaceChildren(failure(error)));

  api.get(`/api/v1/documents?industry=${id}&limit=50`).then((page) => texts.replaceChildren(page.items.length === 0 ? el("p", { class: "muted" }, "None.")
    : el("ol", { class: "texts" }, page.items.map((doc) => el("li", {},
      el("a", { href: `#/document/${encodeURIComponent(doc.doc_id)}` }, doc.headline ?? doc.doc_id),
      el("span", { class: "muted" }, ` · ${formatTime(doc.published_at)} · ${doc.source}`))))),
  (error) => texts.replaceChildren(failure(error)));
}
