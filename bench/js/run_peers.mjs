// Runs the JsonLogic peers over the work file, checks that every engine
// (including edgeplan, whose results and timings bench_evaluators wrote)
// produced the same results, and prints the comparison table.
//
//   node run_peers.mjs WORK.json REPETITIONS EDGEPLAN.json
//
// Every engine evaluates the identical (expression, data) pairs in the same
// order, REPETITIONS times after one untimed warm-up pass. Data objects are
// built once, before timing, as in bench_evaluators; what building them costs
// (JSON.parse here, parse + views there) is timed apart and printed after.
import fs from 'node:fs'
import jsonLogic from 'json-logic-js'
import { LogicEngine } from 'json-logic-engine'

const [workFile, repsText, edgeplanFile] = process.argv.slice(2)
const work = JSON.parse(fs.readFileSync(workFile, 'utf8'))
const repetitions = Number(repsText)

function lookup (data, dotted) {
  return dotted.split('.').reduce((node, key) => (node == null ? undefined : node[key]), data)
}

const groups = work.groups.map((g) => {
  const base = work.data[g.data]
  const data = g.item ? { ...base, item: lookup(base, g.item.path)[g.item.index] } : base
  return { data, expressions: g.expressions }
})
const evaluationsPerPass = groups.reduce((n, g) => n + g.expressions.length, 0)

// Results compared across engines: conditions by JsonLogic truthiness, scores as numbers.
function canonical (expression, value) {
  if (expression.kind === 'condition') return jsonLogic.truthy(value)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

// evaluators[i](data) evaluates expression i.
function measure (name, evaluators) {
  const results = []
  for (const g of groups) for (const e of g.expressions) results.push(canonical(work.expressions[e], evaluators[e](g.data)))
  let sink = 0
  const start = process.hrtime.bigint()
  for (let rep = 0; rep < repetitions; rep++) {
    for (const g of groups) {
      const data = g.data
      const list = g.expressions
      for (let i = 0; i < list.length; i++) if (evaluators[list[i]](data)) sink++
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return { name, evaluations: evaluationsPerPass * repetitions, seconds, results, sink }
}

function jsonLogicJs () {
  return work.expressions.map((e) => (data) => jsonLogic.apply(e.logic, data))
}

function engineInterpreted () {
  const engine = new LogicEngine()
  return work.expressions.map((e) => (data) => engine.run(e.logic, data))
}

function engineCompiled () {
  const engine = new LogicEngine()
  return work.expressions.map((e) => engine.build(e.logic))
}

function sameResult (a, b) {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
  return a === b
}

// A mismatch names the first differing (expression, data) pair and fails the run.
function checkAgainst (reference, other) {
  let index = 0
  for (const g of groups) {
    for (const e of g.expressions) {
      if (!sameResult(reference.results[index], other.results[index])) {
        const where = `expression ${e} (${work.expressions[e].rule} ${work.expressions[e].kind}) on option ${work.groups[groups.indexOf(g)].data}`
        throw new Error(`${other.name} disagrees with ${reference.name} at ${where}: ${JSON.stringify(other.results[index])} vs ${JSON.stringify(reference.results[index])}`)
      }
      index++
    }
  }
}

const edgeplan = JSON.parse(fs.readFileSync(edgeplanFile, 'utf8'))
const runs = [
  measure('json-logic-js 2.0.5 (apply)', jsonLogicJs()),
  measure('json-logic-engine 5.0.7 (run, interpreted)', engineInterpreted()),
  measure('json-logic-engine 5.0.7 (build, compiled)', engineCompiled())
]
for (const e of edgeplan.engines) runs.push({ ...e, results: edgeplan.results })
for (const r of runs.slice(1)) checkAgainst(runs[0], r)

const rate = (r) => r.evaluations / r.seconds
const reference = rate(runs[0])
const compiled = rate(runs[2])
const itemGroups = work.groups.filter((g) => g.item).length
console.log(`${work.data.length} options and ${itemGroups} (option, for_each item) pairs, ` +
            `${work.expressions.length} expressions; ${evaluationsPerPass} evaluations per pass x ${repetitions} passes; ` +
            `all ${runs.length} engines agree on all ${evaluationsPerPass} results`)
console.log('')
console.log('| engine | evaluations/s | vs json-logic-js | vs json-logic-engine compiled |')
console.log('|---|---:|---:|---:|')
for (const r of runs) {
  const fmt = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2)) + '×'
  console.log(`| ${r.name} | ${Math.round(rate(r)).toLocaleString('en-US')} | ${fmt(rate(r) / reference)} | ${fmt(rate(r) / compiled)} |`)
}

// Data preparation, outside the passes timed above: the peers' JSON.parse of each
// option's text against edgeplan's parse and views (timed by bench_evaluators).
function parseSeconds () {
  const texts = work.data.map((d) => JSON.stringify(d))
  const rounds = Math.max(1, Math.floor(repetitions / 10))
  let sink = 0
  const start = process.hrtime.bigint()
  for (let rep = 0; rep < rounds; rep++) for (const t of texts) sink += Object.keys(JSON.parse(t)).length
  if (sink === 0) console.error('(nothing parsed)')
  return Number(process.hrtime.bigint() - start) / 1e9 / rounds
}
const perOption = (seconds) => (seconds / work.data.length * 1e6).toFixed(2)
console.log('')
console.log('Data preparation per option, not in the rates above:')
console.log('')
console.log('| step | µs per option |')
console.log('|---|---:|')
console.log(`| JSON.parse of the option's facts (the peers' data objects) | ${perOption(parseSeconds())} |`)
console.log(`| nlohmann::json::parse of the same text (edgeplan's Json) | ${perOption(edgeplan.preparation.parse_seconds)} |`)
console.log(`| DataView + Expression::prepare (edgeplan's prepared views) | ${perOption(edgeplan.preparation.views_seconds)} |`)
