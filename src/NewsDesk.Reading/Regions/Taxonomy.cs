using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Reading.Regions;

public sealed record RegionNode(int Id, string Slug, string Name, RegionKind Kind, int? ParentId, string Path, string? IsoCode, string? NumericCode, string? Description)
{
    public bool IsPlace => Kind is RegionKind.Country or RegionKind.Subdivision or RegionKind.Theatre or RegionKind.DisputedTerritory;

    public string Url => "/regions/" + Slug;
}

public sealed record TopicNode(int Id, string Slug, string Name, string? Description)
{
    public string Url => "/topics/" + Slug;
}

/// <summary>
/// The live regions and topics (not retired, not merged away) as one immutable snapshot, rebuilt when the content
/// version changes. Region pages, breadcrumbs, the tree and the map read it without touching the store.
/// </summary>
public sealed class Taxonomy
{
    private readonly Dictionary<int, RegionNode> _regions;
    private readonly Dictionary<string, RegionNode> _regionsBySlug;
    private readonly ILookup<int?, RegionNode> _children;
    private readonly ILookup<int, int> _involvedCountries;
    private readonly ILookup<int, int> _involvingRegions;
    private readonly Dictionary<string, TopicNode> _topicsBySlug;
    private readonly Dictionary<string, RegionNode> _countriesByNumericCode;

    public Taxonomy(IEnumerable<RegionNode> regions, IEnumerable<(int RegionId, int CountryId)> involvements, IEnumerable<TopicNode> topics)
    {
        _regions = regions.ToDictionary(r => r.Id);
        _regionsBySlug = _regions.Values.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        _children = _regions.Values.OrderBy(r => r.Name, StringComparer.CurrentCulture).ToLookup(r => r.ParentId is { } p && _regions.ContainsKey(p) ? p : (int?)null);
        var links = involvements.Where(i => _regions.ContainsKey(i.RegionId) && _regions.ContainsKey(i.CountryId)).ToList();
        _involvedCountries = links.ToLookup(i => i.RegionId, i => i.CountryId);
        _involvingRegions = links.ToLookup(i => i.CountryId, i => i.RegionId);
        Topics = [.. topics.OrderBy(t => t.Name, StringComparer.CurrentCulture)];
        _topicsBySlug = Topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        // The map looks up each of its ~250 shapes; a scan of thousands of regions per shape showed in its render time.
        _countriesByNumericCode = _regions.Values.Where(r => r.Kind == RegionKind.Country && r.NumericCode is not null)
            .GroupBy(r => r.NumericCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).First(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<RegionNode> Regions => _regions.Values;

    public IReadOnlyList<TopicNode> Topics { get; }

    public IEnumerable<RegionNode> Roots => _children[null];

    public RegionNode? Region(int id) => _regions.GetValueOrDefault(id);

    public RegionNode? Region(string slug) => _regionsBySlug.GetValueOrDefault(slug);

    public TopicNode? Topic(string slug) => _topicsBySlug.GetValueOrDefault(slug);

    public IEnumerable<RegionNode> Children(RegionNode region) => _children[region.Id];

    /// <summary>From the top of the hierarchy down to the region's parent.</summary>
    public IReadOnlyList<RegionNode> Ancestors(RegionNode region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return [.. region.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => _regions.GetValueOrDefault(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)))
            .OfType<RegionNode>()
            .Where(r => r.Id != region.Id)];
    }

    /// <summary>For a theatre or disputed territory: the countries it involves.</summary>
    public IEnumerable<RegionNode> InvolvedCountries(RegionNode region) =>
        _involvedCountries[region.Id].Select(id => _regions[id]).OrderBy(r => r.Name, StringComparer.CurrentCulture);

    /// <summary>For a country: the theatres and disputed territories that involve it.</summary>
    public IEnumerable<RegionNode> InvolvingRegions(RegionNode country) =>
        _involvingRegions[country.Id].Select(id => _regions[id]).OrderBy(r => r.Name, StringComparer.CurrentCulture);

    public IEnumerable<RegionNode> Theatres =>
        _regions.Values.Where(r => r.Kind is RegionKind.Theatre or RegionKind.DisputedTerritory).OrderBy(r => r.Name, StringComparer.CurrentCulture);

    public RegionNode? CountryByNumericCode(string numericCode) => _countriesByNumericCode.GetValueOrDefault(numericCode);
}
