using System.Buffers;
using NewsDesk.Tagging.Taxonomy;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Tagging.Tagging;

/// <summary>
/// Tags a text against a <see cref="TaxonomySnapshot"/>: one tokenizing pass, then leftmost-longest matching of
/// places, entities and topic keywords, context rules for ambiguous names, implication (a theatre implies its
/// parent region and the countries involved), and scores in [0, 1] with the evidence behind each.
/// Thread-safe; allocation per call is small (results and evidence).
/// </summary>
public static class Tagger
{
    /// <summary>Scores use 1 - e^(-weight / scale): one plain body mention of a country is weak, a headline mention strong.</summary>
    private const float PlaceScale = 2.5f;
    private const float TopicScale = 3f;
    private const float EntityScale = 2f;
    private const float SubdivisionToCountry = 0.5f;
    private const float AreaToCountries = 0.6f;
    private const float AreaToParent = 0.6f;
    private const float EntityToCountry = 0.4f;
    private const float EquipmentToCountry = 0.2f;
    private const double ImpliedOnlyMinimum = 0.1;
    private const double DerivedRegionCountryMinimum = 0.45;
    private const int MaxEvidence = 40;





    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>Tags plain text (first paragraph as lead) against the built-in taxonomy.</summary>
    public static TaggingResult Tag(string text) => Tag(TaxonomySnapshot.BuiltIn, TaggingInput.PlainText(text));

    public static TaggingResult Tag(TaxonomySnapshot taxonomy, TaggingInput input)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(input);
        var scratch = _scratch ??= new Scratch();
        scratch.Prepare(taxonomy);
        var text = input.Text;
        var zones = input.ZoneArray;
        var count = Text.Tokenizer.Tokenize(text, zones, taxonomy.Vocabulary, ref scratch.Tokens);
        if (count == 0)
        {
            return TaggingResult.Empty;
        }

        var run = new Run(taxonomy, text, scratch, count);
        return run.Execute();
    }

    private sealed class Scratch
    {
        public Token[] Tokens = new Token[1024];
        public TaxonomySnapshot? Taxonomy;
        public float[] Direct = [];
        public float[] Implied = [];
        public bool[] Strong = [];
        public List<Evidence>?[] Evidence = [];
        public readonly List<int> Touched = [];

        public void Prepare(TaxonomySnapshot taxonomy)
        {
            if (!ReferenceEquals(Taxonomy, taxonomy))
            {
                Taxonomy = taxonomy;
                Direct = new float[taxonomy.Places.Count];
                Implied = new float[taxonomy.Places.Count];
                Strong = new bool[taxonomy.Places.Count];
                Evidence = new List<Evidence>?[taxonomy.Places.Count];
                Touched.Clear();
            }

            foreach (var i in Touched)
            {
                Direct[i] = 0;
                Implied[i] = 0;
                Strong[i] = false;
                Evidence[i] = null;
            }

            Touched.Clear();
        }
    }

    private readonly record struct Hit(int First, int Last, List<PlacePayload> Candidates);

    private sealed class Run(TaxonomySnapshot taxonomy, string text, Scratch scratch, int count)
    {
        private readonly Token[] _tokens = scratch.Tokens;
        private int[] _placeAt = null!;
        private List<Hit> _hits = [];
        private Dictionary<string, EntityAccumulator> _entities = [];

        public TaggingResult Execute()
        {
            _placeAt = ArrayPool<int>.Shared.Rent(count);
            try
            {
                Array.Fill(_placeAt, -1, 0, count);
                var hits = _hits = MatchPlaces();
                var entities = new Dictionary<string, EntityAccumulator>(StringComparer.Ordinal);
                var personTokens = FindPeople(entities);
                FindCuratedEntities(entities);
                _entities = entities;
                FindEquipment(entities);
                FindOrganisations(entities);
                AddSurnameEvidence(entities);
                ScorePlaces(hits, personTokens);
                ImplyFromEntities(entities);
                var (countries, regions) = PlaceResults();
                return new TaggingResult(countries, regions, TopicResults(), EntityResults(entities));
            }
            finally
            {
                ArrayPool<int>.Shared.Return(_placeAt);
            }
        }

        private bool Is(int t, WordRole role) => _tokens[t].Id is var id and >= 0 && id < taxonomy.WordRoles.Length && (taxonomy.WordRoles[id] & role) != 0;

        private string Surface(int t) => text[_tokens[t].Start.._tokens[t].End];

        private ReadOnlySpan<char> SurfaceSpan(int t) => text.AsSpan(_tokens[t].Start, _tokens[t].End - _tokens[t].Start);

        private Evidence EvidenceOf(int first, int last) => new(text[_tokens[first].Start.._tokens[last].End], _tokens[first].Start, _tokens[last].End);

        /// <summary>True when only spaces separate the two tokens (no punctuation, no possessive).</summary>
        private bool Glued(int left, int right)
        {
            if (right >= count || left < 0 || (_tokens[left].Shape & TokenShape.Possessive) != 0 || _tokens[left].Zone != _tokens[right].Zone)
            {
                return false;
            }

            var gap = text.AsSpan(_tokens[left].End, _tokens[right].Start - _tokens[left].End);
            return gap.Length is > 0 and <= 2 && gap.Trim(' ').IsEmpty;
        }

        private List<Hit> MatchPlaces()
        {
            var hits = new List<Hit>();
            var trie = taxonomy.PlaceTrie;
            var i = 0;
            while (i < count)
            {
                if (_tokens[i].Id < 0)
                {
                    i++;
                    continue;
                }

                var node = 0;
                var bestLast = -1;
                List<PlacePayload>? best = null;
                for (var j = i; j < count; j++)
                {
                    if (j > i && _tokens[j].Zone != _tokens[i].Zone)
                    {
                        break;
                    }

                    node = trie.Step(node, _tokens[j].Id);
                    if (node < 0)
                    {
                        break;
                    }

                    if (trie.PayloadsAt(node) is { } payloads && Accepted(payloads, i, j) is { } accepted)
                    {
                        best = accepted;
                        bestLast = j;
                    }
                }

                if (best is null)
                {
                    i++;
                    continue;
                }

                for (var k = i; k <= bestLast; k++)
                {
                    _placeAt[k] = hits.Count;
                }

                hits.Add(new Hit(i, bestLast, best));
                i = bestLast + 1;
            }

            return hits;
        }

        private List<PlacePayload>? Accepted(List<PlacePayload> payloads, int first, int last)
        {
            List<PlacePayload>? accepted = null;
            foreach (var p in payloads)
            {
                var ok = true;
                for (var k = 0; k <= last - first && ok; k++)
                {
                    ok = p.Pattern.Accepts(k, _tokens[first + k], text);
                }

                // In a shouted line "US" may be "us": "TOLD US", "FOR US".
                if (ok && first == last && p.Pattern.Surfaces[0].Length == 2 && (_tokens[first].Shape & TokenShape.ShoutedLine) != 0
                    && first > 0 && Is(first - 1, WordRole.PronounGovernor))
                {
                    ok = false;
                }

                if (ok && (accepted is null || !accepted.Exists(a => a.Place == p.Place)))
                {
                    (accepted ??= []).Add(p);
                }
            }

            return accepted;
        }

        /// <summary>A capitalised word right before or after that is no place: the name is part of another name ("Lloyd Austin", "Chad Smith").</summary>
        private bool PartOfAnotherName(Hit hit, PlaceFlags flags)
        {
            if ((flags & (PlaceFlags.NameLike | PlaceFlags.Minor)) == 0)
            {
                return false;
            }

            var after = hit.Last + 1;
            if ((flags & PlaceFlags.Minor) != 0)
            {
                // "Fergana Valley", "Tasman Sea": a city or province named inside a landscape feature.
                if (after < count && Glued(hit.Last, after) && (_tokens[after].Shape & TokenShape.Capitalised) != 0 && Is(after, WordRole.Feature))
                {
                    return true;
                }

                // "Mocimboa da Praia": a name particle before it makes it part of a longer name.
                if (hit.First > 0 && Glued(hit.First - 1, hit.First) && Is(hit.First - 1, WordRole.Particle) && (_tokens[hit.First - 1].Shape & TokenShape.Capitalised) == 0)
                {
                    return true;
                }

                // "Sinaloa Cartel", "Virginia-class": part of an organisation's name or of a designation.
                if (InsideEntity(hit) || (after < count && text[_tokens[hit.Last].End] == '-' && SurfaceSpan(after) is "class" or "Class"))
                {
                    return true;
                }
            }

            var before = hit.First - 1;
            if (before >= 0 && Glued(before, hit.First) && _placeAt[before] < 0 && CapitalisedMidSentence(before) && !Is(before, WordRole.Title))
            {
                return true;
            }

            if (before >= 0 && Glued(before, hit.First) && _placeAt[before] < 0 && (flags & PlaceFlags.NameLike) != 0
                && (Is(before, WordRole.Title) || ((_tokens[before].Shape & TokenShape.Capitalised) != 0 && !_tokens[before].CaseBlind && !Is(before, WordRole.NotName))))
            {
                return true; // "Mr Jordan", "Michael Jordan" even at the start of a sentence
            }

            return (flags & (PlaceFlags.NameLike | PlaceFlags.NeedsContext)) != 0 && after < count && Glued(hit.Last, after) && _placeAt[after] < 0
                && (_tokens[after].Shape & TokenShape.Capitalised) != 0 && !_tokens[after].CaseBlind && !Is(after, WordRole.OrganisationHead);
        }

        private bool InsideEntity(Hit hit)
        {
            var start = _tokens[hit.First].Start;
            var end = _tokens[hit.Last].End;
            foreach (var e in _entities.Values)
            {
                if (!e.Curated)
                {
                    continue;
                }

                foreach (var x in e.Evidence)
                {
                    if (x.Start <= start && x.End >= end && (x.Start < start || x.End > end))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool CapitalisedMidSentence(int t) =>
            (_tokens[t].Shape & TokenShape.Capitalised) != 0 && (_tokens[t].Shape & (TokenShape.SentenceStart | TokenShape.ShoutedLine | TokenShape.Caseless)) == 0;

        private void ScorePlaces(List<Hit> hits, HashSet<int> personTokens)
        {
            var deferred = new List<Hit>();
            foreach (var hit in hits)
            {
                if (personTokens.Contains(hit.First))
                {
                    continue; // "Lloyd Austin" is a person, not the city
                }

                var candidates = hit.Candidates;
                var distinctCountries = 0;
                var firstCountry = -2;
                foreach (var c in candidates)
                {
                    var country = taxonomy.CountryOf[c.Place] >= 0 ? taxonomy.CountryOf[c.Place] : c.Place;
                    if (country != firstCountry)
                    {
                        distinctCountries++;
                        firstCountry = country;
                    }
                }

                if (candidates.Count > 1 || (candidates[0].Flags & PlaceFlags.NeedsContext) != 0)
                {
                    deferred.Add(hit);
                    continue;
                }

                var p = candidates[0];
                if (PartOfAnotherName(hit, p.Flags))
                {
                    continue;
                }

                Credit(hit, p, 1f);
            }

            foreach (var hit in deferred)
            {
                Resolve(hit);
            }
        }

        private void Resolve(Hit hit)
        {
            PlacePayload? best = null;
            var bestSupport = 0f;
            var bestPrior = float.MinValue;
            var secondPrior = float.MinValue;
            foreach (var c in hit.Candidates)
            {
                if (PartOfAnotherName(hit, c.Flags))
                {
                    continue;
                }

                if ((c.Flags & PlaceFlags.NeedsContext) != 0 && !CapitalisedMidSentence(hit.First))
                {
                    continue;
                }

                var country = taxonomy.CountryOf[c.Place];
                var support = scratch.Strong[c.Place] ? scratch.Direct[c.Place] : 0;
                if (country >= 0 && country != c.Place && scratch.Strong[country])
                {
                    support += scratch.Direct[country];
                }

                if (support > bestSupport)
                {
                    bestSupport = support;
                    best = c;
                }
                else if (bestSupport == 0 && (c.Flags & PlaceFlags.NeedsContext) == 0)
                {
                    if (c.Prior > bestPrior)
                    {
                        secondPrior = bestPrior;
                        bestPrior = c.Prior;
                        if (bestSupport == 0)
                        {
                            best = c;
                        }
                    }
                    else if (c.Prior > secondPrior)
                    {
                        secondPrior = c.Prior;
                    }
                }
            }

            if (best is not { } chosen)
            {
                return;
            }

            if (bestSupport > 0)
            {
                Credit(hit, chosen, 1f);
                return;
            }

            // No context: a curated prior decides when it is clear (Congo is more often the DRC); a city name
            // shared by several countries goes to the much larger one (3x the population), else to none.
            var curated = chosen.Prior <= 1f;
            if (hit.Candidates.Count == 1 || (curated && chosen.Prior >= 0.5f) || (!curated && chosen.Prior - secondPrior >= 0.5f))
            {
                Credit(hit, chosen, curated && hit.Candidates.Count > 1 ? chosen.Prior : 1f);
            }
        }

        private void Credit(Hit hit, PlacePayload p, float factor)
        {
            var weight = p.Weight * _tokens[hit.First].Weight * factor;
            var evidence = EvidenceOf(hit.First, hit.Last);
            var place = p.Place;
            AddDirect(place, weight, evidence, strong: (p.Flags & PlaceFlags.NeedsContext) == 0);
            var kind = taxonomy.Places[place].Kind;
            if (kind == PlaceKind.Subdivision && taxonomy.CountryOf[place] is var country and >= 0)
            {
                AddDirect(country, weight * SubdivisionToCountry, evidence, strong: true);
            }
        }

        private void Touch(int place)
        {
            if (scratch.Direct[place] == 0 && scratch.Implied[place] == 0 && scratch.Evidence[place] is null)
            {
                scratch.Touched.Add(place);
            }
        }

        private void AddDirect(int place, float weight, Evidence evidence, bool strong)
        {
            Touch(place);
            scratch.Direct[place] += weight;
            scratch.Strong[place] |= strong;
            AddEvidence(place, evidence);
        }

        private void AddImplied(int place, float weight, IEnumerable<Evidence> evidence)
        {
            if (weight <= 0)
            {
                return;
            }

            Touch(place);
            scratch.Implied[place] += weight;
            foreach (var e in evidence)
            {
                AddEvidence(place, e);
            }
        }

        private void AddEvidence(int place, Evidence evidence)
        {
            var list = scratch.Evidence[place] ??= [];
            if (list.Count < MaxEvidence && !Contains(list, evidence))
            {
                list.Add(evidence);
            }
        }

        private void ImplyFromEntities(Dictionary<string, EntityAccumulator> entities)
        {
            foreach (var e in entities.Values)
            {
                if (e.Country >= 0)
                {
                    AddImplied(e.Country, e.Raw * (e.Kind == EntityKind.Equipment ? EquipmentToCountry : EntityToCountry), e.Evidence.Take(2));
                }
            }
        }

        private (List<PlaceResult> Countries, List<PlaceResult> Regions) PlaceResults()
        {
            // Theatres and disputed territories imply the countries involved and their parent region, less than a direct mention.
            var areas = scratch.Touched.Where(i => taxonomy.Places[i].Kind is PlaceKind.Theatre or PlaceKind.DisputedTerritory && scratch.Direct[i] > 0)
                .OrderByDescending(i => Depth(i)).ToList();
            foreach (var area in areas)
            {
                var raw = scratch.Direct[area] + scratch.Implied[area];
                var evidence = (scratch.Evidence[area] ?? []).Take(3).ToList();
                var involved = taxonomy.Involved[area];
                foreach (var c in involved)
                {
                    AddImplied(c, raw * AreaToCountries / involved.Length, evidence);
                }

                if (taxonomy.Parent[area] is var parent and >= 0 && taxonomy.Places[parent].Kind is PlaceKind.Theatre or PlaceKind.DisputedTerritory)
                {
                    AddImplied(parent, raw * AreaToParent, evidence);
                }
            }

            var touched = scratch.Touched.ToArray();
            var max = 0f;
            foreach (var i in touched)
            {
                max = Math.Max(max, scratch.Direct[i] + scratch.Implied[i]);
            }

            var countries = new List<PlaceResult>();
            var regions = new Dictionary<int, (double Score, List<Evidence> Evidence)>();
            var maxCountry = 0f;
            foreach (var i in touched)
            {
                if (taxonomy.Places[i].Kind == PlaceKind.Country)
                {
                    maxCountry = Math.Max(maxCountry, scratch.Direct[i] + scratch.Implied[i]);
                }
            }

            // The best-placed country's score: a country well below it does not file the story under its region.
            var topCountry = maxCountry > 0 ? Score(maxCountry, maxCountry, PlaceScale) : 0;

            foreach (var i in touched)
            {
                var raw = scratch.Direct[i] + scratch.Implied[i];
                if (raw <= 0)
                {
                    continue;
                }

                var place = taxonomy.Places[i];
                var score = Score(raw, place.Kind == PlaceKind.Country ? maxCountry : max, PlaceScale);
                var evidence = Sorted(scratch.Evidence[i]);
                if (place.Kind == PlaceKind.Country)
                {
                    // Implied only (by a theatre, an organisation): reported when it is a real share of the story.
                    if (scratch.Direct[i] > 0 || (score >= ImpliedOnlyMinimum && raw >= maxCountry * 0.2f))
                    {
                        countries.Add(new PlaceResult(place, score, evidence));
                    }

                    if (score >= DerivedRegionCountryMinimum && score >= topCountry * 0.6)
                    {
                        // A country the story is about files it under its M49 sub-region (and intermediate region).
                        for (var r = taxonomy.Parent[i]; r >= 0 && taxonomy.Places[r].Kind is PlaceKind.Subregion or PlaceKind.IntermediateRegion; r = taxonomy.Parent[r])
                        {
                            var derived = Math.Round(score * 0.9, 3);
                            var current = regions.GetValueOrDefault(r);
                            var merged = current.Evidence ?? [];
                            merged.AddRange(evidence.Take(2));
                            regions[r] = (Math.Max(current.Score, derived), merged);
                        }
                    }
                }
                else if (scratch.Direct[i] > 0 || place.Kind is PlaceKind.Theatre or PlaceKind.DisputedTerritory)
                {
                    var current = regions.GetValueOrDefault(i);
                    var merged = current.Evidence ?? [];
                    merged.InsertRange(0, evidence);
                    regions[i] = (Math.Max(current.Score, score), merged);
                }
            }

            var regionResults = regions.Select(r => new PlaceResult(taxonomy.Places[r.Key], r.Value.Score, Sorted(r.Value.Evidence))).ToList();
            return (Ordered(countries), Ordered(regionResults));
        }

        private int Depth(int place)
        {
            var depth = 0;
            for (var p = taxonomy.Parent[place]; p >= 0 && depth < 32; p = taxonomy.Parent[p])
            {
                depth++;
            }

            return depth;
        }

        private List<TopicResult> TopicResults()
        {
            var raw = new Dictionary<int, (float Raw, List<Evidence> Evidence)>();
            var trie = taxonomy.TopicTrie;
            var longest = new Dictionary<int, (int Last, float Weight)>();
            var i = 0;
            while (i < count)
            {
                if (_tokens[i].Id < 0)
                {
                    i++;
                    continue;
                }

                // Each topic takes its longest keyword starting here: "drone attack" is armed conflict and "drone" drones.
                longest.Clear();
                var node = 0;
                var overall = -1;
                for (var j = i; j < count; j++)
                {
                    node = trie.Step(node, _tokens[j].Id);
                    if (node < 0)
                    {
                        break;
                    }

                    if (trie.PayloadsAt(node) is { } payloads)
                    {
                        foreach (var p in payloads)
                        {
                            if (AcceptsAll(p.Pattern, i, j))
                            {
                                longest[p.Topic] = (j, p.Weight);
                                overall = j;
                            }
                        }
                    }
                }

                if (overall < 0)
                {
                    i++;
                    continue;
                }

                foreach (var (topic, (last, weight)) in longest)
                {
                    Credit(raw, topic, weight * _tokens[i].Weight, EvidenceOf(i, last));
                }

                i = overall + 1;
            }

            // Places that say the topic: a disputed territory is a territorial dispute, a sea or strait a maritime story.
            foreach (var hit in _hits)
            {
                foreach (var p in hit.Candidates)
                {
                    var implied = taxonomy.PlaceTopic[p.Place];
                    if (implied >= 0)
                    {
                        Credit(raw, implied, 1f * _tokens[hit.First].Weight, EvidenceOf(hit.First, hit.Last));
                        break;
                    }
                }
            }

            var results = new List<TopicResult>();
            foreach (var (topic, (value, evidence)) in raw)
            {
                if (value >= taxonomy.TopicThreshold)
                {
                    results.Add(new TopicResult(taxonomy.Topics[topic], Math.Round(1 - Math.Exp(-value / TopicScale), 3), Sorted(evidence)));
                }
            }

            results.Sort((a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(a.Topic.Slug, b.Topic.Slug));
            return results;
        }

        private static void Credit(Dictionary<int, (float Raw, List<Evidence> Evidence)> raw, int topic, float weight, Evidence evidence)
        {
            var current = raw.GetValueOrDefault(topic);
            var list = current.Evidence ?? [];
            if (list.Count < MaxEvidence && !Contains(list, evidence))
            {
                list.Add(evidence);
            }

            raw[topic] = (current.Raw + weight, list);
        }

        private bool AcceptsAll(PatternShape pattern, int first, int last)
        {
            for (var k = 0; k <= last - first; k++)
            {
                if (!pattern.Accepts(k, _tokens[first + k], text))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class EntityAccumulator(string key, string name, EntityKind kind, int country)
        {
            public string Key { get; } = key;

            public string Name { get; set; } = name;

            public EntityKind Kind { get; } = kind;

            public int Country { get; } = country;

            public float Raw { get; set; }

            public List<Evidence> Evidence { get; } = [];

            public bool Curated { get; init; }

            public void Add(Evidence evidence, float weight)
            {
                if (!Contains(Evidence, evidence))
                {
                    Raw += weight;
                    if (Evidence.Count < MaxEvidence)
                    {
                        Evidence.Add(evidence);
                    }
                }
            }
        }

        private static EntityAccumulator Entity(Dictionary<string, EntityAccumulator> entities, string key, string name, EntityKind kind, int country, bool curated)
        {
            if (!entities.TryGetValue(key, out var e))
            {
                e = new EntityAccumulator(key, name, kind, country) { Curated = curated };
                entities[key] = e;
            }

            return e;
        }

        private void FindCuratedEntities(Dictionary<string, EntityAccumulator> entities)
        {
            var trie = taxonomy.EntityTrie;
            var i = 0;
            while (i < count)
            {
                if (_tokens[i].Id < 0)
                {
                    i++;
                    continue;
                }

                var node = 0;
                var bestLast = -1;
                var best = -1;
                for (var j = i; j < count; j++)
                {
                    node = trie.Step(node, _tokens[j].Id);
                    if (node < 0)
                    {
                        break;
                    }

                    if (trie.PayloadsAt(node) is { } payloads)
                    {
                        foreach (var p in payloads)
                        {
                            if (AcceptsAll(p.Pattern, i, j))
                            {
                                best = p.Entity;
                                bestLast = j;
                                break;
                            }
                        }
                    }
                }

                if (best < 0)
                {
                    i++;
                    continue;
                }

                var definition = taxonomy.Entities[best];
                Entity(entities, definition.Key, definition.Name, definition.Kind, taxonomy.EntityCountry[best], curated: true)
                    .Add(EvidenceOf(i, bestLast), _tokens[i].Weight);
                i = bestLast + 1;
            }
        }

        /// <summary>Designations such as "H-6K", "Tu-95MS", "DF-26": a known prefix, a hyphen, a number.</summary>
        private void FindEquipment(Dictionary<string, EntityAccumulator> entities)
        {
            for (var i = 0; i + 1 < count; i++)
            {
                var next = _tokens[i + 1];
                if ((next.Shape & TokenShape.Numeric) == 0 || next.Start != _tokens[i].End + 1 || text[_tokens[i].End] != '-')
                {
                    continue;
                }

                var prefix = Surface(i);
                if (!taxonomy.EquipmentPrefixes.TryGetValue(prefix, out var country))
                {
                    continue;
                }

                var digits = 0;
                foreach (var ch in SurfaceSpan(i + 1))
                {
                    digits += char.IsAsciiDigit(ch) ? 1 : 0;
                }

                if (prefix.Length == 1 && digits < 2)
                {
                    continue;
                }

                var evidence = EvidenceOf(i, i + 1);
                if (entities.Values.Any(e => e.Curated && e.Evidence.Exists(x => x.Start <= evidence.Start && x.End >= evidence.End)))
                {
                    continue;
                }

                // "H-6K" is an H-6: credit the curated family when there is one.
                var family = taxonomy.FindEntity("equipment:" + Slug(prefix + "-" + new string([.. SurfaceSpan(i + 1).ToArray().TakeWhile(char.IsAsciiDigit)])));
                if (family is not null)
                {
                    Entity(entities, family.Key, family.Name, EntityKind.Equipment, taxonomy.PlaceIndex(family.CountryKey ?? ""), curated: true).Add(evidence, _tokens[i].Weight);
                }
                else
                {
                    Entity(entities, "equipment:" + Slug(evidence.Text), evidence.Text, EntityKind.Equipment, country, curated: false).Add(evidence, _tokens[i].Weight);
                }

                i++;
            }
        }

        /// <summary>"Defence Minister Nobuo Kishi", "his Vietnamese counterpart Phan Van Giang", "Gen. Charles Brown".</summary>
        private HashSet<int> FindPeople(Dictionary<string, EntityAccumulator> entities)
        {
            var nameTokens = new HashSet<int>();
            for (var i = 0; i < count; i++)
            {
                if (_tokens[i].CaseBlind || !Is(i, WordRole.Title))
                {
                    continue;
                }

                var formal = (_tokens[i].Shape & TokenShape.Capitalised) != 0;
                var t = i + 1;
                // Skip further title words and "of Defence", "for Foreign Affairs": "Minister of State for Foreign Affairs".
                while (t < count && (GluedOrAbbreviation(t - 1, t)) && Is(t, WordRole.Title | WordRole.Office))
                {
                    t++;
                }

                if (t >= count || !GluedOrAbbreviation(t - 1, t))
                {
                    continue;
                }

                var first = t;
                var last = -1;
                while (t < count && t - first < 5 && (t == first || Glued(t - 1, t)))
                {
                    var surface = SurfaceSpan(t);
                    if (IsNameWord(t, surface))
                    {
                        last = t;
                        t++;
                        if ((_tokens[last].Shape & TokenShape.Possessive) != 0)
                        {
                            break;
                        }
                    }
                    else if (t > first && Is(t, WordRole.Particle) && (_tokens[t].Shape & TokenShape.Capitalised) == 0 && t + 1 < count && IsNameWord(t + 1, SurfaceSpan(t + 1)))
                    {
                        t++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (last < 0 || (!formal && last == first))
                {
                    continue;
                }

                var evidence = EvidenceOf(first, last);
                var name = string.Join(' ', evidence.Text.Split((char[])[' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
                var key = "person:" + Slug(name);
                var curated = taxonomy.FindEntity(key);
                Entity(entities, curated?.Key ?? key, curated?.Name ?? name, EntityKind.Person, curated?.CountryKey is { } ck ? taxonomy.PlaceIndex(ck) : -1, curated is not null)
                    .Add(evidence, _tokens[first].Weight);
                for (var k = first; k <= last; k++)
                {
                    nameTokens.Add(k);
                }

                i = last;
            }

            return nameTokens;
        }

        private bool GluedOrAbbreviation(int left, int right)
        {
            if (Glued(left, right))
            {
                return true;
            }

            // "Gen. Charles Brown", "Lt. Col. Smith"
            var gap = text.AsSpan(_tokens[left].End, _tokens[right].Start - _tokens[left].End);
            return gap is ". " && _tokens[left].End - _tokens[left].Start <= 4 && (_tokens[left].Shape & TokenShape.Capitalised) != 0;
        }

        private bool IsNameWord(int t, ReadOnlySpan<char> surface) =>
            (_tokens[t].Shape & TokenShape.Capitalised) != 0 && (_tokens[t].Shape & (TokenShape.Caseless | TokenShape.Numeric)) == 0
            && ((_tokens[t].Shape & TokenShape.AllCaps) == 0 || surface.Length == 1)
            && !Is(t, WordRole.NotName | WordRole.OrganisationHead | WordRole.Title)
            && (_placeAt[t] < 0 || _hits[_placeAt[t]].Candidates.TrueForAll(c => (c.Flags & (PlaceFlags.Minor | PlaceFlags.NameLike)) != 0));

        /// <summary>Capitalised phrases ending in an organisation word: "Japan Coast Guard", "Ministry of Foreign Affairs".</summary>
        private void FindOrganisations(Dictionary<string, EntityAccumulator> entities)
        {
            var i = 0;
            while (i < count)
            {
                if (_tokens[i].CaseBlind || (_tokens[i].Shape & TokenShape.Capitalised) == 0)
                {
                    i++;
                    continue;
                }

                var first = i;
                var last = i;
                var t = i + 1;
                while (t < count && (Glued(t - 1, t) || text[_tokens[t - 1].End] == '-'))
                {
                    if ((_tokens[t].Shape & TokenShape.Capitalised) != 0 && !_tokens[t].CaseBlind)
                    {
                        last = t;
                        t++;
                    }
                    else if (SurfaceSpan(t) is "of" or "for" or "and" or "the" && t + 1 < count && (_tokens[t + 1].Shape & TokenShape.Capitalised) != 0 && Glued(t, t + 1))
                    {
                        t++;
                    }
                    else
                    {
                        break;
                    }
                }

                while (first < last && Is(first, WordRole.NotName) && !Is(first, WordRole.OrganisationHead))
                {
                    first++;
                }

                var endsWithHead = Is(last, WordRole.OrganisationHead) && (_tokens[last].Shape & TokenShape.Capitalised) != 0;
                var startsWithHead = SurfaceSpan(first) is "Ministry" or "Department" or "Office" or "Council" or "Committee" or "Commission" or "Bureau" or "Agency" or "Directorate";
                if (last > first && (endsWithHead || (startsWithHead && last - first >= 2)) && HasDistinctiveWord(first, last))
                {
                    var evidence = EvidenceOf(first, last);
                    if (!entities.Values.Any(e => e.Evidence.Exists(x => x.Start < evidence.End && x.End > evidence.Start)))
                    {
                        var name = string.Join(' ', evidence.Text.Split((char[])[' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
                        Entity(entities, "org:" + Slug(name), name, EntityKind.Organisation, -1, curated: false).Add(evidence, _tokens[first].Weight);
                    }
                }

                i = Math.Max(t, i + 1);
            }
        }

        /// <summary>"Defense Ministry" alone names no one organisation; "Japan Coast Guard", "Lockheed Martin Corp" do.</summary>
        private bool HasDistinctiveWord(int first, int last)
        {
            for (var k = first; k <= last; k++)
            {
                if (!Is(k, WordRole.Office | WordRole.OrganisationHead | WordRole.Title | WordRole.NotName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Later mentions by surname ("Kishi stressed") are evidence for the person first named in full.</summary>
        private void AddSurnameEvidence(Dictionary<string, EntityAccumulator> entities)
        {
            var bySurname = new Dictionary<string, EntityAccumulator>(StringComparer.Ordinal);
            var lookup = bySurname.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var e in entities.Values)
            {
                if (e.Kind == EntityKind.Person && e.Name.Contains(' ', StringComparison.Ordinal))
                {
                    var surname = e.Name[(e.Name.LastIndexOf(' ') + 1)..];
                    if (!bySurname.TryAdd(surname, e))
                    {
                        bySurname[surname] = null!; // two people share it: ambiguous, credit neither
                    }
                }
            }

            // A single-word person ("President Kishida") is the full-named one with that surname.
            foreach (var e in entities.Values.Where(e => e.Kind == EntityKind.Person && !e.Curated && !e.Name.Contains(' ', StringComparison.Ordinal)).ToList())
            {
                if (bySurname.TryGetValue(e.Name, out var full) && full is not null)
                {
                    foreach (var evidence in e.Evidence)
                    {
                        full.Add(evidence, 1f);
                    }

                    entities.Remove(e.Key);
                }
            }

            if (bySurname.Count == 0)
            {
                return;
            }

            for (var t = 0; t < count; t++)
            {
                if (CapitalisedOrStart(t) && lookup.TryGetValue(SurfaceSpan(t), out var person) && person is not null)
                {
                    person.Add(EvidenceOf(t, t), _tokens[t].Weight);
                }
            }
        }

        private bool CapitalisedOrStart(int t) => (_tokens[t].Shape & TokenShape.Capitalised) != 0 && !_tokens[t].CaseBlind;

        private static List<EntityResult> EntityResults(Dictionary<string, EntityAccumulator> entities)
        {
            var results = entities.Values
                .Where(e => e.Raw > 0)
                .Select(e => new EntityResult(e.Key, e.Name, e.Kind, Math.Round(1 - Math.Exp(-e.Raw / EntityScale), 3), Sorted(e.Evidence)))
                .ToList();
            results.Sort((a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(a.Name, b.Name));
            return results;
        }

        private static double Score(float raw, float max, float scale)
        {
            // Absolute evidence saturates; the share of the strongest place separates "about" from "mentions".
            var absolute = 1 - Math.Exp(-raw / scale);
            var relative = max > 0 ? Math.Sqrt(Math.Min(1, raw / max)) : 0;
            return Math.Round(absolute * (0.5 + (0.5 * relative)), 3);
        }

        private static List<Evidence> Sorted(List<Evidence>? evidence)
        {
            if (evidence is null)
            {
                return [];
            }

            var list = new List<Evidence>(evidence.Count);
            foreach (var e in evidence)
            {
                if (!Contains(list, e))
                {
                    list.Add(e);
                }
            }

            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            return list;
        }

        private static bool Contains(List<Evidence> list, Evidence evidence)
        {
            foreach (var e in list)
            {
                if (e.Start == evidence.Start && e.End == evidence.End)
                {
                    return true;
                }
            }

            return false;
        }

        private static List<PlaceResult> Ordered(List<PlaceResult> results)
        {
            results.Sort((a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(a.Place.Name, b.Place.Name));
            return results;
        }
    }

    /// <summary>ASCII kebab case for keys of entities found by pattern: "Phan Văn Giang" → "phan-van-giang".</summary>
    internal static string Slug(string name)
    {
        Span<char> buffer = stackalloc char[8];
        var builder = new System.Text.StringBuilder(name.Length);
        var dash = false;
        foreach (var c in name)
        {
            var length = 0;
            if (Folding.Append(c, buffer, ref length) && length > 0)
            {
                foreach (var f in buffer[..Math.Min(length, buffer.Length)])
                {
                    if (char.IsAsciiLetterOrDigit(f))
                    {
                        if (dash && builder.Length > 0)
                        {
                            builder.Append('-');
                        }

                        dash = false;
                        builder.Append(f);
                    }
                }
            }
            else if (c is not '\'' and not '\u2019')
            {
                dash = true;
            }
        }

        return builder.ToString();
    }
}
