// Builds the benchmark's work file from the rule files and the exported facts:
// every (expression, data) pair `recommend` evaluates, grouped by data object.
//
//   node make_work.mjs RULES_DIR FACTS.jsonl... > work.json
//
// Mirrors the rule engine: files in name order, a later rule replaces an earlier
// one with the same id, `applies_to` filters by option kind, `for_each` rules run
// once per element of their array with the element as "item". Exclude and warn
// rules contribute their condition; score rules (no condition) their score
// expression; adjust rules their condition.
import fs from 'node:fs'
import path from 'node:path'

function loadRules (dir) {
  const rules = []
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const rule of JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).rules ?? []) {
      const at = rules.findIndex((r) => r.id === rule.id)
      if (at >= 0) rules[at] = rule
      else rules.push(rule)
    }
  }
  return rules
}

function expressionsOf (rules) {
  const out = []
  rules.forEach((rule, index) => {
    if (rule.condition !== undefined) out.push({ rule: rule.id, kind: 'condition', logic: rule.condition, ruleIndex: index })
    if (rule.score !== undefined) out.push({ rule: rule.id, kind: 'score', logic: rule.score, ruleIndex: index })
  })
  return out
}

function lookup (data, dotted) {
  return dotted.split('.').reduce((node, key) => (node == null ? undefined : node[key]), data)
}

function groupsFor (dataIndex, data, rules, expressions) {
  const applies = (e) => {
    const kinds = rules[e.ruleIndex].applies_to
    return !kinds || kinds.includes(data.option.kind)
  }
  const plain = []
  const perPath = new Map()
  expressions.forEach((e, index) => {
    if (!applies(e)) return
    const forEach = rules[e.ruleIndex].for_each
    if (!forEach) return plain.push(index)
    if (!perPath.has(forEach)) perPath.set(forEach, [])
    perPath.get(forEach).push(index)
  })
  const groups = [{ data: dataIndex, item: null, expressions: plain }]
  for (const [forEach, list] of perPath) {
    const items = lookup(data, forEach)
    if (!Array.isArray(items)) continue
    items.forEach((_, i) => groups.push({ data: dataIndex, item: { path: forEach, index: i }, expressions: list }))
  }
  return groups
}

const [rulesDir, ...factsFiles] = process.argv.slice(2)
const rules = loadRules(rulesDir)
const expressions = expressionsOf(rules)
const data = []
const groups = []
for (const file of factsFiles) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue
    const object = JSON.parse(line)
    groups.push(...groupsFor(data.length, object, rules, expressions))
    data.push(object)
  }
}
process.stdout.write(JSON.stringify({
  expressions: expressions.map(({ rule, kind, logic }) => ({ rule, kind, logic })),
  data,
  groups
}))
