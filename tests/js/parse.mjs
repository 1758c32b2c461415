// Reads a JSON array of Mermaid texts on stdin and prints, for each, what the REAL mermaid parser
// made of it (entity codes decoded), as a JSON array: journeygen's tests compare it with the spec.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><body></body>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser", "navigator"]) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}
// Just enough of what jsdom lacks for mermaid.render(): text sizes and a constructible stylesheet.
dom.window.SVGElement.prototype.getBBox = () => ({ x: 0, y: 0, width: 10, height: 10 });
dom.window.SVGElement.prototype.getComputedTextLength = () => 10;
globalThis.CSSStyleSheet ??= class {
  cssRules = [];
  insertRule(rule, index = 0) { this.cssRules.splice(index, 0, { cssText: rule }); return index; }
};

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

// Mermaid turns `#58;` into placeholders before parsing and back into `&#58;` in the SVG.
const decode = (text) => (typeof text !== "string" ? text : text
  .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, code) => String.fromCodePoint(Number(code)))
  .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, name) => {
    const el = dom.window.document.createElement("textarea");
    el.innerHTML = `&${name};`;
    return el.value;
  }));

function journey(db, title) {
  return {
    title: decode(title ?? db.getDiagramTitle()),
    accTitle: decode(db.getAccTitle()),
    accDescr: decode(db.getAccDescription()),
    sections: db.getSections().map(decode),
    tasks: db.getTasks().map((t) => ({
      section: decode(t.section), task: decode(t.task), score: t.score, people: t.people.map(decode),
    })),
    actors: db.getActors().map(decode),
  };
}

function flowchart(db) {
  const vertices = [...db.getVertices().values()].map((v) => ({ id: v.id, text: decode(v.text) }));
  const subgraphs = db.getSubGraphs().map((s) => ({ id: s.id, title: decode(s.title), nodes: s.nodes }));
  const edges = db.getEdges().map((e) => ({ start: e.start, end: e.end, text: decode(e.text), stroke: e.stroke }));
  return { accTitle: decode(db.getAccTitle()), accDescr: decode(db.getAccDescription()), vertices, subgraphs, edges };
}

function block(db) {
  const blocks = db.getBlocks().map((b) => ({
    id: b.id, type: b.type, label: decode(b.label ?? ""), width: b.widthInColumns ?? 1,
  }));
  return { columns: db.getColumns("root"), blocks, edges: db.getEdges().length };
}

// getDiagramFromText is what mermaid.parse() runs (preprocessing, entity encoding, the diagram's
// jison parser), and it also hands back the parsed db. mermaid.parse() hands back the configuration the diagram sets (front matter and init directives,
// merged). A front-matter title reaches the diagram only through mermaid.render(), so a text that
// may hold front matter is rendered first and its title read from the diagram's db afterwards.
let counter = 0;
async function frontTitle(text) {
  if (!/^[^\S\n\r]*-{3}/.test(text)) return undefined;
  const before = await mermaid.mermaidAPI.getDiagramFromText(text);
  await mermaid.render(`front${counter++}`, text);
  return before.db.getDiagramTitle();
}

async function parseOne(text) {
  try {
    const { config } = await mermaid.parse(text);
    const title = await frontTitle(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const shape = diagram.type === "journey" ? { ...journey(diagram.db, title), config }
      : diagram.type === "block" ? block(diagram.db) : flowchart(diagram.db);
    return { ok: true, type: diagram.type, ...shape };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error) };
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const text of texts) results.push(await parseOne(text));
process.stdout.write(JSON.stringify(results));
