using System.Globalization;
using NewsDesk.Tagging.Matching;
using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Tagging.Taxonomy;

/// <summary>
/// An immutable, compiled taxonomy: the built-in gazetteer, the curated security layer and the topics, plus what
/// the store adds (<see cref="TaxonomyOverlay"/>). Build one per taxonomy version and share it between threads.
/// </summary>
public sealed class TaxonomySnapshot
{
    private const float DemonymWeight = 0.55f;
    private const float MetonymWeight = 0.8f;
    private const float CityWeight = 0.5f;

    private readonly Dictionary<string, int> _placeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _topicIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _entityIndex = new(StringComparer.Ordinal);
    private readonly List<PlaceDefinition> _places = [];
    private readonly List<TopicDefinition> _topics = [];
    private readonly List<EntityDefinition> _entities = [];
    private readonly Dictionary<string, string> _merges;
    private readonly HashSet<string> _retired;
    private int _patternCount;

    private TaxonomySnapshot(BuiltInData data, TaxonomyOverlay overlay)
    {
        Version = data.Version;
        _merges = overlay.Merges;
        _retired = overlay.Retired;
        TopicThreshold = (float)data.Topics.Threshold;
        AddDefinitions(data, overlay);
        Countries = [.. _places.Select(p => p.Kind == PlaceKind.Country)];
        Parent = [.. _places.Select(p => p.ParentKey is { } k && _placeIndex.TryGetValue(k, out var i) ? i : -1)];
        CountryOf = [.. _places.Select((p, i) => p.Kind == PlaceKind.Country ? i : p.Kind == PlaceKind.Subdivision ? Parent[i] : -1)];
        Involved = [.. _places.Select(p => p.InvolvedCountryKeys.Select(k => _placeIndex.GetValueOrDefault(k, -1)).Where(i => i >= 0).ToArray())];
        EntityCountry = [.. _entities.Select(e => e.CountryKey is { } k && _placeIndex.TryGetValue(k, out var i) ? i : -1)];
        AddPatterns(data, overlay);
        PlaceTopic = [.. _places.Select(ImpliedTopic)];
        WordRoles = BuildWordRoles(data);
        EquipmentPrefixes = data.Security.EquipmentPrefixes.ToDictionary(
            p => p.Key, p => p.Value is { } c && _placeIndex.TryGetValue("country:" + c, out var i) ? i : -1, StringComparer.Ordinal);
    }

    /// <summary>Identifies the built-in data without compiling it (a hash of the data files).</summary>
    public static string BuiltInVersion => LazyVersion.Value;

    /// <summary>The built-in taxonomy alone, loaded once per process.</summary>
    public static TaxonomySnapshot BuiltIn => LazyBuiltIn.Value;

    /// <summary>Identifies the built-in data (a hash of the data files): the store re-syncs when it changes.</summary>
    public string Version { get; }

    public IReadOnlyList<PlaceDefinition> Places => _places;

    public IReadOnlyList<TopicDefinition> Topics => _topics;

    public IReadOnlyList<EntityDefinition> Entities => _entities;

    /// <summary>How many names, keywords and aliases the matcher knows.</summary>
    public int PatternCount => _patternCount;

    internal Vocabulary Vocabulary { get; } = new();

    internal PhraseTrie<PlacePayload> PlaceTrie { get; } = new();

    internal PhraseTrie<EntityPayload> EntityTrie { get; } = new();

    internal PhraseTrie<TopicPayload> TopicTrie { get; } = new();

    internal float TopicThreshold { get; }

    internal bool[] Countries { get; }

    internal int[] Parent { get; }

    /// <summary>The country a place is in (itself for a country, the parent for a subdivision), or -1.</summary>
    internal int[] CountryOf { get; }

    internal int[][] Involved { get; }

    internal int[] EntityCountry { get; }

    /// <summary>The topic a place's mention says by itself (a disputed territory: territorial disputes; a sea or strait: maritime security), or -1.</summary>
    internal int[] PlaceTopic { get; }

    /// <summary>The grammar roles of each vocabulary word (title, organisation head, …), by word id.</summary>
    internal WordRole[] WordRoles { get; }

    internal Dictionary<string, int> EquipmentPrefixes { get; }

    private static readonly Lazy<string> LazyVersion = new(BuiltInData.HashFiles);

    private static readonly Lazy<TaxonomySnapshot> LazyBuiltIn = new(() => Build(BuiltInData.Load(), null));

    /// <summary>Compiles the built-in data with the store's <paramref name="overlay"/> (null: built-in only).</summary>
    public static TaxonomySnapshot Build(TaxonomyOverlay? overlay) => Build(BuiltInData.Load(), overlay);

    internal static TaxonomySnapshot Build(BuiltInData data, TaxonomyOverlay? overlay) => new(data, overlay ?? new TaxonomyOverlay());

    public PlaceDefinition? FindPlace(string key) => _placeIndex.TryGetValue(key, out var i) ? _places[i] : null;

    public TopicDefinition? FindTopic(string key) => _topicIndex.TryGetValue(key, out var i) ? _topics[i] : null;

    public EntityDefinition? FindEntity(string key) => _entityIndex.TryGetValue(key, out var i) ? _entities[i] : null;

    internal int PlaceIndex(string key) => _placeIndex.GetValueOrDefault(key, -1);

    private void AddDefinitions(BuiltInData data, TaxonomyOverlay overlay)
    {
        var g = data.Gazetteer;
        var extras = data.Security.Countries.ToDictionary(c => c.Iso2, StringComparer.Ordinal);
        foreach (var r in g.Regions)
        {
            var kind = r.Kind switch
            {
                "world" => PlaceKind.World,
                "continent" => PlaceKind.Continent,
                "subregion" => PlaceKind.Subregion,
                _ => PlaceKind.IntermediateRegion,
            };
            AddPlace(new PlaceDefinition("m49:" + r.Code, r.Slug, r.Name, kind, r.Parent is null ? null : "m49:" + r.Parent, null, r.Code, [], []), overlay);
        }

        foreach (var c in g.Countries)
        {
            extras.TryGetValue(c.Iso2, out var extra);
            var name = extra?.Name ?? c.Name;
            var others = new List<string>(c.Names);
            if (name != c.Name)
            {
                others.Insert(0, c.Name);
            }

            others.AddRange(extra?.Aliases ?? []);

            AddPlace(new PlaceDefinition("country:" + c.Iso2, extra?.Slug ?? c.Slug, name, PlaceKind.Country, "m49:" + c.Parent, c.Iso2, c.Numeric, [], others), overlay);
        }

        foreach (var s in g.Subdivisions)
        {
            AddPlace(new PlaceDefinition("subdivision:" + s.Code, s.Slug, s.Name, PlaceKind.Subdivision, "country:" + s.Code[..2], s.Code, null, [], []), overlay);
        }

        foreach (var (area, kind) in data.Security.Theatres.Select(t => (t, PlaceKind.Theatre)).Concat(data.Security.Disputed.Select(d => (d, PlaceKind.DisputedTerritory))))
        {
            AddPlace(new PlaceDefinition(area.Key, area.Key[(area.Key.IndexOf(':', StringComparison.Ordinal) + 1)..], area.Name, kind, area.Parent, null, null,
                [.. area.Countries.Select(c => "country:" + c)], area.Names), overlay);
        }

        foreach (var p in overlay.Places)
        {
            AddPlace(p, overlay);
        }

        foreach (var t in data.Topics.Topics)
        {
            var label = t.Iptc is { } code ? data.IptcLabels.GetValueOrDefault(code) : null;
            AddTopic(new TopicDefinition("topic:" + t.Slug, t.Slug, t.Name, t.Iptc, label), overlay);
        }

        foreach (var t in overlay.Topics)
        {
            AddTopic(t, overlay);
        }

        foreach (var (rows, kind) in new[] { (data.Security.Organisations, EntityKind.Organisation), (data.Security.People, EntityKind.Person), (data.Security.Equipment, EntityKind.Equipment) })
        {
            foreach (var e in rows)
            {
                AddEntity(new EntityDefinition(e.Key, e.Name, kind, e.Country is null ? null : "country:" + e.Country, e.Names), overlay);
            }
        }

        foreach (var e in overlay.Entities)
        {
            // Equipment and other things an admin tags are usually common nouns ("hypersonic glide vehicle"): also
            // matched in lower case. People and organisations are names and keep their capitals.
            AddEntity(e.Kind is EntityKind.Equipment or EntityKind.Other ? e with { OtherNames = [.. e.OtherNames, CommonNoun(e.Name)] } : e, overlay);
        }
    }

    private void AddPlace(PlaceDefinition place, TaxonomyOverlay overlay)
    {
        if (overlay.Renames.TryGetValue(place.Key, out var renamed))
        {
            place = place with { Name = renamed, OtherNames = [place.Name, .. place.OtherNames] };
        }

        _placeIndex[place.Key] = _places.Count;
        _places.Add(place);
    }

    private void AddTopic(TopicDefinition topic, TaxonomyOverlay overlay)
    {
        if (overlay.Renames.TryGetValue(topic.Key, out var renamed))
        {
            topic = topic with { Name = renamed };
        }

        _topicIndex[topic.Key] = _topics.Count;
        _topics.Add(topic);
    }

    private void AddEntity(EntityDefinition entity, TaxonomyOverlay overlay)
    {
        if (overlay.Renames.TryGetValue(entity.Key, out var renamed))
        {
            entity = entity with { Name = renamed, OtherNames = [entity.Name, .. entity.OtherNames] };
        }

        _entityIndex[entity.Key] = _entities.Count;
        _entities.Add(entity);
    }

    private void AddPatterns(BuiltInData data, TaxonomyOverlay overlay)
    {
        var s = data.Security;
        var dropped = new HashSet<(string, string)>(s.Drop.Select(d => (d.Key, d.Name)));
        var nameLike = new HashSet<string>(s.NameLikeCountries.Select(c => "country:" + c), StringComparer.Ordinal);

        // Ambiguous names first: their candidates and priors win over the same name added later for one candidate.
        foreach (var a in s.Ambiguous)
        {
            foreach (var (key, prior) in a.Candidates)
            {
                var flags = (nameLike.Contains(key) ? PlaceFlags.NameLike : PlaceFlags.None) | (key.StartsWith("subdivision:", StringComparison.Ordinal) ? PlaceFlags.Minor : PlaceFlags.None);
                Place(a.Name, key, a.Demonym ? Mention.Demonym : Mention.Name, a.Demonym ? DemonymWeight : 1f, (float)prior, flags);
            }
        }

        var extras = s.Countries.ToDictionary(c => c.Iso2, StringComparer.Ordinal);
        foreach (var c in data.Gazetteer.Countries)
        {
            var key = "country:" + c.Iso2;
            var flags = nameLike.Contains(key) ? PlaceFlags.NameLike : PlaceFlags.None;
            extras.TryGetValue(c.Iso2, out var extra);
            var place = _places[_placeIndex[key]];
            foreach (var name in new[] { place.Name }.Concat(place.OtherNames).Concat(c.Native))
            {
                if (!dropped.Contains((key, name)))
                {
                    Place(name, key, Mention.Name, 1f, 1f, flags);
                }
            }

            foreach (var demonym in c.Demonyms.Concat(extra?.Demonyms ?? []))
            {
                Place(demonym, key, Mention.Demonym, DemonymWeight, 1f, PlaceFlags.None);
                if (demonym.EndsWith('n') || demonym.EndsWith('i'))
                {
                    Place(demonym + "s", key, Mention.Demonym, DemonymWeight, 1f, PlaceFlags.None);
                }
            }

            foreach (var capital in c.Capitals)
            {
                Place(capital, key, Mention.Metonym, MetonymWeight, 1f, PlaceFlags.Minor);
            }

            foreach (var metonym in extra?.Metonyms ?? [])
            {
                Place(metonym, key, Mention.Metonym, MetonymWeight, 1f, PlaceFlags.None);
            }
        }

        foreach (var alias in s.Aliases)
        {
            foreach (var name in alias.Names)
            {
                Place(name, alias.Key, Mention.Name, 1f, 1f, PlaceFlags.None);
            }
        }

        foreach (var place in _places.Where(p => p.Kind is PlaceKind.Theatre or PlaceKind.DisputedTerritory))
        {
            foreach (var name in new[] { place.Name }.Concat(place.OtherNames))
            {
                Place(name, place.Key, Mention.Name, 1f, 1f, PlaceFlags.None);
            }
        }

        foreach (var r in data.Gazetteer.Regions.Where(r => r.Kind != "world" && !dropped.Contains(("m49:" + r.Code, r.Name))))
        {
            Place(r.Name, "m49:" + r.Code, Mention.Name, 1f, 1f, PlaceFlags.None);
        }

        foreach (var sd in data.Gazetteer.Subdivisions.Where(sd => sd.Match))
        {
            var key = "subdivision:" + sd.Code;
            if (!dropped.Contains((key, sd.Name)))
            {
                Place(sd.Name, key, Mention.Name, 1f, 1f, PlaceFlags.Minor | (sd.Common ? PlaceFlags.NeedsContext : PlaceFlags.None));
            }
        }

        foreach (var city in data.Gazetteer.Cities)
        {
            // The prior of a city name shared by several countries is its population: Tripoli is Libya's unless Lebanon is in the story.
            Place(city.Name, "country:" + city.Country, city.IsCapital ? Mention.Metonym : Mention.City, city.IsCapital ? MetonymWeight : CityWeight,
                MathF.Log10(Math.Max(city.Population, 10)), PlaceFlags.Minor | (city.IsCommonWord ? PlaceFlags.NeedsContext : PlaceFlags.None));
        }

        foreach (var p in overlay.Places)
        {
            foreach (var name in new[] { p.Name }.Concat(p.OtherNames))
            {
                Place(name, p.Key, Mention.Name, 1f, 1f, PlaceFlags.None);
            }
        }

        foreach (var e in _entities)
        {
            foreach (var name in new[] { e.Name }.Concat(e.OtherNames))
            {
                Entity(name, e.Key);
            }
        }

        foreach (var t in data.Topics.Topics)
        {
            foreach (var (keyword, weight) in t.Keywords)
            {
                foreach (var form in Inflections(keyword))
                {
                    Topic(form, "topic:" + t.Slug, (float)weight);
                }
            }
        }

        foreach (var t in overlay.Topics)
        {
            Topic(CommonNoun(t.Name), t.Key, 2f);
        }

        foreach (var (key, name) in overlay.Aliases)
        {
            if (_placeIndex.ContainsKey(key))
            {
                Place(name, key, Mention.Name, 1f, 1f, PlaceFlags.None);
            }
            else if (_topicIndex.ContainsKey(key))
            {
                Topic(CommonNoun(name), key, 2f);
            }
            else if (_entityIndex.ContainsKey(key))
            {
                Entity(name, key);
            }
        }

        foreach (var (key, name) in overlay.Renames)
        {
            if (_topicIndex.ContainsKey(key))
            {
                Topic(name, key, 2f);
            }
        }
    }

    private int ImpliedTopic(PlaceDefinition place)
    {
        var key = place.Kind switch
        {
            PlaceKind.DisputedTerritory => "topic:territorial-disputes",
            PlaceKind.Theatre when MaritimeWords.Any(w => place.Name.Contains(w, StringComparison.Ordinal)) => "topic:maritime-security",
            _ => null,
        };
        return key is not null && _topicIndex.TryGetValue(key, out var index) ? index : -1;
    }

    private static readonly string[] MaritimeWords = ["Sea", "Strait", "Gulf", "Ocean", "Bay", "Channel", "Shoal", "Bab el-Mandeb"];

    private WordRole[] BuildWordRoles(BuiltInData data)
    {
        var roles = new List<(int Id, WordRole Role)>();
        void Add(IEnumerable<string> words, WordRole role)
        {
            foreach (var word in words)
            {
                var folded = Tokenizer.Words(word);
                if (folded.Count == 1)
                {
                    roles.Add((Vocabulary.Add(folded[0].Word), role));
                }
            }
        }

        Add(data.Security.Titles, WordRole.Title);
        Add(data.Security.OrganisationHeads, WordRole.OrganisationHead);
        Add(WordLists.NotNames, WordRole.NotName);
        Add(WordLists.Office, WordRole.Office);
        Add(WordLists.Particles, WordRole.Particle);
        Add(WordLists.PronounGovernors, WordRole.PronounGovernor);
        Add(WordLists.Features, WordRole.Feature);
        var array = new WordRole[Vocabulary.Count];
        foreach (var (id, role) in roles)
        {
            array[id] |= role;
        }

        return array;
    }

    /// <summary>Resolves merges (a chain of them, too) and drops retired terms: -1 when the term is gone.</summary>
    private string? Resolve(string key)
    {
        for (var hops = 0; hops < 16 && _merges.TryGetValue(key, out var into); hops++)
        {
            key = into;
        }

        return _retired.Contains(key) ? null : key;
    }

    private void Place(string name, string key, Mention mention, float weight, float prior, PlaceFlags flags)
    {
        if (Resolve(key) is not { } resolved || !_placeIndex.TryGetValue(resolved, out var index) || Compile(name) is not { } compiled)
        {
            return;
        }

        var node = Node(PlaceTrie, compiled.Ids);
        var existing = PlaceTrie.PayloadsAt(node);
        if (existing is not null && existing.Any(p => p.Place == index && p.Pattern.Surfaces.SequenceEqual(compiled.Shape.Surfaces, StringComparer.Ordinal)))
        {
            return; // the first entry for a name wins: ambiguity priors and curated names come first
        }

        // "Gaza" is the Gaza Strip before it is the city in it, "Abkhazia" the disputed territory before the province:
        // a city or subdivision never shadows a curated place of its name.
        if ((flags & PlaceFlags.Minor) != 0 && existing is not null && existing.Any(p => _places[p.Place].Kind is PlaceKind.Theatre or PlaceKind.DisputedTerritory))
        {
            return;
        }

        if (mention == Mention.City && existing is not null && existing.Any(p => _places[p.Place].Kind is not (PlaceKind.Country or PlaceKind.Subdivision)))
        {
            return;
        }

        PlaceTrie.Add(compiled.Ids, new PlacePayload(compiled.Shape, index, mention, weight, prior, flags));
        _patternCount++;
    }

    private void Entity(string name, string key)
    {
        if (Resolve(key) is not { } resolved || !_entityIndex.TryGetValue(resolved, out var index) || Compile(name) is not { } compiled)
        {
            return;
        }

        EntityTrie.Add(compiled.Ids, new EntityPayload(compiled.Shape, index));
        _patternCount++;
    }

    /// <summary>
    /// Topic names are common nouns written in title or sentence case ("Grey-zone tactics"): matched in any case, except
    /// words that are all capitals or mixed case (acronyms such as "ICBM", "BrahMos"), which keep theirs.
    /// </summary>
    private static string CommonNoun(string name) =>
        string.Join(' ', name.Split(' ').Select(word =>
            word.Length > 1 && char.IsUpper(word[0]) && !word.Skip(1).Any(char.IsUpper) ? char.ToLowerInvariant(word[0]) + word[1..] : word));

    private void Topic(string name, string key, float weight)
    {
        if (Resolve(key) is not { } resolved || !_topicIndex.TryGetValue(resolved, out var index) || Compile(name) is not { } compiled)
        {
            return;
        }

        TopicTrie.Add(compiled.Ids, new TopicPayload(compiled.Shape, index, weight));
        _patternCount++;
    }

    private static int Node<T>(PhraseTrie<T> trie, int[] ids)
    {
        var node = 0;
        foreach (var id in ids)
        {
            node = trie.Step(node, id);
            if (node < 0)
            {
                return 0;
            }
        }

        return node;
    }

    private (int[] Ids, PatternShape Shape)? Compile(string name)
    {
        var words = Tokenizer.Words(name);
        if (words.Count == 0)
        {
            return null;
        }

        var ids = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            ids[i] = Vocabulary.Add(words[i].Word);
        }

        return (ids, new PatternShape([.. words.Select(w => w.Shape)], [.. words.Select(w => w.Surface)]));
    }

    /// <summary>"sanction" → sanction, sanctions, sanctioned, sanctioning; upper-case keywords and those ending in '=' stay as written.</summary>
    internal static IEnumerable<string> Inflections(string keyword)
    {
        if (keyword.EndsWith('='))
        {
            yield return keyword[..^1];
            yield break;
        }

        yield return keyword;
        var lastSpace = keyword.LastIndexOf(' ');
        var stem = keyword[..(lastSpace + 1)];
        var last = keyword[(lastSpace + 1)..];
        if (last.Length < 3 || !last.All(c => char.IsLower(c) || c == '-'))
        {
            yield break;
        }

        var forms = new HashSet<string>(StringComparer.Ordinal) { last + "s", last + "es", last + "ed", last + "ing", last + "d" };
        if (last.EndsWith('e'))
        {
            forms.Add(last[..^1] + "ing");
            forms.Add(last[..^1] + "ion");
        }

        if (last.EndsWith('y') && last.Length > 3)
        {
            forms.Add(last[..^1] + "ies");
            forms.Add(last[..^1] + "ied");
        }

        var final = last[^1];
        if ("bdgmnprt".Contains(final, StringComparison.Ordinal) && "aeiou".Contains(last[^2], StringComparison.Ordinal))
        {
            forms.Add(last + final + "ed");
            forms.Add(last + final + "ing");
        }

        forms.Remove(last);
        foreach (var form in forms.Order(StringComparer.Ordinal))
        {
            yield return stem + form;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_places.Count} places, {_topics.Count} topics, {_entities.Count} entities, {_patternCount} patterns");
}
