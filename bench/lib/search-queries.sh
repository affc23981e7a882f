# Shared by bench/Reading/run.sh and bench/Reading/search-ab.sh: source it. Needs nothing.

# search_queries N -> N distinct search query strings (q=…&page=…), two or three words of a security-news vocabulary,
# pages 1 to 5; the first 200 are run.sh's one-at-a-time set, the next 200 its 8-at-a-time set.
search_queries() {
  local words=(china japan taiwan philippines coast guard patrol bombers cyber missile launch carrier destroyer drones
    summit protest vessels airspace ransomware exercise alliance blockade satellite budget strait islands sea korea russia)
  local i third
  for i in $(seq 0 $(($1 - 1))); do
    third=""
    if [ $((i % 3)) = 0 ]; then third="+${words[$(((i * 13 + 5) % 29))]}"; fi
    echo "${words[$((i % 29))]}+${words[$(((i * 7 + 3) % 29))]}${third}&page=$((i / 87 + 1))"
  done
}

# percentile P -> the P-th percentile of stdin's seconds, in milliseconds with one decimal
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }
