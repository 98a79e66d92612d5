// Layered layouts of the npm peers, for bench/run.py: `node bench/peers.js elk|dagre < graph.json`.
// The graph is {"nodes": [[id, width, height], ...], "edges": [[id, source, target], ...]};
// prints {"cpu": seconds of the layout call alone, "edges": {id: [[x, y], ...]}}.
// The packages come from `make bench-peers` (npm install into build/peers); none is committed.
"use strict";
const path = require("path");
const peers = path.join(__dirname, "..", "build", "peers", "node_modules");

function cpuSeconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function elk(graph) {
  const ELK = require(path.join(peers, "elkjs", "lib", "elk.bundled.js"));
  const input = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.spacing.nodeNode": "32",
      "elk.layered.spacing.nodeNodeBetweenLayers": "43",
      "elk.edgeRouting": "POLYLINE",
    },
    children: graph.nodes.map(([id, width, height]) => ({ id, width, height })),
    edges: graph.edges.map(([id, s, t]) => ({ id, sources: [s], targets: [t] })),
  };
  const start = process.cpuUsage();
  const out = await new ELK().layout(input);
  const cpu = cpuSeconds(start);
  const edges = {};
  for (const e of out.edges) {
    const pts = [];
    for (const s of e.sections || []) {
      pts.push([s.startPoint.x, s.startPoint.y]);
      for (const b of s.bendPoints || []) pts.push([b.x, b.y]);
      pts.push([s.endPoint.x, s.endPoint.y]);
    }
    edges[e.id] = pts;
  }
  return { cpu, edges };
}

function dagre(graph) {
  const d = require(path.join(peers, "@dagrejs", "dagre"));
  const g = new d.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 32, ranksep: 43 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const [id, width, height] of graph.nodes) g.setNode(id, { width, height });
  for (const [id, s, t] of graph.edges) g.setEdge(s, t, {}, id);
  const start = process.cpuUsage();
  d.layout(g);
  const cpu = cpuSeconds(start);
  const edges = {};
  for (const e of g.edges()) edges[e.name] = g.edge(e).points.map((p) => [p.x, p.y]);
  return { cpu, edges };
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const graph = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const run = { elk, dagre }[process.argv[2]];
  process.stdout.write(JSON.stringify(await run(graph)));
}

main();
