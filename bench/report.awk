# Turns bench/run.sh's results.tsv into the markdown table of BENCHMARKS.md and checks the targets.
# Usage: LEVELS="1000 100000 1000000" awk -F'\t' -f bench/report.awk results.tsv

function label(load) {
  if (load == "get") return "1. GET /client_sessions/get (client session token)"
  if (load == "devices") return "2. GET /devices/list (client session token)"
  if (load == "create") return "3. PUT /client_sessions/create (fresh key)"
  if (load == "get_or_create") return "4. POST /client_sessions/get_or_create (existing key)"
  if (load == "list") return "5. GET /client_sessions/list?user_identifier_key= (API key)"
  if (load == "health") return "GET /health (ceiling, same JVM)"
  return load
}
function num(x) { return (x == "n/a" || x == "") ? -1 : x + 0 }
function fmt(x, digits) { return (x < 0) ? "n/a" : sprintf("%." digits "f", x) }
function short(level) {
  if (level >= 1000000 && level % 1000000 == 0) return (level / 1000000) "M"
  if (level >= 1000 && level % 1000 == 0) return (level / 1000) "k"
  return level
}
function check(ok, text) {
  printf "- %s %s\n", (ok ? "PASS" : "MISS"), text
  if (!ok) misses++
}

NR == 1 { next }
{
  key = $1 SUBSEP $2 SUBSEP $3
  seen[key] = 1
  rps[key] = num($5); p50[key] = num($6); p99[key] = num($7); rss[key] = num($11); herr[key] = $9; serr[key] = $10
  xacts[key] = $13; rows[key] = $14
  if ($1 == "ours" && !(($2) in level_seen)) { level_seen[$2] = 1 }
  if (!($3 in load_seen)) { load_seen[$3] = 1; loads[++nloads] = $3 }
}
END {
  nlevels = split(ENVIRON["LEVELS"], levels, " ")
  first = levels[1]; last = levels[nlevels]
  order = "get devices create get_or_create list health"
  n = split(order, ordered, " ")

  printf "## This server (%s sessions in the workspace) and Seam's fake (its seed)\n\n", first
  print "| Load | ours req/s | p50 ms | p99 ms | RSS MB | fake req/s | p50 ms | p99 ms | RSS MB | ours/fake |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= n; i++) {
    l = ordered[i]
    o = "ours" SUBSEP first SUBSEP l; f = "fake" SUBSEP "seed" SUBSEP l
    if (!(o in seen) && !(f in seen)) continue
    orps = (o in seen) ? rps[o] : -1; frps = (f in seen) ? rps[f] : -1
    ratio = (orps > 0 && frps > 0) ? sprintf("%.2f", orps / frps) : "n/a"
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label(l),
      fmt(orps, 0), fmt((o in seen) ? p50[o] : -1, 2), fmt((o in seen) ? p99[o] : -1, 2), fmt((o in seen) ? rss[o] : -1, 0),
      (f in seen) ? fmt(frps, 0) : "-", (f in seen) ? fmt(p50[f], 2) : "-", (f in seen) ? fmt(p99[f], 2) : "-",
      (f in seen) ? fmt(rss[f], 0) : "-", ratio
  }

  if (nlevels > 1) {
    printf "\n## Scaling: this server with more sessions in the workspace\n\n"
    header = "| Load |"; rule = "|---|"
    for (j = 1; j <= nlevels; j++) { header = header " req/s @" short(levels[j]) " | p99 ms @" short(levels[j]) " |"; rule = rule "---:|---:|" }
    print header " " short(last) " / " short(first) " | RSS MB @" short(last) " | DB transactions / request | DB rows read / request @" short(first) " → @" short(last) " |"
    print rule "---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      l = ordered[i]
      row = "| " label(l) " |"
      any = 0
      for (j = 1; j <= nlevels; j++) {
        k = "ours" SUBSEP levels[j] SUBSEP l
        if (k in seen) any = 1
        row = row " " ((k in seen) ? fmt(rps[k], 0) : "-") " | " ((k in seen) ? fmt(p99[k], 2) : "-") " |"
      }
      if (!any) continue
      a = "ours" SUBSEP first SUBSEP l; b = "ours" SUBSEP last SUBSEP l
      ratio = ((a in seen) && (b in seen) && rps[a] > 0 && rps[b] >= 0) ? sprintf("%.2f", rps[b] / rps[a]) : "n/a"
      print row " " ratio " | " ((b in seen) ? fmt(rss[b], 0) : "-") " | " ((b in seen) ? xacts[b] : "-") " | " \
        ((a in seen) ? rows[a] : "-") " → " ((b in seen) ? rows[b] : "-") " |"
    }
  }

  printf "\n## Targets\n\n"
  misses = 0
  for (i = 1; i <= n; i++) {
    l = ordered[i]
    if (l == "health" || l == "list") continue
    o = "ours" SUBSEP first SUBSEP l; f = "fake" SUBSEP "seed" SUBSEP l
    if (!(o in seen) || !(f in seen) || rps[f] <= 0) continue
    want = (l == "get" || l == "devices") ? 3 : 2
    check(rps[o] >= want * rps[f], sprintf("%s: %.2f x the fake (target >= %d x)", label(l), rps[o] / rps[f], want))
  }
  worst = -1
  for (k in seen) {
    split(k, parts, SUBSEP)
    if (parts[1] != "ours" || p99[k] < 0) continue
    if (p99[k] > worst) { worst = p99[k]; worst_at = label(parts[3]) " @" short(parts[2]) }
    if (herr[k] + serr[k] > 0) errors_note = errors_note sprintf(" %s @%s: %d HTTP errors, %d socket errors;", parts[3], short(parts[2]), herr[k], serr[k])
  }
  if (worst >= 0) check(worst < 50, sprintf("p99 under 50 ms for every load at every level (worst: %.2f ms, %s)", worst, worst_at))
  for (j = 1; j <= nlevels; j++) {
    h = "ours" SUBSEP levels[j] SUBSEP "health"
    if (!(h in seen) || rps[h] <= 0) continue
    for (i = 1; i <= 2; i++) {
      l = (i == 1) ? "get" : "devices"
      k = "ours" SUBSEP levels[j] SUBSEP l
      if (k in seen) check(rps[k] >= 0.5 * rps[h], sprintf("%s @%s: %.2f x GET /health (target >= 0.5 x)", label(l), short(levels[j]), rps[k] / rps[h]))
    }
  }
  if (nlevels > 1) {
    for (i = 1; i <= n; i++) {
      l = ordered[i]
      a = "ours" SUBSEP first SUBSEP l; b = "ours" SUBSEP last SUBSEP l
      if (!(a in seen) || !(b in seen) || rps[a] <= 0) continue
      check(rps[b] >= rps[a] / 1.5, sprintf("%s: @%s %.2f x its rate @%s (target: no slower than 1/1.5 = 0.67 x)", label(l), short(last), rps[b] / rps[a], short(first)))
    }
  }
  maxrss = -1
  for (i = 1; i <= n; i++) { k = "ours" SUBSEP last SUBSEP ordered[i]; if ((k in seen) && rss[k] > maxrss) maxrss = rss[k] }
  if (maxrss >= 0) check(maxrss < 512, sprintf("server RSS @%s under 512 MB (highest after a load: %d MB)", short(last), maxrss))
  if (errors_note != "") printf "\nErrors during measured loads:%s\n", errors_note
  printf "\n%d target(s) missed.\n", misses
}
